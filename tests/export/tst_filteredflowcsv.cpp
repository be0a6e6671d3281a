// SPDX-License-Identifier: GPL-3.0-or-later
// A filtered export of the records tests the filter on its own columns
// first and decodes the other columns for the matches alone, as the
// table's filtered pages do: its CSV is, byte for byte, the CSV of the
// same scan testing whole records, on random cases (IPv4 and IPv6
// addresses, CIDR blocks, ports, rejects, absent values, NODATA records,
// blocks overlapping in time, two files) and filters matching some, none
// or all of the records.

#include "export/case_csv_export.h"
#include "export/flow_csv_rows.h"

#include "ingest/case_importer.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "store/flow_pager.h"

#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <random>

using namespace flowscope;

namespace {

constexpr int kRecordsPerFile = 7000; // two files: four blocks, in no time order

QByteArray randomLog(std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    auto below = [&](std::uint64_t n) { return random() % n; };
    auto number = [](std::uint64_t n) { return QByteArray::number(static_cast<qulonglong>(n)); };
    auto address = [&]() -> QByteArray {
        switch (below(6)) {
        case 0: return "2001:db8::" + QByteArray::number(static_cast<qulonglong>(below(40)), 16);
        case 1: return "2001:db8:1::" + QByteArray::number(static_cast<qulonglong>(below(40)), 16);
        case 2: return "203.0.113." + number(below(250));
        case 3: return below(20) == 0 ? QByteArray("-") : "10.0." + number(below(4)) + '.' + number(below(10));
        default: return "10.0." + number(below(4)) + '.' + number(below(250));
        }
    };
    static const std::uint64_t kPorts[] = {22, 80, 443, 3306, 3389, 8080};
    auto port = [&]() -> QByteArray {
        if (below(40) == 0)
            return "-";
        return number(below(3) == 0 ? 1024 + below(64000) : kPorts[below(std::size(kPorts))]);
    };
    static const char *const kFlags[] = {"2", "18", "19", "3", "0"};
    QByteArray out = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
                     "action log-status tcp-flags pkt-srcaddr pkt-dstaddr flow-direction\n";
    const std::int64_t base = 1773100800;
    for (int i = 0; i < kRecordsPerFile; ++i) {
        const std::int64_t start = base + static_cast<std::int64_t>(below(6 * 3600));
        const QByteArray times = QByteArray::number(start) + ' ' + QByteArray::number(start + static_cast<std::int64_t>(below(600)));
        const QByteArray eni = "5 123456789010 eni-" + number(below(6)) + ' ';
        if (below(30) == 0) {
            out += eni + "- - - - - - - " + times + " - NODATA - - - -\n";
            continue;
        }
        const QByteArray src = address();
        out += eni + src + ' ' + address() + ' ' + port() + ' ' + port() + ' ' + (below(4) == 0 ? "17" : "6") + ' '
            + (below(30) == 0 ? QByteArray("-") : number(1 + below(5000))) + ' '
            + (below(30) == 0 ? QByteArray("-") : number(40 + below(3000000))) + ' ' + times + ' '
            + (below(5) == 0 ? "REJECT" : "ACCEPT") + " OK " + kFlags[below(std::size(kFlags))] + ' '
            + (below(4) == 0 ? address() : src) + ' ' + address() + ' ' + (below(2) ? "ingress" : "egress") + '\n';
    }
    return out;
}

CsvWriter::Sink into(QByteArray &out)
{
    return [&out](std::string_view text) {
        out.append(text.data(), static_cast<qsizetype>(text.size()));
        return true;
    };
}

// The records' CSV as the export wrote it before: every column of every
// candidate record decoded, then the filter tested on the whole record.
QByteArray wholeRecordsTested(CaseDb &caseDb, const CaseFilter &filter, std::int64_t &rows)
{
    QByteArray out;
    rows = 0;
    {
        CsvWriter writer(into(out));
        writer.header(flowCsvHeader());
        FlowPager pager(caseDb);
        FlowCsvRows csvRows(pager.decoder(), writer);
        RecordTest whole;
        whole.accept = filter.matchesEverything() ? RecordPredicate([](const EncodedFlow &) { return true; })
                                                  : filter.predicate();
        pager.forEachMatchingStored(whole, filter.blocks(), [&](const EncodedFlow &flow, std::int64_t, const std::string &file) {
            csvRows.write(flow, file);
            ++rows;
            return true;
        });
    }
    return out;
}

} // namespace

