// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_case_filter.h"
#include "cli_commands.h"
#include "cli_output.h"

#include "detect/detection_run.h"
#include "detect/detector_registry.h"
#include "detect/evidence_filter.h"
#include "detect/finding_store.h"
#include "query/filter_error.h"
#include "selection/case_filter.h"
#include "store/case_db.h"

#include <chrono>
#include <cmath>
#include <iostream>

namespace flowscope::cli {

namespace {

const char *const kUsage = "\nUsage: flowscope-cli detect CASE [FILTER] [--only TYPE,...] [--set DETECTOR.NAME=VALUE]..."
                           " [--format json|table]\n";

std::vector<std::string> splitList(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t comma = std::min(text.find(',', from), text.size());
        if (comma > from)
            out.push_back(text.substr(from, comma - from));
        from = comma + 1;
    }
    return out;
}

std::string jsonOptional(const std::optional<std::string> &text)
{
    return text ? jsonString(*text) : std::string("null");
}

std::string periodText(const std::optional<double> &period)
{
    return period ? std::to_string(std::llround(*period)) : std::string();
}

void printJson(const std::vector<Finding> &findings)
{
    std::cout << '[';
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const Finding &f = findings[i];
        std::cout << (i ? ",\n" : "\n") << "{\"id\":" << jsonString(f.id) << ",\"type\":" << jsonString(f.type)
                  << ",\"severity\":" << jsonString(severityName(f.severity)) << ",\"title\":" << jsonString(f.title)
                  << ",\"src\":" << jsonOptional(f.src ? std::optional(f.src->toString()) : std::nullopt)
                  << ",\"dst\":" << jsonOptional(f.dst ? std::optional(f.dst->toString()) : std::nullopt)
                  << ",\"dstport\":" << (f.dstPort ? std::to_string(*f.dstPort) : "null")
                  << ",\"protocol\":" << (f.protocol ? std::to_string(*f.protocol) : "null")
                  << ",\"interface-id\":" << jsonOptional(f.interfaceId) << ",\"start\":" << f.start
                  << ",\"end\":" << f.end << ",\"records\":" << f.records << ",\"bytes\":" << f.bytes
                  << ",\"period_s\":" << (f.periodSeconds ? periodText(f.periodSeconds) : "null")
                  << ",\"evidence_filter\":" << jsonString(f.evidenceFilter) << '}';
    }
    std::cout << "\n]\n";
}

void printTable(const std::vector<Finding> &findings)
{
    std::vector<std::vector<std::string>> rows;
    for (const Finding &f : findings)
        rows.push_back({f.id, std::string(severityName(f.severity)), isoUtcSeconds(f.start), isoUtcSeconds(f.end),
                        std::to_string(f.records), std::to_string(f.bytes), periodText(f.periodSeconds), f.title});
    writeTable(std::cout, {"id", "severity", "start", "end", "records", "bytes", "period_s", "title"}, rows);
}

} // namespace

int runDetect(const std::vector<std::string> &args)
{
    // --set repeats, which Arguments does not keep: taken out first.
    std::vector<std::pair<std::string, std::string>> settings;
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string setting;
        if (args[i] == "--set") {
            if (i + 1 == args.size()) {
                std::cerr << "flowscope-cli detect: --set needs DETECTOR.NAME=VALUE" << kUsage;
                return ExitFatal;
            }
            setting = args[++i];
        } else if (args[i].starts_with("--set=")) {
            setting = args[i].substr(6);
        } else {
            rest.push_back(args[i]);
            continue;
        }
        const std::size_t equals = setting.find('=');
        if (equals == std::string::npos || equals == 0) {
            std::cerr << "flowscope-cli detect: --set '" << setting << "' is not DETECTOR.NAME=VALUE" << kUsage;
            return ExitFatal;
        }
        settings.emplace_back(setting.substr(0, equals), setting.substr(equals + 1));
    }
    const Arguments arguments(rest, {"only", "format"}, {});
    if (!arguments.ok() || arguments.positional().empty() || arguments.positional().size() > 2) {
        std::cerr << "flowscope-cli detect: " << (arguments.ok() ? "needs CASE and at most one FILTER" : arguments.error())
                  << kUsage;
        return ExitFatal;
    }
    const std::string format = arguments.value("format").value_or("table");
    if (format != "json" && format != "table") {
        std::cerr << "flowscope-cli detect: unknown --format '" << format << "'" << kUsage;
        return ExitFatal;
    }
    const std::vector<std::string> only = splitList(arguments.value("only").value_or(""));
    if (arguments.value("only") && only.empty()) {
        std::cerr << "flowscope-cli detect: --only needs detector names" << kUsage;
        return ExitFatal;
    }
    DetectorSelection selection = selectDetectors(only, settings);
    if (!selection.error.empty()) {
        std::cerr << "flowscope-cli detect: " << selection.error << '\n';
        return ExitFatal;
    }
    const std::string expression = arguments.positional().size() == 2 ? arguments.positional()[1] : std::string();
    try {
        auto caseDb = CaseDb::open(arguments.positional()[0], CaseDb::Mode::ReadWrite);
        CliCaseFilter caseFilter;
        const auto compiled = caseFilter.compile(*caseDb, expression, "detect");
        if (const auto *error = std::get_if<FilterError>(&compiled)) {
            std::cerr << "flowscope-cli detect: " << renderFilterError(expression, *error) << '\n';
            return ExitFatal;
        }
        DetectionRequest request;
        request.filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
        std::vector<std::string> types;
        for (const auto &detector : selection.detectors) {
            request.detectors.push_back(detector.get());
            types.emplace_back(detector->type());
        }
        request.runsLast = selection.runsLast;
        const DetectionResult result = runDetections(*caseDb, request);
        StoredRun run;
        run.runAt = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
        run.filter = expression;
        run.parameters = describeParameters(selection.detectors);
        run.recordsRead = result.recordsRead;
        // As stored: a finding found again keeps its id and the analyst's severity.
        const std::vector<Finding> stored = storeFindings(*caseDb, types, run, result.findings);
        if (format == "json")
            printJson(stored);
        else
            printTable(stored);
    } catch (const std::exception &error) {
        std::cerr << "flowscope-cli detect: " << error.what() << '\n';
        return ExitFatal;
    }
    return ExitOk;
}

} // namespace flowscope::cli
