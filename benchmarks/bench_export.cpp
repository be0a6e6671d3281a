// SPDX-License-Identifier: GPL-3.0-or-later
// CSV export speed: every record of a case read in time order with nothing
// written (the floor: the blocks read and decompressed, as the export reads
// them), the same records decoded into field values (as the table and most
// readers take them, for comparison), then written as CSV to a sink that
// drops it, and to a file when one is given (written on a thread of its
// own: the main thread's CPU time is the formatting's), then each FILTER's
// matches to a sink that drops them. Prints wall and CPU time and records/s
// of each, one JSON object per line, with the CPU time of the main thread
// and of the busier of it and the others (the records are read ahead).
// Usage: flowscope-bench-export CASE [OUT.csv|-] [FILTER...]

#include "export/case_csv_export.h"
#include "export/csv_file.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "store/flow_pager.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <iostream>

using namespace flowscope;

namespace {

double cpuSeconds(int who = RUSAGE_SELF)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void measure(const char *name, const std::function<std::int64_t()> &run)
{
    const auto started = std::chrono::steady_clock::now();
    const double cpuStarted = cpuSeconds();
    const double threadStarted = cpuSeconds(RUSAGE_THREAD);
    const std::int64_t records = run();
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double cpu = cpuSeconds() - cpuStarted;
    // The records are read ahead on a second thread: on two idle cores the
    // wall time is about the busier thread's processor time.
    const double mainThread = cpuSeconds(RUSAGE_THREAD) - threadStarted;
    const double busiest = std::max(mainThread, cpu - mainThread);
    std::printf("{\"step\":\"%s\",\"records\":%lld,\"wall_s\":%.2f,\"cpu_s\":%.2f,\"main_thread_cpu_s\":%.2f,"
                "\"records_per_s_wall\":%.0f,\"records_per_s_cpu\":%.0f,\"records_per_s_busiest_thread\":%.0f}\n",
                name, static_cast<long long>(records), wall, cpu, mainThread, double(records) / wall,
                double(records) / cpu, double(records) / busiest);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::cerr << "Usage: flowscope-bench-export CASE [OUT.csv|-] [FILTER...]\n";
        return 2;
    }
    auto caseDb = CaseDb::open(argv[1], CaseDb::Mode::ReadOnly);
    const auto compiled = CaseFilter::compile(*caseDb, "");
    const auto &filter = *std::get<std::shared_ptr<const CaseFilter>>(compiled);

    RecordTest everything;
    everything.accept = [](const EncodedFlow &) { return true; };
    measure("read", [&] {
        FlowPager pager(*caseDb);
        std::int64_t records = 0;
        // As the export reads them: blocks decompressed ahead on a second thread.
        pager.forEachMatchingStored(everything, std::nullopt,
                                    [&](const EncodedFlow &, std::int64_t, const std::string &) { return ++records > 0; });
        return records;
    });
    measure("read-decoded", [&] {
        FlowPager pager(*caseDb);
        std::int64_t records = 0;
        pager.forEachMatching(everything, std::nullopt, [&](const FlowRow &) { return ++records > 0; });
        return records;
    });
    std::uint64_t bytes = 0;
    measure("csv-null", [&] {
        CsvWriter writer([&](std::string_view text) { return (bytes += text.size()) > 0; });
        return writeFlowsCsv(*caseDb, filter, writer);
    });
    std::printf("{\"csv_bytes\":%llu}\n", static_cast<unsigned long long>(bytes));
    if (argc >= 3 && std::string_view(argv[2]) != "-")
        measure("csv-file", [&] {
            CsvFile file(QString::fromLocal8Bit(argv[2]));
            if (!file.open())
                return std::int64_t{0};
            std::int64_t rows = 0;
            {
                CsvWriter writer(file.sink());
                rows = writeFlowsCsv(*caseDb, filter, writer);
            }
            return file.commit() ? rows : std::int64_t{0};
        });
    for (int i = 3; i < argc; ++i) {
        const auto matching = CaseFilter::compile(*caseDb, argv[i]);
        if (!std::holds_alternative<std::shared_ptr<const CaseFilter>>(matching)) {
            std::cerr << "flowscope-bench-export: not a filter: " << argv[i] << '\n';
            return 2;
        }
        const std::string step = std::string("csv-null ") + argv[i];
        measure(step.c_str(), [&] {
            CsvWriter writer([](std::string_view) { return true; });
            return writeFlowsCsv(*caseDb, *std::get<std::shared_ptr<const CaseFilter>>(matching), writer);
        });
    }
    return 0;
}
