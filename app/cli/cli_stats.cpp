// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_case_filter.h"
#include "cli_commands.h"
#include "cli_output.h"

#include "analysis/traffic_stats.h"
#include "format/record_parser.h"
#include "query/filter_error.h"
#include "selection/case_filter.h"
#include "store/case_db.h"

#include <iostream>
#include <optional>
#include <utility>

namespace flowscope::cli {

namespace {

std::string optionalNumber(const std::optional<std::int64_t> &value)
{
    return value ? std::to_string(*value) : std::string();
}

// One output row: the key cells, then the totals.
struct StatsRow {
    std::vector<std::string> keys;
    TrafficTotals totals;
};

void printRows(const std::vector<std::string> &keyNames, const std::vector<StatsRow> &rows, const std::string &format)
{
    const std::vector<std::string> totalNames{"flows", "packets", "bytes", "accepts", "rejects", "first_seen", "last_seen"};
    auto totalCells = [](const TrafficTotals &t) {
        return std::vector<std::string>{std::to_string(t.flows),   std::to_string(t.packets),
                                        std::to_string(t.bytes),   std::to_string(t.accepts),
                                        std::to_string(t.rejects), optionalNumber(t.firstSeen),
                                        optionalNumber(t.lastSeen)};
    };
    std::vector<std::string> header = keyNames;
    header.insert(header.end(), totalNames.begin(), totalNames.end());
    if (format == "json") {
        std::cout << '[';
        for (std::size_t r = 0; r < rows.size(); ++r) {
            std::cout << (r ? ",\n" : "\n") << '{';
            for (std::size_t k = 0; k < keyNames.size(); ++k)
                std::cout << (k ? "," : "") << jsonString(keyNames[k]) << ':'
                          << (rows[r].keys[k].empty() ? std::string("null") : jsonString(rows[r].keys[k]));
            const auto cells = totalCells(rows[r].totals);
            for (std::size_t t = 0; t < cells.size(); ++t)
                std::cout << ',' << jsonString(totalNames[t]) << ':' << (cells[t].empty() ? std::string("null") : cells[t]);
            std::cout << '}';
        }
        std::cout << "\n]\n";
        return;
    }
    std::vector<std::vector<std::string>> table;
    for (const auto &row : rows) {
        std::vector<std::string> cells = row.keys;
        const auto totals = totalCells(row.totals);
        cells.insert(cells.end(), totals.begin(), totals.end());
        table.push_back(std::move(cells));
    }
    if (format == "csv") {
        for (std::size_t i = 0; i < header.size(); ++i)
            std::cout << (i ? "," : "") << csvField(header[i]);
        std::cout << "\r\n";
        for (const auto &cells : table) {
            for (std::size_t i = 0; i < cells.size(); ++i)
                std::cout << (i ? "," : "") << csvField(cells[i]);
            std::cout << "\r\n";
        }
        return;
    }
    writeTable(std::cout, header, table);
}

// "--order COLUMN[:asc|:desc]"; nothing when the text is not one.
std::optional<std::pair<StatsOrder, SortDirection>> parseOrder(const std::string &text)
{
    const std::size_t colon = text.find(':');
    const std::optional<StatsOrder> order = parseStatsOrder(text.substr(0, colon));
    if (!order)
        return std::nullopt;
    if (colon == std::string::npos)
        return std::pair(*order, defaultDirection(*order));
    const std::string direction = text.substr(colon + 1);
    if (direction == "asc")
        return std::pair(*order, SortDirection::Ascending);
    if (direction == "desc")
        return std::pair(*order, SortDirection::Descending);
    return std::nullopt;
}

} // namespace

int runStats(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {"top", "format", "by", "order"}, {});
    const auto usage = "\nUsage: flowscope-cli stats CASE conversations|endpoints [FILTER] [--top N]"
                       " [--order flows|packets|bytes|accepts|rejects|first-seen|last-seen[:asc|:desc]]"
                       " [--by addresses|service (conversations) | address|eni (endpoints)] [--format json|csv|table]\n";
    if (!arguments.ok() || arguments.positional().size() < 2 || arguments.positional().size() > 3) {
        std::cerr << "flowscope-cli stats: " << (arguments.ok() ? "needs CASE, a statistic and at most one FILTER" : arguments.error())
                  << usage;
        return ExitFatal;
    }
    const std::string what = arguments.positional()[1];
    if (what != "conversations" && what != "endpoints") {
        std::cerr << "flowscope-cli stats: unknown statistic '" << what << "'" << usage;
        return ExitFatal;
    }
    std::uint64_t top = 20;
    if (const auto text = arguments.value("top"); text && !parseUnsigned(*text, 100000000, top)) {
        std::cerr << "flowscope-cli stats: --top '" << *text << "' is not a whole number\n";
        return ExitFatal;
    }
    const std::string orderText = arguments.value("order").value_or("bytes");
    const auto order = parseOrder(orderText);
    if (!order) {
        std::cerr << "flowscope-cli stats: --order '" << orderText << "' is not a column with an optional :asc or :desc"
                  << usage;
        return ExitFatal;
    }
    const std::string format = arguments.value("format").value_or("table");
    const std::string by = arguments.value("by").value_or(what == "conversations" ? "addresses" : "address");
    if ((format != "json" && format != "csv" && format != "table")
        || (what == "conversations" && by != "addresses" && by != "service")
        || (what == "endpoints" && by != "address" && by != "eni")) {
        std::cerr << "flowscope-cli stats: unknown --format or --by value" << usage;
        return ExitFatal;
    }
    const std::string expression = arguments.positional().size() == 3 ? arguments.positional()[2] : std::string();
    try {
        auto caseDb = CaseDb::open(arguments.positional()[0], CaseDb::Mode::ReadOnly);
        // The filter: the blocks the indexes choose, and the records in them it matches.
        CliCaseFilter caseFilter;
        const auto compiled = caseFilter.compile(*caseDb, expression, "stats");
        if (const auto *error = std::get_if<FilterError>(&compiled)) {
            std::cerr << "flowscope-cli stats: " << renderFilterError(expression, *error) << '\n';
            return ExitFatal;
        }
        const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
        StatsQuery query;
        query.top = static_cast<std::size_t>(top);
        query.order = order->first;
        query.direction = order->second;
        query.accept = filter->predicate(); // empty for every record
        query.acceptColumns = filter->columnsRead();
        query.blocks = filter->blocks();
        std::vector<StatsRow> rows;
        std::uint64_t total = 0;
        std::string noun;
        if (what == "conversations") {
            const bool service = by == "service";
            const auto stats = conversationStats(
                *caseDb, service ? ConversationKey::AddressesProtocolPort : ConversationKey::Addresses, query);
            for (const Conversation &c : stats.rows) {
                StatsRow row{{c.a.toString(), c.b.toString()}, c.totals};
                if (service) {
                    row.keys.push_back(c.protocol ? std::to_string(*c.protocol) : std::string());
                    row.keys.push_back(c.port ? std::to_string(*c.port) : std::string());
                }
                rows.push_back(std::move(row));
            }
            total = stats.total;
            noun = service ? "service conversations" : "conversations";
            printRows(service ? std::vector<std::string>{"address_a", "address_b", "protocol", "port"}
                              : std::vector<std::string>{"address_a", "address_b"},
                      rows, format);
        } else {
            const bool eni = by == "eni";
            const auto stats = endpointStats(*caseDb, eni ? EndpointKey::Interface : EndpointKey::Address, query);
            for (const Endpoint &e : stats.rows)
                rows.push_back({{e.key}, e.totals});
            total = stats.total;
            noun = eni ? "interfaces" : "addresses";
            printRows({eni ? "interface-id" : "address"}, rows, format);
        }
        // JSON and CSV stay pure rows for scripts; a reader of the table learns what it is a part of.
        if (format == "table")
            std::cout << rows.size() << " of " << total << ' ' << noun << ", by " << statsOrderName(order->first)
                      << (order->second == SortDirection::Descending ? " (descending)" : " (ascending)") << '\n';
    } catch (const std::exception &error) {
        std::cerr << "flowscope-cli stats: " << error.what() << '\n';
        return ExitFatal;
    }
    return ExitOk;
}

} // namespace flowscope::cli
