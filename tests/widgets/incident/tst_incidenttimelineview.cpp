// SPDX-License-Identifier: GPL-3.0-or-later
// The Incident Timeline dock: a finding, a starred record and a note in
// time order; severity chosen in place from the entry's choices and kept in
// the case; tags typed in place; Enter or a double-click on an entry asks
// for its record or its finding's evidence; findings and stars as timeline
// markers, and where a click on each leads.

#include "detect/finding_store.h"
#include "incident/incident_markers.h"
#include "incident/incident_timeline_view.h"
#include "incident/note.h"
#include "incident/record_star.h"
#include "incident/record_tag.h"
#include "incident_case.h"
#include "itemmodels/incident_timeline_model.h"
#include "store/case_db.h"
#include "store/flow_pager.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {

constexpr const char *kEvidence = "srcaddr == 10.0.0.1 and dstport == 22";

int rowOfKind(const IncidentTimelineModel &model, incident::EntryKind kind)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, 0).data(IncidentTimelineModel::KindRole).toInt() == static_cast<int>(kind))
            return row;
    return -1;
}

// Commits the open editor of `index` and closes it, as the view does when
// focus leaves it, and lets the closed editor go.
void commitEditor(QTableView *table, const QModelIndex &index, QWidget *editor)
{
    QAbstractItemDelegate *delegate = table->itemDelegateForIndex(index);
    Q_EMIT delegate->commitData(editor);
    Q_EMIT delegate->closeEditor(editor);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

qint64 startOf(const QString &file, std::int64_t record)
{
    auto caseDb = CaseDb::open(file.toStdString(), CaseDb::Mode::ReadOnly);
    return std::get<std::int64_t>(FlowPager(*caseDb).rowsWithIds({record}).front().value(Field::Start));
}

} // namespace

class TestIncidentTimelineView : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString incidentCase(const QString &name, std::vector<std::int64_t> *ids)
    {
        const QString file = m_dir.filePath(name);
        *ids = test::makeSmallCase(file.toStdString());
        auto caseDb = CaseDb::open(file.toStdString(), CaseDb::Mode::ReadWrite);
        incident::RecordStars(*caseDb).star({(*ids)[3]}, "erin");
        incident::Notes(*caseDb).add(std::nullopt, "phishing mail opened", "erin");
        Finding f;
        f.id = "lateral-movement-1";
        f.type = "lateral-movement";
        f.severity = flowscope::Severity::High;
        f.title = "10.0.0.1 reached 203.0.113.9 on port 22";
        f.start = 1700000050;
        f.end = 1700000360;
        f.records = 1;
        f.evidenceFilter = kEvidence;
        storeFindings(*caseDb, {"lateral-movement"}, StoredRun{"lateral-movement", 1, "", "", 5}, {f});
        return file;
    }

