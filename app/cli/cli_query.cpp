// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_case_filter.h"
#include "cli_commands.h"
#include "cli_output.h"

#include "format/record_parser.h"
#include "query/filter_error.h"
#include "selection/case_filter.h"
#include "selection/record_sort.h"
#include "store/case_db.h"
#include "store/flow_pager.h"
#include "store/flow_reader.h"

#include <iostream>
#include <sstream>

namespace flowscope::cli {

namespace {

// A column of the output: an AWS field, provenance (_file, _line) or the
// record's id (_id, only when asked for: what `incident star` takes).
struct Column {
    std::string name;
    std::optional<Field> field;
};

std::optional<std::vector<Column>> parseColumns(const std::optional<std::string> &spec, std::string &error)
{
    std::vector<Column> columns;
    if (!spec) {
        for (const auto &info : allFields())
            columns.push_back({std::string(info.name), info.field});
        columns.push_back({"_file", std::nullopt});
        columns.push_back({"_line", std::nullopt});
        return columns;
    }
    std::stringstream stream(*spec);
    std::string name;
    while (std::getline(stream, name, ',')) {
        if (name == "_file" || name == "_line" || name == "_id") {
            columns.push_back({name, std::nullopt});
            continue;
        }
        const auto field = fieldByName(name);
        if (!field) {
            error = "unknown column '" + name + "' (use AWS field names such as srcaddr, interface-id, or _file, _line, _id)";
            return std::nullopt;
        }
        columns.push_back({std::string(fieldInfo(*field).name), field});
    }
    if (columns.empty()) {
        error = "--columns names no column";
        return std::nullopt;
    }
    return columns;
}

std::string cellText(const FlowRow &row, const Column &column)
{
    if (!column.field)
        return column.name == "_file" ? row.file : std::to_string(column.name == "_id" ? row.id : static_cast<std::int64_t>(row.line));
    return fieldText(row.value(*column.field));
}

std::string cellJson(const FlowRow &row, const Column &column)
{
    if (!column.field)
        return column.name == "_file" ? jsonString(row.file) : std::to_string(column.name == "_id" ? row.id : static_cast<std::int64_t>(row.line));
    const FieldValue &value = row.value(*column.field);
    if (const auto *number = std::get_if<std::int64_t>(&value))
        return std::to_string(*number);
    if (const auto *text = std::get_if<std::string>(&value))
        return jsonString(*text);
    return "null";
}

// The first `limit` records (all when negative) in the order of `spec`:
// every match is ordered up to RecordSortLimits::fullSort of them, beyond
// only the first rows, which stderr says.
void forEachSorted(CaseDb &caseDb, const CaseFilter &filter, const RecordSortSpec &spec, std::int64_t limit,
                   const std::function<bool(const FlowRow &)> &fn)
{
    RecordSortLimits limits;
    if (limit >= 0) {
        limits.fullSort = limit; // only what is printed is kept
        limits.top = static_cast<std::size_t>(limit);
    }
    const SortedRecords sorted = sortRecords(caseDb, filter, spec, limits);
    if (limit < 0 && sorted.isTop())
        std::cerr << "flowscope-cli query: sorted by " << fieldInfo(spec.field).name << ": the top "
                  << sorted.ids.size() << " of " << sorted.matches << " records (--limit N gives the first N)\n";
    FlowPager pager(caseDb);
    pager.addKnownRecords(sorted.ids, sorted.head); // the first rows need no second read
    pager.forEachWithIds(sorted.ids, fn);
}

} // namespace

int runQuery(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {"limit", "columns", "format", "sort"}, {});
    if (!arguments.ok() || arguments.positional().empty() || arguments.positional().size() > 2) {
        std::cerr << "flowscope-cli query: " << (arguments.ok() ? "needs CASE and at most one FILTER" : arguments.error())
                  << "\nUsage: flowscope-cli query CASE [FILTER] [--limit N] [--columns a,b,...] [--sort FIELD[:desc]]"
                     " [--format json|csv|table]\n";
        return ExitFatal;
    }
    std::int64_t limit = -1;
    if (const auto text = arguments.value("limit")) {
        std::uint64_t value = 0;
        if (!parseUnsigned(*text, 9223372036854775807ULL, value)) {
            std::cerr << "flowscope-cli query: --limit '" << *text << "' is not a whole number\n";
            return ExitFatal;
        }
        limit = static_cast<std::int64_t>(value);
    }
    const std::string format = arguments.value("format").value_or("table");
    if (format != "json" && format != "csv" && format != "table") {
        std::cerr << "flowscope-cli query: --format must be json, csv or table, not '" << format << "'\n";
        return ExitFatal;
    }
    std::optional<RecordSortSpec> sort;
    if (const auto text = arguments.value("sort")) {
        sort = parseRecordSortSpec(*text);
        if (!sort) {
            std::cerr << "flowscope-cli query: --sort '" << *text
                      << "' is not FIELD or FIELD:desc with an AWS field name (such as bytes:desc)\n";
            return ExitFatal;
        }
    }
    std::string error;
    const auto columns = parseColumns(arguments.value("columns"), error);
    if (!columns) {
        std::cerr << "flowscope-cli query: " << error << '\n';
        return ExitFatal;
    }