class TestFilteredFlowCsv : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<CaseDb>> m_cases;
    std::int64_t m_records = 0; // of each case

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (std::uint64_t seed : {1, 2, 3}) {
            std::vector<std::filesystem::path> logs;
            for (int file = 0; file < 2; ++file) {
                const QString log = m_dir.filePath(QStringLiteral("case%1-%2.log").arg(seed).arg(file));
                test::writeFile(log, randomLog(seed * 10 + static_cast<std::uint64_t>(file)));
                logs.push_back(log.toStdString());
            }
            auto caseDb = CaseDb::open(m_dir.filePath(QStringLiteral("case%1.flowcase").arg(seed)).toStdString(),
                                       CaseDb::Mode::CreateIfMissing);
            const auto imported = CaseImporter(*caseDb).run(logs, {});
            QCOMPARE(imported.records, std::uint64_t{2 * kRecordsPerFile});
            m_cases.push_back(std::move(caseDb));
        }
        m_records = 2 * kRecordsPerFile;
    }

    void sameAsTestingWholeRecords_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("matches"); // some, none or all
        QTest::newRow("address") << "srcaddr == 10.0.1.5" << "some";
        QTest::newRow("either address, CIDR") << "addr == 10.0.2.0/24" << "some";
        QTest::newRow("CIDR and reject") << "dstaddr == 10.0.0.0/16 and action == reject" << "some";
        QTest::newRow("IPv6 CIDR") << "srcaddr == 2001:db8::/32" << "some";
        QTest::newRow("IPv6 address") << "dstaddr == 2001:db8:1::7" << "some";
        QTest::newRow("IPv6 /48 or a port") << "addr == 2001:db8:1::/48 or dstport == 22" << "some";
        QTest::newRow("not an IPv6 block") << "srcaddr != 2001:db8::/32" << "some";
        QTest::newRow("packet address") << "pkt-srcaddr == 203.0.113.0/24" << "some";
        QTest::newRow("selective port") << "dstport == 3306" << "some";
        QTest::newRow("ports and ranges") << "port in {22, 3389, 8000..8999}" << "some";
        QTest::newRow("not a port") << "not dstport == 443" << "some";
        QTest::newRow("rejects") << "action == reject" << "some";
        QTest::newRow("bytes and protocol") << "bytes > 1MB and protocol == tcp" << "some";
        QTest::newRow("tcp flags") << "tcp-flags has syn and flow-direction == egress" << "some";
        QTest::newRow("NODATA") << "log-status == nodata" << "some";
        QTest::newRow("time window") << "time >= 2026-03-10T01:00Z and time < 2026-03-10T02:00Z" << "some";
        QTest::newRow("interface text") << "interface-id == eni-3" << "some";
        QTest::newRow("interface and port") << "eni == eni-2 and dstport == 3306" << "some";
        QTest::newRow("no match") << "dstport == 1" << "none";
        QTest::newRow("no match, address") << "addr == 192.0.2.1" << "none";
        QTest::newRow("all match") << "version == 5" << "all";
        QTest::newRow("all match, time") << "time >= 2020-01-01T00:00Z" << "all";
        QTest::newRow("no filter") << "" << "all";
    }

    void sameAsTestingWholeRecords()
    {
        QFETCH(QString, filter);
        QFETCH(QString, matches);
        for (const auto &caseDb : m_cases) {
            const auto compiled = CaseFilter::compile(*caseDb, filter.toStdString());
            QVERIFY(std::holds_alternative<std::shared_ptr<const CaseFilter>>(compiled));
            const CaseFilter &caseFilter = *std::get<std::shared_ptr<const CaseFilter>>(compiled);
            std::int64_t expectedRows = 0;
            const QByteArray expected = wholeRecordsTested(*caseDb, caseFilter, expectedRows);
            QByteArray out;
            std::int64_t rows = 0;
            {
                CsvWriter writer(into(out));
                rows = writeFlowsCsv(*caseDb, caseFilter, writer);
            }
            QCOMPARE(rows, expectedRows);
            QCOMPARE(out.size(), expected.size());
            QVERIFY(out == expected);
            if (matches == QLatin1String("none"))
                QCOMPARE(rows, std::int64_t{0});
            else if (matches == QLatin1String("all"))
                QCOMPARE(rows, m_records);
            else
                QVERIFY2(rows > 0 && rows < m_records, qPrintable(QString::number(rows)));
        }
    }
};

QTEST_GUILESS_MAIN(TestFilteredFlowCsv)
#include "tst_filteredflowcsv.moc"
