// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_case_filter.h"
#include "cli_commands.h"

#include "query/filter_error.h"
#include "selection/case_filter.h"
#include "selection/filter_count.h"
#include "store/case_db.h"

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
    try {
        auto caseDb = CaseDb::open(arguments.positional()[0], CaseDb::Mode::ReadOnly);
        CliCaseFilter caseFilter;
        const auto compiled = caseFilter.compile(*caseDb, expression, "count");
        if (const auto *error = std::get_if<FilterError>(&compiled)) {
            std::cerr << "flowscope-cli count: " << renderFilterError(expression, *error) << '\n';
            return ExitFatal;
        }
        const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
        const std::int64_t count = countMatches(*caseDb, *filter);
        std::cout << count << '\n';
        caseFilter.noteWhenEmpty(*caseDb, *filter, count, "count", std::cerr);
    } catch (const std::exception &error) {
        std::cerr << "flowscope-cli count: " << error.what() << '\n';
        return ExitFatal;
    }
    return ExitOk;
}

} // namespace flowscope::cli
