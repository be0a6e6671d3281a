// SPDX-License-Identifier: GPL-3.0-or-later
// Event-loop stalls while importing: runs an ImportJob (the GUI's import path)
// and, on the thread that owns it, a 5 ms timer whose lateness is the stall an
// analyst would feel.
// Usage: flowscope-bench-responsiveness CASE INPUT...

#include "ingest/import_job.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: flowscope-bench-responsiveness CASE INPUT...\n");
        return 2;
    }
    flowscope::ImportJob::registerMetaTypes();
    flowscope::ImportJob job(args.at(1), args.mid(2));

    std::vector<double> stalls;
    QElapsedTimer clock;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        if (clock.isValid())
            stalls.push_back(std::max(0.0, double(clock.nsecsElapsed()) / 1e6 - 5.0));
        clock.restart();
    });
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
    ticker.start();
    job.start();
    const int rc = app.exec();
    std::sort(stalls.begin(), stalls.end());
    if (stalls.empty())
        return 1;
    auto at = [&](double q) { return stalls[std::min(stalls.size() - 1, std::size_t(q * double(stalls.size())))]; };
    std::printf("| records | import s | timer ticks | median stall ms | p99 stall ms | max stall ms |\n"
                "|---|---|---|---|---|---|\n| %lld | %.2f | %zu | %.2f | %.2f | %.2f |\n",
                static_cast<long long>(records), double(total.elapsed()) / 1000.0, stalls.size(), at(0.5), at(0.99),
                stalls.back());
    return rc;
}
