// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_case.h"

#include "ingest/case_importer.h"
#include "store/case_db.h"

#include <map>

namespace flowscope {

DemoCaseResult importDemoInput(CaseDb &caseDb, const std::filesystem::path &inputRoot, const DemoOptions &options)
{
    DemoCaseResult result;
    result.input = writeDemoDataset(inputRoot, options);
    // Files without a header of their own need the flow log's format string,
    // as an analyst would give it.
    std::map<std::string, std::vector<std::filesystem::path>> byFormat;
    for (const DemoFile &file : result.input.files)
        byFormat[file.logFormat].push_back(inputRoot / file.relativePath);
    for (const auto &[format, files] : byFormat) {
        ImportOptions importOptions;
        if (!format.empty()) {
            std::string error;
            importOptions.logFormat = LogFormat::parse(format, &error);
        }
        const ImportReport report = CaseImporter(caseDb).run(files, importOptions);
        result.records += report.records;
        result.errors += report.errorCount;
    }
    return result;
}

std::filesystem::path ensureDemoCase(const std::filesystem::path &folder)
{
    const std::filesystem::path casePath = folder / "demo.flowcase";
    if (std::filesystem::exists(casePath))
        return casePath;
    std::filesystem::create_directories(folder);
    // Build beside the final name and rename: a half-built demo is never opened.
    const std::filesystem::path building = folder / "demo.flowcase.building";
    std::error_code ec;
    for (const char *suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(building.string() + suffix, ec);
    {
        auto caseDb = CaseDb::open(building, CaseDb::Mode::CreateIfMissing);
        importDemoInput(*caseDb, folder / "input");
    }
    std::filesystem::rename(building, casePath);
    return casePath;
}

} // namespace flowscope
