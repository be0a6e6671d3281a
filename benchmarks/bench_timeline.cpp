// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline: the time to compute what the timeline view asks for, as it asks
// for it: the whole case at the width that fits about 200 bars (over the
// case's extent whatever the filter, as the view asks), zoomed views
// (the range in view and a margin either side, at the view's width),
// with an empty filter and with selective ones. Values for the filters come
// from the record in the middle of the case, so any case works.
// Usage: flowscope-bench-timeline CASE [RUNS=5]

#include "analysis/timeline.h"
#include "analysis/timeline_scale.h"
#include "bench_support.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "store/flow_pager.h"

#include <algorithm>
#include <climits>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using flowscope::Field;
using flowscope::bench::Clock;
using flowscope::bench::cidr24;
using flowscope::bench::median;
using flowscope::bench::msSince;

constexpr int kBars = 200; // about a 1,200-pixel plot at 6 pixels a bar

std::string spanLabel(std::int64_t seconds)
{
    if (seconds % 3600 == 0)
        return std::to_string(seconds / 3600) + " h";
    if (seconds % 60 == 0)
        return std::to_string(seconds / 60) + " min";
    return std::to_string(seconds) + " s";
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: flowscope-bench-timeline CASE [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    auto caseDb = flowscope::CaseDb::open(argv[1], flowscope::CaseDb::Mode::ReadOnly);
    const flowscope::FlowRow sample = flowscope::bench::middleRecord(*caseDb);
    const auto text = [&](Field f) { return flowscope::fieldText(sample.value(f)); };
    const std::int64_t middle = std::get<std::int64_t>(sample.value(Field::Start));

    struct Row {
        std::string label;
        std::string filter;
        std::optional<std::int64_t> view; // seconds in view around the middle record; none: the whole case
        flowscope::TimelineMetric metric = flowscope::TimelineMetric::Flows;
    };
    std::vector<Row> rows{
        {"whole case, flows", "", std::nullopt},
        {"whole case, bytes spread", "", std::nullopt, flowscope::TimelineMetric::Bytes},
    };
    for (const std::int64_t view : {6 * 3600, 3600, 1800, 600, 60})
        rows.push_back({"zoomed to " + spanLabel(view) + ", bytes spread", "", view, flowscope::TimelineMetric::Bytes});
    rows.push_back({"whole case, a CIDR block", "addr == " + cidr24(text(Field::DstAddr)), std::nullopt});
    rows.push_back({"whole case, an ephemeral port", "dstport == 40001", std::nullopt});
    rows.push_back({"whole case, an action", "action == reject", std::nullopt});
    rows.push_back({"whole case, an ENI's rejects", "eni == " + text(Field::InterfaceId) + " and action == reject",
                    std::nullopt});
    rows.push_back({"whole case, an address", "addr == " + text(Field::SrcAddr), std::nullopt});
    rows.push_back({"zoomed to 10 min, an address", "addr == " + text(Field::SrcAddr), 600});

    std::printf("| timeline | filter | bucket s | buckets | ms |\n|---|---|---|---|---|\n");
    for (const Row &row : rows) {
        std::vector<double> ms;
        flowscope::Timeline last;
        for (int run = 0; run < runs; ++run) {
            const auto started = Clock::now();
            const auto compiled = flowscope::CaseFilter::compile(*caseDb, row.filter);
            const auto *filter = std::get_if<std::shared_ptr<const flowscope::CaseFilter>>(&compiled);
            if (!filter) {
                std::fprintf(stderr, "%s: not a valid filter\n", row.filter.c_str());
                return 1;
            }
            flowscope::TimelineOptions options;
            options.metric = row.metric;
            if (row.view) {
                // What the view asks for when zoomed to `view` seconds around the middle record.
                options.bucketSeconds = flowscope::autoBucketSeconds(*row.view, kBars);
                const flowscope::TimeRange visible{middle - *row.view / 2, middle + *row.view / 2};
                options.range = flowscope::zoomRequestRange(visible, {INT64_MIN, INT64_MAX}, options.bucketSeconds);
            } else {
                options.targetBuckets = kBars;
                options.caseRange = true; // as the view asks: the case's extent, whatever the filter
            }
            last = flowscope::computeTimeline(*caseDb, **filter, options);
            ms.push_back(msSince(started));
        }
        std::printf("| %s | `%s` | %lld | %zu | %.1f |\n", row.label.c_str(), row.filter.c_str(),
                    static_cast<long long>(last.bucketSeconds), last.buckets.size(), median(ms));
    }
    return 0;
}
