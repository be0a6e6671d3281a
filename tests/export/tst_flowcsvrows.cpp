// SPDX-License-Identifier: GPL-3.0-or-later
// The records' CSV rows formatted from the stored records are, byte for
// byte, the rows of the same records decoded into field values and written
// value by value, neutralised and raw: every field of the newest format,
// IPv6 and IPv4 addresses, absent values, zeros, the largest numbers, times
// at the epoch and at day edges, texts that need quotes or neutralising.

#include "export/case_csv_export.h"
#include "export/flow_csv_rows.h"

#include "format/field_catalog.h"
#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "store/flow_pager.h"
#include "store/flow_row_decoder.h"

#include "csv_parse.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {

const QByteArray kHeader =
    "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action "
    "log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type "
    "sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path ecs-cluster-arn "
    "ecs-cluster-name ecs-container-instance-arn ecs-container-instance-id ecs-container-id "
    "ecs-second-container-id ecs-service-name ecs-task-definition-arn ecs-task-arn ecs-task-id reject-reason "
    "resource-id encryption-status\n";

// A record of the header's 42 fields: `changes` replace the defaults by position.
QByteArray record(const std::map<int, QByteArray> &changes)
{
    QList<QByteArray> fields{"8", "123456789010", "eni-0a1b", "10.0.0.1", "198.51.100.7", "40000", "443", "6", "3",
                             "180", "1700000000", "1700000060", "ACCEPT", "OK", "vpc-1", "subnet-1", "i-1", "19",
                             "IPv4", "10.0.0.1", "198.51.100.7", "us-east-1", "use1-az1", "-", "-", "-", "AMAZON",
                             "egress", "1", "arn:aws:ecs:us-east-1:1:cluster/c", "c", "-", "-", "-", "-", "web",
                             "-", "-", "-", "-", "eni-0a1b", "0"};
    for (const auto &[index, value] : changes)
        fields[index] = value;
    return fields.join(' ') + '\n';
}

// The row as the records' CSV was written before it formatted stored
// records: the decoded FlowRow, value by value.
void writeDecoded(CsvWriter &writer, const FlowRow &row)
{
    for (const FieldInfo &info : allFields()) {
        const FieldValue &value = row.value(info.field);
        if (const auto *number = std::get_if<std::int64_t>(&value))
            writer.number(*number);
        else if (const auto *text = std::get_if<std::string>(&value))
            writer.text(*text);
        else
            writer.absent();
        if (info.field == Field::Start || info.field == Field::End) {
            if (const auto *epoch = std::get_if<std::int64_t>(&value))
                writer.encoded(isoUtcTime(*epoch));
            else
                writer.absent();
        }
    }
    writer.text(row.file);
    writer.unsignedNumber(row.line);
    writer.endRow();
}

CsvWriter::Sink into(QByteArray &out)
{
    return [&out](std::string_view text) {
        out.append(text.data(), static_cast<qsizetype>(text.size()));
        return true;
    };
}

} // namespace

class TestFlowCsvRows : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;

