// SPDX-License-Identifier: GPL-3.0-or-later
#include "window_scenario.h"

#include "bench_support.h"
#include "stall_meter.h"

#include "filter_bar.h"
#include "flow_table_view.h"
#include "itemmodels/flow_table_model.h"
#include "main_window.h"
#include "timeline_plot.h"
#include "timeline_view.h"
#include "traffic_stats_view.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace flowscope::bench {

namespace {

// The filters an analyst types first: a service port, an ENI, the rejects,
// an address, a CIDR block, with values from the record in the middle of
// the case so that each matches.
QStringList scenarioFilters(const QString &casePath)
{
    auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
    const FlowRow middle = middleRecord(*caseDb);
    const std::string eni = fieldText(middle.value(Field::InterfaceId));
    const std::string source = fieldText(middle.value(Field::SrcAddr));
    const std::string destination = fieldText(middle.value(Field::DstAddr));
    QStringList filters{QStringLiteral("dstport == 3306"), QStringLiteral("eni == %1").arg(QString::fromStdString(eni)),
                        QStringLiteral("action == reject"),
                        QStringLiteral("addr == %1").arg(QString::fromStdString(source))};
    if (destination.find('.') != std::string::npos)
        filters << QStringLiteral("addr == %1").arg(QString::fromStdString(cidr24(destination)));
    return filters;
}

// Every dock shown at once, none behind another's tab.
void showEveryDock(MainWindow &window)
{
    const struct {
        const char *name;
        Qt::DockWidgetArea area;
    } placement[] = {{"timelineDock", Qt::TopDockWidgetArea},     {"statisticsDock", Qt::BottomDockWidgetArea},
                     {"caseSummaryDock", Qt::LeftDockWidgetArea}, {"importReportDock", Qt::RightDockWidgetArea},
                     {"recordDetailsDock", Qt::RightDockWidgetArea}};
    for (const auto &place : placement) {
        auto *dock = window.findChild<QDockWidget *>(QString::fromLatin1(place.name));
        if (!dock)
            continue;
        window.removeDockWidget(dock);
        window.addDockWidget(place.area, dock);
        dock->show();
    }
}

// Runs the steps one after another from the event loop; a step calls `next`
// (now or later) when it is done.
class Script : public QObject {
public:
    using Step = std::function<void(std::function<void()> next)>;
    void add(Step step) { m_steps.push_back(std::move(step)); }
    void run()
    {
        if (m_at >= m_steps.size()) {
            QApplication::quit();
            return;
        }
        Step &step = m_steps[m_at++];
        step([this] { QTimer::singleShot(0, this, [this] { run(); }); });
    }

private:
    std::vector<Step> m_steps;
    std::size_t m_at = 0;
};

// Calls `done` once `idle` holds (polled), or after `timeoutMs`.
void whenIdle(std::function<bool()> idle, int timeoutMs, std::function<void(bool)> done)
{
    QElapsedTimer clock;
    clock.start();
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, clock, idle, timeoutMs, done] {
        const bool settled = idle();
        if (settled || clock.elapsed() > timeoutMs) {
            poll->stop();
            poll->deleteLater();
            done(settled);
        }
    });
    poll->start();
}

} // namespace

