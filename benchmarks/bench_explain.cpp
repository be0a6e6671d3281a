// SPDX-License-Identifier: GPL-3.0-or-later
// Reject-path explainer: every REJECT of a case explained and grouped (the
// Rejects overview), explained with their sentences (flowscope-cli explain),
// and single records explained one at a time (the "Why rejected?" panel:
// with the explainer kept, and as the panel does it, the case opened and the
// explainer made for each record), from the records alone or against a
// snapshot.
// Usage: flowscope-bench-explain CASE [RUNS=3] [SNAPSHOT-PATH]

#include "bench_support.h"
#include "explain/reject_explainer.h"
#include "explain/snapshot_loader.h"
#include "explain/snapshot_store.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "tasks/background_connection.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace {

using flowscope::bench::Clock;
using flowscope::bench::median;
using flowscope::bench::msSince;
using namespace flowscope::explain;

// Processor time of every thread of the process: on a shared machine the
// wall clock says more about the neighbours.
double cpuMsSince(std::clock_t started) { return double(std::clock() - started) * 1000.0 / CLOCKS_PER_SEC; }

constexpr std::size_t kSingleRecords = 25;

// The snapshot of PATH in force from before every record.
SnapshotTimeline timelineOf(const char *path)
{
    SnapshotTimeline timeline;
    if (!path)
        return timeline;
    SnapshotLoad load = loadSnapshot({QString::fromLocal8Bit(path)});
    timeline.add({1, QDateTime::fromSecsSinceEpoch(0, Qt::UTC), std::make_shared<const ConfigSnapshot>(std::move(load.snapshot))});
    return timeline;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: flowscope-bench-explain CASE [RUNS] [SNAPSHOT-PATH]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const char *snapshotPath = argc > 3 ? argv[3] : nullptr;
    auto caseDb = flowscope::CaseDb::open(argv[1], flowscope::CaseDb::Mode::ReadOnly);
    const auto compiled = flowscope::CaseFilter::compile(*caseDb, "action == reject");
    const auto &filter = std::get<std::shared_ptr<const flowscope::CaseFilter>>(compiled);

    std::printf("| explain (%s) | rejects | groups | ms | cpu ms |\n|---|---|---|---|---|\n",
                snapshotPath ? "against a snapshot" : "records alone");
    const auto opened = Clock::now();
    RejectExplainer explainer(*caseDb, timelineOf(snapshotPath));
    std::printf("| open the explainer (dictionaries, gaps, snapshot) | | | %.1f | |\n", msSince(opened));

    std::vector<double> grouped, explained, groupedCpu, explainedCpu;
    RejectGroups groups;
    std::vector<std::int64_t> ids;
    for (int run = 0; run < runs; ++run) {
        auto started = Clock::now();
        auto cpu = std::clock();
        groups = explainer.groupRejects(*filter);
        grouped.push_back(msSince(started));
        groupedCpu.push_back(cpuMsSince(cpu));
        started = Clock::now();
        cpu = std::clock();
        std::vector<std::int64_t> seen;
        std::size_t textBytes = 0;
        explainer.explainRejects(*filter, [&](const RecordExplanation &explanation) {
            seen.push_back(explanation.recordId);
            textBytes += static_cast<std::size_t>(explanation.explanation.size());
        });
        explained.push_back(msSince(started));
        explainedCpu.push_back(cpuMsSince(cpu));
        ids = std::move(seen);
    }
    std::printf("| every reject grouped | %lld | %zu | %.1f | %.1f |\n", static_cast<long long>(groups.rejects),
                groups.groups.size(), median(grouped), median(groupedCpu));
    std::printf("| every reject explained with its sentences | %zu | | %.1f | %.1f |\n", ids.size(), median(explained),
                median(explainedCpu));

    std::vector<double> single, singleCpu;
    for (std::size_t i = 0; i < kSingleRecords && !ids.empty(); ++i) {
        const std::int64_t id = ids[(ids.size() - 1) * i / (kSingleRecords - 1)];
        const auto started = Clock::now();
        const auto cpu = std::clock();
        explainer.explainRecord(id);
        single.push_back(msSince(started));
        singleCpu.push_back(cpuMsSince(cpu));
    }
    if (!single.empty())
        std::printf("| one record (median of %zu spread over the case; max %.1f) | 1 | | %.1f | %.1f |\n", single.size(),
                    *std::max_element(single.begin(), single.end()), median(single), median(singleCpu));

    // The panel's request (RecordExplanationLoader): a connection of its own,
    // the snapshots (loaded once: the panel keeps them while they stay the
    // same), a new explainer, then the record.
    const SnapshotTimeline snapshots = snapshotPath ? timelineOf(snapshotPath) : loadSnapshotTimeline(*caseDb);
    std::vector<double> panel, panelCpu;
    for (std::size_t i = 0; i < kSingleRecords && !ids.empty(); ++i) {
        const std::int64_t id = ids[(ids.size() - 1) * i / (kSingleRecords - 1)];
        const auto started = Clock::now();
        const auto cpu = std::clock();
        auto connection = flowscope::openForBackgroundReads(argv[1]);
        RejectExplainer own(*connection, snapshots);
        own.explainRecord(id);
        panel.push_back(msSince(started));
        panelCpu.push_back(cpuMsSince(cpu));
    }
    if (!panel.empty())
        std::printf("| one record as the panel explains it: case opened, explainer made (median of %zu; max %.1f) | 1 | | %.1f | %.1f |\n",
                    panel.size(), *std::max_element(panel.begin(), panel.end()), median(panel), median(panelCpu));
    return 0;
}
