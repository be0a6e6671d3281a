// SPDX-License-Identifier: GPL-3.0-or-later
// Notes: free and on records, author (the user's name unless given) and
// time, edits of text, author, severity and tags, all kept across reopening.

#include "incident/incident_case.h"
#include "incident/note.h"
#include "incident_case.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::incident;

class TestNote : public QObject {
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
    void notesSurviveReopening()
    {
        const std::string file = path("notes.flowcase");
        const auto ids = test::makeSmallCase(file);
        const std::int64_t before = nowSeconds();
        std::int64_t freeNote = 0;
        std::int64_t recordNote = 0;
        {
            auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
            Notes notes(*caseDb);
            freeNote = notes.add(std::nullopt, "Phishing mail opened", "");
            recordNote = notes.add(ids[2], "first beacon", "carol");
            notes.setSeverity(recordNote, Severity::Critical);
            notes.setTags(recordNote, {"C2"});
            notes.setText(freeNote, "Phishing mail opened at 09:12");
            notes.setAuthor(freeNote, "dave");
        }
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        const auto list = Notes(*caseDb).list();
        QCOMPARE(list.size(), 2u);
        QCOMPARE(list[0].id, freeNote);
        QVERIFY(!list[0].record);
        QCOMPARE(list[0].text, std::string("Phishing mail opened at 09:12"));
        QCOMPARE(list[0].author, std::string("dave"));
        QVERIFY(list[0].writtenAt >= before);
        QCOMPARE(list[1].record, std::optional<std::int64_t>(ids[2]));
        QCOMPARE(list[1].author, std::string("carol"));
        QCOMPARE(list[1].severity, Severity::Critical);
        QCOMPARE(list[1].tags, std::vector<std::string>{"c2"});
    }

    void authorDefaultsToTheUser()
    {
        const std::string file = path("author.flowcase");
        test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        Notes notes(*caseDb);
        notes.add(std::nullopt, "x", "");
        QCOMPARE(notes.list().front().author, defaultAuthor());
        QVERIFY(!defaultAuthor().empty());
    }

    void removeForgetsTheNoteAndItsTags()
    {
        const std::string file = path("remove.flowcase");
        test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        Notes notes(*caseDb);
        const auto id = notes.add(std::nullopt, "x", "a");
        notes.setTags(id, {"t"});
        notes.remove(id);
        QVERIFY(notes.list().empty());
        QCOMPARE(queryInt(caseDb->handle(), "SELECT count(*) FROM note_tag"), 0);
    }

    void errorsNameTheirReason()
    {
        const std::string file = path("errors.flowcase");
        const auto ids = test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        Notes notes(*caseDb);
        const std::int64_t missing = ids.back() + 4096 * 50;
        QVERIFY(errorOf([&] { notes.add(missing, "x", "a"); }).contains(QString::number(missing)));
        QVERIFY(errorOf([&] { notes.add(std::nullopt, "  ", "a"); }).contains(QStringLiteral("text")));
        QVERIFY(errorOf([&] { notes.setText(77, "x"); }).contains(QStringLiteral("77")));
        QVERIFY(notes.list().empty());
    }
};

QTEST_GUILESS_MAIN(TestNote)
#include "tst_note.moc"
