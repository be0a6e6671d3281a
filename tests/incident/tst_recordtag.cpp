// SPDX-License-Identifier: GPL-3.0-or-later
// Tags on records: added, removed and replaced, spelt one way, bad tags
// named, kept across reopening; a tagged record stays marked until untagged.

#include "incident/note.h"
#include "incident/record_star.h"
#include "incident/record_tag.h"
#include "incident_case.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::incident;

using Tags = std::vector<std::string>;

class TestRecordTag : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private Q_SLOTS:
    void tagsSurviveReopening()
    {
        const std::string file = path("tags.flowcase");
        const auto ids = test::makeSmallCase(file);
        {
            auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
            RecordTags tags(*caseDb);
            tags.add(ids[0], {"C2", " beacon ", "c2"}, "alice");
            tags.add(ids[2], {"c2"}, "alice");
        }
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        RecordTags tags(*caseDb);
        QCOMPARE(tags.tagsOf(ids[0]), (Tags{"beacon", "c2"}));
        std::vector<std::int64_t> expected{ids[0], ids[2]};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(tags.recordsWith("C2"), expected);
        QCOMPARE(tags.recordsWith("beacon"), std::vector<std::int64_t>{ids[0]});
        QVERIFY(tags.recordsWith("exfil").empty());
        QCOMPARE(tags.allTags(), (Tags{"beacon", "c2"}));
        // Tagged, not starred: marked records all the same.
        QCOMPARE(RecordStars(*caseDb).markedRecords().size(), 2u);
        QVERIFY(RecordStars(*caseDb).starredRecords().empty());
    }

    void removingTheLastTagUnmarksAnUnstarredRecord()
    {
        const std::string file = path("untag.flowcase");
        const auto ids = test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        RecordTags tags(*caseDb);
        RecordStars stars(*caseDb);
        tags.add(ids[1], {"scan"}, "x");
        tags.add(ids[3], {"scan"}, "x");
        stars.star({ids[3]}, "x");
        tags.remove(ids[1], {"scan"});
        tags.set(ids[3], {}, "x");
        QVERIFY(tags.recordsWith("scan").empty());
        const auto marked = stars.markedRecords();
        QCOMPARE(marked.size(), 1u); // ids[3] is still starred
        QCOMPARE(marked.front().record, ids[3]);
        tags.set(ids[3], {"b", "a"}, "x");
        QCOMPARE(tags.tagsOf(ids[3]), (Tags{"a", "b"}));
    }

    void badTagIsNamed_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << QStringLiteral("  ");
        QTest::newRow("space inside") << QStringLiteral("lateral movement");
        QTest::newRow("quote") << QStringLiteral("c\"2");
    }
    void badTagIsNamed()
    {
        QFETCH(QString, tag);
        const std::string file = path("badtag.flowcase");
        QFile::remove(QString::fromStdString(file));
        const auto ids = test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        RecordTags tags(*caseDb);
        QString error;
        try {
            tags.add(ids[0], {"good", tag.toStdString()}, "x");
        } catch (const StoreError &e) {
            error = QString::fromUtf8(e.what());
        }
        QVERIFY(!error.isEmpty());
        if (!tag.trimmed().isEmpty())
            QVERIFY2(error.contains(tag.trimmed()), qPrintable(error));
        QVERIFY(tags.tagsOf(ids[0]).empty()); // the good one is not stored alone
    }

    void noteTagsCountAmongAllTags()
    {
        const std::string file = path("notetags.flowcase");
        const auto ids = test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        Notes notes(*caseDb);
        notes.setTags(notes.add(std::nullopt, "initial access", "x"), {"phishing"});
        RecordTags(*caseDb).add(ids[0], {"c2"}, "x");
        QCOMPARE(RecordTags(*caseDb).allTags(), (Tags{"c2", "phishing"}));
    }
};

QTEST_GUILESS_MAIN(TestRecordTag)
#include "tst_recordtag.moc"
