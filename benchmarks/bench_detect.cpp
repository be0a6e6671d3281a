// SPDX-License-Identifier: GPL-3.0-or-later
// Detections: every detector over a case (or each alone with --each), the
// wall and CPU time of the one scan plus the detectors' finishing, the
// records read, the findings by type and the peak memory.
// Usage: flowscope-bench-detect CASE [FILTER] [--each]

#include "detect/detection_run.h"
#include "detect/detector_registry.h"
#include "incident/ioc_hit_detector.h"
#include "selection/case_filter.h"
#include "store/case_db.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace flowscope;

double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

void measure(CaseDb &caseDb, const std::shared_ptr<const CaseFilter> &filter, const std::vector<std::string> &only)
{
    DetectorSelection selection = selectDetectors(only, {});
    DetectionRequest request;
    request.filter = filter;
    for (auto &d : selection.detectors)
        request.detectors.push_back(d.get());
    request.runsLast = selection.runsLast;
    const auto wallStart = std::chrono::steady_clock::now();
    const double cpuStart = cpuSeconds();
    const DetectionResult result = runDetections(caseDb, request);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    const double cpu = cpuSeconds() - cpuStart;
    std::map<std::string, int> byType;
    for (const Finding &f : result.findings)
        ++byType[f.type];
    std::string counts;
    for (const auto &[type, n] : byType)
        counts += (counts.empty() ? "" : ", ") + type + ' ' + std::to_string(n);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%-18s %10llu records  %7.2f s wall  %7.2f s CPU  peak RSS %6ld MB  %s\n",
                only.empty() ? "all detectors" : only.front().c_str(), static_cast<unsigned long long>(result.recordsRead),
                wall, cpu, usage.ru_maxrss / 1024, counts.empty() ? "no findings" : counts.c_str());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "Usage: flowscope-bench-detect CASE [FILTER] [--each]\n");
        return 2;
    }
    flowscope::incident::registerIocHitDetector();
    std::string expression;
    bool each = false;
    for (int i = 2; i < argc; ++i) {
        if (std::string(argv[i]) == "--each")
            each = true;
        else
            expression = argv[i];
    }
    try {
        auto caseDb = CaseDb::open(argv[1], CaseDb::Mode::ReadOnly);
        const auto compiled = CaseFilter::compile(*caseDb, expression);
        if (const auto *error = std::get_if<FilterError>(&compiled)) {
            std::fprintf(stderr, "flowscope-bench-detect: filter: %s\n", error->message.c_str());
            return 2;
        }
        const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
        measure(*caseDb, filter, {});
        if (each)
            for (const DetectorType &type : detectorTypes())
                if (!type.runsLast)
                    measure(*caseDb, filter, {type.name});
    } catch (const std::exception &error) {
        std::fprintf(stderr, "flowscope-bench-detect: %s\n", error.what());
        return 2;
    }
    return 0;
}
