// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope: the investigation workbench. Without arguments it opens the
// bundled demo case (built on first use in the user's cache folder).

#include "main_window.h"

#include "demo/demo_case.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStandardPaths>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("flowscope"));
    QApplication::setOrganizationName(QStringLiteral("Flowscope"));
    QApplication::setApplicationVersion(QStringLiteral(FLOWSCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Investigation workbench for AWS VPC Flow Logs"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("case"),
                                 QApplication::translate("main", "Case file to open (default: the demo case)"));
    parser.process(app);

    flowscope::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty()) {
        window.openCase(parser.positionalArguments().constFirst());
    } else {
        const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        try {
            const auto demo = flowscope::ensureDemoCase((cache + QStringLiteral("/demo")).toStdString());
            window.openCase(QString::fromStdString(demo.string()));
        } catch (const std::exception &error) {
            window.showError(QApplication::translate("main", "Cannot build the demo case: %1")
                                 .arg(QString::fromLocal8Bit(error.what())));
        }
    }
    return app.exec();
}
