// SPDX-License-Identifier: GPL-3.0-or-later
// What the Go to Time dialog accepts.

#include "go_to_time_dialog.h"

#include <QTest>

using namespace flowscope;

class TestGoToTime : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("epoch"); // -1: not a time
        QTest::newRow("UTC with Z") << "2026-03-10T02:00:00Z" << qint64(1773108000);
        QTest::newRow("no zone is UTC") << "2026-03-10T02:00:00" << qint64(1773108000);
        QTest::newRow("minutes only") << "2026-03-10T02:00Z" << qint64(1773108000);
        QTest::newRow("offset") << "2026-03-10T03:00:00+01:00" << qint64(1773108000);
        QTest::newRow("milliseconds") << "2026-03-10T02:00:01.500Z" << qint64(1773108001);
        QTest::newRow("epoch seconds") << " 1773108000 " << qint64(1773108000);
        QTest::newRow("garbage") << "yesterday" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
        QTest::newRow("bad month") << "2026-13-10T02:00:00Z" << qint64(-1);
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, epoch);
        const auto parsed = parseGoToTime(text);
        if (epoch < 0)
            QVERIFY(!parsed);
        else
            QCOMPARE(parsed.value_or(-1), epoch);
    }

    // The prompt shows the case's range, in the form the field takes, so a
    // time copied from it parses back to the same second.
    void promptShowsTheCasesRange()
    {
        const qint64 first = 1773100800;
        const qint64 last = 1773187199;
        const QString prompt = goToTimePrompt(first, last);
        QVERIFY2(prompt.contains(QStringLiteral("2026-03-10T00:00:00Z to 2026-03-10T23:59:59Z")), qPrintable(prompt));
        QCOMPARE(parseGoToTime(QStringLiteral("2026-03-10T23:59:59Z")).value_or(-1), last);
        QVERIFY(!goToTimePrompt(std::nullopt, std::nullopt).contains(QStringLiteral("spans")));
    }
};

QTEST_MAIN(TestGoToTime)
#include "tst_gototime.moc"
