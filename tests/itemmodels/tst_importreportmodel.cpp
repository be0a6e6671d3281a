// SPDX-License-Identifier: GPL-3.0-or-later
// The import report models over a case's import log: the model contract,
// every file (imported and rejected) and every error with file and line.

#include "ingest/case_importer.h"
#include "itemmodels/import_report_model.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {
const QByteArray kGood =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n";
const QByteArray kBad = "2 123456789010 eni-1235b8ca123456789 172.31.16.139\n";
} // namespace

class TestImportReportModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;
    QString m_goodFile, m_mixedFile, m_missing;
    QString m_missingReason; // as the importer said it

    static QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
    {
        return model.index(row, column).data(role).toString();
    }

    ImportReport importInto(const QStringList &paths)
    {
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::CreateIfMissing);
        std::vector<std::filesystem::path> inputs;
        for (const QString &path : paths)
            inputs.emplace_back(path.toStdString());
        return CaseImporter(*caseDb).run(inputs, {});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        m_case = m_dir.filePath(QStringLiteral("report.flowcase"));
        m_goodFile = m_dir.filePath(QStringLiteral("good.log"));
        m_mixedFile = m_dir.filePath(QStringLiteral("mixed.log.gz"));
        m_missing = m_dir.filePath(QStringLiteral("missing.log"));
        test::writeFile(m_goodFile, kGood + kGood);
        test::writeGzip(m_mixedFile, kGood + kBad + kGood + kBad + kGood);
        const ImportReport report = importInto({m_goodFile, m_mixedFile, m_missing});
        QCOMPARE(report.failedFiles, 1u);
        QCOMPARE(QString::fromStdString(report.errors.front().file), m_missing);
        m_missingReason = QString::fromStdString(report.errors.front().reason);
        QVERIFY(!m_missingReason.isEmpty());
    }

    void files()
    {
        ImportFilesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setCase(m_case);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(ImportFilesModel::ColumnCount));

        QCOMPARE(cell(model, 0, ImportFilesModel::PathColumn), m_goodFile);
        QCOMPARE(cell(model, 0, ImportFilesModel::StatusColumn), QStringLiteral("Imported"));
        QCOMPARE(cell(model, 0, ImportFilesModel::DeliveryColumn), QStringLiteral("plain-text"));
        QCOMPARE(cell(model, 0, ImportFilesModel::RecordsColumn), QStringLiteral("2"));
        QCOMPARE(cell(model, 0, ImportFilesModel::ErrorsColumn), QStringLiteral("0"));
        QCOMPARE(cell(model, 0, ImportFilesModel::Sha256Column).size(), 64);
        QVERIFY(cell(model, 0, ImportFilesModel::FormatColumn).startsWith(QStringLiteral("version account-id")));
        QVERIFY(!model.index(0, 0).data(ImportFilesModel::RejectedRole).toBool());

        QCOMPARE(cell(model, 0, ImportFilesModel::DuplicatesColumn), QStringLiteral("0"));
        // Two of its three good records are those the first file brought.
        QCOMPARE(cell(model, 1, ImportFilesModel::PathColumn), m_mixedFile);
        QCOMPARE(cell(model, 1, ImportFilesModel::RecordsColumn), QStringLiteral("1"));
        QCOMPARE(cell(model, 1, ImportFilesModel::DuplicatesColumn), QStringLiteral("2"));
        QCOMPARE(model.index(1, ImportFilesModel::DuplicatesColumn).data(Qt::TextAlignmentRole),
                 QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter));
        QCOMPARE(model.duplicateRecords(), 2u);
        QCOMPARE(cell(model, 1, ImportFilesModel::ErrorsColumn), QStringLiteral("2"));
        QCOMPARE(cell(model, 1, ImportFilesModel::TruncatedColumn), QString());

        // The input that could not be imported at all comes last, as rejected.
        QCOMPARE(cell(model, 2, ImportFilesModel::PathColumn), m_missing);
        QVERIFY(model.index(2, 0).data(ImportFilesModel::RejectedRole).toBool());
        QCOMPARE(cell(model, 2, ImportFilesModel::StatusColumn), QStringLiteral("Rejected: ") + m_missingReason);
        QCOMPARE(cell(model, 2, ImportFilesModel::StatusColumn, Qt::ToolTipRole), m_missingReason);
        QCOMPARE(cell(model, 2, ImportFilesModel::Sha256Column), QString());
        QCOMPARE(cell(model, 2, ImportFilesModel::RecordsColumn), QString());
        QCOMPARE(cell(model, 2, ImportFilesModel::DuplicatesColumn), QString());
        QCOMPARE(cell(model, 2, ImportFilesModel::ErrorsColumn), QStringLiteral("1"));

        QCOMPARE(model.headerData(ImportFilesModel::Sha256Column, Qt::Horizontal).toString(), QStringLiteral("SHA-256"));
        QCOMPARE(model.headerData(ImportFilesModel::DuplicatesColumn, Qt::Horizontal).toString(), QStringLiteral("Duplicates"));
        QVERIFY(!model.headerData(ImportFilesModel::ColumnCount, Qt::Horizontal).isValid());

        model.setCase(QString());
        QCOMPARE(model.rowCount(), 0);
    }

    void errors()
    {
        ImportErrorsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase(m_case);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.storedCount(), 3u);
        QCOMPARE(model.columnCount(), int(ImportErrorsModel::ColumnCount));
        // In log order: the whole-file rejection was logged when the walk found it.
        QCOMPARE(cell(model, 0, ImportErrorsModel::FileColumn), m_missing);
        QCOMPARE(cell(model, 0, ImportErrorsModel::LineColumn), QStringLiteral("whole file"));
        QCOMPARE(cell(model, 0, ImportErrorsModel::ReasonColumn), m_missingReason);
        QCOMPARE(cell(model, 1, ImportErrorsModel::FileColumn), m_mixedFile);
        QCOMPARE(cell(model, 1, ImportErrorsModel::LineColumn), QStringLiteral("2"));
        QVERIFY(!cell(model, 1, ImportErrorsModel::ReasonColumn).isEmpty());
        QCOMPARE(cell(model, 2, ImportErrorsModel::LineColumn), QStringLiteral("4"));
        QCOMPARE(model.headerData(ImportErrorsModel::LineColumn, Qt::Horizontal).toString(), QStringLiteral("Line"));
    }

    void reloadAfterAnotherImport()
    {
        const QString later = m_dir.filePath(QStringLiteral("later.log"));
        test::writeFile(later, kBad + kGood.left(kGood.size() - 1).replace("20641", "20642") + "\n");
        ImportFilesModel files;
        ImportErrorsModel errors;
        QAbstractItemModelTester filesTester(&files, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester errorsTester(&errors, QAbstractItemModelTester::FailureReportingMode::QtTest);
        files.setCase(m_case);
        errors.setCase(m_case);
        const int filesBefore = files.rowCount();
        const int errorsBefore = errors.rowCount();
        importInto({later});
        files.reload();
        errors.reload();
        QCOMPARE(files.rowCount(), filesBefore + 1);
        QCOMPARE(errors.rowCount(), errorsBefore + 1);
        QCOMPARE(cell(errors, errorsBefore, ImportErrorsModel::FileColumn), later);
        QCOMPARE(cell(errors, errorsBefore, ImportErrorsModel::LineColumn), QStringLiteral("1"));
    }

    void notACase()
    {
        const QString notes = m_dir.filePath(QStringLiteral("notes.txt"));
        test::writeFile(notes, "not a case\n");
        ImportFilesModel files;
        ImportErrorsModel errors;
        QSignalSpy filesError(&files, &ImportFilesModel::errorOccurred);
        QSignalSpy errorsError(&errors, &ImportErrorsModel::errorOccurred);
        files.setCase(notes);
        errors.setCase(notes);
        QCOMPARE(filesError.count(), 1);
        QCOMPARE(errorsError.count(), 1);
        QVERIFY(filesError.first().first().toString().contains(QStringLiteral("notes.txt")));
        QCOMPARE(files.rowCount(), 0);
        QCOMPARE(errors.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestImportReportModel)
#include "tst_importreportmodel.moc"