int runWindowScenario(const WindowScenarioOptions &options)
{
    QStringList filters;
    try {
        filters = scenarioFilters(options.casePath);
    } catch (const std::exception &error) {
        std::fprintf(stderr, "cannot read %s: %s\n", qPrintable(options.casePath), error.what());
        return 2;
    }
    // The analyst's own settings stay out of it.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();

    MainWindow window;
    window.resize(1600, 1000);
    if (options.allDocks)
        showEveryDock(window);
    window.show();

    StallMeter meter(options.traces);
    QElapsedTimer sinceOpen;
    double firstRowsMs = -1;
    double peakAfterOpen = 0;
    bool filtersSettled = false, zoomSettled = false;

    // The first rows painted: a paint of the table while its first row is loaded.
    FlowTableView *table = window.flowTable();
    struct PaintWatch : QObject {
        std::function<void()> onPaint;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint && onPaint)
                onPaint();
            return false;
        }
    } paintWatch;
    paintWatch.onPaint = [&] {
        if (firstRowsMs >= 0 || !sinceOpen.isValid() || window.flowModel()->rowCount() == 0
            || window.flowModel()->index(0, 0).data(FlowTableModel::LoadingRole).toBool())
            return;
        firstRowsMs = 0; // measured once this paint has finished
        QTimer::singleShot(0, [&] { firstRowsMs = double(sinceOpen.nsecsElapsed()) / 1e6; });
    };
    table->viewport()->installEventFilter(&paintWatch);

    auto everythingIdle = [&] {
        return !window.flowModel()->isCounting() && window.flowModel()->isIdle() && !window.timeline()->isComputing()
            && !window.statistics()->isComputing();
    };

    QString shownDocks; // as the case opened
    Script script;
    script.add([&](auto next) {
        meter.start();
        QTimer::singleShot(200, next); // the window settles
    });
    script.add([&](auto next) {
        meter.setPhase(QStringLiteral("open the case"));
        sinceOpen.start();
        if (!window.openCase(options.casePath)) {
            std::fprintf(stderr, "cannot open %s\n", qPrintable(options.casePath));
            QApplication::exit(2);
            return;
        }
        QStringList shown;
        for (const QDockWidget *dock : window.findChildren<QDockWidget *>())
            if (dock->widget() && dock->widget()->isVisible())
                shown << dock->windowTitle();
        shownDocks = shown.join(QStringLiteral(", "));
        QTimer::singleShot(options.openPhaseMs, [&, next] {
            peakAfterOpen = peakRssMb();
            next();
        });
    });
    // Each filter applied as an analyst applies it, `filterIntervalMs` apart.
    script.add([&](auto next) {
        meter.setPhase(QStringLiteral("five filters, %1 ms apart").arg(options.filterIntervalMs));
        next();
    });
    for (const QString &filter : filters)
        script.add([&, filter](auto next) {
            window.filterBar()->applyFilterText(filter);
            QTimer::singleShot(options.filterIntervalMs, next);
        });
    script.add([&](auto next) {
        whenIdle(everythingIdle, options.settleTimeoutMs, [&, next](bool settled) {
            filtersSettled = settled;
            next();
        });
    });
    // Zoom in step by step, pan both ways, zoom out: a wheel's pace.
    script.add([&](auto next) {
        meter.setPhase(QStringLiteral("zoom and pan the timeline"));
        next();
    });
    for (const auto &[zoom, pan] : std::vector<std::pair<double, double>>{
             {0.5, 0}, {0.5, 0}, {0.5, 0}, {0.5, 0}, {1, 0.25}, {1, 0.25}, {1, -0.5}, {4, 0}, {4, 0}})
        script.add([&, zoom, pan](auto next) {
            if (zoom != 1)
                window.timeline()->plot()->zoomBy(zoom);
            else
                window.timeline()->plot()->panBy(pan);
            QTimer::singleShot(options.filterIntervalMs, next);
        });
    script.add([&](auto next) {
        whenIdle(everythingIdle, options.settleTimeoutMs, [&, next](bool settled) {
            zoomSettled = settled;
            next();
        });
    });

    QTimer::singleShot(0, &script, [&] { script.run(); });
    const int rc = QApplication::exec();

    std::printf("window on %s (%s: %s)\n\n", qPrintable(options.casePath),
                options.allDocks ? "every dock shown" : "docks as the window opens", qPrintable(shownDocks));
    std::printf("| phase | timer ticks | median stall ms | p99 stall ms | max stall ms |\n|---|---|---|---|---|\n");
    for (const StallFigures &f : meter.figures())
        std::printf("| %s | %zu | %.2f | %.2f | %.2f |\n", qPrintable(f.phase), f.ticks, f.median, f.p99, f.max);
    std::printf("\nfirst rows painted: %.0f ms after opening\n", firstRowsMs);
    std::printf("peak RSS (VmHWM): %.0f MB %d s after opening, %.0f MB at the end\n", peakAfterOpen,
                options.openPhaseMs / 1000, peakRssMb());
    if (!filtersSettled || !zoomSettled)
        std::printf("note: the views were still busy after %d ms (%s)\n", options.settleTimeoutMs,
                    filtersSettled ? "zoom" : "filters");
    std::printf("shown: %lld of %lld records for the last filter\n",
                static_cast<long long>(window.flowModel()->shownRecords()),
                static_cast<long long>(window.flowModel()->totalRecords()));
    return rc;
}

} // namespace flowscope::bench
