// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_application.h"

#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

namespace flowscope::cli {

CliApplication::CliApplication(int &argc, char **argv)
{
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
