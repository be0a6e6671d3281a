// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_export_report.h"

#include "cli_commands.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <iostream>

#include <unistd.h>

namespace flowscope::cli {

const char *const kReportOptions[5] = {"analyst", "title", "text", "page", "sections"};

namespace {

ReportWriter g_writer = nullptr;

constexpr const char *kHelper = "flowscope-cli-report";

// Beside flowscope-cli in the build tree; installed, under libexec (see
// app/cli/CMakeLists.txt).
QStringList helperCandidates()
{
    const QString dir = QCoreApplication::applicationDirPath();
    return {dir + QLatin1Char('/') + QLatin1String(kHelper),
            dir + QStringLiteral("/../libexec/flowscope/") + QLatin1String(kHelper)};
}

} // namespace

void setReportWriter(ReportWriter writer) { g_writer = writer; }

int exportReport(const Arguments &arguments, const std::vector<std::string> &args)
{
    if (g_writer)
        return g_writer(arguments);
    const QStringList candidates = helperCandidates();
    for (const QString &candidate : candidates) {
        const QFileInfo info(candidate);
        if (!info.isFile() || !info.isExecutable())
            continue;
        const QByteArray path = QFile::encodeName(info.absoluteFilePath());
        std::vector<std::string> argvText{kHelper, "export"};
        argvText.insert(argvText.end(), args.begin(), args.end());
        std::vector<char *> argv;
        for (std::string &text : argvText)
            argv.push_back(text.data());
        argv.push_back(nullptr);
        std::cout.flush();
        std::cerr.flush();
        ::execv(path.constData(), argv.data());
        std::cerr << "flowscope-cli export: cannot start " << path.constData() << ": " << std::strerror(errno) << '\n';
        return ExitFatal;
    }
    std::cerr << "flowscope-cli export: the report is written by " << kHelper << ", which is not installed (looked for "
              << candidates.join(QStringLiteral(" and ")).toStdString() << ")\n";
    return ExitFatal;
}

} // namespace flowscope::cli
