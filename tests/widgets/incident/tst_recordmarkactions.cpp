// SPDX-License-Identifier: GPL-3.0-or-later
// Starring, tagging and annotating records from the flow table: Ctrl+M
// stars the selected rows and unstars them again, the context menu's Tag…
// and Add Note… write to the case, a bad tag is reported and writes
// nothing, and the stars are there again when the case is opened again.

#include "flow_table_view.h"
#include "incident/note.h"
#include "incident/record_mark_actions.h"
#include "incident/record_star.h"
#include "incident/record_tag.h"
#include "incident_case.h"
#include "itemmodels/flow_table_model.h"
#include "itemmodels/record_marks_controller.h"
#include "store/case_db.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace flowscope;

namespace {

// A shown table over the case, its rows loaded, with the marking actions.
struct MarkedTable {
    FlowTableModel model;
    FlowTableView view;
    RecordMarksController marks;
    std::unique_ptr<RecordMarkActions> actions;

    explicit MarkedTable(const QString &file)
    {
        model.setCase(file);
        view.setModel(&model);
        marks.setCase(file, QStringLiteral("erin"));
        actions = std::make_unique<RecordMarkActions>(&view, &marks);
        view.resize(800, 300);
        view.show();
    }
    bool loaded()
    {
        if (model.rowCount() != 5)
            return false;
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, 0).data(FlowTableModel::LoadingRole).toBool())
                return false;
        return true;
    }
    void selectRows(std::initializer_list<int> rows)
    {
        view.clearSelection();
        for (const int row : rows)
            view.selectionModel()->select(model.index(row, 0),
                                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view.selectionModel()->setCurrentIndex(model.index(*rows.begin(), 0), QItemSelectionModel::NoUpdate);
    }
    bool starredRow(int row) const { return model.index(row, 0).data(FlowTableModel::StarredRole).toBool(); }
};

QAction *menuAction(QMenu *menu, const QString &name)
{
    for (QAction *action : menu->actions())
        if (action->objectName() == name)
            return action;
    return nullptr;
}

std::vector<std::int64_t> starredIn(const QString &file)
{
    auto caseDb = CaseDb::open(file.toStdString(), CaseDb::Mode::ReadOnly);
    return incident::RecordStars(*caseDb).starredRecords();
}

} // namespace

class TestRecordMarkActions : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString newCase(const QString &name, std::vector<std::int64_t> *ids)
    {
        const QString file = m_dir.filePath(name);
        *ids = test::makeSmallCase(file.toStdString());
        return file;
    }

