// SPDX-License-Identifier: GPL-3.0-or-later
// Flow table paging: the time to fetch a 256-row page at random scrollbar
// positions of a case, and scrolling page by page.
// Usage: flowscope-bench-table CASE [JUMPS=200]

#include "itemmodels/flow_table_model.h"
#include "store/case_db.h"
#include "store/flow_pager.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

void report(const char *what, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
    std::printf("| %s | %zu | %.2f | %.2f | %.2f |\n", what, ms.size(), at(0.5), at(0.95), ms.back());
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: flowscope-bench-table CASE [JUMPS]\n");
        return 2;
    }
    const int jumps = argc > 2 ? std::atoi(argv[2]) : 200;
    constexpr int kPage = flowscope::FlowTableModel::kPageSize;
    auto caseDb = flowscope::CaseDb::open(argv[1], flowscope::CaseDb::Mode::ReadOnly);

    auto started = Clock::now();
    flowscope::FlowPager pager(*caseDb);
    const double openMs = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    const std::int64_t records = pager.recordCount();
    std::printf("%lld records; opening the pager: %.1f ms\n\n", static_cast<long long>(records), openMs);
    std::printf("| page fetch (256 rows) | pages | median ms | p95 ms | max ms |\n|---|---|---|---|---|\n");

    std::mt19937_64 random(1);
    std::vector<double> jumpMs;
    for (int i = 0; i < jumps; ++i) {
        const std::int64_t position = static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(records));
        started = Clock::now();
        const auto rows = pager.rowsAt(position, kPage);
        jumpMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
        if (rows.empty())
            return 1;
    }
    report("jump to a random position", jumpMs);

    std::vector<double> scrollMs;
    std::int64_t position = records / 3;
    for (int i = 0; i < jumps; ++i, position += kPage) {
        started = Clock::now();
        pager.rowsAt(position, kPage);
        scrollMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    }
    report("next page (scrolling)", scrollMs);
    return 0;
}
