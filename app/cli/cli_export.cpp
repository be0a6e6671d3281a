// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-cli export: a case's records, statistics or reject explanations
// as CSV, to a file (written whole or not at all) or to stdout.

#include "cli_arguments.h"
#include "cli_case_filter.h"
#include "cli_commands.h"
#include "cli_export_report.h"

#include "explain/snapshot_store.h"
#include "export/case_csv_export.h"
#include "export/csv_file.h"
#include "export/incident_csv_export.h"
#include "export/write_behind.h"
#include "query/filter_error.h"
#include "selection/case_filter.h"
#include "store/case_db.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <iostream>
#include <map>
#include <set>

namespace flowscope::cli {

namespace {

const char *const kUsage =
    "Usage: flowscope-cli export CASE --what flows|conversations|endpoints|explanations [FILTER]\n"
    "       [--by addresses|service | address|eni] [--group] [--format csv] [--out FILE|-] [--raw]\n"
    "       flowscope-cli export CASE --what findings|incident [--format csv] [--out FILE|-] [--raw]\n"
    "       flowscope-cli export CASE --what report [FILTER] --format pdf --out FILE [--analyst NAME]\n"
    "       [--title TEXT] [--text TEXT] [--page a4|letter]\n"
    "       [--sections summary,timeline,graph,findings,rejects,incident,sources]\n";

int usage(const std::string &problem)
{
    std::cerr << "flowscope-cli export: " << problem << '\n' << kUsage;
    return ExitFatal;
}

struct ExportRequest {
    CaseDb &caseDb;
    const CaseFilter &filter;
    const Arguments &arguments;
    CsvWriter &writer;
};

// What --what names: checks its own options (an error text, or empty) and writes its table.
struct ExportKind {
    std::function<std::string(const Arguments &)> check;
    std::function<std::int64_t(const ExportRequest &)> write;
};

std::string noOption(const Arguments &arguments, const char *what)
{
    if (arguments.value("by"))
        return std::string("--by does not apply to ") + what;
    if (arguments.flag("group"))
        return std::string("--group does not apply to ") + what;
    return {};
}

// What the case holds as a whole (findings, the incident timeline) is not
// selected by a filter.
std::string caseTable(const Arguments &arguments, const char *what)
{
    if (arguments.positional().size() == 2)
        return std::string("a FILTER does not apply to ") + what + ": every one the case holds is exported";
    return noOption(arguments, what);
}

// The tables `export` writes.
const std::map<std::string, ExportKind> &exportKinds()
{
    static const std::map<std::string, ExportKind> kinds{
        {"flows",
         {[](const Arguments &a) { return noOption(a, "flows"); },
          [](const ExportRequest &r) { return writeFlowsCsv(r.caseDb, r.filter, r.writer); }}},
        {"conversations",
         {[](const Arguments &a) {
              const std::string by = a.value("by").value_or("addresses");
              if (a.flag("group"))
                  return std::string("--group does not apply to conversations");
              return by == "addresses" || by == "service" ? std::string()
                                                          : "--by for conversations is addresses or service, not '" + by + "'";
          },
          [](const ExportRequest &r) {
              const bool service = r.arguments.value("by").value_or("addresses") == "service";
              return writeConversationsCsv(r.caseDb, r.filter,
                                           service ? ConversationKey::AddressesProtocolPort : ConversationKey::Addresses,
                                           r.writer);
          }}},
        {"endpoints",
         {[](const Arguments &a) {
              const std::string by = a.value("by").value_or("address");
              if (a.flag("group"))
                  return std::string("--group does not apply to endpoints");
              return by == "address" || by == "eni" ? std::string()
                                                    : "--by for endpoints is address or eni, not '" + by + "'";
          },
          [](const ExportRequest &r) {
              const bool eni = r.arguments.value("by").value_or("address") == "eni";
              return writeEndpointsCsv(r.caseDb, r.filter, eni ? EndpointKey::Interface : EndpointKey::Address, r.writer);
          }}},
        {"explanations",
         {[](const Arguments &a) {
              return a.value("by") ? std::string("--by does not apply to explanations") : std::string();
          },
          [](const ExportRequest &r) {
              auto snapshots = explain::loadSnapshotTimeline(r.caseDb);
              return r.arguments.flag("group") ? writeRejectGroupsCsv(r.caseDb, r.filter, std::move(snapshots), r.writer)
                                               : writeExplanationsCsv(r.caseDb, r.filter, std::move(snapshots), r.writer);
          }}},
        {"findings",
         {[](const Arguments &a) { return caseTable(a, "findings"); },
          [](const ExportRequest &r) { return writeFindingsCsv(r.caseDb, r.writer); }}},
        {"incident",
         {[](const Arguments &a) { return caseTable(a, "incident"); },
          [](const ExportRequest &r) { return writeIncidentCsv(r.caseDb, r.writer); }}},
    };
    return kinds;
}

} // namespace

int runExport(const std::vector<std::string> &args)
{
    std::set<std::string> valued{"what", "format", "out", "by"};
    valued.insert(std::begin(kReportOptions), std::end(kReportOptions));
    const Arguments arguments(args, valued, {"raw", "group"});
    if (!arguments.ok())
        return usage(arguments.error());
    if (arguments.positional().empty() || arguments.positional().size() > 2)
        return usage("needs CASE and at most one FILTER");
    const auto what = arguments.value("what");
    if (!what)
        return usage("needs --what");
    if (*what == "report")
        return exportReport(arguments, args);
    for (const char *option : kReportOptions)
        if (arguments.value(option))
            return usage(std::string("--") + option + " applies only to the report");
    const auto kind = exportKinds().find(*what);
    if (kind == exportKinds().end())
        return usage("--what '" + *what + "' is not one of flows, conversations, endpoints, explanations, findings, incident, report");
    const std::string format = arguments.value("format").value_or("csv");
    if (format != "csv")
        return usage("--format '" + format + "' is not csv");
    if (const std::string problem = kind->second.check(arguments); !problem.empty())
        return usage(problem);
    const std::string out = arguments.value("out").value_or("-");
    const CsvCells cells = arguments.flag("raw") ? CsvCells::Raw : CsvCells::Neutralised;
    const std::string expression = arguments.positional().size() == 2 ? arguments.positional()[1] : std::string();

    try {
        auto caseDb = CaseDb::open(arguments.positional()[0], CaseDb::Mode::ReadOnly);
        CliCaseFilter caseFilter;
        const auto compiled = caseFilter.compile(*caseDb, expression, "export");
        if (const auto *invalid = std::get_if<FilterError>(&compiled)) {
            std::cerr << "flowscope-cli export: " << renderFilterError(expression, *invalid) << '\n';
            return ExitFatal;
        }
        const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);

        if (out == "-") {
            // Written on a thread of its own, as a file is (CsvFile); the
            // first failure's reason is kept for the message.
            int writeErrno = 0;
            WriteBehind writeBehind([&writeErrno](std::string_view text) {
                if (std::fwrite(text.data(), 1, text.size(), stdout) == text.size())
                    return true;
                writeErrno = errno;
                return false;
            });
            std::int64_t rows = 0;
            bool written = false;
            {
                CsvWriter writer(writeBehind.sink(), cells);
                rows = kind->second.write({*caseDb, *filter, arguments, writer});
                written = writer.flush();
            }
            written = writeBehind.finish() && written;
            if (!written || std::fflush(stdout) != 0) {
                const int reason = writeErrno != 0 ? writeErrno : errno;
                std::cerr << "flowscope-cli export: writing to standard output failed"
                          << (reason != 0 ? std::string(": ") + std::strerror(reason) : std::string()) << '\n';
                return ExitFatal;
            }
            if (*what == "flows") // on stderr, as with --out: the CSV stays clean
                caseFilter.noteWhenEmpty(*caseDb, *filter, rows, "export", std::cerr);
            return ExitOk;
        }
        CsvFile file(QString::fromStdString(out));
        if (!file.open()) {
            std::cerr << "flowscope-cli export: " << file.error().toStdString() << '\n';
            return ExitFatal;
        }
        std::int64_t rows = 0;
        {
            CsvWriter writer(file.sink(), cells);
            rows = kind->second.write({*caseDb, *filter, arguments, writer});
        }
        if (!file.commit()) {
            std::cerr << "flowscope-cli export: " << file.error().toStdString() << '\n';
            return ExitFatal;
        }
        std::cerr << "flowscope-cli export: " << rows << (rows == 1 ? " row" : " rows") << " written to " << out << '\n';
        if (*what == "flows")
            caseFilter.noteWhenEmpty(*caseDb, *filter, rows, "export", std::cerr);
    } catch (const std::exception &exception) {
        std::cerr << "flowscope-cli export: " << exception.what() << '\n';
        return ExitFatal;
    }
    return ExitOk;
}

} // namespace flowscope::cli
