// SPDX-License-Identifier: GPL-3.0-or-later
// Which configuration snapshot is in force at a record's time.

#include "explain/snapshot_timeline.h"

#include <QTest>

using namespace flowscope::explain;

namespace {
QDateTime utc(const char *text) { return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate); }
qint64 secs(const char *text) { return utc(text).toSecsSinceEpoch(); }
} // namespace

class TestSnapshotTimeline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A snapshot far from the case's records is said to be, in the largest unit that fits.
    void distanceNote_data()
    {
        QTest::addColumn<qint64>("asOf");
        QTest::addColumn<QString>("note");
        const qint64 day = 24 * 3600;
        QTest::newRow("within the records") << qint64(1'000'000 + 5 * day) << QString();
        QTest::newRow("six days after the last") << qint64(1'000'000 + 10 * day + 6 * day) << QString();
        QTest::newRow("nine months after the last")
            << qint64(1'000'000 + 10 * day + 275 * day)
            << QStringLiteral("taken 9 months after the case's last record: explanations of earlier records may not match "
                              "the configuration then");
        QTest::newRow("three weeks before the first")
            << qint64(1'000'000 - 21 * day)
            << QStringLiteral("taken 3 weeks before the case's first record: explanations of later records may not match "
                              "the configuration then");
    }

    void distanceNote()
    {
        QFETCH(qint64, asOf);
        QFETCH(QString, note);
        const qint64 day = 24 * 3600;
        QCOMPARE(snapshotDistanceNote(QDateTime::fromSecsSinceEpoch(asOf, Qt::UTC), 1'000'000, 1'000'000 + 10 * day), note);
        QCOMPARE(snapshotDistanceNote(QDateTime::fromSecsSinceEpoch(asOf, Qt::UTC), std::nullopt, std::nullopt), QString());
    }

    void emptyTimelineHasNoSnapshot()
    {
        SnapshotTimeline timeline;
        QVERIFY(timeline.isEmpty());
        QVERIFY(!timeline.inForceAt(secs("2026-01-01T00:00:00Z")));
    }

    void choice_data()
    {
        QTest::addColumn<QString>("recordTime");
        QTest::addColumn<qint64>("expectedId");
        QTest::addColumn<qint64>("expectedApart");
        // Snapshots 1 (08:00), 2 (12:00), 3 (18:00), added out of order.
        QTest::addRow("before every snapshot: the oldest, taken after") << "2026-03-01T07:00:00Z" << qint64(1) << qint64(-3600);
        QTest::addRow("at a snapshot's time") << "2026-03-01T12:00:00Z" << qint64(2) << qint64(0);
        QTest::addRow("between two: the earlier") << "2026-03-01T17:59:59Z" << qint64(2) << qint64(21599);
        QTest::addRow("after the newest") << "2026-03-02T18:00:00Z" << qint64(3) << qint64(86400);
    }

    void choice()
    {
        QFETCH(QString, recordTime);
        QFETCH(qint64, expectedId);
        QFETCH(qint64, expectedApart);
        SnapshotTimeline timeline;
        timeline.add({3, utc("2026-03-01T18:00:00Z"), std::make_shared<ConfigSnapshot>()});
        timeline.add({1, utc("2026-03-01T08:00:00Z"), std::make_shared<ConfigSnapshot>()});
        timeline.add({2, utc("2026-03-01T12:00:00Z"), std::make_shared<ConfigSnapshot>()});
        const auto inForce = timeline.inForceAt(QDateTime::fromString(recordTime, Qt::ISODate).toSecsSinceEpoch());
        QVERIFY(inForce);
        QCOMPARE(inForce->id, expectedId);
        QCOMPARE(inForce->secondsApart, expectedApart);
        QCOMPARE(inForce->takenAfter(), expectedApart < 0);
        QVERIFY(inForce->snapshot != nullptr);
        QCOMPARE(timeline.snapshots().front().id, qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotTimeline)
#include "tst_snapshottimeline.moc"
