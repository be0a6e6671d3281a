// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_commands.h"

#include "query/block_selection.h"
#include "query/filter_error.h"
#include "query/filter_parser.h"
#include "query/record_predicate.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/case_summary.h"
#include "store/dictionaries.h"

#include <iostream>

namespace flowscope::cli {

// `count CASE [FILTER]`: the number of records, or of those the filter matches.
int runCount(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {}, {});
    if (!arguments.ok() || arguments.positional().empty() || arguments.positional().size() > 2) {
        std::cerr << "flowscope-cli count: " << (arguments.ok() ? "needs CASE and at most one FILTER" : arguments.error())
                  << "\nUsage: flowscope-cli count CASE [FILTER]\n";
        return ExitFatal;
    }
    const std::string expression = arguments.positional().size() == 2 ? arguments.positional()[1] : std::string();
    const FilterParseResult filter = parseFilter(expression);
    if (!filter.ok()) {
        std::cerr << "flowscope-cli count: " << renderFilterError(expression, *filter.error) << '\n';
        return ExitFatal;
    }
    try {
        auto caseDb = CaseDb::open(arguments.positional()[0], CaseDb::Mode::ReadOnly);
        if (std::holds_alternative<TrueNode>(filter.root->node)) {
            std::cout << summarizeCase(*caseDb).records << '\n'; // from provenance: no scan
            return ExitOk;
        }
        StringDictionary strings;
        strings.load(caseDb->handle());
        InterfaceDictionary interfaces;
        interfaces.load(caseDb->handle(), strings);
        const RecordPredicate accept = compileRecordPredicate(*filter.root, strings, interfaces);
        std::uint64_t count = 0;
        // The indexes choose the blocks; the predicate decides within them.
        scanRecords(*caseDb, selectBlocks(*caseDb, *filter.root),
                    [&](const EncodedFlow &flow, std::int64_t) { count += accept(flow) ? 1 : 0; });
        std::cout << count << '\n';
    } catch (const std::exception &error) {
        std::cerr << "flowscope-cli count: " << error.what() << '\n';
        return ExitFatal;
    }
    return ExitOk;
}

} // namespace flowscope::cli
