// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope: the investigation workbench. Without arguments it opens the
// bundled demo case (built on first use in the user's cache folder).

#include "app_palette.h"
#include "app_translation.h"
#include "filter_bar.h"
#include "case_session.h"
#include "main_window.h"

#include "demo/demo_case.h"
#include "incident/ioc_hit_detector.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QStandardPaths>
#include <QStatusBar>

namespace {

QIcon applicationIcon()
{
    QIcon icon;
    if (QFile::exists(QStringLiteral(":/icons/flowscope.svg")))
        icon.addFile(QStringLiteral(":/icons/flowscope.svg"));
    for (int size : {16, 32, 48, 64, 128, 256}) {
        const QString png = QStringLiteral(":/icons/%1x%1/flowscope.png").arg(size);
        if (QFile::exists(png))
            icon.addFile(png, QSize(size, size));
    }
    return icon;
}

// The case named on the command line, the case open when Flowscope last
// closed (a restart to change the language comes back to it), or the demo case.
// The demo is built again when this build's demo differs; like any case with
// findings, it opens on them in the default layout.
void openFirstCase(flowscope::MainWindow &window, const QStringList &arguments)
{
    if (!arguments.isEmpty()) {
        window.openCase(arguments.constFirst());
        return;
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/demo");
    const QStringList recent = window.session()->recentCases();
    const bool lastIsDemo = !recent.isEmpty()
        && QFileInfo(recent.constFirst()) == QFileInfo(folder + QStringLiteral("/demo.flowcase"));
    if (!lastIsDemo && window.session()->reopenLastCase())
        return;
    try {
        const auto demo = flowscope::ensureDemoCase(folder.toStdString());
        window.openCase(QString::fromStdString(demo.string()));
    } catch (const std::exception &error) {
        window.showError(QApplication::translate("main", "Cannot build the demo case: %1")
                             .arg(QString::fromLocal8Bit(error.what())));
    }
}

} // namespace

int main(int argc, char **argv)
{
    // Fractional scale factors (1.25, 1.5) as the screen has them, not rounded.
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("flowscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Flowscope"));
    QApplication::setOrganizationName(QStringLiteral("Flowscope"));
    QApplication::setApplicationVersion(QStringLiteral(FLOWSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.flowscope.Flowscope"));
    const QIcon icon = applicationIcon();
    if (!icon.isNull())
        QApplication::setWindowIcon(icon);
    flowscope::installConfiguredTranslation(); // the system's language unless the settings say otherwise
    flowscope::incident::registerIocHitDetector();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Investigation workbench for AWS VPC Flow Logs"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("case"),
                                 QApplication::translate("main", "Case file to open (default: the demo case)"));
    const QCommandLineOption noCase(QStringLiteral("no-case"),
                                    QApplication::translate("main", "Start without opening a case"));
    parser.addOption(noCase);
    // As Wireshark's -Y: open with a display filter in force.
    const QCommandLineOption filter({QStringLiteral("Y"), QStringLiteral("filter")},
                                    QApplication::translate("main", "Display filter to apply"),
                                    QApplication::translate("main", "expression"));
    parser.addOption(filter);
    parser.process(app);

    flowscope::AppPalette palette;
    palette.install();

    flowscope::MainWindow window;
    window.setAppPalette(&palette);
    window.show();
    // A wrong filter stays in the bar, coloured, with its error in the
    // status bar (and in the bar's tooltip on hover).
    if (parser.isSet(filter))
        window.applyCommandLineFilter(parser.value(filter));
    if (!parser.isSet(noCase))
        openFirstCase(window, parser.positionalArguments());
    return app.exec();
}
