// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_application.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <string>
#include <vector>

namespace flowscope::cli {

bool CliApplication::drawsWithFonts(int argc, char **argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    return !args.empty() && args[0] == "export" && std::find(args.begin(), args.end(), "report") != args.end();
}

CliApplication::CliApplication(int &argc, char **argv)
{
    if (!drawsWithFonts(argc, argv)) {
        m_app = std::make_unique<QCoreApplication>(argc, argv);
        return;
    }
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        // Owned by the user and closed to others (0700), as Qt requires of a runtime folder.
        auto runtime = std::make_unique<QTemporaryDir>();
        if (runtime->isValid()) {
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime->path()));
            m_runtimeDir = std::move(runtime);
        }
    }
    m_app = std::make_unique<QGuiApplication>(argc, argv);
}

CliApplication::~CliApplication() = default;

} // namespace flowscope::cli
