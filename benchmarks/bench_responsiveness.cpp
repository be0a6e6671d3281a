// SPDX-License-Identifier: GPL-3.0-or-later
// Event-loop stalls an analyst would feel, in two modes.
//
// Import: runs an ImportJob (the GUI's import path) while a 5 ms timer on the
// thread that owns it measures how late it fires.
//   flowscope-bench-responsiveness CASE INPUT...
//
// Window: opens CASE in the real MainWindow with every dock shown, applies
// five filters 100 ms apart, zooms and pans the timeline, and measures the
// GUI thread the same way, with the time to the first painted rows and the
// peak RSS (see window_scenario.h). --as-opened keeps the docks as the
// window opens them (the Case tab in front); --traces prints the GUI
// thread's stack whenever it stalls over 50 ms.
//   flowscope-bench-responsiveness --window CASE [--as-opened] [--traces]

#include "ingest/import_job.h"
#include "stall_meter.h"
#include "window_scenario.h"

#include <QApplication>
#include <QElapsedTimer>

#include <cstdio>

namespace {

int importMode(QCoreApplication &app, const QStringList &args)
{
    flowscope::ImportJob::registerMetaTypes();
    flowscope::ImportJob job(args.at(1), args.mid(2));
    flowscope::bench::StallMeter meter;
    qint64 records = 0;
    QObject::connect(&job, &flowscope::ImportJob::progress, &app,
                     [&](const flowscope::ImportProgress &progress) { records = qint64(progress.records); });
    QObject::connect(&job, &flowscope::ImportJob::finished, &app, [&](const flowscope::ImportReport &report) {
        records = qint64(report.records);
        app.quit();
    });
    QObject::connect(&job, &flowscope::ImportJob::failed, &app, [&](const QString &message) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(message));
        app.exit(1);
    });
    QElapsedTimer total;
    total.start();
    meter.start();
    job.start();
    const int rc = app.exec();
    const flowscope::bench::StallFigures all = meter.figures().back();
    if (all.ticks == 0)
        return 1;
    std::printf("| records | import s | timer ticks | median stall ms | p99 stall ms | max stall ms |\n"
                "|---|---|---|---|---|---|\n| %lld | %.2f | %zu | %.2f | %.2f | %.2f |\n",
                static_cast<long long>(records), double(total.elapsed()) / 1000.0, all.ticks, all.median, all.p99,
                all.max);
    return rc;
}

int usage()
{
    std::fprintf(stderr, "usage: flowscope-bench-responsiveness CASE INPUT...\n"
                         "       flowscope-bench-responsiveness --window CASE [--as-opened] [--traces]\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    const bool window = argc > 1 && qstrcmp(argv[1], "--window") == 0;
    if (!window) {
        QCoreApplication app(argc, argv);
        return app.arguments().size() < 3 ? usage() : importMode(app, app.arguments());
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("FlowscopeBench"));
    QCoreApplication::setApplicationName(QStringLiteral("flowscope-bench-responsiveness"));
    const QStringList args = app.arguments();
    flowscope::bench::WindowScenarioOptions options;
    for (const QString &arg : args.mid(2)) {
        if (arg == QLatin1String("--traces"))
            options.traces = true;
        else if (arg == QLatin1String("--as-opened"))
            options.allDocks = false;
        else if (options.casePath.isEmpty() && !arg.startsWith(QLatin1String("--")))
            options.casePath = arg;
        else
            return usage();
    }
    if (options.casePath.isEmpty())
        return usage();
    return flowscope::bench::runWindowScenario(options);
}
