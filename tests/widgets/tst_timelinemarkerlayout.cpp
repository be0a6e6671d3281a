// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's marker labels on dense and awkward cases: whatever the
// markers and the room, no label is drawn over another, over the legend or
// out of the plot; each label's text fits its box; a label stands for the
// markers it names ("N markers" for several), and each marker is in one
// label at most (the rest are left to the tooltip).

#include "timeline_marker_layout.h"

#include <QApplication>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace flowscope;

namespace {

QString labelText(int i)
{
    // As the demo's: findings by name, starred records by their summary.
    return i % 3 == 0 ? QStringLiteral("lateral-movement-%1").arg(i)
                      : QStringLiteral("★ tcp 10.0.1.%1:22 → 10.0.2.%2:445").arg(i % 250).arg((i * 7) % 250);
}

} // namespace

class TestTimelineMarkerLayout : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void labelsNeverOverlap_data()
    {
        QTest::addColumn<QList<double>>("xs");
        QTest::addColumn<QRect>("plot");
        QTest::addColumn<QList<QRect>>("blocked");
        QTest::addColumn<int>("rows");
        QTest::addColumn<bool>("room"); // for every label

        const QRect wide(60, 30, 1200, 160);
        const QRect legend(wide.right() - 300, wide.top() - 20, 300, 20);
        const auto spaced = [](double from, double step, int n) {
            QList<double> xs;
            for (int i = 0; i < n; ++i)
                xs << from + step * i;
            return xs;
        };
        QTest::newRow("demo: two apart, three rows") << QList<double>{400, 430, 455, 470, 520} << wide
                                                     << QList<QRect>{legend} << 3 << false;
        QTest::newRow("room for each") << spaced(70, 260, 4) << wide << QList<QRect>{legend} << 3 << true;
        QTest::newRow("one second, fifty markers") << QList<double>(50, 300.0) << wide << QList<QRect>{} << 3 << false;
        QTest::newRow("every 7 px") << spaced(70, 7, 150) << wide << QList<QRect>{legend} << 3 << false;
        QTest::newRow("every 13 px") << spaced(70, 13, 90) << wide << QList<QRect>{legend} << 3 << false;
        QTest::newRow("every 40 px") << spaced(70, 40, 30) << wide << QList<QRect>{legend} << 3 << false;
        QTest::newRow("crowd at the right edge") << spaced(wide.right() - 60, 9, 8) << wide << QList<QRect>{} << 3 << false;
        QTest::newRow("crowd under the legend")
            << spaced(legend.left() - 20, 15, 20) << wide << QList<QRect>{QRect(legend.left(), wide.top(), 300, 20)} << 3 << false;
        QTest::newRow("narrow plot") << spaced(10, 11, 12) << QRect(5, 5, 140, 120) << QList<QRect>{} << 3 << false;
        QTest::newRow("short plot: one row") << spaced(70, 25, 40) << QRect(60, 30, 1200, 24) << QList<QRect>{} << 3 << false;
        QTest::newRow("too short for a label") << spaced(70, 25, 40) << QRect(60, 30, 1200, 8) << QList<QRect>{} << 3 << false;
        QTest::newRow("six rows") << spaced(70, 17, 60) << QRect(60, 30, 1200, 400) << QList<QRect>{legend} << 6 << false;
        QTest::newRow("outside the view") << QList<double>{-50, 10, 59, 60, 1260, 1261, 5000} << wide
                                          << QList<QRect>{} << 3 << false;
        for (quint32 seed : {1u, 2u, 3u, 4u, 5u}) {
            QRandomGenerator random(seed);
            QList<double> xs;
            for (int i = 0; i < 80; ++i)
                xs << 60 + random.bounded(1200.0);
            QTest::newRow(qPrintable(QStringLiteral("random %1").arg(seed))) << xs << wide << QList<QRect>{legend} << 3 << false;
        }
    }

    void labelsNeverOverlap()
    {
        QFETCH(QList<double>, xs);
        QFETCH(QRect, plot);
        QFETCH(QList<QRect>, blocked);
        QFETCH(int, rows);
        QFETCH(bool, room);
        QList<MarkerLabelRequest> requests;
        for (qsizetype i = 0; i < xs.size(); ++i)
            requests.append({xs[i], labelText(int(i))});
        MarkerLabelArea area;
        area.plot = plot;
        area.blocked = blocked;
        area.rows = rows;
        const QFontMetrics metrics(QApplication::font());
        const QList<PlacedMarkerLabel> labels = placeMarkerLabels(requests, area, metrics);

        QSet<int> labelled;
        for (qsizetype i = 0; i < labels.size(); ++i) {
            const PlacedMarkerLabel &label = labels[i];
            QVERIFY2(plot.contains(label.rect), qPrintable(label.text));
            for (const QRect &block : blocked)
                QVERIFY2(!label.rect.intersects(block), qPrintable(label.text));
            for (qsizetype j = i + 1; j < labels.size(); ++j) {
                const QRect &other = labels[j].rect;
                const QString pair = QStringLiteral("%1 / %2").arg(label.text, labels[j].text);
                QVERIFY2(!label.rect.intersects(other), qPrintable(pair));
                // In one row, a gap between them: two labels never read as one.
                if (label.rect.top() <= other.bottom() && other.top() <= label.rect.bottom())
                    QVERIFY2(std::max(other.left() - label.rect.right(), label.rect.left() - other.right()) > area.gap,
                             qPrintable(pair));
            }
            QVERIFY(metrics.horizontalAdvance(label.text) < label.rect.width());
            QVERIFY(metrics.height() <= label.rect.height());
            QVERIFY(!label.markers.isEmpty());
            if (label.markers.size() > 1)
                QCOMPARE(label.text, QStringLiteral("%1 markers").arg(label.markers.size()));
            else
                QVERIFY(requests[label.markers.first()].label.startsWith(label.text.chopped(1)));
            for (const int m : label.markers) {
                QVERIFY2(!labelled.contains(m), "a marker in two labels");
                labelled.insert(m);
                QVERIFY(xs[m] >= plot.left() && xs[m] <= plot.right()); // none for markers out of view
                // Next to its line: the label touches the marker it stands for, or its cluster's first.
                QVERIFY(std::abs(label.rect.left() - xs[label.markers.first()]) <= 2
                        || std::abs(label.rect.right() + 1 - xs[label.markers.first()]) <= 2);
            }
        }
        if (room)
            QCOMPARE(labelled.size(), xs.size());
    }
};

QTEST_MAIN(TestTimelineMarkerLayout)
#include "tst_timelinemarkerlayout.moc"
