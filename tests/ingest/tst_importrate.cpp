// SPDX-License-Identifier: GPL-3.0-or-later
// Import speed and time left from progress.

#include "ingest/import_rate.h"

#include <QTest>

using namespace flowscope;

class TestImportRate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void halfway()
    {
        ImportProgress progress;
        progress.bytesDone = 500;
        progress.bytesTotal = 1000;
        progress.records = 2'000'000;
        progress.seconds = 4;
        const ImportRate rate = importRate(progress);
        QCOMPARE(rate.fraction, 0.5);
        QCOMPARE(rate.recordsPerSecond, 500000.0);
        QVERIFY(rate.secondsLeft);
        QCOMPARE(*rate.secondsLeft, 4.0);
    }

    void tooEarlyToSay()
    {
        ImportProgress progress;
        progress.bytesDone = 5;
        progress.bytesTotal = 1000;
        progress.records = 100;
        progress.seconds = 0.1;
        const ImportRate rate = importRate(progress);
        QCOMPARE(rate.fraction, 0.005);
        QVERIFY(!rate.secondsLeft);
    }

    void nothingYet()
    {
        const ImportRate rate = importRate(ImportProgress{});
        QCOMPARE(rate.fraction, 0.0);
        QCOMPARE(rate.recordsPerSecond, 0.0);
        QVERIFY(!rate.secondsLeft);
    }

    void compressedInputNeverPassesTheEnd()
    {
        ImportProgress progress;
        progress.bytesDone = 1200; // a truncated or growing file
        progress.bytesTotal = 1000;
        progress.seconds = 2;
        const ImportRate rate = importRate(progress);
        QCOMPARE(rate.fraction, 1.0);
        QCOMPARE(*rate.secondsLeft, 0.0);
    }
};

QTEST_APPLESS_MAIN(TestImportRate)
#include "tst_importrate.moc"
