// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The CLI's Qt application: a QCoreApplication, or for the PDF report, which
// lays text out with fonts, a QGuiApplication on the offscreen platform
// (unless QT_QPA_PLATFORM says otherwise). A shell, a cron job or a container
// often has no XDG_RUNTIME_DIR, which Qt's platform warns about on stderr: the
// report then gets a private runtime folder, removed on exit, so that stderr
// carries the CLI's own messages only.

#include <memory>

class QCoreApplication;
class QTemporaryDir;

namespace flowscope::cli {

class CliApplication {
public:
    CliApplication(int &argc, char **argv);
    ~CliApplication();
    CliApplication(const CliApplication &) = delete;
    CliApplication &operator=(const CliApplication &) = delete;

    // True when the command draws text (export --what report): it needs a QGuiApplication.
    static bool drawsWithFonts(int argc, char **argv);

private:
    std::unique_ptr<QTemporaryDir> m_runtimeDir; // outlives the application
    std::unique_ptr<QCoreApplication> m_app;
};

} // namespace flowscope::cli
