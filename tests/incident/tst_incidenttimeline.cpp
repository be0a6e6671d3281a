// SPDX-License-Identifier: GPL-3.0-or-later
// The incident timeline: starred and tagged records and notes in time order,
// at the records' start times, edits routed to where each entry is kept, and
// a further source (as findings will be) joining the list.

#include "incident/incident_timeline.h"
#include "incident/note.h"
#include "incident/record_star.h"
#include "incident/record_tag.h"
#include "incident_case.h"
#include "store/case_db.h"
#include "store/flow_pager.h"
#include "store/sqlite_handle.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::incident;

namespace {

class FixedSource final : public IncidentEntrySource {
public:
    bool provides(EntryKind kind) const override { return kind == EntryKind::Finding; }
    std::vector<IncidentEntry> entries() const override
    {
        IncidentEntry e;
        e.kind = EntryKind::Finding;
        e.id = 1;
        e.time = 0; // before every record
        e.text = "port-scan";
        return {e};
    }
    void setSeverity(const IncidentEntry &, Severity severity) override { lastSeverity = severity; }
    void setTags(const IncidentEntry &, const std::vector<std::string> &) override {}
    bool isTextEditable(const IncidentEntry &) const override { return false; }
    void setText(const IncidentEntry &, const std::string &) override {}
    Severity lastSeverity = Severity::Info;
};

std::int64_t startOf(CaseDb &caseDb, std::int64_t id)
{
    FlowPager pager(caseDb);
    return std::get<std::int64_t>(pager.rowsWithIds({id}).front().value(Field::Start));
}

} // namespace

class TestIncidentTimeline : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private Q_SLOTS:
    void entriesInTimeOrder()
    {
        const std::string file = path("timeline.flowcase");
        const auto ids = test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        RecordStars(*caseDb).star({ids[3]}, "a");
        RecordTags(*caseDb).add(ids[1], {"c2"}, "a");
        Notes(*caseDb).add(ids[0], "on the first record", "a");
        Notes(*caseDb).add(std::nullopt, "written now", "a");

        const auto entries = IncidentTimeline(*caseDb, "a").entries();
        QCOMPARE(entries.size(), 4u);
        QVERIFY(std::is_sorted(entries.begin(), entries.end(), entryBefore));
        for (std::size_t i = 1; i < entries.size(); ++i)
            QVERIFY(entries[i - 1].time.value() <= entries[i].time.value());
        for (const IncidentEntry &e : entries) {
            if (e.record)
                QCOMPARE(e.time.value(), startOf(*caseDb, *e.record));
            if (e.kind == EntryKind::StarredRecord || e.kind == EntryKind::TaggedRecord) {
                // As the table shows the record: protocol name, arrow, action and interface.
                const FlowRow row = FlowPager(*caseDb).rowsWithIds({*e.record}).front();
                if (std::holds_alternative<std::monostate>(row.value(Field::SrcAddr))) { // a NODATA record
                    QCOMPARE(QString::fromStdString(e.text), QStringLiteral("NODATA on %1").arg(QString::fromStdString(fieldText(row.value(Field::InterfaceId)))));
                    continue;
                }
                const std::string expected = "tcp " + fieldText(row.value(Field::SrcAddr)) + ':'
                    + fieldText(row.value(Field::SrcPort)) + " \u2192 " + fieldText(row.value(Field::DstAddr)) + ':'
                    + fieldText(row.value(Field::DstPort)) + ' ' + fieldText(row.value(Field::Action)) + " on "
                    + fieldText(row.value(Field::InterfaceId));
                QCOMPARE(QString::fromStdString(e.text), QString::fromStdString(expected));
            }
        }
        // The free note was written long after the records started.
        QCOMPARE(entries.back().kind, EntryKind::Note);
        QVERIFY(!entries.back().record);
    }

    void editsReachTheirStore()
    {
        const std::string file = path("edits.flowcase");
        const auto ids = test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        RecordStars(*caseDb).star({ids[2]}, "a");
        Notes(*caseDb).add(std::nullopt, "draft", "a");
        IncidentTimeline timeline(*caseDb, "a");
        for (const IncidentEntry &e : timeline.entries()) {
            timeline.setSeverity(e, Severity::High);
            timeline.setTags(e, {"case-1"});
            QCOMPARE(timeline.isTextEditable(e), e.kind == EntryKind::Note);
            if (timeline.isTextEditable(e))
                timeline.setText(e, "final");
            else
                QVERIFY_THROWS_EXCEPTION(StoreError, timeline.setText(e, "x"));
        }
        caseDb.reset();
        auto reopened = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        const auto entries = IncidentTimeline(*reopened, "a").entries();
        QCOMPARE(entries.size(), 2u);
        for (const IncidentEntry &e : entries) {
            QCOMPARE(e.severity, Severity::High);
            QCOMPARE(e.tags, std::vector<std::string>{"case-1"});
        }
        QCOMPARE(entries.back().text, std::string("final"));
    }

    void anotherSourceJoins()
    {
        const std::string file = path("source.flowcase");
        const auto ids = test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        RecordStars(*caseDb).star({ids[0]}, "a");
        IncidentTimeline timeline(*caseDb, "a");
        auto source = std::make_unique<FixedSource>();
        FixedSource *finding = source.get();
        timeline.addSource(std::move(source));
        const auto entries = timeline.entries();
        QCOMPARE(entries.size(), 2u);
        QCOMPARE(entries.front().kind, EntryKind::Finding);
        timeline.setSeverity(entries.front(), Severity::Medium);
        QCOMPARE(finding->lastSeverity, Severity::Medium);
    }
};

QTEST_GUILESS_MAIN(TestIncidentTimeline)
#include "tst_incidenttimeline.moc"
