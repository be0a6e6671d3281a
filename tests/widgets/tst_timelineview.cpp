// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline view over a small case: computed only while shown, stacked
// bars of what the filter selects, a drag that becomes a time condition,
// zoom that asks for finer buckets, coverage and markers, and exports;
// the palette followed, axis labels in units and whole counts, the log
// scale keeping REJECT and the coverage shades in sight.

#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "itemmodels/timeline_loader.h"
#include "test_files.h"
#include "timeline_plot.h"
#include "timeline_value_ticker.h"
#include "timeline_view.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSettings>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>

using namespace flowscope;

namespace {

// The small traffic case runs from 1700000000 (2023-11-14T22:13:20Z) to the
// NODATA record's last second, 1700000600.
constexpr qint64 kFirst = 1700000000;

void sendMouse(QWidget *widget, QEvent::Type type, QPoint at, Qt::MouseButton button, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(type, at, widget->mapToGlobal(at), button, buttons, modifiers);
    QApplication::sendEvent(widget, &event);
}

void drag(TimelinePlot *plot, double fromSecond, double toSecond, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    plot->replot(QCustomPlot::rpImmediateRefresh); // lay out the axes as shown before reading pixels
    const int y = plot->axisRect()->center().y();
    const QPoint from(int(plot->xAxis->coordToPixel(fromSecond)), y);
    const QPoint to(int(plot->xAxis->coordToPixel(toSecond)), y);
    sendMouse(plot, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, modifiers);
    sendMouse(plot, QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton, modifiers);
    sendMouse(plot, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton, modifiers);
    sendMouse(plot, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, modifiers);
}

std::uint64_t total(const Timeline &timeline, bool accepts)
{
    std::uint64_t sum = 0;
    for (const TimelineBucket &b : timeline.buckets)
        sum += accepts ? b.accept : b.reject;
    return sum;
}

} // namespace

