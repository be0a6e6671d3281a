// SPDX-License-Identifier: GPL-3.0-or-later
// Filtered table: for indexed filters (an address, a CIDR block, a port, an
// ENI, an action, a time range and their conjunction), the time from the
// expression to the first 256-row page of matches in time order (what the
// table shows first), to the full set of matches (what the status bar
// counts next) and to the count `flowscope-cli count` prints (from the
// record totals when the filter reads only what they keep), and the CPU time
// the first page takes on every thread of the process (the figure to compare
// on a loaded host, where the wall time waits for a core).
// The values come from the record in the middle of the case, so any case works;
// --filter (repeatable) measures the given expressions instead.
// --count measures what `flowscope-cli count` does once the case is open, in
// this process: the filter compiled as the CLI compiles it and counted
// (countMatches), wall and CPU time, the median of RUNS; and the opening of
// the case (the schema check included) the first time, as a process opens
// it, and again. The count process's own figure adds starting the program.
// Usage: flowscope-bench-filter CASE [RUNS=5] [--count] [--filter EXPR]...

#include "bench_support.h"
#include "explain/case_enrichment.h"
#include "known_case_schema.h"
#include "selection/case_filter.h"
#include "selection/filter_count.h"
#include "selection/match_collection.h"
#include "selection/summary_count.h"
#include "store/case_db.h"
#include "store/flow_pager.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace {

using flowscope::Field;
using flowscope::bench::Clock;
using flowscope::bench::cidr24;
using flowscope::bench::median;
using flowscope::bench::msSince;

double processCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}

