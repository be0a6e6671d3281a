// SPDX-License-Identifier: GPL-3.0-or-later
// The report chart's value axis: steps of 1, 2 or 5 times a power of ten,
// at most the wanted count, the top tick at or above the highest value.

#include "report/axis_ticks.h"

#include <QTest>

using namespace flowscope::report;

class TestAxisTicks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundSteps_data()
    {
        QTest::addColumn<qulonglong>("highest");
        QTest::addColumn<qulonglong>("step");
        QTest::addColumn<qulonglong>("top");
        QTest::newRow("walkthrough's 652") << 652ULL << 200ULL << 800ULL;
        QTest::newRow("exact") << 800ULL << 200ULL << 800ULL;
        QTest::newRow("one") << 1ULL << 1ULL << 1ULL;
        QTest::newRow("zero") << 0ULL << 1ULL << 1ULL;
        QTest::newRow("three") << 3ULL << 1ULL << 3ULL;
        QTest::newRow("seven") << 7ULL << 2ULL << 8ULL;
        QTest::newRow("millions") << 3'100'000ULL << 1'000'000ULL << 4'000'000ULL;
        QTest::newRow("just over a step") << 1001ULL << 500ULL << 1500ULL;
    }

    void roundSteps()
    {
        QFETCH(qulonglong, highest);
        QFETCH(qulonglong, step);
        QFETCH(qulonglong, top);
        const AxisTicks ticks = roundTicks(highest, 4);
        QCOMPARE(qulonglong(ticks.step), step);
        QCOMPARE(qulonglong(ticks.top), top);
        const std::vector<std::uint64_t> values = ticks.values();
        QCOMPARE(values.front(), std::uint64_t(0));
        QCOMPARE(values.back(), ticks.top);
        QVERIFY(values.size() <= 5);
        QVERIFY(ticks.top >= highest);
    }

    void hugeValuesEnd()
    {
        const AxisTicks ticks = roundTicks(UINT64_MAX - 1, 4);
        QVERIFY(ticks.top >= UINT64_MAX - 1);
    }
};

QTEST_APPLESS_MAIN(TestAxisTicks)
#include "tst_axisticks.moc"