private Q_SLOTS:
    void listsFindingsStarsAndNotes()
    {
        std::vector<std::int64_t> ids;
        const QString file = incidentCase(QStringLiteral("list.flowcase"), &ids);
        IncidentTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase(file, QStringLiteral("erin"));
        IncidentTimelineView view(&model);
        // The finding (1700000050) before the star (the fourth record, from 1700000100 on); the free note was written now.
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(rowOfKind(model, incident::EntryKind::Finding), 0);
        QCOMPARE(rowOfKind(model, incident::EntryKind::StarredRecord), 1);
        QCOMPARE(rowOfKind(model, incident::EntryKind::Note), 2);
        const QModelIndex finding = model.index(0, IncidentTimelineModel::TagsColumn);
        QCOMPARE(finding.data().toString(), QStringLiteral("lateral-movement"));
        QVERIFY(model.flags(finding) & Qt::ItemIsEditable); // the analyst's tags beside the detector's
        QVERIFY(model.flags(model.index(0, IncidentTimelineModel::SeverityColumn)) & Qt::ItemIsEditable);
        QCOMPARE(model.index(0, 0).data(IncidentTimelineModel::FilterRole).toString(), QString::fromLatin1(kEvidence));
        QCOMPARE(model.index(0, 0).data(IncidentTimelineModel::ReferenceRole).toString(), QStringLiteral("lateral-movement-1"));
    }

    void severityEditedInPlaceIsKept()
    {
        std::vector<std::int64_t> ids;
        const QString file = incidentCase(QStringLiteral("severity.flowcase"), &ids);
        IncidentTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase(file, QStringLiteral("erin"));
        IncidentTimelineView view(&model);
        view.resize(900, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *table = view.table();

        // The finding: its choices start at low; critical is kept in the case.
        QModelIndex index = model.index(0, IncidentTimelineModel::SeverityColumn);
        table->setCurrentIndex(index);
        table->edit(index);
        auto *combo = table->findChild<QComboBox *>(QStringLiteral("severityEditor"));
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), QStringLiteral("high"));
        QCOMPARE(combo->count(), 4);
        QCOMPARE(combo->findText(QStringLiteral("info")), -1);
        combo->setCurrentText(QStringLiteral("critical"));
        QSignalSpy edited(&model, &IncidentTimelineModel::entriesEdited);
        commitEditor(table, index, combo);
        QVERIFY(edited.wait(5000)); // read again once the editor is gone
        QCOMPARE(model.index(0, IncidentTimelineModel::SeverityColumn).data().toString(), QStringLiteral("critical"));

        // The starred record: every severity, including info.
        index = model.index(rowOfKind(model, incident::EntryKind::StarredRecord), IncidentTimelineModel::SeverityColumn);
        table->setCurrentIndex(index);
        table->edit(index);
        combo = table->findChild<QComboBox *>(QStringLiteral("severityEditor"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 5);
        combo->setCurrentText(QStringLiteral("medium"));
        commitEditor(table, index, combo);
        QVERIFY(edited.wait(5000));

        // Tags typed in place on the star.
        index = model.index(rowOfKind(model, incident::EntryKind::StarredRecord), IncidentTimelineModel::TagsColumn);
        table->setCurrentIndex(index);
        QTest::keyClick(table, Qt::Key_F2);
        auto *line = table->findChild<QLineEdit *>();
        QVERIFY(line);
        line->setText(QStringLiteral("c2, ssh"));
        commitEditor(table, index, line);
        QVERIFY(edited.wait(5000));

        IncidentTimelineModel reopened;
        reopened.setCase(file, QStringLiteral("erin"));
        QCOMPARE(reopened.index(rowOfKind(reopened, incident::EntryKind::Finding), IncidentTimelineModel::SeverityColumn)
                     .data()
                     .toString(),
                 QStringLiteral("critical"));
        const int star = rowOfKind(reopened, incident::EntryKind::StarredRecord);
        QCOMPARE(reopened.index(star, IncidentTimelineModel::SeverityColumn).data().toString(), QStringLiteral("medium"));
        QCOMPARE(reopened.index(star, IncidentTimelineModel::TagsColumn).data().toString(), QStringLiteral("c2, ssh"));
        auto caseDb = CaseDb::open(file.toStdString(), CaseDb::Mode::ReadOnly);
        QCOMPARE(loadFindings(*caseDb).front().severity, flowscope::Severity::Critical);
    }

    void enterAndDoubleClickGoToTheEntry()
    {
        std::vector<std::int64_t> ids;
        const QString file = incidentCase(QStringLiteral("activate.flowcase"), &ids);
        IncidentTimelineModel model;
        model.setCase(file, QStringLiteral("erin"));
        IncidentTimelineView view(&model);
        view.resize(900, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy records(&view, &IncidentTimelineView::recordRequested);
        QSignalSpy filters(&view, &IncidentTimelineView::filterRequested);
        QTableView *table = view.table();
        table->setFocus();

        const int star = rowOfKind(model, incident::EntryKind::StarredRecord);
        table->setCurrentIndex(model.index(star, IncidentTimelineModel::TextColumn));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().at(0).toLongLong(), ids[3]);
        QCOMPARE(records.first().at(1).toLongLong(), startOf(file, ids[3]));

        const QModelIndex finding = model.index(rowOfKind(model, incident::EntryKind::Finding), IncidentTimelineModel::TextColumn);
        const QPoint at = table->visualRect(finding).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(filters.size(), 1);
        QCOMPARE(filters.first().at(0).toString(), QString::fromLatin1(kEvidence));
        QCOMPARE(filters.first().at(1).toString(), finding.data(IncidentTimelineModel::ReferenceRole).toString()); // for the bar's notice
        QVERIFY(!filters.first().at(1).toString().isEmpty());
        QCOMPARE(records.size(), 1);

        // A free note has nowhere to go.
        table->setCurrentIndex(model.index(rowOfKind(model, incident::EntryKind::Note), IncidentTimelineModel::TextColumn));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(records.size() + filters.size(), 2);
        auto *hint = view.findChild<QLabel *>(QStringLiteral("incidentHint"));
        QVERIFY(hint);
        QVERIFY2(hint->text().startsWith(QStringLiteral("phishing mail opened: about no record")), qPrintable(hint->text()));
    }

    void findingsAndStarsAsMarkers()
    {
        std::vector<std::int64_t> ids;
        const QString file = incidentCase(QStringLiteral("markers.flowcase"), &ids);
        {
            auto caseDb = CaseDb::open(file.toStdString(), CaseDb::Mode::ReadWrite);
            incident::RecordTags(*caseDb).add(ids[0], {"c2"}, "erin"); // tagged only: no marker
        }
        IncidentTimelineModel model;
        model.setCase(file, QStringLiteral("erin"));
        const QList<TimelineMarker> markers = incidentMarkers(model.entries());
        QCOMPARE(markers.size(), 2);
        QCOMPARE(markers.at(0).id, QStringLiteral("finding:lateral-movement-1"));
        QCOMPARE(markers.at(0).time, 1700000050);
        QCOMPARE(markers.at(1).id, QStringLiteral("record:%1").arg(ids[3]));
        QCOMPARE(markers.at(1).time, startOf(file, ids[3]));
        // Labelled as the analyst knows them: a finding by name, its title in the tooltip; a star by
        // its flow, action and interface, never by the store's record id.
        QCOMPARE(markers.at(0).label, QStringLiteral("lateral-movement-1"));
        QVERIFY2(markers.at(0).detail.contains(QStringLiteral("10.0.0.1 reached 203.0.113.9 on port 22")),
                 qPrintable(markers.at(0).detail));
        QCOMPARE(markers.at(1).label, QStringLiteral("★ tcp 10.0.0.2:443 → 10.0.0.1:40000 REJECT on eni-b"));

        const MarkerJump toFinding = markerJump(markers.at(0), model.entries());
        QCOMPARE(toFinding.filter, QString::fromLatin1(kEvidence));
        QVERIFY(!toFinding.finding.isEmpty()); // named in the filter bar's notice
        QVERIFY2(markers.at(0).detail.contains(toFinding.title), qPrintable(toFinding.title));
        QVERIFY(!toFinding.record);
        const MarkerJump toRecord = markerJump(markers.at(1), model.entries());
        QCOMPARE(toRecord.record, std::optional<qint64>(ids[3]));
        QCOMPARE(toRecord.time, startOf(file, ids[3]));
        // Another layer's marker (an IOC hit) leads to its time.
        const MarkerJump toTime = markerJump({QStringLiteral("ioc:feed:203.0.113.9"), 1700000120, {}, {}, {}}, model.entries());
        QVERIFY(!toTime.record);
        QVERIFY(toTime.filter.isEmpty());
        QCOMPARE(toTime.time, 1700000120);
    }

    void manyFindingsMarkOnlyTheMostSevere()
    {
        // A busy case: 100 low scans, 3 high findings, a low exfiltration and one star late in the day.
        std::vector<incident::IncidentEntry> entries;
        const auto finding = [&](int n, incident::Severity severity) {
            incident::IncidentEntry e;
            e.kind = incident::EntryKind::Finding;
            e.id = n;
            e.time = 1700000000 + n;
            e.severity = severity;
            e.reference = "port-scan-" + std::to_string(n);
            entries.push_back(e);
        };
        for (int n = 1; n <= 100; ++n)
            finding(n, incident::Severity::Low);
        for (int n = 101; n <= 103; ++n)
            finding(n, incident::Severity::High);
        finding(104, incident::Severity::Low); // the one low finding of its detector
        entries.back().reference = "exfiltration-1";
        incident::IncidentEntry star;
        star.kind = incident::EntryKind::StarredRecord;
        star.id = star.record.emplace(4242);
        star.time = 1700000500;
        entries.push_back(star);

        const QList<TimelineMarker> all = incidentMarkers(entries, 200);
        QCOMPARE(all.size(), 105);

        const QList<TimelineMarker> some = incidentMarkers(entries, 10);
        QCOMPARE(some.size(), 11); // ten findings and the star
        QStringList ids;
        for (const TimelineMarker &m : some)
            ids << m.id;
        // The high ones, the low one of a rare detector, then the earliest low scans, in time order; every star.
        QCOMPARE(ids, (QStringList{QStringLiteral("finding:port-scan-1"), QStringLiteral("finding:port-scan-2"),
                                   QStringLiteral("finding:port-scan-3"), QStringLiteral("finding:port-scan-4"),
                                   QStringLiteral("finding:port-scan-5"), QStringLiteral("finding:port-scan-6"),
                                   QStringLiteral("finding:port-scan-101"),
                                   QStringLiteral("finding:port-scan-102"), QStringLiteral("finding:port-scan-103"),
                                   QStringLiteral("finding:exfiltration-1"), QStringLiteral("record:4242")}));
        QCOMPARE(incidentMarkers(entries).size(), kMarkedFindings + 1);
    }
};

QTEST_MAIN(TestIncidentTimelineView)
#include "tst_incidenttimelineview.moc"