// `flowscope-cli count CASE EXPR` after the open: compiled with the case's
// snapshot, as the CLI does, then counted.
int measureCounts(flowscope::CaseDb &caseDb, const std::vector<std::pair<std::string, std::string>> &filters, int runs)
{
    std::printf("| filter | matches | count ms | count CPU ms |\n|---|---|---|---|\n");
    for (const auto &[label, expression] : filters) {
        std::vector<double> wallMs, cpuMs;
        std::int64_t matches = -1;
        for (int run = 0; run < runs; ++run) {
            const auto started = Clock::now();
            const double cpuStarted = processCpuMs();
            const auto compiled = flowscope::explain::compileWithSnapshot(caseDb, expression);
            const auto *filter = std::get_if<std::shared_ptr<const flowscope::CaseFilter>>(&compiled);
            if (!filter) {
                std::fprintf(stderr, "%s: not a valid filter\n", expression.c_str());
                return 1;
            }
            const std::int64_t counted = flowscope::countMatches(caseDb, **filter);
            wallMs.push_back(msSince(started));
            cpuMs.push_back(processCpuMs() - cpuStarted);
            if (matches >= 0 && counted != matches) {
                std::fprintf(stderr, "%s: counted %lld, then %lld\n", expression.c_str(), static_cast<long long>(matches),
                             static_cast<long long>(counted));
                return 1;
            }
            matches = counted;
        }
        std::printf("| %s: `%s` | %lld | %.2f | %.2f |\n", label.c_str(), expression.c_str(),
                    static_cast<long long>(matches), median(wallMs), median(cpuMs));
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    int runs = 5;
    bool counts = false;
    bool usable = argc >= 2;
    std::vector<std::pair<std::string, std::string>> given;
    for (int i = 2; i < argc && usable; ++i) {
        const std::string argument = argv[i];
        if (argument == "--filter" && i + 1 < argc)
            given.emplace_back("given", argv[++i]);
        else if (argument == "--count")
            counts = true;
        else if (argument != "--filter" && std::atoi(argv[i]) > 0)
            runs = std::atoi(argv[i]);
        else
            usable = false;
    }
    if (!usable) {
        std::fprintf(stderr, "usage: flowscope-bench-filter CASE [RUNS] [--count] [--filter EXPR]...\n");
        return 2;
    }
    // The schema a case is checked against built in, as flowscope-cli has
    // it; the first open still reads it in and starts SQLite.
    flowscope::installKnownCaseSchema();
    std::vector<double> openMs, openCpuMs;
    for (int run = 0; run <= runs; ++run) {
        const auto started = Clock::now();
        const double cpuStarted = processCpuMs();
        flowscope::CaseDb::open(argv[1], flowscope::CaseDb::Mode::ReadOnly);
        openMs.push_back(msSince(started));
        openCpuMs.push_back(processCpuMs() - cpuStarted);
    }
    const double firstOpenMs = openMs.front();
    const double firstOpenCpuMs = openCpuMs.front();
    openMs.erase(openMs.begin());
    openCpuMs.erase(openCpuMs.begin());
    auto caseDb = flowscope::CaseDb::open(argv[1], flowscope::CaseDb::Mode::ReadOnly);
    const flowscope::FlowRow sample = flowscope::bench::middleRecord(*caseDb);
    const auto text = [&](Field f) { return flowscope::fieldText(sample.value(f)); };
    const std::int64_t start = std::get<std::int64_t>(sample.value(Field::Start));
    // A service port and an ephemeral port apart: ports from 32768 up have an
    // index of their own (see ephemeral_port_index.h), where a case of format
    // 2 had them in groups of eight, so that a rare one cost a scan of most
    // blocks.
    const auto servicePort = [&] {
        const auto *dst = std::get_if<std::int64_t>(&sample.value(Field::DstPort));
        return dst && *dst < 32768 ? std::to_string(*dst) : text(Field::SrcPort);
    };
    const std::string portTest = (std::get_if<std::int64_t>(&sample.value(Field::DstPort))
                                  && std::get<std::int64_t>(sample.value(Field::DstPort)) < 32768)
        ? "dstport == " + servicePort()
        : "srcport == " + servicePort();
    const std::string window = "time >= " + std::to_string(start) + " and time < " + std::to_string(start + 60);
    const std::vector<std::pair<std::string, std::string>> sampled{
        {"an address", "addr == " + text(Field::SrcAddr)},
        {"a CIDR block", "addr == " + cidr24(text(Field::DstAddr))},
        {"a port", portTest},
        {"an ephemeral port", "dstport == 40001"},
        {"an ENI", "eni == " + text(Field::InterfaceId)},
        {"an action", "action == reject"},
        {"a time range (1 min)", window},
        {"all of them", "addr == " + text(Field::SrcAddr) + " and " + portTest + " and eni == "
                            + text(Field::InterfaceId) + " and action == " + text(Field::Action) + " and " + window},
        {"a CIDR block's rejects", "addr == 10.0.0.0/8 and action == reject"},
    };

    const auto &filters = given.empty() ? sampled : given;
    if (counts) {
        std::printf("Opening the case: %.2f ms (CPU %.2f ms) the first time, %.2f ms (CPU %.2f ms) again (median)\n\n",
                    firstOpenMs, firstOpenCpuMs, median(openMs), median(openCpuMs));
        return measureCounts(*caseDb, filters, runs);
    }

    std::printf("| filter | matches | first page ms | matches s | count ms | first page CPU ms |\n"
                "|---|---|---|---|---|---|\n");
    for (const auto &[label, expression] : filters) {
        std::vector<double> firstPageMs, firstPageCpuMs, countS, cliCountMs;
        std::int64_t matches = 0;
        for (int run = 0; run < runs; ++run) {
            // A fresh pager each run: nothing decoded is reused between runs.
            auto started = Clock::now();
            const double cpuStarted = processCpuMs();
            flowscope::FlowPager pager(*caseDb);
            const auto compiled = flowscope::CaseFilter::compile(*caseDb, expression);
            const auto *filter = std::get_if<std::shared_ptr<const flowscope::CaseFilter>>(&compiled);
            if (!filter) {
                std::fprintf(stderr, "%s: not a valid filter\n", expression.c_str());
                return 1;
            }
            std::size_t rows = 0;
            pager.forEachMatching((*filter)->recordTest(), (*filter)->blocks(),
                                  [&](const flowscope::FlowRow &) { return ++rows < 256; });
            firstPageMs.push_back(msSince(started));
            firstPageCpuMs.push_back(processCpuMs() - cpuStarted);
            started = Clock::now();
            matches = flowscope::collectMatches(*caseDb, **filter)->total();
            countS.push_back(msSince(started) / 1000.0);
            started = Clock::now();
            const auto fromTotals = flowscope::countFromSummaries(*caseDb, **filter);
            const std::int64_t counted = fromTotals ? *fromTotals : flowscope::collectMatches(*caseDb, **filter)->total();
            cliCountMs.push_back(msSince(started));
            if (counted != matches) {
                std::fprintf(stderr, "%s: the count %lld differs from the matches %lld\n", expression.c_str(),
                             static_cast<long long>(counted), static_cast<long long>(matches));
                return 1;
            }
        }
        std::printf("| %s: `%s` | %lld | %.1f | %.2f | %.0f | %.1f |\n", label.c_str(), expression.c_str(),
                    static_cast<long long>(matches), median(firstPageMs), median(countS), median(cliCountMs),
                    median(firstPageCpuMs));
    }
    return 0;
}
