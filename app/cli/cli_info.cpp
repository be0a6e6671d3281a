// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_commands.h"
#include "cli_output.h"

#include "store/case_db.h"
#include "store/case_summary.h"
#include "store/cloudtrail_event_rows.h"
#include "store/sqlite_handle.h"

#include <QDateTime>

#include <iostream>

namespace flowscope::cli {

namespace {

std::string isoTime(std::int64_t epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).toString(Qt::ISODate).toStdString();
}

std::string jsonList(const std::vector<std::string> &values)
{
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? "," : "") + jsonString(values[i]);
    return out + "]";
}

std::string joined(const std::vector<std::string> &values)
{
    std::string out;
    for (const auto &value : values)
        out += (out.empty() ? "" : ", ") + value;
    return out.empty() ? "-" : out;
}

std::string cloudTrailJson(const std::vector<CloudTrailFileSummary> &files)
{
    std::string out = "[";
    for (std::size_t i = 0; i < files.size(); ++i) {
        const CloudTrailFileSummary &f = files[i];
        out += std::string(i ? "," : "") + "{\"path\":" + jsonString(f.path) + ",\"sha256\":" + jsonString(f.sha256)
            + ",\"events\":" + std::to_string(f.events) + ",\"first_time\":" + std::to_string(f.firstTime)
            + ",\"last_time\":" + std::to_string(f.lastTime) + '}';
    }
    return out + "]";
}

void printJson(const CaseSummary &s, const std::vector<CloudTrailFileSummary> &cloudTrail)
{
    std::cout << "{\"records\":" << s.records << ",\"files\":" << s.files << ",\"failed_files\":" << s.failedFiles
              << ",\"errors\":" << s.errors << ",\"first_start\":"
              << (s.firstStart ? std::to_string(*s.firstStart) : "null")
              << ",\"last_end\":" << (s.lastEnd ? std::to_string(*s.lastEnd) : "null") << ",\"formats\":[";
    for (std::size_t i = 0; i < s.formats.size(); ++i) {
        const FormatCount &f = s.formats[i];
        std::cout << (i ? "," : "") << "{\"delivery\":" << jsonString(f.delivery)
                  << ",\"log_format\":" << jsonString(f.logFormat) << ",\"files\":" << f.files
                  << ",\"records\":" << f.records << '}';
    }
    std::cout << "],\"enis\":" << s.interfaces << ",\"accounts\":" << jsonList(s.accounts)
              << ",\"regions\":" << jsonList(s.regions) << ",\"cloudtrail_files\":" << cloudTrailJson(cloudTrail)
              << ",\"schema_version\":" << s.schemaVersion << "}\n";
}

void printText(const std::string &path, const CaseSummary &s, const std::vector<CloudTrailFileSummary> &cloudTrail)
{
    std::cout << "Case:        " << path << '\n'
              << "Records:     " << s.records << '\n'
              << "Time range:  "
              << (s.firstStart && s.lastEnd ? isoTime(*s.firstStart) + " .. " + isoTime(*s.lastEnd) : std::string("-"))
              << " (UTC)\n"
              << "Files:       " << s.files << " imported, " << s.failedFiles << " rejected\n"
              << "ENIs:        " << s.interfaces << '\n'
              << "Accounts:    " << joined(s.accounts) << '\n'
              << "Regions:     " << joined(s.regions) << '\n'
              << "Errors:      " << s.errors << '\n'
              << "Formats:\n";
    for (const FormatCount &f : s.formats)
        std::cout << "  " << f.delivery << " (" << f.files << " files, " << f.records << " records): " << f.logFormat
                  << '\n';
    // Beside the flow logs: the CloudTrail files whose network events the case holds.
    std::cout << "CloudTrail:  " << cloudTrail.size() << (cloudTrail.size() == 1 ? " file" : " files") << '\n';
    for (const CloudTrailFileSummary &f : cloudTrail)
        std::cout << "  " << f.path << "\n    sha256 " << f.sha256 << ", " << f.events
                  << (f.events == 1 ? " event, " : " events, ") << isoTime(f.firstTime) << " .. " << isoTime(f.lastTime)
                  << " (UTC)\n";
}

} // namespace

int runInfo(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {}, {"json"});
    if (!arguments.ok() || arguments.positional().size() != 1) {
        std::cerr << "flowscope-cli info: " << (arguments.ok() ? "needs exactly one CASE" : arguments.error())
                  << "\nUsage: flowscope-cli info CASE [--json]\n";
        return ExitFatal;
    }
    try {
        auto caseDb = CaseDb::open(arguments.positional()[0], CaseDb::Mode::ReadOnly);
        const CaseSummary summary = summarizeCase(*caseDb);
        const std::vector<CloudTrailFileSummary> cloudTrail = cloudTrailFiles(caseDb->handle());
        if (arguments.flag("json"))
            printJson(summary, cloudTrail);
        else
            printText(arguments.positional()[0], summary, cloudTrail);
    } catch (const std::exception &error) {
        std::cerr << "flowscope-cli info: " << error.what() << '\n';
        return ExitFatal;
    }
    return ExitOk;
}

} // namespace flowscope::cli
