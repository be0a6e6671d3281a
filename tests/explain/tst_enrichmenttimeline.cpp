// SPDX-License-Identifier: GPL-3.0-or-later
// Two snapshots that disagree (eni-0app1 in sg-0app before a change, in
// sg-0db after): a record is enriched by the one in force at its time, a
// filter on security-group by the one in force over the filter's span, and
// the note names that snapshot and how far its time lies from the records'.

#include "explain/case_enrichment.h"
#include "explain/enrichment_timeline.h"
#include "explain/snapshot_loader.h"
#include "store/flow_reader.h"

#include <QTest>

using namespace flowscope;
using namespace flowscope::explain;

namespace {

constexpr qint64 kBefore = 1800000000; // the first snapshot's as-of
constexpr qint64 kAfter = kBefore + 6 * 3600;

std::shared_ptr<const InterfaceEnrichment> estate(qint64 id, qint64 asOf, const QString &app1Group)
{
    SnapshotLoad load = loadSnapshot({QStringLiteral(FLOWSCOPE_EXPLAIN_DATA "/estate")});
    load.snapshot.interfaces.at(QStringLiteral("eni-0app1")).groupIds = QStringList{app1Group};
    return std::make_shared<const InterfaceEnrichment>(std::make_shared<const ConfigSnapshot>(std::move(load.snapshot)), id,
                                                       QDateTime::fromSecsSinceEpoch(asOf, Qt::UTC));
}

FlowRow recordAt(qint64 start)
{
    FlowRow row;
    row.values[std::size_t(Field::InterfaceId)] = std::string("eni-0app1");
    row.values[std::size_t(Field::Start)] = std::int64_t(start);
    return row;
}

bool inGroup(const InterfaceEnrichment &enrichment, const QString &group)
{
    const auto members = enrichment.interfacesWith(InterfaceAttribute::SecurityGroup, group.toStdString());
    return std::find(members.begin(), members.end(), "eni-0app1") != members.end();
}

} // namespace

class TestEnrichmentTimeline : public QObject {
    Q_OBJECT

private:
    EnrichmentTimeline m_timeline;

private Q_SLOTS:
    void initTestCase()
    {
        m_timeline.add(estate(2, kAfter, QStringLiteral("sg-0db"))); // added out of order on purpose
        m_timeline.add(estate(1, kBefore, QStringLiteral("sg-0app")));
        QCOMPARE(m_timeline.newest()->snapshotId(), qint64(2));
    }

    void aRecordReadsTheSnapshotInForceAtItsTime_data()
    {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("snapshot");
        QTest::addColumn<QString>("group");
        QTest::newRow("before both: the oldest") << kBefore - 3600 << qint64(1) << QStringLiteral("sg-0app");
        QTest::newRow("between") << kBefore + 3600 << qint64(1) << QStringLiteral("sg-0app");
        QTest::newRow("at the change") << kAfter << qint64(2) << QStringLiteral("sg-0db");
        QTest::newRow("after") << kAfter + 60 << qint64(2) << QStringLiteral("sg-0db");
    }

    void aRecordReadsTheSnapshotInForceAtItsTime()
    {
        QFETCH(qint64, start);
        QFETCH(qint64, snapshot);
        QFETCH(QString, group);
        const auto enrichment = m_timeline.forRecord(recordAt(start));
        QVERIFY(enrichment);
        QCOMPARE(enrichment->snapshotId(), snapshot);
        QCOMPARE(enrichment->interface(QStringLiteral("eni-0app1"))->securityGroups.front().id, group);
    }

    void aFilterReadsTheSnapshotInForceOverItsSpan_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<qint64>("snapshot");
        QTest::addColumn<bool>("inApp");
        QTest::addColumn<bool>("others");
        QTest::addColumn<QString>("note");
        const QString before = QDateTime::fromSecsSinceEpoch(kBefore + 60, Qt::UTC).toString(Qt::ISODate);
        const QString mid = QDateTime::fromSecsSinceEpoch(kBefore + 7200, Qt::UTC).toString(Qt::ISODate);
        QTest::newRow("records' whole span: mostly after the change")
            << QStringLiteral("security-group == sg-0app") << qint64(2) << false << true
            << QStringLiteral("taken 2 hours after the first of the records; another snapshot");
        QTest::newRow("a window before the change")
            << QStringLiteral("security-group == sg-0app and time >= %1 and time < %2").arg(before, mid) << qint64(1) << true
            << false << QStringLiteral("taken 60 seconds before the first of the records");
    }

    void aFilterReadsTheSnapshotInForceOverItsSpan()
    {
        QFETCH(QString, filter);
        QFETCH(qint64, snapshot);
        QFETCH(bool, inApp);
        QFETCH(bool, others);
        QFETCH(QString, note);
        // The records run from 4 hours after the first snapshot to a day later.
        const auto choice = snapshotForFilter(m_timeline, filter.toStdString(), kBefore + 4 * 3600, kBefore + 24 * 3600);
        QVERIFY(choice);
        QCOMPARE(choice->enrichment->snapshotId(), snapshot);
        QCOMPARE(inGroup(*choice->enrichment, QStringLiteral("sg-0app")), inApp);
        QCOMPARE(choice->othersInForce, others);
        const QString text = spanSnapshotNote(*choice);
        QVERIFY2(text.contains(note), qPrintable(text));
        QVERIFY(text.contains(choice->enrichment->asOf().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    }

    void noSnapshotFieldNoChoice()
    {
        QVERIFY(!snapshotForFilter(m_timeline, "action == reject", kBefore, kAfter));
        QVERIFY(!snapshotForFilter(EnrichmentTimeline(), "security-group == sg-0app", kBefore, kAfter));
    }
};

QTEST_GUILESS_MAIN(TestEnrichmentTimeline)
#include "tst_enrichmenttimeline.moc"
