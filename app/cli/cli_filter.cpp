// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_commands.h"

#include "query/filter_canonical.h"
#include "query/filter_error.h"
#include "query/filter_parser.h"

#include <iostream>

namespace flowscope::cli {

// `filter check EXPR`: parses a filter as every command will, printing its
// normalized form, or the error with a caret under it (exit 1).
int runFilter(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {}, {});
    if (!arguments.ok() || arguments.positional().size() != 2 || arguments.positional()[0] != "check") {
        std::cerr << "flowscope-cli filter: " << (arguments.ok() ? "needs 'check' and an expression" : arguments.error())
                  << "\nUsage: flowscope-cli filter check EXPR\n";
        return ExitFatal;
    }
    const std::string &expression = arguments.positional()[1];
    const FilterParseResult result = parseFilter(expression);
    if (!result.ok()) {
        std::cout << (result.error->kind == FilterError::Kind::Incomplete ? "incomplete" : "invalid")
                  << " filter at position " << result.error->position << ":\n"
                  << renderFilterError(expression, *result.error) << '\n';
        return ExitRejected;
    }
    std::cout << toCanonicalString(*result.root) << '\n';
    return ExitOk;
}

} // namespace flowscope::cli
