// SPDX-License-Identifier: GPL-3.0-or-later
// The status bar's import indicator: where the import is, how fast, how long
// still, the cancel button, and the sentence that sums an import up.

#include "app_translation.h"
#include "import_progress_widget.h"
#include "ingest/import_report.h"

#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace flowscope;

class TestImportProgressWidget : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(installAppTranslation(QLocale(QLocale::English))); // the plural forms
    }

    void showsProgress()
    {
        ImportProgressWidget widget;
        ImportProgress progress;
        progress.fileIndex = 2;
        progress.fileCount = 12;
        progress.records = 1'204'311;
        progress.bytesDone = 250;
        progress.bytesTotal = 1000;
        progress.seconds = 10;
        widget.showProgress(progress);
        QCOMPARE(widget.text(), QStringLiteral("File 3 of 12, 1,204,311 records, 120,431 records/s, about 30 s left"));
        QCOMPARE(widget.findChild<QProgressBar *>()->value(), 250);

        progress.seconds = 0.2; // too early to say how long
        widget.showProgress(progress);
        QCOMPARE(widget.text(), QStringLiteral("File 3 of 12, 1,204,311 records, 6,021,555 records/s"));
    }

    // Every number grouped as the language writes it, file counts too.
    void groupsNumbersAsTheLanguage()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        ImportProgressWidget widget;
        ImportProgress progress;
        progress.fileIndex = 1199;
        progress.fileCount = 1500;
        progress.records = 39815;
        progress.seconds = 0.2;
        widget.showProgress(progress);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(widget.text().startsWith(QStringLiteral("File 1.200 of 1.500, 39.815 records")), qPrintable(widget.text()));
    }

    void cancels()
    {
        ImportProgressWidget widget;
        widget.showChecking();
        QCOMPARE(widget.findChild<QProgressBar *>()->maximum(), 0); // busy
        QSignalSpy cancel(&widget, &ImportProgressWidget::cancelRequested);
        auto *button = widget.findChild<QPushButton *>();
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(cancel.count(), 1);
        widget.showCancelling();
        QVERIFY(!button->isEnabled());
    }

    void durations_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << 12.2 << QStringLiteral("13 s");
        QTest::newRow("minutes") << 130.0 << QStringLiteral("3 min");
        QTest::newRow("hours") << 7300.0 << QStringLiteral("2 h 1 min");
    }

    void durations()
    {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(ImportProgressWidget::durationText(seconds), text);
    }

    void outcome()
    {
        ImportReport report;
        report.cancelled = true;
        QCOMPARE(ImportProgressWidget::outcomeText(report), QStringLiteral("Import cancelled: the case is as it was"));
        report.files = 1;
        QCOMPARE(ImportProgressWidget::outcomeText(report),
                 QStringLiteral("Import cancelled: 1 file imported before it stays in the case"));

        ImportReport done;
        done.files = 2;
        done.records = 1000;
        done.skippedDuplicateFiles = 1;
        done.errorCount = 3;
        QCOMPARE(ImportProgressWidget::outcomeText(done),
                 QStringLiteral("Imported 2 files with 1,000 records; 1 file already in the case; "
                                "3 errors: see the import report"));
        done.files = 1;
        done.records = 1;
        done.skippedDuplicateFiles = 0;
        done.errorCount = 0;
        QCOMPARE(ImportProgressWidget::outcomeText(done), QStringLiteral("Imported 1 file with 1 record"));
    }
};

QTEST_MAIN(TestImportProgressWidget)
#include "tst_importprogresswidget.moc"
