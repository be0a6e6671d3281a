// SPDX-License-Identifier: GPL-3.0-or-later
// A detector's findings join the incident timeline: at their start among
// the marked records, with their evidence filter; the analyst's severity
// (low to critical), tags and note are kept in the case, the detector's
// name stays a tag and its title the start of the text.

#include "detect/finding_store.h"
#include "incident/finding_entry_source.h"
#include "incident/incident_timeline.h"
#include "incident/record_star.h"
#include "incident_case.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::incident;

namespace {

Finding scanFinding(std::int64_t start)
{
    Finding f;
    f.id = "port-scan-1";
    f.type = "port-scan";
    f.severity = flowscope::Severity::Medium;
    f.title = "10.0.0.1 probed 40 ports";
    f.start = start;
    f.end = start + 60;
    f.records = 40;
    f.evidenceFilter = "srcaddr == 10.0.0.1 and action == reject";
    return f;
}

const IncidentEntry *findingIn(const std::vector<IncidentEntry> &entries)
{
    for (const IncidentEntry &e : entries)
        if (e.kind == EntryKind::Finding)
            return &e;
    return nullptr;
}

} // namespace

class TestFindingEntrySource : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string caseWithFinding(const QString &name, std::vector<std::int64_t> *ids)
    {
        const std::string file = m_dir.filePath(name).toStdString();
        *ids = test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        RecordStars(*caseDb).star({(*ids)[0], (*ids)[3]}, "erin");
        // Between the first record (1700000000) and the fourth (1700000300).
        storeFindings(*caseDb, {"port-scan"}, StoredRun{"port-scan", 1, "", "", 5}, {scanFinding(1700000150)});
        return file;
    }

private Q_SLOTS:
    void findingsJoinInTimeOrder()
    {
        std::vector<std::int64_t> ids;
        const std::string file = caseWithFinding(QStringLiteral("order.flowcase"), &ids);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        IncidentTimeline timeline(*caseDb, "erin");
        const std::vector<IncidentEntry> entries = timeline.entries();
        QCOMPARE(entries.size(), std::size_t(3));
        QCOMPARE(entries[0].record, std::optional<std::int64_t>(ids[0]));
        QCOMPARE(entries[1].kind, EntryKind::Finding);
        QCOMPARE(entries[2].record, std::optional<std::int64_t>(ids[3]));
        const IncidentEntry &f = entries[1];
        QCOMPARE(f.reference, std::string("port-scan-1"));
        QCOMPARE(f.filter, std::string("srcaddr == 10.0.0.1 and action == reject"));
        QCOMPARE(f.severity, incident::Severity::Medium);
        QCOMPARE(f.tags, std::vector<std::string>{"port-scan"});
        QVERIFY(!f.record);
        QVERIFY(f.tagsEditable);
        QVERIFY(timeline.isTextEditable(f));
        QCOMPARE(f.text, std::string("10.0.0.1 probed 40 ports"));
    }

    void severityKeptInTheCase()
    {
        std::vector<std::int64_t> ids;
        const std::string file = caseWithFinding(QStringLiteral("severity.flowcase"), &ids);
        {
            auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
            IncidentTimeline timeline(*caseDb, "erin");
                const IncidentEntry finding = *findingIn(timeline.entries());
            timeline.setSeverity(finding, incident::Severity::Critical);
            // Info is below what any detector reports: refused, naming the finding.
            try {
                timeline.setSeverity(finding, incident::Severity::Info);
                QFAIL("info was accepted for a finding");
            } catch (const StoreError &e) {
                QVERIFY(std::string(e.what()).find("port-scan-1") != std::string::npos);
            }
            // The detector's name stays whatever the analyst sends; a bad tag is refused.
            timeline.setTags(finding, {"C2", "recon"});
            QVERIFY_THROWS_EXCEPTION(StoreError, timeline.setTags(finding, {"two words"}));
            // The note is what follows the title, written with or without it.
            timeline.setText(finding, "first contact");
            timeline.setText(*findingIn(timeline.entries()), findingIn(timeline.entries())->text + "!");
        }
        auto reopened = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        const std::vector<IncidentEntry> entries = makeFindingSource(*reopened)->entries();
        const IncidentEntry *entry = findingIn(entries);
        QCOMPARE(entry->severity, incident::Severity::Critical);
        QCOMPARE(entry->tags, (std::vector<std::string>{"c2", "port-scan", "recon"}));
        QCOMPARE(entry->text, std::string("10.0.0.1 probed 40 ports \u2014 note: first contact!"));
        // The detector's view of it too (flowscope-cli detect lists what is stored).
        const Finding stored = loadFindings(*reopened).front();
        QCOMPARE(stored.severity, flowscope::Severity::Critical);
        QVERIFY(stored.severityEdited);
        QCOMPARE(stored.tags, (std::vector<std::string>{"c2", "recon"}));
        QCOMPARE(stored.note, std::string("first contact!"));
    }

    void unknownFindingNamed()
    {
        std::vector<std::int64_t> ids;
        const std::string file = caseWithFinding(QStringLiteral("unknown.flowcase"), &ids);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        IncidentEntry gone;
        gone.kind = EntryKind::Finding;
        gone.reference = "beaconing-7";
        try {
            makeFindingSource(*caseDb)->setSeverity(gone, incident::Severity::High);
            QFAIL("an unknown finding was changed");
        } catch (const StoreError &e) {
            QVERIFY(std::string(e.what()).find("beaconing-7") != std::string::npos);
        }
    }

    void readOnlyCaseRefused()
    {
        std::vector<std::int64_t> ids;
        const std::string file = caseWithFinding(QStringLiteral("readonly.flowcase"), &ids);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        auto source = makeFindingSource(*caseDb);
        QVERIFY_THROWS_EXCEPTION(StoreError, source->setSeverity(*findingIn(source->entries()), incident::Severity::High));
    }
};

QTEST_GUILESS_MAIN(TestFindingEntrySource)
#include "tst_findingentrysource.moc"
