// SPDX-License-Identifier: GPL-3.0-or-later
// The graph's labels: none covers another label or a node, all stay in the
// drawing, next to their node, and nodes far apart are all named; in a dense
// cluster some are left off rather than overlapped.

#include "report/label_placement.h"

#include <QTest>

#include <cmath>

using namespace flowscope::report;

namespace {

constexpr double kRadius = 6;

// Nodes on a spiral around the centre: `spacing` apart along it.
std::vector<LabelRequest> spiral(int nodes, double spacing)
{
    std::vector<LabelRequest> requests;
    for (int i = 0; i < nodes; ++i) {
        const double angle = i * 2.399963; // the golden angle: no two on one ray
        const double r = spacing * std::sqrt(double(i));
        requests.push_back({QPointF(300 + r * std::cos(angle), 300 + r * std::sin(angle)), QSizeF(40 + (i % 5) * 12, 7)});
    }
    return requests;
}

} // namespace

class TestLabelPlacement : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void labelsNeverOverlap_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<double>("spacing");
        QTest::addColumn<bool>("allNamed");
        QTest::newRow("dense middle") << 40 << 14.0 << false;
        QTest::newRow("sparse") << 12 << 80.0 << true;
        QTest::newRow("one") << 1 << 10.0 << true;
    }

    void labelsNeverOverlap()
    {
        QFETCH(int, nodes);
        QFETCH(double, spacing);
        QFETCH(bool, allNamed);
        const QRectF area(0, 0, 600, 600);
        const auto requests = spiral(nodes, spacing);
        const auto placed = placeLabels(requests, kRadius, area);
        QCOMPARE(placed.size(), requests.size());
        int named = 0;
        for (std::size_t i = 0; i < placed.size(); ++i) {
            if (!placed[i])
                continue;
            ++named;
            QVERIFY(area.contains(*placed[i]));
            QCOMPARE(placed[i]->size(), requests[i].size);
            // Beside its own node, not far away.
            QVERIFY(QLineF(placed[i]->center(), requests[i].node).length() < requests[i].size.width() + 3 * kRadius);
            for (std::size_t j = 0; j < placed.size(); ++j) {
                const QRectF circle(requests[j].node - QPointF(kRadius, kRadius), QSizeF(2 * kRadius, 2 * kRadius));
                QVERIFY2(!placed[i]->intersects(circle), qPrintable(QStringLiteral("label %1 covers node %2").arg(i).arg(j)));
                if (j != i && placed[j])
                    QVERIFY2(!placed[i]->intersects(*placed[j]), qPrintable(QStringLiteral("labels %1 and %2").arg(i).arg(j)));
            }
        }
        if (allNamed)
            QCOMPARE(named, nodes);
        else
            QVERIFY(named < nodes);
    }
};

QTEST_GUILESS_MAIN(TestLabelPlacement)
#include "tst_labelplacement.moc"
