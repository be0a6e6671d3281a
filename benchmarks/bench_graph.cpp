// SPDX-License-Identifier: GPL-3.0-or-later
// Graph: the time to build the graph of a filter (an empty one: the whole
// case, from the totals kept at import) apart from the time to write it as
// JSON, in-process, wall and CPU (all threads) medians.
// Usage: flowscope-bench-graph CASE [FILTER] [RUNS=5] [LEVEL=eni]

#include "bench_support.h"
#include "graph/flow_graph_builder.h"
#include "graph/graph_format.h"
#include "selection/case_filter.h"
#include "store/case_db.h"

#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using flowscope::bench::Clock;
using flowscope::bench::median;
using flowscope::bench::msSince;

double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: flowscope-bench-graph CASE [FILTER] [RUNS] [LEVEL]\n");
        return 2;
    }
    const std::string expression = argc > 2 ? argv[2] : "";
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    const auto level = flowscope::graph::graphLevelFromName(QString::fromLatin1(argc > 4 ? argv[4] : "eni"));
    if (!level) {
        std::fprintf(stderr, "LEVEL must be eni, subnet, vpc or account\n");
        return 2;
    }
    auto caseDb = flowscope::CaseDb::open(argv[1], flowscope::CaseDb::Mode::ReadOnly);
    const auto compiled = flowscope::CaseFilter::compile(*caseDb, expression);
    const auto *filter = std::get_if<std::shared_ptr<const flowscope::CaseFilter>>(&compiled);
    if (!filter) {
        std::fprintf(stderr, "%s: not a valid filter\n", expression.c_str());
        return 1;
    }
    flowscope::graph::GraphOptions options;
    options.level = *level;
    options.snapshot = flowscope::graph::newestSnapshot(*caseDb);
    std::vector<double> buildWall, buildCpu, jsonWall, jsonCpu;
    std::size_t nodes = 0, edges = 0, jsonBytes = 0;
    for (int run = 0; run < runs; ++run) {
        auto started = Clock::now();
        double cpu = cpuMs();
        const flowscope::graph::FlowGraph graph = flowscope::graph::buildFlowGraph(*caseDb, **filter, options);
        buildWall.push_back(msSince(started));
        buildCpu.push_back(cpuMs() - cpu);
        started = Clock::now();
        cpu = cpuMs();
        const auto json = flowscope::graph::graphJson(graph);
        jsonWall.push_back(msSince(started));
        jsonCpu.push_back(cpuMs() - cpu);
        nodes = graph.nodes.size();
        edges = graph.edges.size();
        jsonBytes = json.size();
    }
    std::printf("| graph | filter | nodes shown | edges | build ms (CPU) | JSON ms (CPU) | JSON bytes |\n"
                "|---|---|---|---|---|---|---|\n");
    std::printf("| %s | `%s` | %zu | %zu | %.1f (%.1f) | %.1f (%.1f) | %zu |\n", argc > 4 ? argv[4] : "eni",
                expression.c_str(), nodes, edges, median(buildWall), median(buildCpu), median(jsonWall), median(jsonCpu),
                jsonBytes);
    return 0;
}