private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray lines = kHeader + record({})
            // IPv6 throughout, a service on each side, a reject reason.
            + record({{3, "2001:db8::7"}, {4, "2001:db8:0:0:1::9"}, {18, "IPv6"}, {19, "::ffff:192.0.2.1"},
                      {20, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"}, {25, "S3"}, {39, "BPA"}, {12, "REJECT"}})
            // Zeros, the epoch, the largest numbers the format allows.
            + record({{3, "0.0.0.0"}, {4, "255.255.255.255"}, {5, "0"}, {6, "65535"}, {7, "0"},
                      {8, "9223372036854775807"}, {9, "0"}, {10, "0"}, {11, "86399"}, {17, "0"}, {28, "0"},
                      {41, "2"}})
            // A day's edge, and texts a spreadsheet would run or that need quotes.
            + record({{10, "86400"}, {11, "951782400" /* 2000-02-29 */}, {35, "=cmd|'/C+calc'!A0"}, {14, "-vpc"},
                      {15, "say\"hi\",twice"}, {16, "@x"}, {30, "+1"}, {31, "-5"}, {36, "-"}})
            // NODATA: every value absent but the interface and times.
            + "8 123456789010 eni-c - - - - - - - 1700000050 1700000600 - NODATA - - - - - - - - - - - - - - - - - "
              "- - - - - - - - - - -\n"
            // No interface at all.
            + record({{1, "-"}, {2, "-"}, {14, "-"}, {15, "-"}, {16, "-"}, {21, "-"}, {22, "-"}, {29, "-"},
                      {30, "-"}, {35, "-"}, {40, "-"}});
        const QString log = m_dir.filePath(QStringLiteral("edge \"values\", one.log"));
        test::writeFile(log, lines);
        m_case = CaseDb::open(m_dir.filePath(QStringLiteral("edge.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        const auto imported = CaseImporter(*m_case).run({log.toStdString()}, {});
        QCOMPARE(imported.records, std::uint64_t(6));
    }

    void sameBytesAsTheDecodedRows_data()
    {
        QTest::addColumn<CsvCells>("cells");
        QTest::newRow("neutralised") << CsvCells::Neutralised;
        QTest::newRow("raw") << CsvCells::Raw;
    }

    void sameBytesAsTheDecodedRows()
    {
        QFETCH(CsvCells, cells);
        QByteArray formatted, decoded;
        int records = 0;
        {
            CsvWriter formattedWriter(into(formatted), cells);
            CsvWriter decodedWriter(into(decoded), cells);
            FlowPager pager(*m_case);
            FlowCsvRows rows(pager.decoder(), formattedWriter);
            FlowRow row;
            RecordTest everything;
            everything.accept = [](const EncodedFlow &) { return true; };
            pager.forEachMatchingStored(everything, std::nullopt,
                                        [&](const EncodedFlow &flow, std::int64_t id, const std::string &file) {
                                            rows.write(flow, file);
                                            pager.decoder().decode(flow, id, file, row);
                                            writeDecoded(decodedWriter, row);
                                            return ++records > 0;
                                        });
        }
        QCOMPARE(records, 6);
        QCOMPARE(formatted, decoded);

        // What the cells hold, read back by a CSV parser.
        const auto parsed = test::parseCsv(formatted);
        QCOMPARE(parsed.size(), std::size_t(6));
        std::vector<std::string> header = flowCsvHeader();
        const auto column = [&](std::string_view name) {
            return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
        };
        const auto cellsOf = [&](std::string_view name) {
            QStringList values;
            for (const auto &row : parsed)
                values << row.at(column(name)).value_or(QStringLiteral("<absent>"));
            return values;
        };
        // In time order: the epoch record first, the NODATA one at its start.
        QCOMPARE(cellsOf("start"), QStringList({"0", "86400", "1700000000", "1700000000", "1700000000", "1700000050"}));
        QCOMPARE(cellsOf("start_utc").mid(0, 2), QStringList({"1970-01-01T00:00:00Z", "1970-01-02T00:00:00Z"}));
        QCOMPARE(cellsOf("end_utc").mid(0, 2), QStringList({"1970-01-01T23:59:59Z", "2000-02-29T00:00:00Z"}));
        QCOMPARE(cellsOf("packets").at(0), QStringLiteral("9223372036854775807"));
        QCOMPARE(cellsOf("srcport").at(0), QStringLiteral("0"));
        QVERIFY(cellsOf("pkt-dstaddr").contains(QStringLiteral("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
        QVERIFY(cellsOf("dstaddr").contains(QStringLiteral("2001:db8::1:0:0:9")));
        QCOMPARE(cellsOf("srcaddr").at(5), QStringLiteral("<absent>"));
        QVERIFY(cellsOf("account-id").contains(QStringLiteral("<absent>")));
        QVERIFY(cellsOf("subnet-id").contains(QStringLiteral("say\"hi\",twice")));
        const bool raw = cells == CsvCells::Raw;
        QVERIFY(cellsOf("ecs-service-name").contains(raw ? QStringLiteral("=cmd|'/C+calc'!A0")
                                                         : QStringLiteral("'=cmd|'/C+calc'!A0")));
        QVERIFY(cellsOf("vpc-id").contains(raw ? QStringLiteral("-vpc") : QStringLiteral("'-vpc")));
        QVERIFY(cellsOf("ecs-cluster-name").contains(raw ? QStringLiteral("+1") : QStringLiteral("'+1")));
        // A number, never neutralised.
        QVERIFY(cellsOf("ecs-container-instance-arn").contains(QStringLiteral("-5")));
        QVERIFY(cellsOf("_file").at(0).endsWith(QStringLiteral("edge \"values\", one.log")));
    }
};

QTEST_GUILESS_MAIN(TestFlowCsvRows)
#include "tst_flowcsvrows.moc"