class TestTimelineView : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

    // A shown view of the small case with 100-second buckets, computed.
    std::unique_ptr<TimelineView> shownView(const QString &filter = {})
    {
        auto view = std::make_unique<TimelineView>();
        view->resize(900, 300);
        view->setFixedBucketSeconds(100);
        view->setMetric(TimelineMetric::Flows);
        view->setCase(m_case);
        view->setFilter(filter);
        QSignalSpy computed(view.get(), &TimelineView::computed);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()) || !(computed.count() > 0 || computed.wait(10000)))
            return nullptr;
        return view;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FlowscopeTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_timelineview"));
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), test::smallTrafficRecords());
        m_case = m_dir.filePath(QStringLiteral("s.flowcase"));
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records, 5u);
    }

    // Each test starts from the defaults, not from what the last one chose.
    void init() { QSettings().remove(QStringLiteral("timeline")); }

    void hiddenComputesNothing()
    {
        TimelineView view;
        QSignalSpy computed(&view, &TimelineView::computed);
        view.setCase(m_case);
        view.setFilter(QStringLiteral("action == reject"));
        QVERIFY(!view.isComputing());
        QVERIFY(view.plot()->timeline().buckets.empty());
        view.show();
        QVERIFY(computed.wait(10000));
        QCOMPARE(total(view.plot()->timeline(), false), 1u);
    }

    // A timeline computation in flight never holds the GUI thread: the view
    // and the window go on painting and serving events while it runs. The
    // computation is held at its start until the test has seen that.
    void paintsWhileATimelineComputes()
    {
        TimelineView view;
        view.resize(900, 300);
        QSemaphore release;
        std::atomic<int> held{0};
        view.loader()->setStartHook([&] {
            if (held++ == 0)
                release.acquire();
        });
        QSignalSpy computed(&view, &TimelineView::computed);
        view.setCase(m_case);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE_WITH_TIMEOUT(held.load(), 1, 10000);
        QVERIFY(view.isComputing());

        struct PaintCounter : QObject {
            int paints = 0;
            bool eventFilter(QObject *, QEvent *event) override
            {
                if (event->type() == QEvent::Paint)
                    ++paints;
                return false;
            }
        } counter;
        view.plot()->installEventFilter(&counter);
        bool timerFired = false;
        QTimer::singleShot(0, &view, [&] { timerFired = true; });
        view.plot()->update();
        QTRY_VERIFY_WITH_TIMEOUT(counter.paints > 0 && timerFired, 10000);
        view.setMetric(TimelineMetric::Bytes); // a new request while the old one is held
        view.plot()->zoomBy(0.5);
        view.plot()->update();
        const int before = counter.paints;
        QTRY_VERIFY_WITH_TIMEOUT(counter.paints > before, 10000);
        QVERIFY(view.isComputing());
        QCOMPARE(computed.count(), 0);

        release.release();
        QVERIFY(computed.wait(10000));
        QCOMPARE(view.loader()->stoppedEarly(), 1); // the held, superseded one
        QTRY_VERIFY_WITH_TIMEOUT(!view.isComputing(), 10000);
        QCOMPARE(view.plot()->timeline().buckets.empty(), false);
    }

    // `flowscope -Y FILTER CASE` applies the filter before the case opens:
    // the case must not wipe it (the bar sends the filter for a new case).
    void aNewCaseKeepsTheFilter()
    {
        TimelineView view;
        view.setFilter(QStringLiteral("action == reject"));
        view.setCase(m_case);
        QSignalSpy computed(&view, &TimelineView::computed);
        view.show();
        QVERIFY(computed.wait(10000));
        QCOMPARE(view.filter(), QStringLiteral("action == reject"));
        QCOMPARE(total(view.plot()->timeline(), true), 0u);
        QCOMPARE(total(view.plot()->timeline(), false), 1u);
        QVERIFY(view.plot()->xAxis->tickLabels());
        view.setCase({});
        QVERIFY(!view.plot()->xAxis->tickLabels()); // no meaningless times without a case
    }

    void showsStackedBarsOfTheFilter_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("accepts");
        QTest::addColumn<int>("rejects");
        QTest::newRow("everything") << "" << 3 << 1;
        QTest::newRow("rejects") << "action == reject" << 0 << 1;
        QTest::newRow("one ENI") << "eni == eni-a" << 3 << 0;
    }

    void showsStackedBarsOfTheFilter()
    {
        QFETCH(QString, filter);
        QFETCH(int, accepts);
        QFETCH(int, rejects);
        auto view = shownView(filter);
        QVERIFY(view);
        const Timeline &t = view->plot()->timeline();
        QCOMPARE(t.bucketSeconds, 100);
        QCOMPARE(total(t, true), std::uint64_t(accepts));
        QCOMPARE(total(t, false), std::uint64_t(rejects));
        QVERIFY(view->plot()->message().isEmpty());
        // The whole range is in view, and the status names the bucket width.
        QCOMPARE(view->plot()->visibleRange().begin, t.range.begin);
        QVERIFY(view->findChild<QLabel *>(QStringLiteral("timelineStatus"))->text().contains(QStringLiteral("Buckets of 100 s")));
        // A REJECT bar stands only where there are rejects: one of no height
        // would still draw a red outline over the ACCEPT bar.
        std::size_t bucketsWithRejects = 0;
        for (const TimelineBucket &b : t.buckets)
            bucketsWithRejects += b.reject > 0 ? 1 : 0;
        QCPBars *rejectBars = nullptr;
        for (int i = 0; i < view->plot()->plottableCount(); ++i)
            if (auto *bars = qobject_cast<QCPBars *>(view->plot()->plottable(i)); bars && bars->name() == QStringLiteral("REJECT"))
                rejectBars = bars;
        QVERIFY(rejectBars);
        QCOMPARE(std::size_t(rejectBars->dataCount()), bucketsWithRejects);
    }

    // The widget test the timeline is built for: dragging across the bars
    // asks for the filter with the swept buckets' time range added.
    void dragEmitsTheTimeCondition_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<QString>("expected");
        // Buckets of 100 s from 1700000000: 150..250 sweeps [100, 300).
        QTest::newRow("no filter") << "" << 150.0 << 250.0
                                   << "time >= 2023-11-14T22:15:00Z and time < 2023-11-14T22:18:20Z";
        QTest::newRow("right to left") << "" << 250.0 << 150.0
                                       << "time >= 2023-11-14T22:15:00Z and time < 2023-11-14T22:18:20Z";
        QTest::newRow("with a filter") << "action == accept" << 20.0 << 380.0
                                       << "action == accept and time >= 2023-11-14T22:13:20Z and time < 2023-11-14T22:20:00Z";
        QTest::newRow("replacing a brushed range")
            << "addr == 10.0.0.1 and time >= 2023-11-14T22:13:20Z and time < 2023-11-14T22:20:00Z" << 150.0 << 250.0
            << "addr == 10.0.0.1 and time >= 2023-11-14T22:15:00Z and time < 2023-11-14T22:18:20Z";
    }

    void dragEmitsTheTimeCondition()
    {
        QFETCH(QString, filter);
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(QString, expected);
        auto view = shownView(filter);
        QVERIFY(view);
        QSignalSpy requested(view.get(), &TimelineView::filterRequested);
        drag(view->plot(), double(kFirst) + from, double(kFirst) + to);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), expected);
        QCOMPARE(requested.at(0).at(1).toBool(), true); // applied at once: the table follows
    }

    // A filter's own time window becomes the axis: after a drag, the view
    // shows the range brushed; without one, the case's whole extent.
    void axisFollowsTheFiltersTimeWindow_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<qlonglong>("begin");
        QTest::addColumn<qlonglong>("end");
        QTest::newRow("none") << "action == reject" << 0LL << 601LL;
        QTest::newRow("brushed") << "time >= 2023-11-14T22:15:00Z and time < 2023-11-14T22:18:20Z" << 100LL << 300LL;
        QTest::newRow("brushed, with more") << "eni == eni-a and time >= 1700000200" << 200LL << 601LL;
    }

    void axisFollowsTheFiltersTimeWindow()
    {
        QFETCH(QString, filter);
        QFETCH(qlonglong, begin);
        QFETCH(qlonglong, end);
        auto view = shownView(filter);
        QVERIFY(view);
        QCOMPARE(view->plot()->extent().begin, kFirst + begin);
        QCOMPARE(view->plot()->extent().end, kFirst + end);
        QCOMPARE(view->plot()->visibleRange().begin, kFirst + begin);
        QCOMPARE(view->plot()->visibleRange().end, kFirst + end);
    }

    void clickOrShiftDragSelectsNothing()
    {
        auto view = shownView();
        QVERIFY(view);
        QSignalSpy requested(view->plot(), &TimelinePlot::rangeSelected);
        QSignalSpy panned(view->plot(), &TimelinePlot::viewChanged);
        drag(view->plot(), double(kFirst) + 150, double(kFirst) + 150); // a click
        QCOMPARE(requested.count(), 0);
        view->plot()->zoomBy(0.25); // room to pan
        drag(view->plot(), double(kFirst) + 300, double(kFirst) + 250, Qt::ShiftModifier);
        QCOMPARE(requested.count(), 0);
        QVERIFY(panned.count() >= 2);
    }

    // Zooming in asks for the range in view at a finer width; stale
    // results are dropped, and the view stays inside the case's extent.
    void zoomFollowsWithFinerBuckets()
    {
        auto view = shownView();
        QVERIFY(view);
        view->setFixedBucketSeconds(std::nullopt);
        QSignalSpy computed(view.get(), &TimelineView::computed);
        QVERIFY(computed.wait(10000)); // the whole range again, at the auto width
        const std::int64_t wide = view->plot()->timeline().bucketSeconds;
        QCOMPARE(wide, 60); // 601 s: over ten minutes, so whole minutes
        for (int step = 0; step < 5; ++step)
            view->plot()->zoomBy(0.5, double(kFirst) + 100);
        QVERIFY(computed.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!view->isComputing(), 10000);
        const TimeRange visible = view->plot()->visibleRange();
        QVERIFY(visible.end - visible.begin <= 20);
        QCOMPARE(view->plot()->timeline().bucketSeconds, 1);
        QVERIFY(view->plot()->timeline().range.begin >= kFirst);

        view->plot()->zoomBy(1000);
        QCOMPARE(view->plot()->visibleRange().begin, kFirst); // clamped to the extent
        QCOMPARE(view->plot()->visibleRange().end, kFirst + 601);
    }

    // A new filter on the same axis keeps the zoom the analyst chose.
    void aNewFilterKeepsTheZoom()
    {
        auto view = shownView();
        QVERIFY(view);
        view->setFixedBucketSeconds(std::nullopt);
        QSignalSpy computed(view.get(), &TimelineView::computed);
        QVERIFY(computed.wait(10000));
        view->plot()->setVisibleRange({kFirst + 100, kFirst + 220});
        view->setFilter(QStringLiteral("action == reject"));
        QVERIFY(computed.wait(10000)); // the whole timeline of the new filter
        QCOMPARE(view->plot()->visibleRange().begin, kFirst + 100);
        QCOMPARE(view->plot()->visibleRange().end, kFirst + 220);
        QVERIFY(computed.wait(10000)); // then the zoomed range at its own width
        QCOMPARE(view->plot()->timeline().bucketSeconds, 1);
        QCOMPARE(view->plot()->visibleRange().begin, kFirst + 100);
        std::uint64_t rejects = total(view->plot()->timeline(), false);
        QCOMPARE(rejects, 1u); // the REJECT record starts at +200
    }

    // Under a brushed window (the filter's time conditions) the axis spans
    // the window, and the wheel zooms out past it to the case around it,
    // where nothing is counted (the filter keeps its window); Reset Zoom
    // comes back to the window.
    void zoomsOutPastTheFiltersWindow()
    {
        auto view = shownView(QStringLiteral("time >= %1 and time < %2").arg(kFirst + 200).arg(kFirst + 300));
        QVERIFY(view);
        TimelinePlot *plot = view->plot();
        QCOMPARE(plot->extent().begin, kFirst + 200);
        QCOMPARE(plot->visibleRange().begin, kFirst + 200);
        QCOMPARE(plot->zoomLimits().begin, kFirst);
        QCOMPARE(plot->zoomLimits().end, kFirst + 601);
        QSignalSpy computed(view.get(), &TimelineView::computed);
        plot->zoomBy(8);
        QCOMPARE(plot->visibleRange().begin, kFirst);
        QCOMPARE(plot->visibleRange().end, kFirst + 601);
        QVERIFY(computed.wait(10000)); // the range in view, at its width
        for (const TimelineBucket &b : plot->timeline().buckets)
            if (b.start + plot->timeline().bucketSeconds <= kFirst + 200 || b.start >= kFirst + 300)
                QCOMPARE(b.accept + b.reject, 0u);
        plot->resetZoom();
        QCOMPARE(plot->visibleRange().begin, kFirst + 200);
        QCOMPARE(plot->visibleRange().end, kFirst + 300);
    }

    void toolTipNamesValuesAndMissingEnis()
    {
        auto view = shownView();
        QVERIFY(view);
        const int x = int(view->plot()->xAxis->coordToPixel(double(kFirst) + 250));
        const QString tip = view->plot()->toolTipAt(x);
        const QStringList lines = tip.split(QLatin1Char('\n'));
        QVERIFY2(lines.contains(QStringLiteral("ACCEPT: 0 flows")), qPrintable(tip));
        QVERIFY2(lines.contains(QStringLiteral("REJECT: 1 flow")), qPrintable(tip)); // one, not "1 flows"
        QVERIFY2(tip.contains(QStringLiteral("NODATA: eni-c")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("2023-11-14 22:16:40")), qPrintable(tip));
    }

    void markersAreShownAndClickable()
    {
        auto view = shownView();
        QVERIFY(view);
        const int itemsBefore = view->plot()->itemCount();
        view->setMarkers(QStringLiteral("bookmarks"),
                         {{QStringLiteral("b1"), kFirst + 420, QStringLiteral("Bookmark"), QColor(Qt::blue), {}}});
        view->plot()->replot(); // labels are placed once the plot is laid out
        QCOMPARE(view->plot()->itemCount(), itemsBefore + 2); // a line and its label
        QCOMPARE(view->plot()->markerLabels().size(), 1);
        QCOMPARE(view->plot()->markerLabels().front().text, QStringLiteral("Bookmark"));
        QSignalSpy activated(view.get(), &TimelineView::markerActivated);
        QSignalSpy selected(view->plot(), &TimelinePlot::rangeSelected);
        const QPoint at(int(view->plot()->xAxis->coordToPixel(double(kFirst + 420))), view->plot()->axisRect()->center().y());
        QVERIFY(view->plot()->toolTipAt(at.x()).startsWith(QStringLiteral("Bookmark")));
        sendMouse(view->plot(), QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
        sendMouse(view->plot(), QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("b1"));
        QCOMPARE(selected.count(), 0);
        // A click on the label, away from the line, does what a click on the line does.
        const QRect label = view->plot()->markerLabels().front().rect;
        const QPoint onLabel(label.right() - 2, label.center().y());
        QVERIFY(std::abs(onLabel.x() - at.x()) > 4);
        sendMouse(view->plot(), QEvent::MouseButtonPress, onLabel, Qt::LeftButton, Qt::LeftButton);
        sendMouse(view->plot(), QEvent::MouseButtonRelease, onLabel, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("b1"));
        QCOMPARE(selected.count(), 0);
        view->setMarkers(QStringLiteral("bookmarks"), {});
        QCOMPARE(view->plot()->itemCount(), itemsBefore);
    }

    // A shared label ("2 markers") opens its markers: a click zooms to their
    // span, where they part; markers of one instant are listed to choose.
    void aClusterClickZoomsOrLists()
    {
        auto view = shownView();
        QVERIFY(view);
        TimelinePlot *plot = view->plot();
        view->setMarkers(QStringLiteral("incident"),
                         {{QStringLiteral("finding:a"), kFirst + 300, QStringLiteral("alpha"), QColor(Qt::red), {}},
                          {QStringLiteral("finding:b"), kFirst + 302, QStringLiteral("beta"), QColor(Qt::red), {}},
                          {QStringLiteral("finding:c"), kFirst + 500, QStringLiteral("gamma"), QColor(Qt::red), {}},
                          {QStringLiteral("finding:d"), kFirst + 500, QStringLiteral("delta"), QColor(Qt::red), {}}});
        plot->replot();
        const auto labelOf = [plot](int marker) {
            for (const PlacedMarkerLabel &label : plot->markerLabels())
                if (label.markers.contains(marker))
                    return label;
            return PlacedMarkerLabel{};
        };
        const auto click = [plot](QPoint at) {
            sendMouse(plot, QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
            sendMouse(plot, QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
        };
        QSignalSpy activated(view.get(), &TimelineView::markerActivated);
        QCOMPARE(labelOf(2).markers.size(), 2);
        QCOMPARE(labelOf(0).markers.size(), 2);

        // One instant: a list of both; choosing one goes to it.
        const TimeRange before = plot->visibleRange();
        click(labelOf(2).rect.center());
        QMenu *menu = plot->findChild<QMenu *>(QStringLiteral("markerChoice"));
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        QCOMPARE(menu->actions().size(), 2);
        QVERIFY(menu->actions().at(1)->text().startsWith(QStringLiteral("delta")));
        QCOMPARE(plot->visibleRange().begin, before.begin);
        QCOMPARE(plot->visibleRange().end, before.end);
        menu->actions().at(1)->trigger();
        menu->close();
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("finding:d"));

        // Two seconds apart: the view closes in on them, and each has its label.
        click(labelOf(0).rect.center());
        QCOMPARE(activated.count(), 1);
        const TimeRange zoomed = plot->visibleRange();
        QVERIFY(zoomed.end - zoomed.begin < before.end - before.begin);
        QVERIFY(zoomed.begin <= kFirst + 300 && zoomed.end >= kFirst + 302);
        plot->replot();
        QCOMPARE(labelOf(0).markers, QList<int>{0});
        QCOMPARE(labelOf(1).markers, QList<int>{1});
    }

    // SKIPDATA in the case: a filter whose records come from other ENIs
    // leaves the legend's entry in place, saying none is shown.
    void theSkipDataKeyStaysUnderAFilter()
    {
        QTemporaryDir dir;
        test::writeFile(dir.filePath(QStringLiteral("in.log")),
                        test::smallTrafficRecords()
                            + "2 123456789010 eni-d - - - - - - - 1700000000 1700000600 - SKIPDATA\n");
        const QString casePath = dir.filePath(QStringLiteral("skip.flowcase"));
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            QCOMPARE(CaseImporter(*caseDb).run({dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records, 6u);
        }
        auto view = std::make_unique<TimelineView>();
        view->resize(900, 300);
        view->setFixedBucketSeconds(100);
        view->setCase(casePath);
        QSignalSpy computed(view.get(), &TimelineView::computed);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        QVERIFY(computed.count() > 0 || computed.wait(10000));
        const auto legendNames = [&view] {
            QStringList names;
            for (int i = 0; i < view->plot()->legend->itemCount(); ++i)
                if (auto *item = qobject_cast<QCPPlottableLegendItem *>(view->plot()->legend->item(i)))
                    names << item->plottable()->name();
            return names;
        };
        QVERIFY2(legendNames().contains(QStringLiteral("SKIPDATA (records skipped)")), qPrintable(legendNames().join(u'|')));
        computed.clear();
        view->setFilter(QStringLiteral("eni == eni-a"));
        QVERIFY(computed.wait(10000));
        QVERIFY2(legendNames().contains(QStringLiteral("SKIPDATA (none shown)")), qPrintable(legendNames().join(u'|')));
        computed.clear();
        view->setFilter(QString());
        QVERIFY(computed.wait(10000));
        QVERIFY2(legendNames().contains(QStringLiteral("SKIPDATA (records skipped)")), qPrintable(legendNames().join(u'|')));
        // Another case without SKIPDATA: no entry.
        computed.clear();
        view->setCase(m_case);
        QVERIFY(computed.wait(10000));
        QVERIFY2(!legendNames().join(u'|').contains(QStringLiteral("SKIPDATA")), qPrintable(legendNames().join(u'|')));
    }

    // IOC hits and the incident's stars and findings are set by different
    // owners: each replaces its own layer and leaves the other's markers.
    void markerLayersCoexist()
    {
        auto view = shownView();
        QVERIFY(view);
        const int itemsBefore = view->plot()->itemCount();
        const TimelineMarker ioc{QStringLiteral("ioc:feed:203.0.113.9"), kFirst + 100, QStringLiteral("@feed"), QColor(142, 68, 173), {}};
        const TimelineMarker star{QStringLiteral("record:7"), kFirst + 300, QStringLiteral("star"), QColor(Qt::yellow), {}};
        const TimelineMarker finding{QStringLiteral("finding:port-scan-1"), kFirst + 500, QStringLiteral("scan"), QColor(Qt::red), {}};
        view->setMarkers(QStringLiteral("ioc"), {ioc});
        view->setMarkers(QStringLiteral("incident"), {star, finding});
        view->plot()->replot();
        QCOMPARE(view->plot()->markers().size(), 3);
        QCOMPARE(view->plot()->itemCount(), itemsBefore + 6);
        // A new hunt replaces the IOC layer only.
        const TimelineMarker other{QStringLiteral("ioc:feed:198.51.100.1"), kFirst + 200, QStringLiteral("@feed"), QColor(142, 68, 173), {}};
        view->setMarkers(QStringLiteral("ioc"), {other});
        QCOMPARE(view->plot()->markers().size(), 3);
        QVERIFY(view->marker(QStringLiteral("record:7")));
        QVERIFY(view->marker(QStringLiteral("ioc:feed:198.51.100.1")));
        QVERIFY(!view->marker(QStringLiteral("ioc:feed:203.0.113.9")));
        QCOMPARE(view->markers(QStringLiteral("incident")).size(), 2);
        // A click reaches a marker of either layer.
        QSignalSpy activated(view.get(), &TimelineView::markerActivated);
        for (const qint64 time : {kFirst + 200, kFirst + 500}) {
            const QPoint at(int(view->plot()->xAxis->coordToPixel(double(time))), view->plot()->axisRect()->center().y());
            sendMouse(view->plot(), QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
            sendMouse(view->plot(), QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
        }
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("ioc:feed:198.51.100.1"));
        QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("finding:port-scan-1"));
        // Emptying the incident layer keeps the IOC marker.
        view->setMarkers(QStringLiteral("incident"), {});
        QCOMPARE(view->plot()->markers().size(), 1);
        QCOMPARE(view->plot()->markers().front().id, QStringLiteral("ioc:feed:198.51.100.1"));
        view->setMarkers(QStringLiteral("ioc"), {});
        QCOMPARE(view->plot()->itemCount(), itemsBefore);
    }

    // Markers too close for their labels: no label drawn over another or over
    // the legend; close ones share a label, the rest are left to the
    // tooltip, which names every marker there.
    void markerLabelsNeverOverlap()
    {
        auto view = shownView();
        QVERIFY(view);
        QList<TimelineMarker> markers;
        for (int i = 0; i < 12; ++i) // every 10 s, some 13 pixels apart
            markers.append({QStringLiteral("finding:f%1").arg(i), kFirst + 200 + 10 * i,
                            QStringLiteral("lateral-movement-%1").arg(i), QColor(Qt::red), {}});
        markers.append({QStringLiteral("finding:twin"), kFirst + 200, QStringLiteral("twin"), QColor(Qt::red), {}});
        view->setMarkers(QStringLiteral("incident"), markers);
        view->plot()->replot();
        const QList<PlacedMarkerLabel> labels = view->plot()->markerLabels();
        QVERIFY(!labels.isEmpty());
        QSet<int> labelled;
        for (qsizetype i = 0; i < labels.size(); ++i) {
            QVERIFY(view->plot()->axisRect()->rect().contains(labels[i].rect));
            QVERIFY(!labels[i].rect.intersects(view->plot()->legend->outerRect()));
            for (qsizetype j = i + 1; j < labels.size(); ++j)
                QVERIFY2(!labels[i].rect.intersects(labels[j].rect), qPrintable(labels[i].text + QLatin1String(" / ") + labels[j].text));
            for (const int m : labels[i].markers)
                labelled.insert(m);
            if (labels[i].markers.size() > 1)
                QCOMPARE(labels[i].text, QStringLiteral("%1 markers").arg(labels[i].markers.size()));
        }
        // The twin at the same second shares the first marker's label.
        const auto shared = std::find_if(labels.begin(), labels.end(),
                                         [](const PlacedMarkerLabel &l) { return l.markers.contains(0); });
        QVERIFY(shared != labels.end());
        QVERIFY(shared->markers.contains(12));
        // A marker left without a label is still named where it is.
        for (int m = 0; m < markers.size(); ++m) {
            const int x = int(view->plot()->xAxis->coordToPixel(double(markers[m].time)));
            QVERIFY2(view->plot()->toolTipAt(x).contains(markers[m].label), qPrintable(markers[m].label));
        }
        QVERIFY(labelled.size() < markers.size()); // too many for the room: some left to tooltips
        // As drawn: each label's box where the layout put it, on the background, none over another.
        QList<QRectF> drawn;
        for (QCPLayerable *layerable : view->plot()->layer(QStringLiteral("markers"))->children()) {
            auto *text = qobject_cast<QCPItemText *>(layerable);
            if (!text || !text->visible())
                continue;
            const QRectF box(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition());
            const auto placed = std::find_if(labels.begin(), labels.end(),
                                             [&](const PlacedMarkerLabel &l) { return l.text == text->text(); });
            QVERIFY(placed != labels.end());
            QVERIFY2(QRectF(placed->rect).adjusted(-0.5, -0.5, 1, 1).contains(box), qPrintable(text->text()));
            QCOMPARE(text->brush().color().rgb(), view->plot()->palette().color(QPalette::Base).rgb());
            for (const QRectF &other : std::as_const(drawn))
                QVERIFY2(!box.intersects(other), qPrintable(text->text()));
            drawn << box;
        }
        QCOMPARE(drawn.size(), labels.size());

        // Zoomed in, there is room for every label again.
        view->plot()->setVisibleRange({kFirst + 190, kFirst + 260});
        view->plot()->replot();
        QSet<int> labelledZoomed;
        for (const PlacedMarkerLabel &label : view->plot()->markerLabels())
            for (const int m : label.markers)
                labelledZoomed.insert(m);
        for (int m : {0, 1, 2, 12})
            QVERIFY(labelledZoomed.contains(m));
    }

    void exportsSeriesAndPlot()
    {
        auto view = shownView();
        QVERIFY(view);
        const QString csv = m_dir.filePath(QStringLiteral("series.csv"));
        QVERIFY(view->exportSeries(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        // What the numbers are, before them: metric, buckets, filter, case.
        QCOMPARE(lines.at(0), QByteArray("# metric: Flows\r"));
        QCOMPARE(lines.at(1), QByteArray("# buckets: 100 s\r"));
        QCOMPARE(lines.at(2), QByteArray("# filter: (none: every record)\r"));
        QCOMPARE(lines.at(3), "# case: " + QDir::toNativeSeparators(m_case).toUtf8() + '\r');
        QCOMPARE(lines.at(4), QByteArray("bucket_start,bucket_start_utc,accept,reject,nodata_enis,skipdata_enis\r"));
        QCOMPARE(lines.at(5), QByteArray("1700000000,2023-11-14T22:13:20Z,1,0,1,0\r"));
        QCOMPARE(lines.size(), 4 + 1 + 7 + 1); // comments, header, 7 buckets, the empty rest after the last CRLF
        QVERIFY(view->exportSeries(csv));
        view->setFilter(QStringLiteral("action == reject\n and dstport == 22"));
        QVERIFY(QSignalSpy(view.get(), &TimelineView::computed).wait(10000));
        QVERIFY(view->exportSeries(csv));
        file.close(); // written anew, in another file of the same name
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().split('\n').at(2), QByteArray("# filter: action == reject and dstport == 22\r"));

        for (const QString &name : {QStringLiteral("plot.png"), QStringLiteral("plot.pdf")}) {
            const QString path = m_dir.filePath(name);
            QVERIFY(view->exportPlot(path));
            QFile image(path);
            QVERIFY(image.open(QIODevice::ReadOnly));
            const QByteArray head = image.read(8);
            QVERIFY2(name.endsWith(QLatin1String("png")) ? head.startsWith("\x89PNG") : head.startsWith("%PDF"),
                     qPrintable(name));
        }
        QString error;
        QVERIFY(!view->exportSeries(QStringLiteral("/nonexistent/dir/x.csv"), &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent/dir/x.csv")));
    }

    void messagesForNoCaseNoMatchesAndErrors()
    {
        auto view = shownView(QStringLiteral("eni == eni-nowhere"));
        QVERIFY(view);
        // The axis stays on the case's extent, with a note over the empty bars.
        QCOMPARE(view->plot()->message(), QStringLiteral("No ACCEPT or REJECT records match the filter here"));
        QVERIFY(view->plot()->xAxis->tickLabels());
        QCOMPARE(view->plot()->visibleRange().begin, kFirst);
        QCOMPARE(view->plot()->visibleRange().end, kFirst + 601);
        QSignalSpy computed(view.get(), &TimelineView::computed);
        view->setFilter(QStringLiteral("dstport =="));
        QVERIFY(computed.wait(10000));
        QVERIFY2(view->plot()->message().contains(QStringLiteral("not valid")), qPrintable(view->plot()->message()));
        view->setCase({});
        QCOMPARE(view->plot()->message(), QStringLiteral("No case open"));
        QVERIFY(view->plot()->timeline().buckets.empty());
        // A case being opened is said to load, not to be missing, until its timeline is drawn.
        view->setFilter({});
        view->setCase(m_case);
        QCOMPARE(view->plot()->message(), QStringLiteral("Loading the case…"));
        QVERIFY(computed.wait(10000));
        QCOMPARE(view->plot()->message(), QString());
        QVERIFY(!view->plot()->timeline().buckets.empty());
    }

    // A case given to a timeline not yet on screen (the window opening with a
    // case) says it loads, not that no case is open, until its first result.
    void hiddenTimelineSaysTheCaseLoads()
    {
        TimelineView view;
        QCOMPARE(view.plot()->message(), QStringLiteral("No case open"));
        view.setCase(m_case);
        QCOMPARE(view.plot()->message(), QStringLiteral("Loading the case…"));
        QSignalSpy computed(&view, &TimelineView::computed);
        view.show();
        QVERIFY(computed.wait(10000));
        QCOMPARE(view.plot()->message(), QString());
        view.setCase({});
        QCOMPARE(view.plot()->message(), QStringLiteral("No case open"));
    }

    // The dark theme's palette reaches the plot: background, axes, legend.
    void followsThePalette()
    {
        auto view = shownView();
        QVERIFY(view);
        TimelinePlot *plot = view->plot();
        const QColor lightBase = plot->palette().color(QPalette::Base);
        QPalette dark = plot->palette();
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Window, QColor(45, 45, 45));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        view->setPalette(dark);
        QCoreApplication::processEvents();
        const QImage image = plot->toPixmap(400, 200).toImage();
        QCOMPARE(image.pixelColor(2, 2), QColor(30, 30, 30)); // the corner: background, not white
        QCOMPARE(plot->xAxis->tickLabelColor(), QColor(230, 230, 230));
        QCOMPARE(plot->yAxis->labelColor(), QColor(230, 230, 230));
        QCOMPARE(plot->legend->textColor(), QColor(230, 230, 230));
        // A marker without a colour of its own, and every label's box, follow it too.
        view->setMarkers(QStringLiteral("test"), {{QStringLiteral("m"), kFirst + 300, QStringLiteral("plain"), QColor(), {}}});
        plot->replot(QCustomPlot::rpImmediateRefresh);
        int lines = 0, boxes = 0;
        for (QCPLayerable *layerable : plot->layer(QStringLiteral("markers"))->children()) {
            if (auto *line = qobject_cast<QCPItemStraightLine *>(layerable); line && ++lines)
                QCOMPARE(line->pen().color(), QColor(230, 230, 230));
            if (auto *text = qobject_cast<QCPItemText *>(layerable); text && text->visible() && ++boxes)
                QCOMPARE(text->brush().color().rgb(), QColor(30, 30, 30).rgb());
        }
        QCOMPARE(lines, 1);
        QCOMPARE(boxes, 1);
        view->setMarkers(QStringLiteral("test"), {});
        // Above the plot, on the background: never over the bars.
        QCOMPARE(plot->legend->brush().style(), Qt::NoBrush);
        QVERIFY(plot->legend->outerRect().bottom() <= plot->axisRect()->rect().top());
        QPalette light = dark;
        light.setColor(QPalette::Base, lightBase);
        view->setPalette(light);
        QCoreApplication::processEvents();
        QCOMPARE(plot->toPixmap(400, 200).toImage().pixelColor(2, 2), lightBase);
    }

    // Counts whole and grouped, bytes in units, in linear and log scale.
    void axisLabelsReadAsValues_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("metric");
        QTest::addColumn<QString>("label");
        QTest::newRow("flows") << 39815.0 << int(TimelineMetric::Flows) << QStringLiteral("39,815");
        QTest::newRow("bytes") << 8e6 << int(TimelineMetric::Bytes) << QStringLiteral("8 MB");
        QTest::newRow("kilobytes") << 2500.0 << int(TimelineMetric::Bytes) << QStringLiteral("2.5 kB");
        QTest::newRow("bytes few") << 512.0 << int(TimelineMetric::Bytes) << QStringLiteral("512 B");
        QTest::newRow("gigabytes") << 1.25e9 << int(TimelineMetric::Bytes) << QStringLiteral("1.25 GB");
        QTest::newRow("packets") << 1e6 << int(TimelineMetric::Packets) << QStringLiteral("1,000,000");
    }

    void axisLabelsReadAsValues()
    {
        QFETCH(double, value);
        QFETCH(int, metric);
        QFETCH(QString, label);
        QCOMPARE(TimelinePlot::valueLabel(value, TimelineMetric(metric), QLocale(QLocale::English)), label);
    }

    void axisTicksAreWholeCountsAndUnits()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        auto view = shownView(QStringLiteral("action == reject")); // one flow: a range of 0 to about 1
        QVERIFY(view);
        TimelinePlot *plot = view->plot();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QStringList labels = plot->valueTickLabels();
        QVERIFY(!labels.isEmpty());
        for (const QString &label : labels) {
            bool whole = false;
            label.toLongLong(&whole);
            QVERIFY2(whole, qPrintable(labels.join(QLatin1Char('|'))));
        }
        QSignalSpy computed(view.get(), &TimelineView::computed);
        view->setFilter({});
        QVERIFY(computed.wait(10000));
        view->setMetric(TimelineMetric::Bytes);
        QVERIFY(computed.wait(10000));
        for (bool log : {false, true}) {
            view->setLogScale(log);
            plot->replot(QCustomPlot::rpImmediateRefresh);
            labels = plot->valueTickLabels();
            QVERIFY(!labels.isEmpty());
            for (const QString &label : labels)
                QVERIFY2(label.endsWith(QLatin1String(" B")) || label.endsWith(QLatin1String(" kB")),
                         qPrintable(labels.join(QLatin1Char('|'))));
        }
        view->setLogScale(false);
    }

    // Time tick labels of one line; the day said once, in the axis's title,
    // while the view stays within it, and on each tick when it does not.
    void timeAxisSaysTheDayOnce()
    {
        auto view = shownView();
        QVERIFY(view);
        TimelinePlot *plot = view->plot();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(plot->xAxis->label(), QStringLiteral("Time (UTC), 2023-11-14"));
        QVERIFY(!plot->xAxis->tickVectorLabels().isEmpty());
        for (const QString &label : plot->xAxis->tickVectorLabels())
            QVERIFY2(!label.contains(QLatin1Char('\n')) && !label.contains(QLatin1String("2023")), qPrintable(label));
        plot->setZoomLimits({kFirst - 86400, kFirst + 86400});
        plot->setVisibleRange({kFirst, kFirst + 3 * 3600}); // 22:13 to 01:13 UTC
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(plot->xAxis->label(), QStringLiteral("Time (UTC), 2023-11-14 to 2023-11-15"));
        for (const QString &label : plot->xAxis->tickVectorLabels())
            QVERIFY2(!label.contains(QLatin1Char('\n')) && label.contains(QLatin1Char('-')), qPrintable(label));
    }

    // Round steps, rounded up: never more intervals than the height holds.
    void valueStepsAreRound_data()
    {
        QTest::addColumn<double>("range");
        QTest::addColumn<int>("intervals");
        QTest::addColumn<bool>("whole");
        QTest::addColumn<double>("step");
        QTest::newRow("700 flows in 2") << 756.0 << 2 << true << 500.0;
        QTest::newRow("700 flows in 10") << 756.0 << 10 << true << 100.0;
        QTest::newRow("700 flows in 4") << 756.0 << 4 << true << 200.0;
        QTest::newRow("one flow") << 1.08 << 5 << true << 1.0;
        QTest::newRow("no 0.5 flow") << 1.08 << 2 << true << 1.0;
        QTest::newRow("no 2.5 flows") << 9.0 << 4 << true << 5.0;
        QTest::newRow("25 flows") << 90.0 << 4 << true << 25.0;
        QTest::newRow("bytes") << 8.6e6 << 3 << true << 5e6;
        QTest::newRow("fractions") << 0.9 << 4 << false << 0.25;
        // A step past the range would leave one tick: the largest within it, for two.
        QTest::newRow("one interval") << 39815.0 << 1 << true << 25000.0;
        QTest::newRow("one interval, one flow") << 1.08 << 1 << true << 1.0;
    }

    void valueStepsAreRound()
    {
        QFETCH(double, range);
        QFETCH(int, intervals);
        QFETCH(bool, whole);
        QFETCH(double, step);
        QCOMPARE(roundValueStep(range, intervals, whole), step);
        QVERIFY(range / step <= intervals + 1e-9 || (step <= range && range / step <= 2.5));
        QCOMPARE(logDecadeStep(0.8, 2e6, 2), 4);  // 6.4 decades
        QCOMPARE(logDecadeStep(0.8, 10, 1), 2);   // 1.1 decades in one interval
        QCOMPARE(logDecadeStep(0.8, 10, 3), 1);
        QCOMPARE(valueTickIntervals(40, 34), 1);  // a crowded axis before: now one interval
        QCOMPARE(valueTickIntervals(340, 34), 10);
    }

    // Whatever the plot's height, metric, scale and palette: the value ticks
    // in view are a readable distance apart (fewer when short), counts whole,
    // bytes with units, in the palette's text colour.
    void valueTicksKeepTheirSpacing_data()
    {
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("metric");
        QTest::addColumn<double>("highest");
        QTest::addColumn<bool>("log");
        QTest::addColumn<bool>("dark");
        const std::pair<TimelineMetric, double> series[] = {{TimelineMetric::Flows, 1},
                                                            {TimelineMetric::Flows, 700},
                                                            {TimelineMetric::Packets, 39815},
                                                            {TimelineMetric::Bytes, 900},
                                                            {TimelineMetric::Bytes, 8.4e6}};
        for (const int height : {140, 200, 320, 700})
            for (const auto &[metric, highest] : series)
                for (const bool log : {false, true})
                    for (const bool dark : {false, true})
                        QTest::newRow(qPrintable(QStringLiteral("%1 px, %2 up to %3%4%5")
                                                     .arg(height)
                                                     .arg(metric == TimelineMetric::Bytes ? "bytes" : "counts")
                                                     .arg(highest)
                                                     .arg(log ? ", log" : "")
                                                     .arg(dark ? ", dark" : "")))
                            << height << int(metric) << highest << log << dark;
    }

    void valueTicksKeepTheirSpacing()
    {
        QFETCH(int, height);
        QFETCH(int, metric);
        QFETCH(double, highest);
        QFETCH(bool, log);
        QFETCH(bool, dark);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        TimelinePlot plot;
        plot.resize(700, height);
        QPalette palette = plot.palette();
        if (dark) {
            palette.setColor(QPalette::Base, QColor(30, 30, 30));
            palette.setColor(QPalette::Text, QColor(230, 230, 230));
        }
        plot.setPalette(palette);
        Timeline timeline;
        timeline.bucketSeconds = 60;
        timeline.range = {kFirst, kFirst + 60 * 30};
        for (int i = 0; i < 30; ++i) // from a few up to the highest, some rejected
            timeline.buckets.push_back({kFirst + 60 * i, std::uint64_t(highest * (i + 1) / 30),
                                        std::uint64_t(i % 4 == 0 ? highest / 10 : 0), 0, 0});
        plot.setExtent(timeline.range);
        plot.setTimeline(timeline, TimelineMetric(metric));
        plot.setLogScale(log);
        plot.setVisibleRange(timeline.range);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        QCoreApplication::processEvents();
        plot.replot(QCustomPlot::rpImmediateRefresh);

        const QCPRange range = plot.yAxis->range();
        const QVector<double> ticks = plot.yAxis->tickVector();
        const QVector<QString> labels = plot.yAxis->tickVectorLabels();
        QList<double> pixels;
        QStringList shown;
        for (qsizetype i = 0; i < ticks.size(); ++i) {
            if (!range.contains(ticks[i]))
                continue;
            pixels << plot.yAxis->coordToPixel(ticks[i]);
            shown << labels[i];
        }
        const QString context =
            QStringLiteral("axis of %1 px: %2").arg(plot.axisRect()->height()).arg(shown.join(QLatin1Char('|')));
        QVERIFY2(shown.size() >= 2, qPrintable(context));
        // Labels a line and a half apart at least: a line of text and room between.
        const int line = QFontMetrics(plot.yAxis->tickLabelFont()).height();
        for (qsizetype i = 1; i < pixels.size(); ++i)
            QVERIFY2(std::abs(pixels[i] - pixels[i - 1]) >= 1.5 * line, qPrintable(context));
        // A tall plot is not left with two ticks: about one every two lines.
        if (!log && highest >= 100)
            QVERIFY2(shown.size() >= plot.axisRect()->height() / (5 * line), qPrintable(context));
        for (const QString &label : std::as_const(shown)) {
            if (TimelineMetric(metric) == TimelineMetric::Bytes) {
                QVERIFY2(QRegularExpression(QStringLiteral("^[0-9.]+ (B|kB|MB|GB)$")).match(label).hasMatch(),
                         qPrintable(context));
            } else {
                bool whole = false;
                QLocale().toLongLong(label, &whole);
                QVERIFY2(whole, qPrintable(context));
            }
        }
        QCOMPARE(plot.yAxis->tickLabelColor(), palette.color(QPalette::Text));
        QCOMPARE(plot.toPixmap(200, 100).toImage().pixelColor(1, 1), palette.color(QPalette::Base));
    }

    // Log scale: REJECT beside ACCEPT (not a sliver on top of it); the
    // shades named in the legend and marked over the bars.
    void logScaleKeepsRejectsAndShadesInSight()
    {
        auto view = shownView();
        QVERIFY(view);
        TimelinePlot *plot = view->plot();
        auto *reject = qobject_cast<QCPBars *>(plot->plottable(1));
        auto *accept = qobject_cast<QCPBars *>(plot->plottable(0));
        QVERIFY(reject && accept);
        QCOMPARE(reject->barBelow(), accept);
        view->setLogScale(true);
        QVERIFY(!reject->barBelow());
        QCOMPARE(reject->width(), 50.0);
        QVERIFY(reject->data()->at(0)->key > accept->data()->at(0)->key);
        QStringList legendNames;
        for (int i = 0; i < plot->legend->itemCount(); ++i)
            if (auto *item = qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(i)))
                legendNames << item->plottable()->name();
        // The NODATA where no record falls, lightly and without a strip.
        QVERIFY2(legendNames.contains(QStringLiteral("Quiet (NODATA, no records)")), qPrintable(legendNames.join('|')));
        QVERIFY(!legendNames.contains(QStringLiteral("SKIPDATA (records skipped)"))); // none in this case
        QVERIFY(!legendNames.contains(QStringLiteral("Removed file")));
        QVERIFY(plot->layer(QStringLiteral("coverage"))->children().size() > 0);
        QVERIFY(plot->layer(QStringLiteral("coverageStrips"))->children().empty());
        view->setLogScale(false);
        QCOMPARE(reject->barBelow(), accept);
    }

    // A brushed window keeps records overlapping it: the status line says so.
    void saysTheWindowKeepsOverlappingRecords()
    {
        auto view = shownView(QStringLiteral("time >= %1 and time < %2").arg(kFirst + 200).arg(kFirst + 300));
        QVERIFY(view);
        auto *status = view->findChild<QLabel *>(QStringLiteral("timelineStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("overlapping")), qPrintable(status->text()));
        QVERIFY(status->toolTip().contains(QStringLiteral("start before it")));
        QSignalSpy computed(view.get(), &TimelineView::computed);
        view->setFilter({});
        QVERIFY(computed.wait(10000));
        QVERIFY(!status->text().contains(QStringLiteral("overlapping")));
    }

    void metricAndScaleSwitches()
    {
        auto view = shownView();
        QVERIFY(view);
        QSignalSpy computed(view.get(), &TimelineView::computed);
        view->setMetric(TimelineMetric::Bytes);
        QVERIFY(computed.wait(10000));
        QCOMPARE(total(view->plot()->timeline(), true), 1300u);
        QCOMPARE(view->plot()->yAxis->label(), QStringLiteral("Bytes"));
        view->setLogScale(true);
        QCOMPARE(view->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
        view->setLogScale(false);
        view->setUtc(false);
        QVERIFY(!view->plot()->isUtc());
        view->setUtc(true);
    }
};

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
