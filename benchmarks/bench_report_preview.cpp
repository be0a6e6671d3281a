// SPDX-License-Identifier: GPL-3.0-or-later
// Report preview: the time until the dialog's preview shows the first three
// pages of a case's report, every section ticked and none read before, in
// two ways: in two steps as the dialog draws it (the first pages once the
// sections drawn on them are read, then the rest for the page numbers) and
// in one (every section read, then the pages drawn, as before the two steps).
// Wall and CPU (all threads) medians. Run with QT_QPA_PLATFORM=offscreen.
// Usage: flowscope-bench-report-preview CASE [RUNS=3]

#include "bench_support.h"
#include "report/report_preview.h"

#include <QGuiApplication>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

namespace {

using flowscope::bench::Clock;
using flowscope::bench::median;
using flowscope::bench::msSince;
using namespace flowscope::report;

double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

ReportRequest requestFor(const char *casePath)
{
    ReportRequest request;
    request.casePath = QString::fromLocal8Bit(casePath);
    request.parts = allReportParts();
    request.cache = std::make_shared<ReportSectionCache>(); // nothing read yet, as a dialog just opened
    return request;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: flowscope-bench-report-preview CASE [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    constexpr int kPages = 3;
    constexpr double kDotsPerInch = 32;
    std::vector<double> firstWall, firstCpu, stagedWall, stagedCpu, wholeWall, wholeCpu;
    for (int run = 0; run < runs; ++run) {
        {
            const ReportRequest request = requestFor(argv[1]);
            auto started = Clock::now();
            const double cpu = cpuMs();
            PreviewSteps steps;
            steps.firstPages = [&](std::vector<QImage>) {
                firstWall.push_back(msSince(started));
                firstCpu.push_back(cpuMs() - cpu);
            };
            buildReportPreview(request, kPages, kDotsPerInch, {}, steps);
            stagedWall.push_back(msSince(started));
            stagedCpu.push_back(cpuMs() - cpu);
        }
        {
            const ReportRequest request = requestFor(argv[1]);
            auto started = Clock::now();
            const double cpu = cpuMs();
            buildReportPreview(request, kPages, kDotsPerInch, {});
            wholeWall.push_back(msSince(started));
            wholeCpu.push_back(cpuMs() - cpu);
        }
    }
    std::printf("one step (every section, then the pages): %.0f ms wall, %.0f ms CPU\n", median(wholeWall), median(wholeCpu));
    std::printf("two steps, first pages shown: %.0f ms wall, %.0f ms CPU\n", median(firstWall), median(firstCpu));
    std::printf("two steps, page numbers in:   %.0f ms wall, %.0f ms CPU\n", median(stagedWall), median(stagedCpu));
    std::printf("(%d runs, medians)\n", runs);
    return 0;
}
