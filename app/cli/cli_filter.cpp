// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_commands.h"
#include "incident/incident_record_marks.h"

#include "query/athena_sql.h"
#include "query/block_selection.h"
#include "query/filter_canonical.h"
#include "query/filter_error.h"
#include "query/filter_parser.h"

#include <charconv>
#include <iostream>
#include <set>

namespace flowscope::cli {

namespace {

constexpr const char *kUsage =
    "Usage: flowscope-cli filter check EXPR\n"
    "       flowscope-cli filter athena EXPR --database D --table T [--limit N]\n"
    "             [--account-partition COL] [--region-partition COL] [--day-partition COL]\n"
    "             [--day-format yyyy/MM/dd] [--ioc-database D] [--ioc-prefix ioc_]\n"
    "  check   the normalized filter, the index preselection (SQL with its bound\n"
    "          parameters), or the error with a caret under it (exit 1)\n"
    "  athena  the filter as Athena SQL over the AWS flow-log table with partition\n"
    "          projection (accid, region, day); an empty COL drops that partition;\n"
    "          'in @name' reads the table <ioc-prefix><name> (exit 1 on a bad filter\n"
    "          or a query over Athena's size limit)\n";

int usage(const std::string &problem)
{
    std::cerr << "flowscope-cli filter: " << problem << '\n' << kUsage;
    return ExitFatal;
}

void printError(std::ostream &out, const std::string &expression, const FilterError &error)
{
    out << (error.kind == FilterError::Kind::Incomplete ? "incomplete" : "invalid") << " filter at position "
        << error.position << ":\n"
        << renderFilterError(expression, error) << '\n';
}

// `filter check EXPR`: parses a filter as every command will and shows how a
// case would evaluate it: index preselection first, record predicate after.
int runCheck(const std::string &expression)
{
    // Without a case, `starred` and `tag` check as terms that select nothing.
    const incident::RecordMarksSnapshot noMarks;
    FilterParseOptions options;
    options.recordMarks = &noMarks;
    const FilterParseResult result = parseFilter(expression, options);
    if (!result.ok()) {
        printError(std::cout, expression, *result.error);
        return ExitRejected;
    }
    std::cout << "filter: " << toCanonicalString(*result.root) << '\n'
              << describeBlockSelection(*result.root)
              << "then the record predicate decides record by record within the selected blocks\n";
    return ExitOk;
}

// `filter athena EXPR`: the SQL on stdout, notes and errors on stderr so the
// output can be piped straight to Athena.
int runAthena(const std::string &expression, const Arguments &arguments)
{
    AthenaSqlOptions options;
    const auto database = arguments.value("database");
    const auto table = arguments.value("table");
    if (!database || database->empty() || !table || table->empty())
        return usage("'filter athena' needs --database and --table");
    options.database = *database;
    options.table = *table;
    if (const auto limit = arguments.value("limit")) {
        std::uint64_t n = 0;
        const auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
        if (ec != std::errc() || end != limit->data() + limit->size())
            return usage("--limit needs a non-negative integer");
        options.limit = n;
    }
    const std::pair<const char *, std::string *> texts[] = {
        {"account-partition", &options.accountPartition}, {"region-partition", &options.regionPartition},
        {"day-partition", &options.dayPartition},         {"day-format", &options.dayFormat},
        {"ioc-database", &options.iocDatabase},           {"ioc-prefix", &options.iocTablePrefix},
    };
    for (const auto &[name, target] : texts) {
        if (const auto value = arguments.value(name))
            *target = *value;
    }

    FilterParseOptions parseOptions;
    parseOptions.iocListExists = [](std::string_view) { return true; }; // lists are tables on the Athena side
    const incident::RecordMarksSnapshot noMarks; // `starred` parses, then Athena refuses it by name
    parseOptions.recordMarks = &noMarks;
    const FilterParseResult parsed = parseFilter(expression, parseOptions);
    if (!parsed.ok()) {
        printError(std::cerr, expression, *parsed.error);
        return ExitRejected;
    }
    const AthenaSqlResult sql = toAthenaSql(*parsed.root, options);
    if (!sql.ok()) {
        std::cerr << "flowscope-cli filter athena: " << sql.error << '\n';
        return ExitRejected;
    }
    for (const std::string &note : sql.notes)
        std::cerr << "note: " << note << '\n';
    std::cout << sql.sql;
    return ExitOk;
}

} // namespace

int runFilter(const std::vector<std::string> &args)
{
    const std::set<std::string> athenaOptions{"database",      "table",      "limit",        "account-partition",
                                              "region-partition", "day-partition", "day-format", "ioc-database",
                                              "ioc-prefix"};
    const Arguments arguments(args, athenaOptions, {});
    if (!arguments.ok())
        return usage(arguments.error());
    const std::vector<std::string> &positional = arguments.positional();
    if (positional.size() != 2 || (positional[0] != "check" && positional[0] != "athena"))
        return usage("needs 'check' or 'athena' and an expression");
    if (positional[0] == "athena")
        return runAthena(positional[1], arguments);
    for (const std::string &name : athenaOptions) {
        if (arguments.value(name))
            return usage("--" + name + " applies to 'filter athena' only");
    }
    return runCheck(positional[1]);
}

} // namespace flowscope::cli
