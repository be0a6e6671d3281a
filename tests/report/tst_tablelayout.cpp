// SPDX-License-Identifier: GPL-3.0-or-later
// The report's table cells: tokens (ids, addresses, hashes) never break and
// never run past their column, long tokens break after their separators,
// and columns get widths from their content.

#include "report/table_layout.h"

#include <QTest>

#include <numeric>

using namespace flowscope::report;

namespace {

// One point per character: widths are easy to reason about.
double monospace(const QString &text)
{
    return double(text.size());
}

bool fits(const QStringList &lines, double width)
{
    return std::all_of(lines.begin(), lines.end(), [&](const QString &line) { return monospace(line) <= width; });
}

} // namespace

class TestTableLayout : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wrapsAtSpacesKeepingTokensWhole_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("width");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("fits") << "eni-0708192a3b4c5de67" << 30.0 << QStringList{"eni-0708192a3b4c5de67"};
        QTest::newRow("two ids") << "eni-0708192a3b4c5de67 tcp/445" << 22.0
                                 << QStringList{"eni-0708192a3b4c5de67", "tcp/445"};
        QTest::newRow("cloudtrail text") << "RunInstances from 198.51.100.23: eni-02b3c4d5e6f708192" << 25.0
                                         << QStringList{"RunInstances from", "198.51.100.23:", "eni-02b3c4d5e6f708192"};
        QTest::newRow("lines kept") << "a\nb c" << 10.0 << QStringList{"a", "b c"};
        QTest::newRow("empty") << "" << 10.0 << QStringList{""};
    }

    void wrapsAtSpacesKeepingTokensWhole()
    {
        QFETCH(QString, text);
        QFETCH(double, width);
        QFETCH(QStringList, lines);
        QCOMPARE(wrapCell(text, width, monospace), lines);
    }

    // Wider than its column: after separators, then (none left) anywhere,
    // and never past the column; nothing is lost.
    void breaksLongTokensAfterSeparators_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("width");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("arn") << "arn:aws:sts::123456789012:assumed-role/deploy-pipeline/ci-run-4711" << 30.0
                             << QStringList{"arn:aws:sts::123456789012:", "assumed-role/deploy-pipeline/", "ci-run-4711"};
        QTest::newRow("path") << "/tmp/walk/flow-logs/eu-west-1.log.gz" << 20.0
                              << QStringList{"/tmp/walk/flow-logs/", "eu-west-1.log.gz"};
        QTest::newRow("file name") << "123456789012_vpcflowlogs_us-east-1.log.gz" << 26.0
                                   << QStringList{"123456789012_vpcflowlogs_", "us-east-1.log.gz"};
        QTest::newRow("hyphens last") << "vpc-flow-logs-kafka-1" << 10.0 << QStringList{"vpc-flow-", "logs-", "kafka-1"};
        QTest::newRow("no separator") << "0123456789abcdef" << 6.0 << QStringList{"012345", "6789ab", "cdef"};
    }

    void breaksLongTokensAfterSeparators()
    {
        QFETCH(QString, text);
        QFETCH(double, width);
        QFETCH(QStringList, lines);
        const QStringList wrapped = wrapCell(text, width, monospace);
        QCOMPARE(wrapped, lines);
        QVERIFY(fits(wrapped, width));
        QCOMPARE(wrapped.join(QString()), text);
    }

    void measuresTokensPiecesAndLines()
    {
        const ColumnExtent extent = measureCell(QStringLiteral("RunInstances from 198.51.100.23:\nshort"), monospace);
        QCOMPARE(extent.token, 14.0); // "198.51.100.23:"
        QCOMPARE(extent.piece, 14.0);
        QCOMPARE(extent.line, 32.0);
        const ColumnExtent arn = measureCell(QStringLiteral("arn:aws:iam::1:user/alice"), monospace);
        QCOMPARE(arn.token, 25.0);
        QCOMPARE(arn.piece, 5.0); // "user/" and "alice"
        const ColumnExtent kafka = measureCell(QStringLiteral("vpc-flow-logs-kafka-1.json"), monospace);
        QCOMPARE(kafka.piece, 26.0);
        QCOMPARE(kafka.fragment, 6.0); // "kafka-"
    }

    // A hash and a file name whose only breaks are hyphens: the file name
    // gives way, the hash stays whole.
    void hyphenatedNamesGiveWayBeforeHashes()
    {
        const std::vector<double> widths = columnWidths({{26, 26, 6, 26}, {64, 64, 64, 64}, {7, 7, 7, 7}}, 85);
        QCOMPARE(widths[1], 64.0);
        QCOMPARE(widths[2], 7.0);
        QCOMPARE(widths[0], 14.0);
    }

    // Every column at least its widest token when they all fit; the
    // remaining room to the column whose lines would break.
    void givesColumnsTheirTokens()
    {
        const std::vector<ColumnExtent> columns{{21, 21, 21, 21}, {7, 7, 7, 7}, {12, 6, 6, 80}};
        const std::vector<double> widths = columnWidths(columns, 100);
        QCOMPARE(widths.size(), std::size_t(3));
        QCOMPARE(std::accumulate(widths.begin(), widths.end(), 0.0), 100.0);
        QCOMPARE(widths[0], 21.0);
        QCOMPARE(widths[1], 7.0);
        QCOMPARE(widths[2], 72.0);
    }

    void spreadsRoomBeyondTheLines()
    {
        const std::vector<double> widths = columnWidths({{10, 10, 10, 10}, {30, 30, 30, 30}}, 80);
        QCOMPARE(widths[0], 20.0);
        QCOMPARE(widths[1], 60.0);
    }

    // Too narrow for every token: a column whose tokens have separators gives
    // way, one without (a hash) keeps its tokens whole.
    void separatedTokensGiveWayFirst()
    {
        const std::vector<ColumnExtent> columns{{64, 64, 64, 64}, {50, 12, 12, 50}};
        const std::vector<double> widths = columnWidths(columns, 90);
        QCOMPARE(widths[0], 64.0);
        QCOMPARE(widths[1], 26.0);
    }

    // Not even the pieces fit: a narrow column ("Records") stays whole, the
    // wide ones share the rest alike.
    void narrowColumnsStayWholeWhenNothingFits()
    {
        const std::vector<double> widths = columnWidths({{64, 64, 64, 64}, {7, 7, 7, 7}, {90, 80, 80, 90}}, 100);
        QCOMPARE(widths[1], 7.0);
        QCOMPARE(widths[0], 46.5);
        QCOMPARE(widths[2], 46.5);
        QVERIFY(columnWidths({}, 100).empty());
    }
};

QTEST_APPLESS_MAIN(TestTableLayout)
#include "tst_tablelayout.moc"
