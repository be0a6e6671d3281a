// SPDX-License-Identifier: GPL-3.0-or-later
// The Import Report tab: each file's duplicate records in its row, and their
// total in the caption above the files; Remove File from Case in a file's
// context menu, asking first with the file's name and record count.

#include "import_report_view.h"
#include "ingest/case_importer.h"
#include "itemmodels/import_report_model.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {
const QByteArray kLine =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";

QStringList labelTexts(const QWidget &widget)
{
    QStringList texts;
    for (const QLabel *label : widget.findChildren<QLabel *>())
        texts << label->text();
    return texts;
}
} // namespace

class TestImportReportView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void duplicatesAreShown()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString s3 = dir.filePath(QStringLiteral("s3.log"));
        const QString firehose = dir.filePath(QStringLiteral("firehose.jsonl"));
        test::writeFile(s3, kLine + '\n');
        test::writeFile(firehose, "{\"message\":\"" + kLine + "\"}\n");
        const QString casePath = dir.filePath(QStringLiteral("case.flowcase"));
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            CaseImporter(*caseDb).run({s3.toStdString()}, {});
        }

        ImportFilesModel files;
        ImportErrorsModel errors;
        ImportReportView view;
        view.setModels(&files, &errors);
        files.setCase(casePath);
        errors.setCase(casePath);
        QVERIFY(labelTexts(view).contains(QStringLiteral("Files (1)")));

        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadWrite);
            CaseImporter(*caseDb).run({firehose.toStdString()}, {});
        }
        files.reload();
        QVERIFY2(labelTexts(view).contains(QStringLiteral("Files (2; duplicate records not stored again: 1)")),
                 qPrintable(labelTexts(view).join(QLatin1Char('|'))));
        const QModelIndex cell = view.filesTable()->model()->index(1, ImportFilesModel::DuplicatesColumn);
        QCOMPARE(cell.data().toString(), QStringLiteral("1"));
        QVERIFY(!view.filesTable()->isColumnHidden(ImportFilesModel::DuplicatesColumn));
    }

    // Without errors the files take the tab; the errors' table comes back with the first error.
    void filesTakeTheRoomWithoutErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString good = dir.filePath(QStringLiteral("good.log"));
        const QString bad = dir.filePath(QStringLiteral("bad.log"));
        test::writeFile(good, kLine + '\n');
        test::writeFile(bad, kLine + "\nnot a flow log record\n");
        const QString casePath = dir.filePath(QStringLiteral("case.flowcase"));
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            CaseImporter(*caseDb).run({good.toStdString()}, {});
        }
        ImportFilesModel files;
        ImportErrorsModel errors;
        ImportReportView view;
        view.setModels(&files, &errors);
        files.setCase(casePath);
        errors.setCase(casePath);
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(errors.rowCount(), 0);
        QVERIFY(labelTexts(view).contains(QStringLiteral("Errors (0)")));
        QVERIFY(!view.errorsTable()->isVisible());
        QTRY_VERIFY2(view.filesTable()->height() > 450, qPrintable(QString::number(view.filesTable()->height())));

        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadWrite);
            CaseImporter(*caseDb).run({bad.toStdString()}, {});
        }
        files.reload();
        errors.reload();
        QVERIFY(errors.rowCount() > 0);
        QTRY_VERIFY(view.errorsTable()->isVisible());
        QTRY_VERIFY(view.errorsTable()->height() > 100);
    }

    void removeFileAsksFirst()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString log = dir.filePath(QStringLiteral("evidence.log"));
        QByteArray lines;
        for (int i = 0; i < 1200; ++i)
            lines += QByteArray(kLine).replace("20641", QByteArray::number(20000 + i)) + '\n';
        test::writeFile(log, lines);
        const QString casePath = dir.filePath(QStringLiteral("case.flowcase"));
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            CaseImporter(*caseDb).run({log.toStdString(), dir.filePath(QStringLiteral("missing.log")).toStdString()}, {});
        }
        ImportFilesModel files;
        ImportErrorsModel errors;
        ImportReportView view;
        view.setModels(&files, &errors);
        files.setCase(casePath);
        QCOMPARE(files.rowCount(), 2); // the imported file, then the one that could not be
        QVERIFY(view.filesTable()->actions().contains(view.removeFileAction()));
        QVERIFY(!view.removeFileAction()->isEnabled()); // no file chosen

        QStringList asked;
        bool answer = false;
        view.setConfirmation([&](const QString &question) {
            asked << question;
            return answer;
        });
        QSignalSpy requested(&view, &ImportReportView::removeFileRequested);
        view.filesTable()->setCurrentIndex(files.index(1, 0));
        QVERIFY(!view.removeFileAction()->isEnabled()); // not imported: nothing to remove

        view.filesTable()->setCurrentIndex(files.index(0, 0));
        QVERIFY(view.removeFileAction()->isEnabled());
        view.removeFileAction()->trigger();
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked[0].contains(QStringLiteral("evidence.log")) && asked[0].contains(QStringLiteral("1,200 record"))
                     && asked[0].contains(QStringLiteral("case.flowcase")),
                 qPrintable(asked[0]));
        QCOMPARE(requested.count(), 0); // declined

        answer = true;
        view.removeFileAction()->trigger();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested[0][0].toString(), log);
        QCOMPARE(requested[0][1].toString(), QString::fromStdString(files.files()[0].sha256));

        view.setRemovalAllowed(false); // an import or a removal is running
        QVERIFY(!view.removeFileAction()->isEnabled());
    }
};

QTEST_MAIN(TestImportReportView)
#include "tst_importreportview.moc"
