// SPDX-License-Identifier: GPL-3.0-or-later
// Starred records: star and unstar, severity, unknown ids named, stars kept
// across reopening, read-only cases and cases from before the incident tables.

#include "incident/record_star.h"
#include "incident_case.h"
#include "schema5_case.h"
#include "store/case_db.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::incident;

class TestRecordStar : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

    static QString errorOf(const std::function<void()> &fn)
    {
        try {
            fn();
        } catch (const StoreError &error) {
            return QString::fromUtf8(error.what());
        }
        return {};
    }

private Q_SLOTS:
    void starsSurviveReopening()
    {
        const std::string file = path("stars.flowcase");
        const auto ids = test::makeSmallCase(file);
        {
            auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
            RecordStars stars(*caseDb);
            stars.star({ids[3], ids[1]}, "alice");
            stars.setSeverity(ids[3], Severity::High, "alice");
        }
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        RecordStars stars(*caseDb);
        std::vector<std::int64_t> expected{ids[1], ids[3]};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(stars.starredRecords(), expected);
        QVERIFY(stars.isStarred(ids[3]));
        QVERIFY(!stars.isStarred(ids[0]));
        const auto marked = stars.markedRecords();
        QCOMPARE(marked.size(), 2u);
        for (const MarkedRecord &m : marked) {
            QCOMPARE(m.author, std::string("alice"));
            QCOMPARE(m.severity, m.record == ids[3] ? Severity::High : Severity::Info);
            QVERIFY(m.markedAt > 0);
        }
    }

    void unstarForgetsTheRecord()
    {
        const std::string file = path("unstar.flowcase");
        const auto ids = test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        RecordStars stars(*caseDb);
        stars.star({ids[0], ids[2]}, "bob");
        QCOMPARE(stars.unstar({ids[0], ids[4]}), 1); // ids[4] was not starred
        QCOMPARE(stars.starredRecords(), std::vector<std::int64_t>{ids[2]});
        QCOMPARE(stars.markedRecords().size(), 1u);
    }

    void unknownRecordIsNamed_data()
    {
        QTest::addColumn<qint64>("id");
        QTest::newRow("past the last slot") << qint64(5);
        QTest::newRow("no such block") << qint64(999) * 4096;
        QTest::newRow("negative") << qint64(-1);
    }
    void unknownRecordIsNamed()
    {
        QFETCH(qint64, id);
        const std::string file = path("unknown.flowcase");
        QFile::remove(QString::fromStdString(file));
        const auto ids = test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        RecordStars stars(*caseDb);
        std::int64_t bad = id;
        if (id == 5)
            bad = ids.front() - (ids.front() & 4095) + 5; // the block holds slots 0-4
        const QString error = errorOf([&] { stars.star({ids[0], bad}, "x"); });
        QVERIFY2(error.contains(QString::number(bad)), qPrintable(error));
        QVERIFY(stars.starredRecords().empty()); // nothing starred when one id is bad
        QVERIFY(errorOf([&] { stars.unstar({bad}); }).contains(QString::number(bad)));
    }

    void readOnlyCaseRefusesStars()
    {
        const std::string file = path("readonly.flowcase");
        const auto ids = test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        const QString error = errorOf([&] { RecordStars(*caseDb).star({ids[0]}, "x"); });
        QVERIFY2(error.contains(QStringLiteral("read-only")), qPrintable(error));
    }

    void olderCaseHasNoStarsUntilUpgraded()
    {
        const std::string file = path("older.flowcase");
        const auto ids = test::makeSmallCase(file);
        test::downgradeToSchema5(file);
        {
            auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
            QVERIFY(RecordStars(*caseDb).starredRecords().empty());
            QVERIFY(RecordStars(*caseDb).markedRecords().empty());
        }
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        QCOMPARE(queryInt(caseDb->handle(), "PRAGMA user_version"), currentSchemaVersion());
        RecordStars(*caseDb).star({ids[2]}, "x");
        QCOMPARE(RecordStars(*caseDb).starredRecords(), std::vector<std::int64_t>{ids[2]});
    }
};

QTEST_GUILESS_MAIN(TestRecordStar)
#include "tst_recordstar.moc"
