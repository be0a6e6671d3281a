// SPDX-License-Identifier: GPL-3.0-or-later
// Detections: every detector over a case (or each alone with --each), the
// wall and CPU time of the one scan plus the detectors' finishing, the
// records read, the findings by type and the peak memory. --hunt-cidrs N
// adds an IOC list of N random CIDR blocks to the case (so give it a copy)
// and times its retro-hunt, as `flowscope-cli ioc CASE hunt` runs it.
// Usage: flowscope-bench-detect CASE [FILTER] [--each] [--hunt-cidrs N]

#include "detect/detection_run.h"
#include "detect/detector_registry.h"
#include "incident/ioc_hit_detector.h"
#include "incident/ioc_hunt.h"
#include "incident/ioc_list_store.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "store/flow_pager.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
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

bool isPrivateV4(const std::string &address)
{
    return address.rfind("10.", 0) == 0 || address.rfind("192.168.", 0) == 0
        || (address.rfind("172.", 0) == 0 && std::atoi(address.c_str() + 4) >= 16 && std::atoi(address.c_str() + 4) < 32);
}

// The busiest outside IPv4 addresses of a sample of the case's records: a
// thousand records at each of a hundred places.
std::vector<std::string> busyOutsideAddresses(CaseDb &caseDb, std::size_t count)
{
    FlowPager pager(caseDb);
    std::map<std::string, int> seen;
    for (int place = 0; place < 100; ++place) {
        for (const FlowRow &row : pager.rowsAt(pager.recordCount() / 100 * place, 1000)) {
            for (const Field field : {Field::SrcAddr, Field::DstAddr}) {
                const auto *address = std::get_if<std::string>(&row.value(field));
                if (address && address->find(':') == std::string::npos && !isPrivateV4(*address))
                    ++seen[*address];
            }
        }
    }
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto &[address, n] : seen)
        ranked.emplace_back(n, address);
    std::sort(ranked.rbegin(), ranked.rend());
    std::vector<std::string> busy;
    for (std::size_t i = 0; i < ranked.size() && i < count; ++i)
        busy.push_back(ranked[i].second);
    return busy;
}

// `count` CIDR blocks, random over the IPv4 space from a fixed seed: 70% /24,
// the rest /16 to /22 and /25 to /32; plus a /24 around each of 50 busy
// outside addresses of the case, so that the hunt has hits.
std::string writeCidrList(CaseDb &caseDb, std::size_t count)
{
    const std::string path = (std::filesystem::temp_directory_path()
                              / ("flowscope-bench-cidrs-" + std::to_string(count) + ".txt")).string();
    std::ofstream out(path);
    std::mt19937_64 random(20261207);
    const int otherLengths[] = {16, 17, 18, 19, 20, 21, 22, 25, 26, 27, 28, 29, 30, 31, 32};
    for (std::size_t i = 0; i < count; ++i) {
        const int length = random() % 10 < 7 ? 24 : otherLengths[random() % std::size(otherLengths)];
        const std::uint32_t address = static_cast<std::uint32_t>(random()) & (length == 32 ? ~0u : ~((1u << (32 - length)) - 1));
        out << (address >> 24) << '.' << (address >> 16 & 255) << '.' << (address >> 8 & 255) << '.' << (address & 255)
            << '/' << length << '\n';
    }
    for (const std::string &address : busyOutsideAddresses(caseDb, 50))
        out << address.substr(0, address.rfind('.')) << ".0/24\n";
    return path;
}

void measureHunt(const char *casePath, std::size_t cidrs)
{
    auto caseDb = CaseDb::open(casePath, CaseDb::Mode::ReadWrite);
    const std::string name = "bench-cidrs-" + std::to_string(cidrs);
    const std::string file = writeCidrList(*caseDb, cidrs);
    incident::removeIocList(*caseDb, name); // from an earlier run
    const incident::IocAddResult added = incident::addIocFiles(*caseDb, name, {file});
    std::filesystem::remove(file);
    if (!added.stored)
        throw std::runtime_error("the list was not stored: " + added.refusal);
    const auto wallStart = std::chrono::steady_clock::now();
    const double cpuStart = cpuSeconds();
    const incident::IocHunt hunt = incident::huntIocLists(*caseDb, {name});
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    const double cpu = cpuSeconds() - cpuStart;
    if (!hunt.error.empty())
        throw std::runtime_error(hunt.error);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%-18s %10lld indicators  %7.2f s wall  %7.2f s CPU  peak RSS %6ld MB  %zu hit, %lld blocks read\n",
                "IOC hunt", static_cast<long long>(hunt.indicators), wall, cpu, usage.ru_maxrss / 1024, hunt.hits.size(),
                static_cast<long long>(hunt.blocksRead));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "Usage: flowscope-bench-detect CASE [FILTER] [--each] [--hunt-cidrs N]\n");
        return 2;
    }
    flowscope::incident::registerIocHitDetector();
    std::string expression;
    bool each = false;
    std::size_t huntCidrs = 0;
    for (int i = 2; i < argc; ++i) {
        if (std::string(argv[i]) == "--each")
            each = true;
        else if (std::string(argv[i]) == "--hunt-cidrs" && i + 1 < argc)
            huntCidrs = std::strtoull(argv[++i], nullptr, 10);
        else
            expression = argv[i];
    }
    try {
        if (huntCidrs > 0) {
            measureHunt(argv[1], huntCidrs);
            return 0;
        }
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
