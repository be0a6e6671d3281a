// SPDX-License-Identifier: GPL-3.0-or-later
// The graph view: a click on a node or an edge prepares its filter, a
// double-click applies it; a layout command that crashes or hangs leaves
// the graph on a circle with the reason in the banner; dragging pins a node
// and the pin survives the next filter; an outside group expands and
// collapses; exports write PNG and DOT.

#include "graph/graph_layout.h"
#include "itemmodels/graph_loader.h"
#include "graph/graph_scene.h"
#include "graph/graph_view.h"
#include "graph_fixture.h"
#include "pivot/filter_compose.h"
#include "test_files.h"

#include <QAction>
#include <QFile>
#include <QGraphicsView>
#include <QImage>
#include <QLineF>
#include <QLocale>
#include <QMenu>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QScrollBar>
#include <QWheelEvent>

using namespace flowscope;

namespace {

const QByteArray kRecords = R"(
eni-a subnet-1 vpc-1 10.0.1.5:40000 > 198.51.100.7:443 tcp 1000 ACCEPT 2 egress - -
eni-a subnet-1 vpc-1 10.0.1.5:40001 > 198.51.100.8:443 tcp 700 ACCEPT 2 egress - -
eni-b subnet-1 vpc-1 10.0.1.6:40004 > 10.0.1.5:443 tcp 90 ACCEPT 2 egress - -
eni-b subnet-1 vpc-1 10.0.1.6:40005 > 203.0.113.4:22 tcp 60 REJECT 2 egress - -
)";

QString script(const QTemporaryDir &dir, const QString &name, const QByteArray &body)
{
    const QString path = dir.filePath(name);
    test::writeFile(path, "#!/bin/sh\n" + body + '\n');
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

QPoint viewPointOf(const QGraphicsView *view, QPointF scenePos) { return view->mapFromScene(scenePos); }

// A point of the edge that no node covers (a short edge's middle may lie under a wide label).
QPointF uncoveredPointOf(const GraphEdgeItem *edge)
{
    for (int step = 1; step < 20; ++step) {
        const QPointF point = edge->path().pointAtPercent(step / 20.0);
        const QList<QGraphicsItem *> under = edge->scene()->items(point);
        if (std::none_of(under.begin(), under.end(), [](QGraphicsItem *item) { return item->type() == GraphNodeItem::Type; }))
            return point;
    }
    return edge->middle();
}

// eni-a talking with `peers` outside /24s, imported into `dir` as "star.flowcase".
QString starCase(QTemporaryDir &dir, int peers)
{
    QByteArray records;
    for (int peer = 0; peer < peers; ++peer)
        records += QStringLiteral("eni-a subnet-1 vpc-1 10.0.1.5:%1 > 198.51.%2.7:443 tcp %3 ACCEPT 2 egress - -\n")
                       .arg(40000 + peer).arg(peer).arg(1000 + 10 * peer).toLatin1();
    test::importFlowLog(dir, QStringLiteral("star"), test::graphFlowLogOf(records));
    return dir.filePath(QStringLiteral("star.flowcase"));
}

// The labels drawn: nodes and cluster names.
std::vector<QGraphicsItem *> labelledItems(const GraphScene *scene)
{
    std::vector<QGraphicsItem *> items;
    for (QGraphicsItem *item : scene->items())
        if (item->type() == GraphNodeItem::Type || item->type() == GraphClusterLabelItem::Type)
            items.push_back(item);
    return items;
}

// The first node whose label is not drawn on screen (its box's middle holds no text), or none.
QString nodeWithoutLabel(QGraphicsView *canvas, const GraphScene *scene)
{
    const QImage image = canvas->viewport()->grab().toImage();
    for (GraphNodeItem *node : scene->nodeItems()) {
        const QRect box = canvas->mapFromScene(node->sceneBoundingRect()).boundingRect();
        const int inset = std::min(10, box.width() / 4); // clear of the outline
        const QRect band(box.left() + inset, box.center().y() - 2, box.width() - 2 * inset, 5);
        int dark = 0;
        for (int y = band.top(); y <= band.bottom(); ++y)
            for (int x = band.left(); x <= band.right(); ++x)
                dark += image.rect().contains(x, y) && qGray(image.pixel(x, y)) < 110 ? 1 : 0;
        if (dark < 3)
            return node->node().id;
    }
    return {};
}

} // namespace

