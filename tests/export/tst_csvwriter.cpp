// SPDX-License-Identifier: GPL-3.0-or-later
// The CSV writer of files, the clipboard and the CLI: RFC 4180 text that a
// separate parser (libcsv) reads back as written, formulas neutralised as
// OWASP's CSV-injection guidance says unless raw, numbers kept as numbers.

#include "export/csv_writer.h"

#include "csv_parse.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

using namespace flowscope;

namespace {
QByteArray written(CsvCells cells, const std::function<void(CsvWriter &)> &fill, std::size_t buffer = 1 << 20)
{
    QByteArray out;
    {
        CsvWriter writer([&](std::string_view text) {
            out.append(text.data(), static_cast<qsizetype>(text.size()));
            return true;
        },
                         cells, buffer);
        fill(writer);
    }
    return out;
}
} // namespace

class TestCsvWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void injection_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("formula");
        QTest::newRow("equals") << "=1+1" << true;
        QTest::newRow("plus") << "+1" << true;
        QTest::newRow("minus expression") << "-2+3" << true;
        QTest::newRow("minus reference") << "-A1" << true;
        QTest::newRow("minus alone (an absent value)") << "-" << false;
        QTest::newRow("two minuses") << "--" << true;
        QTest::newRow("at") << "@SUM(A1:A9)" << true;
        QTest::newRow("tab") << "\t=1" << true;
        QTest::newRow("carriage return") << "\r=1" << true;
        QTest::newRow("dde") << "=cmd|' /C calc'!A0" << true;
        QTest::newRow("hyperlink") << "=HYPERLINK(\"http://x\",\"y\")" << true;
        QTest::newRow("negative integer") << "-5" << false;
        QTest::newRow("negative decimal") << "-0.25" << false;
        QTest::newRow("minus trailing dot") << "-5." << true;
        QTest::newRow("plain") << "eni-0a1b" << false;
        QTest::newRow("equals inside") << "a=b" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("ipv6") << "2001:db8::1" << false;
    }

    void injection()
    {
        QFETCH(QString, text);
        QFETCH(bool, formula);
        const std::string value = text.toStdString();
        QCOMPARE(csvCellIsFormula(value), formula);
        // A second cell, so that an empty first one still makes a row.
        const auto fill = [&](CsvWriter &w) {
            w.text(value);
            w.text("x");
            w.endRow();
        };
        const QByteArray neutral = written(CsvCells::Neutralised, fill);
        const QByteArray raw = written(CsvCells::Raw, fill);
        const auto neutralRows = test::parseCsv(neutral);
        const auto rawRows = test::parseCsv(raw);
        QCOMPARE(neutralRows.size(), std::size_t(1));
        QCOMPARE(rawRows.at(0).at(0).value_or(QString()), text);
        QCOMPARE(neutralRows.at(0).at(0).value_or(QString()), formula ? QLatin1Char('\'') + text : text);
        // OWASP: a neutralised cell is also quoted, so no separator inside it escapes.
        if (formula)
            QVERIFY(neutral.startsWith("\"'"));
    }

    void numbersStayNumbers()
    {
        const QByteArray out = written(CsvCells::Neutralised, [](CsvWriter &w) {
            w.number(-5);
            w.number(std::numeric_limits<std::int64_t>::min());
            w.unsignedNumber(std::numeric_limits<std::uint64_t>::max());
            w.endRow();
        });
        QCOMPARE(out, QByteArray("-5,") + QByteArray::number(std::numeric_limits<qint64>::min()) + ','
                     + QByteArray::number(std::numeric_limits<quint64>::max()) + "\r\n");
    }

    void roundTrip_data()
    {
        QTest::addColumn<CsvCells>("cells");
        QTest::addColumn<int>("buffer");
        QTest::newRow("neutralised") << CsvCells::Neutralised << (1 << 20);
        QTest::newRow("raw") << CsvCells::Raw << (1 << 20);
        QTest::newRow("raw, rows larger than the buffer") << CsvCells::Raw << 8;
    }

    void roundTrip()
    {
        QFETCH(CsvCells, cells);
        QFETCH(int, buffer);
        const std::vector<std::vector<std::optional<QString>>> rows{
            {QStringLiteral("srcaddr"), QStringLiteral("note"), QStringLiteral("bytes")},
            {QStringLiteral("2001:db8::a:1"), QStringLiteral("say \"hi\", twice"), QStringLiteral("1")},
            {QStringLiteral("10.0.0.1"), QStringLiteral("two\r\nlines\nand a lone\rreturn"), std::nullopt},
            {std::nullopt, QStringLiteral("Zürich, 東京 \u200f"), QStringLiteral("-7")},
            {QStringLiteral("\""), QStringLiteral("=1+1"), QStringLiteral(",")},
        };
        const QByteArray out = written(
            cells,
            [&](CsvWriter &w) {
                for (const auto &row : rows) {
                    for (const auto &cell : row)
                        cell ? w.text(cell->toStdString()) : w.absent();
                    w.endRow();
                }
            },
            std::size_t(buffer));
        QVERIFY(out.endsWith("\r\n"));
        auto expected = rows;
        if (cells == CsvCells::Neutralised)
            expected[4][1] = QStringLiteral("'=1+1");
        QCOMPARE(test::parseCsv(out), expected);
    }

    void isoTimesAsQtWritesThem()
    {
        QRandomGenerator random(14);
        std::vector<qint64> times{0, -1, 951782400 /* 2000-02-29 */, 4102444800 /* 2100-01-01 */, 1700000000};
        for (int i = 0; i < 2000; ++i)
            times.push_back(static_cast<qint64>(random.bounded(Q_INT64_C(8000000000))) - Q_INT64_C(1000000000));
        for (const qint64 t : times)
            QCOMPARE(QString::fromStdString(isoUtcTime(t)),
                     QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate));
    }

    // The writer's own times (the date worked out once per day) are the
    // cells of isoUtcTime, in any order of days and across their edges.
    void writtenTimesAreTheIsoTimes()
    {
        const std::vector<qint64> times{0, -1, 86399, 86400, -86400, -86401, 951782399, 951782400, 951868800,
                                        253402300799 /* 9999-12-31T23:59:59Z */, 253402300800, -62135596800,
                                        -62167219201 /* year -1 */, 1700000000, 1700000001, 0,
                                        std::numeric_limits<std::int64_t>::max() / 2,
                                        std::numeric_limits<std::int64_t>::min() / 2};
        QByteArray expected;
        for (const qint64 t : times)
            expected += QByteArray::fromStdString(isoUtcTime(t)) + "\r\n";
        const QByteArray out = written(CsvCells::Neutralised, [&](CsvWriter &w) {
            for (const qint64 t : times) {
                w.isoTime(t);
                w.endRow();
            }
        });
        QCOMPARE(out, expected);
        QVERIFY(out.startsWith("1970-01-01T00:00:00Z\r\n1969-12-31T23:59:59Z\r\n1970-01-01T23:59:59Z\r\n"
                               "1970-01-02T00:00:00Z\r\n"));
    }

    void addresses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cell");
        QTest::newRow("v4 zero") << "0.0.0.0" << "0.0.0.0";
        QTest::newRow("v4 all ones") << "255.255.255.255" << "255.255.255.255";
        QTest::newRow("v4 mixed widths") << "10.0.100.9" << "10.0.100.9";
        QTest::newRow("v6 unspecified") << "::" << "::";
        QTest::newRow("v6 loopback") << "::1" << "::1";
        QTest::newRow("v6 compressed") << "2001:0db8:0:0:0:0:1:9" << "2001:db8::1:9";
        QTest::newRow("v6 full") << "2001:db8:85a3:1:2:8a2e:370:7334" << "2001:db8:85a3:1:2:8a2e:370:7334";
        QTest::newRow("v6 longest") << "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255"
                                    << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
        QTest::newRow("v4-mapped") << "::ffff:192.0.2.1" << "::ffff:192.0.2.1";
    }

    // An address cell is the address's text, as toString() writes it, never quoted.
    void addresses()
    {
        QFETCH(QString, text);
        QFETCH(QString, cell);
        const auto address = IpAddress::parse(text.toStdString());
        QVERIFY(address);
        QCOMPARE(QString::fromStdString(address->toString()), cell);
        const QByteArray out = written(CsvCells::Neutralised, [&](CsvWriter &w) {
            w.absent();
            w.address(*address);
            w.endRow();
        });
        QCOMPARE(out, "," + cell.toUtf8() + "\r\n");
    }

    void refusingSinkStopsTheWriter()
    {
        int calls = 0;
        CsvWriter writer([&](std::string_view) { return ++calls > 1 && false; }, CsvCells::Raw, 4);
        writer.text("first row");
        writer.endRow();
        QVERIFY(!writer.ok());
        writer.text("second row");
        writer.endRow();
        QVERIFY(!writer.flush());
        QCOMPARE(calls, 1);
    }
};

QTEST_APPLESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
