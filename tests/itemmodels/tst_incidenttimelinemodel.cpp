// SPDX-License-Identifier: GPL-3.0-or-later
// The Incident Timeline dock's model: entries of a case in time order, the
// record each one is about, edits of severity, tags and a note's text
// written to the case, bad edits reported and refused.

#include "incident/note.h"
#include "incident/record_star.h"
#include "incident_case.h"
#include "itemmodels/incident_timeline_model.h"
#include "store/case_db.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

class TestIncidentTimelineModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    int rowOfKind(const IncidentTimelineModel &model, incident::EntryKind kind)
    {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, 0).data(IncidentTimelineModel::KindRole).toInt() == static_cast<int>(kind))
                return row;
        return -1;
    }

private Q_SLOTS:
    void listsAndEdits()
    {
        const QString file = m_dir.filePath(QStringLiteral("model.flowcase"));
        const auto ids = test::makeSmallCase(file.toStdString());
        {
            auto caseDb = CaseDb::open(file.toStdString(), CaseDb::Mode::ReadWrite);
            incident::RecordStars(*caseDb).star({ids[4]}, "a");
            incident::Notes(*caseDb).add(ids[0], "first", "a");
        }
        IncidentTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase(file, QStringLiteral("a"));
        QCOMPARE(model.rowCount(), 2);
        // Time order: the note is on the first record, the star on the last.
        QCOMPARE(model.index(0, 0).data(IncidentTimelineModel::RecordIdRole).toLongLong(), ids[0]);
        QCOMPARE(model.index(1, 0).data(IncidentTimelineModel::RecordIdRole).toLongLong(), ids[4]);
        QVERIFY(model.index(0, 0).data(IncidentTimelineModel::TimeRole).toLongLong()
                <= model.index(1, 0).data(IncidentTimelineModel::TimeRole).toLongLong());

        const int star = rowOfKind(model, incident::EntryKind::StarredRecord);
        QVERIFY(!(model.flags(model.index(star, IncidentTimelineModel::TextColumn)) & Qt::ItemIsEditable));
        QVERIFY(model.setData(model.index(star, IncidentTimelineModel::SeverityColumn), QStringLiteral("High")));
        QVERIFY(model.setData(model.index(rowOfKind(model, incident::EntryKind::StarredRecord),
                                          IncidentTimelineModel::TagsColumn),
                              QStringLiteral("c2, beacon")));
        const int note = rowOfKind(model, incident::EntryKind::Note);
        QVERIFY(model.setData(model.index(note, IncidentTimelineModel::TextColumn), QStringLiteral("first beacon")));

        QSignalSpy errors(&model, &IncidentTimelineModel::errorOccurred);
        QVERIFY(!model.setData(model.index(note, IncidentTimelineModel::SeverityColumn), QStringLiteral("urgent")));
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().first().toString().contains(QStringLiteral("urgent")));
        QVERIFY(!model.setData(model.index(note, IncidentTimelineModel::TagsColumn), QStringLiteral("two words")));
        QCOMPARE(errors.size(), 2);

        IncidentTimelineModel reopened;
        reopened.setCase(file, QStringLiteral("a"));
        const int s = rowOfKind(reopened, incident::EntryKind::StarredRecord);
        QCOMPARE(reopened.index(s, IncidentTimelineModel::SeverityColumn).data().toString(), QStringLiteral("high"));
        QCOMPARE(reopened.index(s, IncidentTimelineModel::TagsColumn).data().toString(), QStringLiteral("beacon, c2"));
        QCOMPARE(reopened.index(rowOfKind(reopened, incident::EntryKind::Note), IncidentTimelineModel::TextColumn)
                     .data()
                     .toString(),
                 QStringLiteral("first beacon"));
    }

    void authorsShortenedWithTheFullArnInTheTooltip_data()
    {
        QTest::addColumn<QString>("author");
        QTest::addColumn<QString>("shown");
        QTest::newRow("iam user") << "arn:aws:iam::123456789012:user/ops/alice" << "alice";
        QTest::newRow("assumed role") << "arn:aws:sts::123456789012:assumed-role/pipeline/run-1" << "pipeline/run-1";
        QTest::newRow("role") << "arn:aws:iam::123456789012:role/deployer" << "deployer";
        QTest::newRow("root") << "arn:aws:iam::123456789012:root" << "root";
        QTest::newRow("local analyst") << "erin" << "erin";
        QTest::newRow("not an arn") << "arn:broken" << "arn:broken";
    }

    void authorsShortenedWithTheFullArnInTheTooltip()
    {
        QFETCH(QString, author);
        QFETCH(QString, shown);
        const QString file = m_dir.filePath(QStringLiteral("author-%1.flowcase").arg(QTest::currentDataTag()).replace(u' ', u'-'));
        const auto ids = test::makeSmallCase(file.toStdString());
        {
            auto caseDb = CaseDb::open(file.toStdString(), CaseDb::Mode::ReadWrite);
            incident::Notes(*caseDb).add(ids[0], "seen", author.toStdString());
        }
        IncidentTimelineModel model;
        model.setCase(file, QStringLiteral("a"));
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex cell = model.index(0, IncidentTimelineModel::AuthorColumn);
        QCOMPARE(cell.data().toString(), shown);
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), author);
        // The text's tooltip holds all of it, without the store's record id.
        const QString tip = model.index(0, IncidentTimelineModel::TextColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(QStringLiteral("seen\n")), qPrintable(tip));
    }

    void noCaseNoRows()
    {
        IncidentTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase({}, QStringLiteral("a"));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestIncidentTimelineModel)
#include "tst_incidenttimelinemodel.moc"
