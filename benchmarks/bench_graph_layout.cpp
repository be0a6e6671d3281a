// SPDX-License-Identifier: GPL-3.0-or-later
// Graph layout: the ENI-level graph of a case bounded to its TOP heaviest
// nodes, laid out as the Graph tab lays it out (the same request, anchors and
// clusters included; Graphviz sfdp without splines in a separate process;
// fdp first only for a small graph with subnets). Prints the wall time and
// the processor time of the layout, the Graphviz child's included.
// Usage: flowscope-bench-graph-layout CASE [TOP=500] [RUNS=3] [FILTER]

#include "bench_support.h"
#include "explain/case_enrichment.h"
#include "graph/flow_graph_builder.h"
#include "graph/graph_layout.h"
#include "graph/graph_layout_input.h"
#include "selection/case_filter.h"
#include "store/case_db.h"

#include <QCoreApplication>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using flowscope::bench::Clock;
using flowscope::bench::median;
using flowscope::bench::msSince;

// Processor time, user and system, of this process and of its children that
// have ended (the layout's Graphviz process): on a shared machine the wall
// clock says more about the neighbours.
double cpuMsOf(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: flowscope-bench-graph-layout CASE [TOP=500] [RUNS=3] [FILTER]\n");
        return 2;
    }
    const std::size_t top = argc > 2 ? std::size_t(std::max(1, std::atoi(argv[2]))) : 500;
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
    const std::string expression = argc > 4 ? argv[4] : "";
    auto caseDb = flowscope::CaseDb::open(argv[1], flowscope::CaseDb::Mode::ReadOnly);
    const auto compiled = flowscope::explain::compileWithSnapshot(*caseDb, expression);
    if (const auto *invalid = std::get_if<flowscope::FilterError>(&compiled)) {
        std::fprintf(stderr, "invalid filter: %s\n", invalid->message.c_str());
        return 2;
    }
    const auto &filter = std::get<std::shared_ptr<const flowscope::CaseFilter>>(compiled);

    flowscope::graph::GraphOptions options;
    options.level = flowscope::graph::GraphLevel::Eni;
    options.topNodes = top;
    options.snapshot = flowscope::graph::newestSnapshot(*caseDb);
    const auto built = Clock::now();
    const flowscope::graph::FlowGraph graph = flowscope::graph::buildFlowGraph(*caseDb, *filter, options);
    const double buildMs = msSince(built);
    const flowscope::graph::LayoutRequest request = flowscope::graph::layoutRequestOf(graph);

    std::printf("| graph layout (%s) | nodes | edges | placed | clusters | ms | cpu ms | of it Graphviz |\n|---|---|---|---|---|---|---|---|\n",
                expression.empty() ? "whole case" : expression.c_str());
    std::printf("| build the graph (not the layout) | %zu | %zu | | | %.1f | | |\n", graph.nodes.size(), graph.edges.size(), buildMs);
    std::vector<double> walls, cpus, childCpus;
    bool fallback = false, contained = false;
    for (int run = 0; run < runs; ++run) {
        const auto started = Clock::now();
        const double selfBefore = cpuMsOf(RUSAGE_SELF), childBefore = cpuMsOf(RUSAGE_CHILDREN);
        const flowscope::graph::LayoutResult result = flowscope::graph::layoutGraph(request);
        walls.push_back(msSince(started));
        childCpus.push_back(cpuMsOf(RUSAGE_CHILDREN) - childBefore);
        cpus.push_back(cpuMsOf(RUSAGE_SELF) - selfBefore + childCpus.back());
        fallback = fallback || result.fallback;
        contained = result.contained;
        if (result.fallback)
            std::fprintf(stderr, "layout failed: %s\n", qPrintable(result.error));
    }
    std::printf("| layout (%s), median of %d | %zu | %zu | %zu | %zu | %.1f | %.1f | %.1f |\n",
                fallback ? "FELL BACK to a circle" : contained ? "fdp" : "sfdp", runs, graph.nodes.size(), graph.edges.size(),
                std::size_t(request.nodes.size()), request.clusters.size(), median(walls), median(cpus), median(childCpus));
    return fallback ? 1 : 0;
}