class TestGraphView : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

    // A shown view of the case under `filter`, its first graph drawn.
    bool showGraph(GraphView &view, const QString &filter)
    {
        QSignalSpy computed(&view, &GraphView::computed);
        view.resize(900, 700);
        view.setFilter(filter);
        view.setCase(m_case);
        view.show();
        return QTest::qWaitForWindowExposed(&view) && (computed.count() > 0 || computed.wait(20000));
    }

    // large.flowcase: one interface talking to 150 peers, more than a
    // narrow dock shows with readable labels.
    static void importLargeGraph(const QTemporaryDir &dir)
    {
        QByteArray records;
        for (int peer = 0; peer < 150; ++peer)
            records += QStringLiteral("eni-a subnet-1 vpc-1 10.0.1.5:%1 > 198.51.%2.7:443 tcp %3 ACCEPT 2 egress - -\n")
                           .arg(40000 + peer).arg(peer).arg(1000 + 10 * peer).toLatin1();
        test::importFlowLog(dir, QStringLiteral("large"), test::graphFlowLogOf(records));
    }
    static QString largeGraphCase(const QTemporaryDir &dir) { return dir.filePath(QStringLiteral("large.flowcase")); }

private Q_SLOTS:
    void initTestCase()
    {
        test::importFlowLog(m_dir, QStringLiteral("graph"), test::graphFlowLogOf(kRecords));
        m_case = m_dir.filePath(QStringLiteral("graph.flowcase"));
    }

    // A click shows the item's filter in the bar and leaves the keyboard on
    // the graph (zooming with 0, + and - goes on); Enter or a double-click
    // applies it.
    void clickingANodeOrAnEdgePreparesItsFilter()
    {
        GraphView view;
        QVERIFY(showGraph(view, QStringLiteral("protocol == 6")));
        GraphNodeItem *node = view.scene()->nodeItem(QStringLiteral("eni-b"));
        QVERIFY(node);
        QSignalSpy selected(&view, &GraphView::filterSelected);
        QSignalSpy requested(&view, &GraphView::filterRequested);
        QGraphicsView *canvas = view.graphicsView();
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, viewPointOf(canvas, node->pos()));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).toString(),
                 combineFilter(QStringLiteral("protocol == 6"), node->node().filter, FilterCombine::And));
        QVERIFY(selected.at(0).at(0).toString().contains(QStringLiteral("eni-b")));
        QVERIFY(requested.isEmpty()); // shown, not applied
        QVERIFY(node->isSelected());
        QVERIFY(!node->isPinned()); // a click moves nothing

        GraphEdgeItem *edge = nullptr;
        for (GraphEdgeItem *candidate : view.scene()->edgeItems())
            if (candidate->edge().traffic.reject > 0)
                edge = candidate;
        QVERIFY(edge);
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, viewPointOf(canvas, uncoveredPointOf(edge)));
        QCOMPARE(selected.count(), 2);
        const QString edgeFilter = combineFilter(QStringLiteral("protocol == 6"), edge->edge().filter, FilterCombine::And);
        QCOMPARE(selected.at(1).at(0).toString(), edgeFilter);
        QVERIFY(edgeFilter.contains(QStringLiteral("203.0.113.0/24")));
        QVERIFY(requested.isEmpty());

        QTest::keyClick(canvas, Qt::Key_Return); // Enter on the graph applies the selection
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), edgeFilter);
        QCOMPARE(requested.at(0).at(1).toBool(), true);

        QTest::mouseDClick(canvas->viewport(), Qt::LeftButton, {}, viewPointOf(canvas, node->pos()));
        QCOMPARE(requested.last().at(1).toBool(), true); // a double-click applies
        QCOMPARE(requested.last().at(0).toString(), selected.at(0).at(0).toString());
    }

    // A click says what it did: the item's names and totals, and that its
    // filter waits in the bar until Enter or a double-click applies it.
    void aClickShowsTheDetailsAndHowToApply()
    {
        GraphView view;
        QVERIFY(showGraph(view, QString()));
        QVERIFY(view.detailsText().isEmpty());
        GraphNodeItem *node = view.scene()->nodeItem(QStringLiteral("eni-a"));
        QVERIFY(node);
        QGraphicsView *canvas = view.graphicsView();
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, viewPointOf(canvas, node->pos()));
        const QString details = view.detailsText();
        const QLocale locale;
        QVERIFY2(details.contains(node->node().label), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("subnet-1")), qPrintable(details));
        QVERIFY2(details.contains(locale.toString(qulonglong(node->node().traffic.flows)) + QStringLiteral(" flows")), qPrintable(details));
        QVERIFY2(details.contains(locale.toString(qulonglong(node->node().traffic.accept)) + QStringLiteral(" accepted")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("Enter")) && details.contains(QStringLiteral("double-click")), qPrintable(details));
        // Bytes in powers of 1000, as the Statistics and the findings' titles: 1,790 bytes read 1.8 kB, not 1.75 KiB.
        QVERIFY(node->node().traffic.bytes >= 1000);
        const QString bytes = locale.formattedDataSize(qint64(node->node().traffic.bytes), 1, QLocale::DataSizeSIFormat);
        QVERIFY2(details.contains(bytes) && !details.contains(QStringLiteral("iB")), qPrintable(details));
        QVERIFY2(node->toolTip().contains(bytes) && !node->toolTip().contains(QStringLiteral("iB")), qPrintable(node->toolTip()));

        GraphEdgeItem *edge = nullptr;
        for (GraphEdgeItem *candidate : view.scene()->edgeItems())
            if (candidate->edge().traffic.reject > 0)
                edge = candidate;
        QVERIFY(edge);
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, viewPointOf(canvas, uncoveredPointOf(edge)));
        const QString edgeDetails = view.detailsText();
        QVERIFY2(edgeDetails.contains(edge->source()->node().label) && edgeDetails.contains(edge->target()->node().label),
                 qPrintable(edgeDetails));
        QVERIFY2(edgeDetails.contains(locale.toString(qulonglong(edge->edge().traffic.reject)) + QStringLiteral(" rejected")),
                 qPrintable(edgeDetails));
    }

    // In a narrow dock the toolbar still shows every control, on two rows; in a wide one, on one.
    void theToolbarFitsANarrowDock()
    {
        GraphView view;
        QVERIFY(showGraph(view, QString()));
        auto *options = view.findChild<QWidget *>(QStringLiteral("graphOptionsBar"));
        auto *tools = view.findChild<QWidget *>(QStringLiteral("graphToolsBar"));
        QVERIFY(options && tools);
        QVERIFY(view.minimumSizeHint().width() <= 320);
        view.resize(320, 600);
        QTRY_VERIFY(tools->geometry().top() >= options->geometry().bottom()); // two rows
        for (const char *name : {"graphLevel", "graphTopNodes", "graphMetric", "graphSearch", "graphFit", "graphExport"}) {
            auto *control = view.findChild<QWidget *>(QString::fromLatin1(name));
            QVERIFY2(control && control->isVisible(), name);
            const QRect inView(control->mapTo(&view, QPoint()), control->size());
            QVERIFY2(view.rect().contains(inView), name);
        }
        view.resize(1200, 600);
        QTRY_COMPARE(tools->geometry().top(), options->geometry().top()); // one row
    }

    // Each new layout is shown whole, and a resize keeps it whole, until the
    // analyst zooms: then the view stays as they left it.
    void newLayoutsAreFittedUntilTheAnalystZooms()
    {
        GraphView view;
        QVERIFY(showGraph(view, QString()));
        QGraphicsView *canvas = view.graphicsView();
        const auto wholeInView = [&] {
            const QRect shown = canvas->mapFromScene(view.scene()->itemsBoundingRect()).boundingRect();
            return canvas->viewport()->rect().adjusted(-1, -1, 1, 1).contains(shown);
        };
        QVERIFY(wholeInView());
        const double before = canvas->transform().m11();
        view.resize(view.width() / 2, view.height() / 2);
        QTRY_VERIFY(canvas->transform().m11() < before);
        QVERIFY(wholeInView());
        QSignalSpy computed(&view, &GraphView::computed);
        view.setFilter(QStringLiteral("action == accept"));
        QVERIFY(computed.wait(20000));
        QVERIFY(wholeInView());

        const QTransform fitted = canvas->transform();
        const QPoint centre = canvas->viewport()->rect().center();
        QWheelEvent wheel(centre, canvas->viewport()->mapToGlobal(centre), {}, QPoint(0, 360), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(canvas->viewport(), &wheel);
        const QTransform zoomed = canvas->transform();
        QVERIFY(zoomed.m11() > fitted.m11());
        view.setMetric(graph::GraphMetric::Flows);
        QVERIFY(computed.wait(20000));
        QCOMPARE(canvas->transform(), zoomed); // the analyst's zoom stays
        view.fitToView();
        QVERIFY(wholeInView());
    }

    // A new filter (Enter on a clicked edge, say) draws other nodes: the
    // graph comes into view as a first one does, however the analyst had
    // zoomed and panned, and the nodes that stay keep their places.
    void aNewFilterComesIntoView()
    {
        GraphView view;
        QVERIFY(showGraph(view, QString()));
        QGraphicsView *canvas = view.graphicsView();
        const auto wholeInView = [&] {
            const QRect shown = canvas->mapFromScene(view.scene()->itemsBoundingRect()).boundingRect();
            return canvas->viewport()->rect().adjusted(-1, -1, 1, 1).contains(shown);
        };
        const QString kept = QStringLiteral("eni-a");
        GraphNodeItem *node = view.scene()->findNode(kept);
        QVERIFY(node);
        const QPointF place = node->pos();
        const QPoint centre = canvas->viewport()->rect().center();
        QWheelEvent wheel(centre, canvas->viewport()->mapToGlobal(centre), {}, QPoint(0, 720), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(canvas->viewport(), &wheel);
        canvas->horizontalScrollBar()->setValue(canvas->horizontalScrollBar()->maximum());
        canvas->verticalScrollBar()->setValue(canvas->verticalScrollBar()->maximum());
        QVERIFY(!wholeInView());

        QSignalSpy computed(&view, &GraphView::computed);
        view.setFilter(QStringLiteral("action == accept"));
        QVERIFY(computed.wait(20000));
        QVERIFY(wholeInView());
        node = view.scene()->findNode(kept);
        QVERIFY(node);
        QCOMPARE(node->pos(), place);
    }

    // The top 150 in a narrow dock: the graph opens where its labels read,
    // around its heaviest node; Fit shows it whole, leaving out the labels
    // too small to read (each node's tooltip names it), and keeps it whole
    // as the dock is resized.
    void aLargeGraphReadsInANarrowDock()
    {
        QTemporaryDir dir;
        importLargeGraph(dir);
        GraphView view;
        QSignalSpy computed(&view, &GraphView::computed);
        view.resize(420, 600);
        view.setCase(largeGraphCase(dir));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(computed.count() > 0 || computed.wait(30000));
        QVERIFY(view.scene()->nodeItems().size() > 100);
        QGraphicsView *canvas = view.graphicsView();
        QVERIFY(labelReadableAt(canvas->transform().m11()));
        const QRect viewport = canvas->viewport()->rect();
        QVERIFY(!viewport.contains(canvas->mapFromScene(view.scene()->itemsBoundingRect()).boundingRect()));
        // The heaviest: the interface, which talks to every peer.
        const GraphNodeItem *heaviest = view.scene()->nodeItem(QStringLiteral("eni-a"));
        QVERIFY(heaviest);
        QVERIFY(viewport.contains(canvas->mapFromScene(heaviest->sceneBoundingRect()).boundingRect()));
        QVERIFY2(view.bannerText().contains(QStringLiteral("Fit (0) shows the whole graph")), qPrintable(view.bannerText()));

        view.fitToView();
        QVERIFY(!view.bannerText().contains(QStringLiteral("Fit (0)")));
        const auto wholeInView = [&] {
            return canvas->viewport()->rect().adjusted(-1, -1, 1, 1).contains(
                canvas->mapFromScene(view.scene()->itemsBoundingRect()).boundingRect());
        };
        QVERIFY(wholeInView());
        QVERIFY(!labelReadableAt(canvas->transform().m11()));
        QVERIFY(heaviest->toolTip().startsWith(heaviest->node().label));
        const double whole = canvas->transform().m11();
        view.resize(view.width() - 80, view.height());
        QTRY_VERIFY(canvas->transform().m11() != whole);
        QVERIFY(wholeInView());
    }

    // Fit (0) pressed while the graph is still computed (as right after the
    // Graph tab is chosen) fits that graph whole when it arrives.
    void aFitAskedWhileComputingHolds()
    {
        QTemporaryDir dir;
        importLargeGraph(dir);
        GraphView view;
        auto *loader = view.findChild<GraphLoader *>();
        QVERIFY(loader);
        QSemaphore started, go;
        loader->setStartHook([&] {
            started.release();
            go.acquire();
        });
        QSignalSpy computed(&view, &GraphView::computed);
        view.resize(420, 600);
        view.setCase(largeGraphCase(dir));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(started.tryAcquire(1, 20000)); // the computation is held: the graph is not there yet
        QGraphicsView *canvas = view.graphicsView();
        QTest::keyClick(canvas, Qt::Key_0);
        go.release();
        QVERIFY(computed.count() > 0 || computed.wait(30000));
        QVERIFY(view.scene()->nodeItems().size() > 100);
        // Too large to read whole in this dock, yet whole, as asked.
        QVERIFY(canvas->viewport()->rect().adjusted(-1, -1, 1, 1).contains(
            canvas->mapFromScene(view.scene()->itemsBoundingRect()).boundingRect()));
        QVERIFY(!view.bannerText().contains(QStringLiteral("Fit (0)")));

        // Asked once: the next new filter is fitted by the first-layout rule again.
        loader->setStartHook({});
        view.setFilter(QStringLiteral("dstport == 443"));
        QVERIFY(computed.wait(30000));
        QVERIFY(view.bannerText().contains(QStringLiteral("Fit (0) shows the whole graph")));
    }

    void aFittedSmallGraphShowsEveryLabel_data()
    {
        QTest::addColumn<int>("peers");
        QTest::addColumn<double>("scale"); // the dock as narrow as fits the whole graph at this zoom
        QTest::addColumn<bool>("fitKey");  // else as it opens
        // Just short of the labels' own size, as a narrow dock leaves a small graph.
        QTest::newRow("2 nodes, Fit (0)") << 1 << 0.9 * readableLabelScale() << true;
        QTest::newRow("2 nodes, as it opens") << 1 << 0.9 * readableLabelScale() << false;
        QTest::newRow("10 nodes, Fit (0)") << 9 << 0.9 * readableLabelScale() << true;
        QTest::newRow("10 nodes, Fit (0), a narrower dock") << 9 << 0.7 * readableLabelScale() << true;
    }

    // A small graph fitted in a narrow dock shows every label, whole: drawn
    // no smaller than readable, elided to its box, rather than left out
    // while one zoom step would show it.
    void aFittedSmallGraphShowsEveryLabel()
    {
        QFETCH(int, peers);
        QFETCH(double, scale);
        QFETCH(bool, fitKey);
        QTemporaryDir dir;
        GraphView view;
        QSignalSpy computed(&view, &GraphView::computed);
        view.resize(1200, 900);
        view.setCase(starCase(dir, peers));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(computed.count() > 0 || computed.wait(20000));
        QCOMPARE(view.scene()->nodeItems().size(), std::size_t(peers + 1));
        QGraphicsView *canvas = view.graphicsView();
        // Narrowed until the whole graph fits at `scale` (the fit keeps 20 points around it).
        const QRectF bounds = view.scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20);
        const int width = view.width() - canvas->viewport()->width() + int(bounds.width() * scale);
        const int height = view.height() - canvas->viewport()->height() + int(bounds.height() * scale) + 300;
        view.resize(width, height);
        QTRY_VERIFY(std::abs(canvas->viewport()->width() - bounds.width() * scale) <= 1);
        if (fitKey) {
            QTest::keyClick(canvas, Qt::Key_Plus);
            QTest::keyClick(canvas, Qt::Key_0);
        }
        QVERIFY2(std::abs(canvas->transform().m11() - scale) < 0.05, qPrintable(QString::number(canvas->transform().m11())));
        QVERIFY(labelReadableAt(canvas->transform().m11()));
        QVERIFY(!view.bannerText().contains(QStringLiteral("Fit (0)"))); // shown whole
        const QRect viewport = canvas->viewport()->rect();
        for (QGraphicsItem *item : labelledItems(view.scene())) {
            const QRect shown = canvas->mapFromScene(item->sceneBoundingRect()).boundingRect();
            QVERIFY2(viewport.contains(shown), qPrintable(item->toolTip()));
        }
        const QString unlabelled = nodeWithoutLabel(canvas, view.scene());
        QVERIFY2(unlabelled.isEmpty(), qPrintable(unlabelled));
    }

    void aZoomedViewPansToEveryLabelWhole_data()
    {
        QTest::addColumn<QString>("side");
        QTest::addColumn<bool>("dropped"); // a node dragged far past the side first
        for (const char *side : {"left", "right", "top", "bottom"})
            QTest::newRow(side) << QString::fromLatin1(side) << false;
        QTest::newRow("right, a node dropped past it") << QStringLiteral("right") << true;
        QTest::newRow("bottom, a node dropped past it") << QStringLiteral("bottom") << true;
    }

    // Zoomed in, the view pans far enough to each side to show the labels
    // there whole, a node the analyst dropped past the graph's edge too.
    void aZoomedViewPansToEveryLabelWhole()
    {
        QFETCH(QString, side);
        QFETCH(bool, dropped);
        GraphView view;
        QVERIFY(showGraph(view, QString()));
        QGraphicsView *canvas = view.graphicsView();
        const auto zoom = [canvas](int notches) {
            const QPoint centre = canvas->viewport()->rect().center();
            QWheelEvent wheel(centre, canvas->viewport()->mapToGlobal(centre), {}, QPoint(0, 120 * notches), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(canvas->viewport(), &wheel);
        };
        const bool horizontal = side == QLatin1String("left") || side == QLatin1String("right");
        const bool towardsEnd = side == QLatin1String("right") || side == QLatin1String("bottom");
        if (dropped) {
            GraphNodeItem *node = view.scene()->nodeItem(QStringLiteral("eni-b"));
            QVERIFY(node);
            zoom(-6); // the whole graph small, room to drop it far past the others
            const QPoint from = canvas->mapFromScene(node->pos());
            const QPoint to = horizontal ? QPoint(canvas->viewport()->width() - 5, from.y())
                                         : QPoint(from.x(), canvas->viewport()->height() - 5);
            QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, from);
            QMouseEvent move(QEvent::MouseMove, to, canvas->viewport()->mapToGlobal(to), Qt::NoButton, Qt::LeftButton,
                             Qt::NoModifier);
            QCoreApplication::sendEvent(canvas->viewport(), &move);
            QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, to);
            QVERIFY(node->isPinned());
            view.fitToView();
        }
        const double fitted = canvas->transform().m11();
        zoom(2);
        QVERIFY(canvas->transform().m11() > 1.5 * fitted);
        QScrollBar *bar = horizontal ? canvas->horizontalScrollBar() : canvas->verticalScrollBar();
        bar->setValue(towardsEnd ? bar->maximum() : bar->minimum());
        // The nodes at that side of the graph, each whole along it.
        std::vector<QGraphicsItem *> items;
        for (GraphNodeItem *node : view.scene()->nodeItems())
            items.push_back(node);
        const auto edgeOf = [&](const QGraphicsItem *item) {
            const QRectF box = item->sceneBoundingRect();
            return horizontal ? (towardsEnd ? box.right() : -box.left()) : (towardsEnd ? box.bottom() : -box.top());
        };
        double outermost = -1e9;
        for (const QGraphicsItem *item : items)
            outermost = std::max(outermost, edgeOf(item));
        const QRect viewport = canvas->viewport()->rect();
        for (const QGraphicsItem *item : items) {
            if (edgeOf(item) < outermost - 1)
                continue;
            const QRect shown = canvas->mapFromScene(item->sceneBoundingRect()).boundingRect();
            const bool whole = horizontal ? shown.left() >= viewport.left() && shown.right() <= viewport.right()
                                          : shown.top() >= viewport.top() && shown.bottom() <= viewport.bottom();
            QVERIFY2(whole, qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 in %6x%7")
                                           .arg(item->toolTip().section(QLatin1Char('\n'), 0, 0))
                                           .arg(shown.x()).arg(shown.y()).arg(shown.width()).arg(shown.height())
                                           .arg(viewport.width()).arg(viewport.height())));
        }
    }

    // Selecting a node fades what does not touch it.
    void selectingHighlightsTheNeighbours()
    {
        GraphView view;
        QVERIFY(showGraph(view, QString()));
        GraphNodeItem *outside = view.scene()->nodeItem(QStringLiteral("203.0.113.0/24"));
        GraphNodeItem *a = view.scene()->nodeItem(QStringLiteral("eni-a"));
        GraphNodeItem *b = view.scene()->nodeItem(QStringLiteral("eni-b"));
        QVERIFY(outside && a && b);
        outside->setSelected(true);
        QCOMPARE(b->opacity(), 1.0);
        QVERIFY(a->opacity() < 0.5);
        view.scene()->clearSelection();
        QCOMPARE(a->opacity(), 1.0);
    }

    void failedLayoutsSayWhy_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QString>("reason");
        QTest::newRow("crash") << QByteArray("kill -SEGV $$") << 10000 << "crashed";
        QTest::newRow("hang") << QByteArray("exec tail -f /dev/null") << 300 << "did not finish within 300 ms";
    }

    void failedLayoutsSayWhy()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, timeoutMs);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        GraphView view;
        view.setLayoutCommand(script(dir, QStringLiteral("fake-sfdp"), body), timeoutMs);
        QVERIFY(showGraph(view, QString()));
        QVERIFY2(view.bannerText().contains(reason), qPrintable(view.bannerText()));
        QVERIFY(view.bannerText().contains(QStringLiteral("circle")));
        QVERIFY(view.scene()->nodeItem(QStringLiteral("eni-a")));
        QCOMPARE(view.scene()->nodeItems().size(), std::size_t(4));
    }

    // A dragged node stays where it was dropped through the next filter, and
    // the others where they were.
    void aDraggedNodeStaysPinned()
    {
        GraphView view;
        QVERIFY(showGraph(view, QString()));
        QGraphicsView *canvas = view.graphicsView();
        GraphNodeItem *node = view.scene()->nodeItem(QStringLiteral("eni-a"));
        QVERIFY(node);
        const QPoint from = viewPointOf(canvas, node->pos());
        const QPoint to = from + QPoint(60, 40);
        QSignalSpy requested(&view, &GraphView::filterRequested);
        QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, to, canvas->viewport()->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(canvas->viewport(), &move);
        QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, to);
        QVERIFY(node->isPinned());
        QCOMPARE(requested.count(), 0); // a drag is no click
        const QPointF dropped = node->pos();
        const QPointF other = view.scene()->nodeItem(QStringLiteral("eni-b"))->pos();

        QSignalSpy computed(&view, &GraphView::computed);
        view.setFilter(QStringLiteral("action == accept"));
        QVERIFY(computed.wait(20000));
        GraphNodeItem *again = view.scene()->nodeItem(QStringLiteral("eni-a"));
        QVERIFY(again);
        QCOMPARE(again->pos(), dropped);
        QVERIFY(again->isPinned());
        // Nodes that stay keep their places: the layout started from them.
        const QPointF otherNow = view.scene()->nodeItem(QStringLiteral("eni-b"))->pos();
        QVERIFY2(QLineF(other, otherNow).length() < 1, qPrintable(QStringLiteral("%1,%2").arg(otherNow.x()).arg(otherNow.y())));
        QVERIFY(!view.scene()->nodeItem(QStringLiteral("203.0.113.0/24"))); // only rejected
    }

    void anOutsideGroupExpandsAndCollapses()
    {
        GraphView view;
        QVERIFY(showGraph(view, QString()));
        GraphNodeItem *group = view.scene()->nodeItem(QStringLiteral("198.51.100.0/24"));
        QVERIFY(group);
        std::unique_ptr<QMenu> menu(view.createItemMenu(group));
        auto *expand = menu->findChild<QAction *>(QStringLiteral("expandGroup"));
        QVERIFY(expand);
        QSignalSpy computed(&view, &GraphView::computed);
        expand->trigger();
        QVERIFY(computed.wait(20000));
        QVERIFY(!view.scene()->nodeItem(QStringLiteral("198.51.100.0/24")));
        GraphNodeItem *address = view.scene()->nodeItem(QStringLiteral("198.51.100.7"));
        QVERIFY(address);
        QVERIFY(view.scene()->nodeItem(QStringLiteral("198.51.100.8")));

        menu.reset(view.createItemMenu(address));
        auto *collapse = menu->findChild<QAction *>(QStringLiteral("collapseGroup"));
        QVERIFY(collapse);
        collapse->trigger();
        QVERIFY(computed.wait(20000));
        QVERIFY(view.scene()->nodeItem(QStringLiteral("198.51.100.0/24")));
        QVERIFY(!view.scene()->nodeItem(QStringLiteral("198.51.100.7")));
    }

    void theContextMenuOffersApplyAndPrepare()
    {
        GraphView view;
        QVERIFY(showGraph(view, QStringLiteral("protocol == 6")));
        GraphNodeItem *node = view.scene()->nodeItem(QStringLiteral("eni-a"));
        std::unique_ptr<QMenu> menu(view.createItemMenu(node));
        auto *apply = menu->findChild<QAction *>(QStringLiteral("applyAndNotSelected"));
        QVERIFY(apply);
        QSignalSpy requested(&view, &GraphView::filterRequested);
        apply->trigger();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(),
                 combineFilter(QStringLiteral("protocol == 6"), node->node().filter, FilterCombine::AndNot));
        QCOMPARE(requested.at(0).at(1).toBool(), true);
    }

    void findsANodeByName()
    {
        GraphView view;
        QVERIFY(showGraph(view, QString()));
        QVERIFY(view.findNode(QStringLiteral("ENI-B")));
        QVERIFY(view.scene()->nodeItem(QStringLiteral("eni-b"))->isSelected());
        QVERIFY(!view.findNode(QStringLiteral("no such node")));
    }

    void exportsPngAndDot()
    {
        GraphView view;
        QVERIFY(showGraph(view, QString()));
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(QStringLiteral("g.png"));
        QVERIFY2(view.savePng(png, &error), qPrintable(error));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 50);
        const QString dot = dir.filePath(QStringLiteral("g.dot"));
        QVERIFY2(view.saveDot(dot, &error), qPrintable(error));
        QFile file(dot);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("\"eni-a\""));
        const QPointF at = view.scene()->nodeItem(QStringLiteral("eni-a"))->pos();
        QVERIFY2(text.contains(QStringLiteral("pos=\"%1,%2!\"").arg(at.x(), 0, 'f', 1).arg(-at.y(), 0, 'f', 1).toUtf8()),
                 text.constData());
        QVERIFY(!view.savePng(dir.filePath(QStringLiteral("missing/g.png")), &error));
        QVERIFY(error.contains(QStringLiteral("missing/g.png")));
    }

    void exportsSvgThroughGraphviz()
    {
        GraphView view;
        QVERIFY(showGraph(view, QString()));
        QTemporaryDir dir;
        const QString svg = dir.filePath(QStringLiteral("g.svg"));
        QSignalSpy exported(&view, &GraphView::exported);
        view.saveSvg(svg);
        QVERIFY(exported.wait(20000));
        QVERIFY2(exported.at(0).at(1).toString().isEmpty(), qPrintable(exported.at(0).at(1).toString()));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("eni&#45;a")); // Graphviz writes the hyphen so
    }
};

QTEST_MAIN(TestGraphView)
#include "tst_graphview.moc"
