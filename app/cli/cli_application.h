// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// flowscope-cli-report's Qt application: the PDF report lays text out with
// fonts, so a QGuiApplication on the offscreen platform (unless
// QT_QPA_PLATFORM says otherwise). A shell, a cron job or a container often
// has no XDG_RUNTIME_DIR, which Qt's platform warns about on stderr: the
// report then gets a private runtime folder, removed on exit, so that stderr
// carries the CLI's own messages only.

#include <memory>

class QGuiApplication;
class QTemporaryDir;

namespace flowscope::cli {

class CliApplication {
public:
    CliApplication(int &argc, char **argv);
    ~CliApplication();
    CliApplication(const CliApplication &) = delete;
    CliApplication &operator=(const CliApplication &) = delete;

private:
    std::unique_ptr<QTemporaryDir> m_runtimeDir; // outlives the application
    std::unique_ptr<QGuiApplication> m_app;
};

} // namespace flowscope::cli
