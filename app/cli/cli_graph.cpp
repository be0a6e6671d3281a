// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_case_filter.h"
#include "cli_commands.h"

#include "graph/flow_graph_builder.h"
#include "graph/graph_format.h"
#include "query/filter_error.h"
#include "selection/case_filter.h"
#include "store/case_db.h"

#include <iostream>

namespace flowscope::cli {

namespace {

constexpr const char *kUsage =
    "Usage: flowscope-cli graph CASE [FILTER] --level eni|subnet|vpc|account [--top N] [--metric bytes|flows]\n"
    "             --format json|dot\n";

int usage(const std::string &problem)
{
    std::cerr << "flowscope-cli graph: " << problem << '\n' << kUsage;
    return ExitFatal;
}

} // namespace

// `graph CASE [FILTER] --level … --format json|dot`: who talked to whom among
// the records the filter keeps, the top N nodes by --metric.
int runGraph(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {"level", "top", "metric", "format"}, {});
    if (!arguments.ok())
        return usage(arguments.error());
    if (arguments.positional().empty() || arguments.positional().size() > 2)
        return usage("needs CASE and at most one FILTER");
    graph::GraphOptions options;
    const auto level = graph::graphLevelFromName(QString::fromStdString(arguments.value("level").value_or("")));
    if (!level)
        return usage("--level must be eni, subnet, vpc or account");
    options.level = *level;
    const auto metric = graph::graphMetricFromName(QString::fromStdString(arguments.value("metric").value_or("bytes")));
    if (!metric)
        return usage("--metric must be bytes or flows");
    options.metric = *metric;
    if (const auto top = arguments.value("top")) {
        bool ok = false;
        const int n = QString::fromStdString(*top).toInt(&ok);
        if (!ok || n < 1)
            return usage("--top '" + *top + "' is not a positive number");
        options.topNodes = static_cast<std::size_t>(n);
    }
    const std::string format = arguments.value("format").value_or("");
    if (format != "json" && format != "dot")
        return usage("--format must be json or dot");
    const std::string expression = arguments.positional().size() == 2 ? arguments.positional()[1] : std::string();
    try {
        auto caseDb = CaseDb::open(arguments.positional()[0], CaseDb::Mode::ReadOnly);
        CliCaseFilter caseFilter; // snapshot fields, stars and tags as every command has them
        const auto compiled = caseFilter.compile(*caseDb, expression, "graph");
        if (const auto *error = std::get_if<FilterError>(&compiled)) {
            std::cerr << "flowscope-cli graph: " << renderFilterError(expression, *error) << '\n';
            return ExitFatal;
        }
        options.snapshot = graph::newestSnapshot(*caseDb);
        const graph::FlowGraph result =
            graph::buildFlowGraph(*caseDb, *std::get<std::shared_ptr<const CaseFilter>>(compiled), options);
        std::cout << (format == "json" ? graph::graphJson(result) : graph::graphDot(result, options.metric));
        if (result.nodesLeftOut > 0)
            std::cerr << "flowscope-cli graph: " << result.nodesLeftOut << " nodes left out (" << result.trafficLeftOut.flows
                      << " flows, " << result.trafficLeftOut.bytes << " bytes), folded into \"more\"\n";
    } catch (const std::exception &error) {
        std::cerr << "flowscope-cli graph: " << error.what() << '\n';
        return ExitFatal;
    }
    return ExitOk;
}

} // namespace flowscope::cli