    const std::string expression = arguments.positional().size() == 2 ? arguments.positional()[1] : std::string();
    try {
        auto caseDb = CaseDb::open(arguments.positional()[0], CaseDb::Mode::ReadOnly);
        CliCaseFilter caseFilter;
        const auto compiled = caseFilter.compile(*caseDb, expression, "query");
        if (const auto *invalid = std::get_if<FilterError>(&compiled)) {
            std::cerr << "flowscope-cli query: " << renderFilterError(expression, *invalid) << '\n';
            return ExitFatal;
        }
        const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
        FlowReader reader(*caseDb);
        std::int64_t written = 0;
        auto forEachRow = [&](std::int64_t rows, const std::function<bool(const FlowRow &)> &fn) {
            const std::function<bool(const FlowRow &)> counted = [&](const FlowRow &row) {
                ++written;
                return fn(row);
            };
            if (sort)
                forEachSorted(*caseDb, *filter, *sort, rows, counted);
            else
                reader.forEachMatchingInTimeOrder(rows, filter->recordTest(), filter->blocks(), counted);
        };
        std::ostream &out = std::cout;
        if (format == "json") {
            out << '[';
            bool first = true;
            forEachRow(limit, [&](const FlowRow &row) {
                out << (first ? "\n" : ",\n") << '{';
                first = false;
                for (std::size_t i = 0; i < columns->size(); ++i)
                    out << (i ? "," : "") << jsonString((*columns)[i].name) << ':' << cellJson(row, (*columns)[i]);
                out << '}';
                return true;
            });
            out << "\n]\n";
        } else if (format == "csv") {
            for (std::size_t i = 0; i < columns->size(); ++i)
                out << (i ? "," : "") << csvField((*columns)[i].name);
            out << "\r\n";
            forEachRow(limit, [&](const FlowRow &row) {
                for (std::size_t i = 0; i < columns->size(); ++i)
                    out << (i ? "," : "") << csvField(cellText(row, (*columns)[i]));
                out << "\r\n";
                return true;
            });
        } else {
            std::vector<std::string> header;
            for (const auto &column : *columns)
                header.push_back(column.name);
            std::vector<std::vector<std::string>> rows;
            forEachRow(limit < 0 ? 1000 : limit, [&](const FlowRow &row) {
                std::vector<std::string> cells;
                for (const auto &column : *columns)
                    cells.push_back(cellText(row, column));
                rows.push_back(std::move(cells));
                return true;
            });
            writeTable(out, header, rows);
        }
        caseFilter.noteWhenEmpty(*caseDb, *filter, written, "query", std::cerr);
    } catch (const std::exception &exception) {
        std::cerr << "flowscope-cli query: " << exception.what() << '\n';
        return ExitFatal;
    }
    return ExitOk;
}

} // namespace flowscope::cli
