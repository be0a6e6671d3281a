// SPDX-License-Identifier: GPL-3.0-or-later
// The Import Report tab: each file's duplicate records in its row, and their
// total in the caption above the files.

#include "import_report_view.h"
#include "ingest/case_importer.h"
#include "itemmodels/import_report_model.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QLabel>
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
};

QTEST_MAIN(TestImportReportView)
#include "tst_importreportview.moc"
