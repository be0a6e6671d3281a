// SPDX-License-Identifier: GPL-3.0-or-later
// CloudTrail events on the incident timeline: in time order with the marked
// records and notes, signed by their principal, naming the case interfaces
// they touch, leading to those interfaces' records around them; severity
// and tags edited and kept across reopening, the text refused.

#include "cloudtrail_sample.h"
#include "test_files.h"

#include "detect/evidence_filter.h"
#include "incident/incident_timeline.h"
#include "incident/note.h"
#include "ingest/case_importer.h"
#include "query/filter_parser.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::incident;
using namespace flowscope::test;

class TestCloudTrailEntrySource : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void joinsTheTimelineAndKeepsEdits()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("flows.log"));
        writeFile(log, "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n"
                       "2 123456789012 eni-0aaaaaaaaaaaaaaa1 10.0.1.5 203.0.113.9 40000 443 6 1 100 1773104405 1773104460 ACCEPT OK\n");
        const QString trail = dir.filePath(QStringLiteral("trail.json"));
        writeFile(trail, cloudTrailFile({runInstances(0, QStringLiteral("launch"),
                                                      {{QStringLiteral("i-0aaaaaaaaaaaaaaa1"), QStringLiteral("eni-0aaaaaaaaaaaaaaa1")}}),
                                         cloudTrailEvent(QStringLiteral("DeleteFlowLogs"), 900, QStringLiteral("gone"))}));
        const std::string casePath = dir.filePath(QStringLiteral("c.flowcase")).toStdString();
        {
            auto caseDb = CaseDb::open(casePath, CaseDb::Mode::CreateIfMissing);
            QCOMPARE(CaseImporter(*caseDb).run({log.toStdString(), trail.toStdString()}, {}).errorCount, 0u);
            Notes(*caseDb).add(std::nullopt, "first look", "erin");
            execSql(caseDb->handle(), "UPDATE incident_note SET written_at = 1773104600");

            IncidentTimeline timeline(*caseDb, "erin");
            const std::vector<IncidentEntry> entries = timeline.entries();
            QCOMPARE(entries.size(), std::size_t(3));
            QCOMPARE(entries[0].kind, EntryKind::CloudTrailEvent);
            QCOMPARE(entries[0].time, std::optional<std::int64_t>(1773104400));
            QCOMPARE(entries[0].author, std::string("arn:aws:sts::123456789012:assumed-role/pipeline/run-1"));
            QCOMPARE(entries[0].severity, Severity::Low);
            QVERIFY2(entries[0].text.starts_with("RunInstances from 198.51.100.23:"), entries[0].text.c_str());
            QVERIFY2(entries[0].text.ends_with("(case: eni-0aaaaaaaaaaaaaaa1)"), entries[0].text.c_str());
            // A double-click shows the records of the interface it launched, from a little before it on.
            QCOMPARE(entries[0].filter,
                     "interface-id == \"eni-0aaaaaaaaaaaaaaa1\" and start >= " + flowscope::isoUtcSeconds(1773104400 - 900));
            QVERIFY(flowscope::parseFilter(entries[0].filter).ok());
            QCOMPARE(entries[1].kind, EntryKind::Note);
            QCOMPARE(entries[2].kind, EntryKind::CloudTrailEvent);
            QCOMPARE(entries[2].severity, Severity::Medium); // turning off flow logs hides the evidence
            QVERIFY(entries[2].filter.empty()); // it touches none of the case's interfaces
            QVERIFY(!timeline.isTextEditable(entries[2]));
            QVERIFY_THROWS_EXCEPTION(StoreError, timeline.setText(entries[2], "mine"));
            QVERIFY_THROWS_EXCEPTION(StoreError, timeline.setTags(entries[2], {"not a tag"}));

            timeline.setSeverity(entries[2], Severity::Critical);
            timeline.setTags(entries[2], {"Evasion", "c2"});
        }
        auto reopened = CaseDb::open(casePath, CaseDb::Mode::ReadOnly);
        const std::vector<IncidentEntry> entries = IncidentTimeline(*reopened, "erin").entries();
        QCOMPARE(entries.size(), std::size_t(3));
        QCOMPARE(entries[2].severity, Severity::Critical);
        QCOMPARE(entries[2].tags, (std::vector<std::string>{"c2", "evasion"}));
        QCOMPARE(entries[0].severity, Severity::Low);
        QVERIFY(entries[0].tags.empty());
    }
};

QTEST_GUILESS_MAIN(TestCloudTrailEntrySource)
#include "tst_cloudtrailentrysource.moc"
