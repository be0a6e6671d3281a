// SPDX-License-Identifier: GPL-3.0-or-later
// The status bar's shown/total count: exact once counted, a lower bound while counting.

#include "shown_records_label.h"

#include <QTest>

using namespace flowscope;

class TestShownRecordsLabel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void text_data()
    {
        QTest::addColumn<qint64>("shown");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<bool>("counting");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no filter") << qint64(10000000) << qint64(10000000) << false << QStringLiteral("Shown: all 10,000,000");
        QTest::newRow("counting") << qint64(256) << qint64(10000000) << true << QStringLiteral("Filtering… at least 256 of 10,000,000");
        QTest::newRow("a share") << qint64(1204) << qint64(10000) << false << QStringLiteral("Shown: 1,204 of 10,000 (12.04%)");
        QTest::newRow("rare") << qint64(3) << qint64(10000000) << false << QStringLiteral("Shown: 3 of 10,000,000 (<0.01%)");
        QTest::newRow("none") << qint64(0) << qint64(500) << false << QStringLiteral("Shown: 0 of 500 (0.00%)");
        QTest::newRow("empty case") << qint64(0) << qint64(0) << false << QStringLiteral("Shown: all 0");
    }

    void text()
    {
        QFETCH(qint64, shown);
        QFETCH(qint64, total);
        QFETCH(bool, counting);
        QFETCH(QString, expected);
        ShownRecordsLabel label;
        label.showCounts(shown, total, counting);
        QCOMPARE(label.text(), expected);
        label.clear();
        QVERIFY(label.text().isEmpty());
    }
};

QTEST_MAIN(TestShownRecordsLabel)
#include "tst_shownrecordslabel.moc"