private Q_SLOTS:
    void ctrlMTogglesTheStarsOfTheSelectedRows()
    {
        std::vector<std::int64_t> ids;
        const QString file = newCase(QStringLiteral("ctrlm.flowcase"), &ids);
        MarkedTable table(file);
        QVERIFY(QTest::qWaitForWindowActive(&table.view));
        QTRY_VERIFY(table.loaded());
        table.selectRows({0, 2});
        table.view.setFocus();
        QCOMPARE(table.actions->starAction()->text(), QStringLiteral("&Star"));
        const int firstColumn = table.view.columnWidth(0);

        QTest::keyClick(&table.view, Qt::Key_M, Qt::ControlModifier);
        QCOMPARE(starredIn(file), (std::vector<std::int64_t>{ids[0], ids[2]}));
        QTRY_VERIFY(table.view.columnWidth(0) > firstColumn); // room for the star before the text
        QVERIFY(table.starredRow(0));
        QVERIFY(!table.starredRow(1));
        QVERIFY(table.starredRow(2));
        QCOMPARE(table.actions->starAction()->text(), QStringLiteral("Un&star"));

        // One of the two already starred: Ctrl+M stars both, a second unstars both.
        table.selectRows({2, 3});
        QCOMPARE(table.actions->starAction()->text(), QStringLiteral("&Star"));
        QTest::keyClick(&table.view, Qt::Key_M, Qt::ControlModifier);
        QCOMPARE(starredIn(file), (std::vector<std::int64_t>{ids[0], ids[2], ids[3]}));
        QTest::keyClick(&table.view, Qt::Key_M, Qt::ControlModifier);
        QCOMPARE(starredIn(file), (std::vector<std::int64_t>{ids[0]}));
        QVERIFY(!table.starredRow(2));
        QVERIFY(!table.starredRow(3));
    }

    void contextMenuStarsTagsAndAnnotates()
    {
        std::vector<std::int64_t> ids;
        const QString file = newCase(QStringLiteral("menu.flowcase"), &ids);
        MarkedTable table(file);
        QTRY_VERIFY(table.loaded());
        QStringList answers;
        QStringList asked;
        table.actions->setTextPrompt([&](QWidget *, const QString &title, const QString &, bool) -> std::optional<QString> {
            asked << title;
            if (answers.isEmpty())
                return std::nullopt;
            return answers.takeFirst();
        });
        table.selectRows({1, 3});
        std::unique_ptr<QMenu> menu(table.view.createCellMenu(table.model.index(1, 0)));
        QAction *star = menuAction(menu.get(), QStringLiteral("starRecords"));
        QAction *tag = menuAction(menu.get(), QStringLiteral("tagRecords"));
        QAction *note = menuAction(menu.get(), QStringLiteral("noteRecord"));
        QVERIFY(star && tag && note);

        star->trigger();
        QCOMPARE(starredIn(file), (std::vector<std::int64_t>{ids[1], ids[3]}));
        QCOMPARE(star->text(), QStringLiteral("Un&star"));

        answers << QStringLiteral("C2, beacon exfil");
        tag->trigger();
        {
            auto caseDb = CaseDb::open(file.toStdString(), CaseDb::Mode::ReadOnly);
            const std::vector<std::string> expected{"beacon", "c2", "exfil"};
            QCOMPARE(incident::RecordTags(*caseDb).tagsOf(ids[1]), expected);
            QCOMPARE(incident::RecordTags(*caseDb).tagsOf(ids[3]), expected);
        }

        // A bad tag: reported, and no record gets the good one either.
        QSignalSpy errors(&table.marks, &RecordMarksController::errorOccurred);
        answers << QStringLiteral("lateral, bad!tag");
        tag->trigger();
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().first().toString().contains(QStringLiteral("bad!tag")));
        {
            auto caseDb = CaseDb::open(file.toStdString(), CaseDb::Mode::ReadOnly);
            QVERIFY(incident::RecordTags(*caseDb).recordsWith("lateral").empty());
        }

        // The note goes on the current record; a cancelled prompt writes nothing.
        answers << QStringLiteral("  first beacon to the C2 host ");
        note->trigger();
        note->trigger(); // cancelled
        QCOMPARE(asked.count(QStringLiteral("Add Note")), 2);
        auto caseDb = CaseDb::open(file.toStdString(), CaseDb::Mode::ReadOnly);
        const std::vector<incident::Note> notes = incident::Notes(*caseDb).list();
        QCOMPARE(notes.size(), std::size_t(1));
        QCOMPARE(notes.front().record, std::optional<std::int64_t>(ids[1]));
        QCOMPARE(notes.front().text, std::string("first beacon to the C2 host"));
        QCOMPARE(notes.front().author, std::string("erin"));
    }

    void noteNamesTheRowAndGivesTheKeyboardBack()
    {
        std::vector<std::int64_t> ids;
        const QString file = newCase(QStringLiteral("note.flowcase"), &ids);
        MarkedTable table(file);
        QVERIFY(QTest::qWaitForWindowActive(&table.view));
        QTRY_VERIFY(table.loaded());
        QString label;
        // A window of its own takes the keyboard while the analyst writes, as the dialog does.
        table.actions->setTextPrompt([&](QWidget *, const QString &, const QString &text, bool) -> std::optional<QString> {
            label = text;
            QWidget dialog;
            dialog.show();
            dialog.activateWindow();
            if (!QTest::qWaitForWindowActive(&dialog))
                return std::nullopt;
            dialog.hide();
            return QStringLiteral("seen in the proxy logs");
        });
        table.selectRows({2});
        table.actions->noteAction()->trigger();
        // The row as the table numbers it, its start, interface, flow and action; not the store's id.
        const QString start = QDateTime::fromSecsSinceEpoch(1700000100, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        QCOMPARE(label, QStringLiteral("Note on row 3: %1 UTC, eni-a, tcp 10.0.0.1:40001 → 10.0.0.2:443 ACCEPT:").arg(start));
        // Ctrl+M works at once: the table has the keyboard again.
        QTRY_COMPARE(QApplication::activeWindow(), &table.view);
        QTRY_COMPARE(QApplication::focusWidget(), &table.view);
        QTest::keyClick(&table.view, Qt::Key_M, Qt::ControlModifier);
        QCOMPARE(starredIn(file), (std::vector<std::int64_t>{ids[2]}));
    }

    void starsSurviveReopening()
    {
        std::vector<std::int64_t> ids;
        const QString file = newCase(QStringLiteral("reopen.flowcase"), &ids);
        {
            MarkedTable table(file);
            QTRY_VERIFY(table.loaded());
            table.selectRows({4});
            table.actions->starAction()->trigger();
        }
        MarkedTable reopened(file);
        QTRY_VERIFY(reopened.loaded());
        QVERIFY(reopened.marks.isStarred(ids[4]));
        QVERIFY(reopened.starredRow(4));
        QVERIFY(!reopened.starredRow(0));
        reopened.selectRows({4});
        QCOMPARE(reopened.actions->starAction()->text(), QStringLiteral("Un&star"));
    }

    void nothingSelectedNothingToMark()
    {
        std::vector<std::int64_t> ids;
        const QString file = newCase(QStringLiteral("none.flowcase"), &ids);
        MarkedTable table(file);
        QTRY_VERIFY(table.loaded());
        table.view.selectionModel()->clear();
        QVERIFY(table.actions->selectedRecords().isEmpty());
        QVERIFY(!table.actions->starAction()->isEnabled());
        QVERIFY(!table.actions->tagAction()->isEnabled());
        table.selectRows({0});
        QVERIFY(table.actions->starAction()->isEnabled());
        QCOMPARE(table.actions->selectedRecords(), QList<qint64>{ids[0]});
    }
};

QTEST_MAIN(TestRecordMarkActions)
#include "tst_recordmarkactions.moc"
