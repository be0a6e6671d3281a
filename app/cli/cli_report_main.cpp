// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-cli-report: `flowscope-cli export CASE --what report ...`, which
// flowscope-cli hands over (see cli_export_report.h) so that it links no QtGui.

#include "cli_application.h"
#include "cli_commands.h"
#include "cli_export_report.h"
#include "cli_report_writer.h"

#include "incident/ioc_hit_detector.h"
#include "known_case_schema.h"

#include <QCoreApplication>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char **argv)
{
    const flowscope::cli::CliApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("flowscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLOWSCOPE_VERSION));

    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] != "export") {
        std::cerr << "flowscope-cli-report: started by flowscope-cli for `flowscope-cli export CASE --what report ...`\n";
        return flowscope::cli::ExitFatal;
    }
    flowscope::incident::registerIocHitDetector();
    flowscope::installKnownCaseSchema(); // no migrations replayed to check the case opened
    flowscope::cli::setReportWriter(&flowscope::cli::writeReport);
    return flowscope::cli::runExport(std::vector<std::string>(args.begin() + 1, args.end()));
}
