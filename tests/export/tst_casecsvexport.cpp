// SPDX-License-Identifier: GPL-3.0-or-later
// A case's records, statistics and reject explanations as CSV, read back
// with libcsv: every match of a filter (none, a few, many) in time order,
// with the values the case holds, and a file written whole or not at all,
// a failed write included.

#include "export/case_csv_export.h"
#include "export/csv_file.h"

#include "analysis/traffic_stats.h"
#include "format/field_catalog.h"
#include "ingest/case_importer.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "store/flow_reader.h"

#include "csv_parse.h"
#include "test_files.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <csignal>

using namespace flowscope;

namespace {

using Rows = std::vector<std::vector<std::optional<QString>>>;

constexpr int kManyRecords = 30000;

std::shared_ptr<const CaseFilter> compiled(CaseDb &caseDb, const std::string &expression)
{
    return std::get<std::shared_ptr<const CaseFilter>>(CaseFilter::compile(caseDb, expression));
}

Rows exported(const std::function<void(CsvWriter &)> &write, CsvCells cells = CsvCells::Neutralised)
{
    QByteArray out;
    {
        CsvWriter writer([&](std::string_view text) {
            out.append(text.data(), static_cast<qsizetype>(text.size()));
            return true;
        },
                         cells);
        write(writer);
    }
    return test::parseCsv(out);
}

std::optional<QString> expectedCell(const FieldValue &value)
{
    if (const auto *number = std::get_if<std::int64_t>(&value))
        return QString::number(*number);
    if (const auto *text = std::get_if<std::string>(&value))
        return QString::fromStdString(*text);
    return std::nullopt;
}

} // namespace

class TestCaseCsvExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_small;
    std::unique_ptr<CaseDb> m_many;

    std::unique_ptr<CaseDb> import(const QString &name, const QByteArray &lines, std::uint64_t records)
    {
        const QString log = m_dir.filePath(name + QStringLiteral(".log"));
        test::writeFile(log, lines);
        auto caseDb = CaseDb::open(m_dir.filePath(name + QStringLiteral(".flowcase")).toStdString(),
                                   CaseDb::Mode::CreateIfMissing);
        [&] { QCOMPARE(CaseImporter(*caseDb).run({log.toStdString()}, {}).records, records); }();
        return caseDb;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // IPv6, absent values (NODATA), a text field holding a formula (flow logs
        // separate fields by spaces, so a value holds none).
        m_small = import(QStringLiteral("small"),
                         "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
                         "action log-status ecs-service-name\n"
                         "5 123456789010 eni-a 2001:db8::7 2001:db8::1:9 40000 443 6 1 100 1700000100 1700000160 ACCEPT OK =cmd|'/C+calc'!A0\n"
                         "5 123456789010 eni-a 10.0.0.1 10.0.0.2 40001 443 6 2 200 1700000000 1700000060 ACCEPT OK web\n"
                         "5 123456789010 eni-b 10.0.0.2 10.0.0.1 443 40000 6 3 50 1700000200 1700000260 REJECT OK -\n"
                         "5 123456789010 eni-c - - - - - - - 1700000050 1700000600 - NODATA -\n",
                         4);
        QByteArray many;
        for (int i = 0; i < kManyRecords; ++i)
            many += QStringLiteral("2 111111111111 eni-%1 10.0.%2.%3 198.51.100.%4 %5 443 6 1 100 %6 %7 %8 OK\n")
                        .arg(i % 3)
                        .arg(i / 250 % 250)
                        .arg(i % 250)
                        .arg(i % 7)
                        .arg(40000 + i % 20000)
                        .arg(1700000000 + (i * 7919) % kManyRecords) // not in time order in the file
                        .arg(1700000060 + (i * 7919) % kManyRecords)
                        .arg(i % 5 == 0 ? QStringLiteral("REJECT") : QStringLiteral("ACCEPT"))
                        .toUtf8();
        m_many = import(QStringLiteral("many"), many, kManyRecords);
    }

    void flowsHoldTheCaseValues_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("every record") << "";
        QTest::newRow("ipv6") << "srcaddr == 2001:db8::/32";
        QTest::newRow("none") << "dstport == 1";
    }

    void flowsHoldTheCaseValues()
    {
        QFETCH(QString, filter);
        const auto caseFilter = compiled(*m_small, filter.toStdString());
        const Rows rows = exported([&](CsvWriter &w) { writeFlowsCsv(*m_small, *caseFilter, w); }, CsvCells::Raw);
        QVERIFY(!rows.empty());
        std::vector<std::optional<QString>> header;
        for (const std::string &name : flowCsvHeader())
            header.emplace_back(QString::fromStdString(name));
        QCOMPARE(rows[0], header);

        FlowReader reader(*m_small);
        std::vector<std::vector<std::optional<QString>>> expected;
        reader.forEachMatchingInTimeOrder(-1, caseFilter->predicate(), caseFilter->blocks(), [&](const FlowRow &row) {
            std::vector<std::optional<QString>> cells;
            for (const FieldInfo &info : allFields()) {
                cells.push_back(expectedCell(row.value(info.field)));
                if (info.field == Field::Start || info.field == Field::End) {
                    const auto *epoch = std::get_if<std::int64_t>(&row.value(info.field));
                    cells.push_back(epoch ? std::optional(QDateTime::fromSecsSinceEpoch(*epoch, Qt::UTC).toString(Qt::ISODate))
                                          : std::nullopt);
                }
            }
            cells.emplace_back(QString::fromStdString(row.file));
            cells.emplace_back(QString::number(row.line));
            expected.push_back(std::move(cells));
            return true;
        });
        QCOMPARE(Rows(rows.begin() + 1, rows.end()), expected);
        if (filter.isEmpty()) {
            QCOMPARE(rows.size(), std::size_t(5));
            // The NODATA record: absent values are empty cells.
            const auto srcaddr = std::find(header.begin(), header.end(), QStringLiteral("srcaddr")) - header.begin();
            QVERIFY(std::any_of(rows.begin() + 1, rows.end(), [&](const auto &row) { return !row[srcaddr]; }));
        }
    }

    void formulasAreNeutralised()
    {
        const Rows rows = exported([&](CsvWriter &w) { writeFlowsCsv(*m_small, *compiled(*m_small, ""), w); });
        const auto header = rows[0];
        const auto column = std::find(header.begin(), header.end(), QStringLiteral("ecs-service-name")) - header.begin();
        QStringList names;
        for (auto row = rows.begin() + 1; row != rows.end(); ++row)
            names << (*row)[column].value_or(QString());
        QVERIFY(names.contains(QStringLiteral("'=cmd|'/C+calc'!A0")));
        QVERIFY(names.contains(QStringLiteral("web")));
    }

    void manyMatchesAllInTimeOrder_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("every record") << "";
        QTest::newRow("rejects") << "action == reject";
        QTest::newRow("nothing") << "srcaddr == 192.0.2.1";
    }

    void manyMatchesAllInTimeOrder()
    {
        QFETCH(QString, filter);
        const auto caseFilter = compiled(*m_many, filter.toStdString());
        std::int64_t matches = 0;
        FlowReader(*m_many).forEachMatchingInTimeOrder(-1, caseFilter->predicate(), caseFilter->blocks(),
                                                        [&](const FlowRow &) { return ++matches > 0; });
        std::int64_t written = 0;
        const Rows rows = exported([&](CsvWriter &w) { written = writeFlowsCsv(*m_many, *caseFilter, w); });
        QCOMPARE(written, matches);
        QCOMPARE(std::int64_t(rows.size()), matches + 1);
        const auto header = rows[0];
        const auto start = std::find(header.begin(), header.end(), QStringLiteral("start")) - header.begin();
        for (std::size_t i = 2; i < rows.size(); ++i)
            QVERIFY(rows[i - 1][start]->toLongLong() <= rows[i][start]->toLongLong());
    }

    void conversationsAreEveryKey()
    {
        const auto filter = compiled(*m_many, "action == reject");
        const Rows rows = exported([&](CsvWriter &w) {
            writeConversationsCsv(*m_many, *filter, ConversationKey::Addresses, w);
        });
        StatsQuery query;
        query.top = std::numeric_limits<std::size_t>::max();
        query.accept = filter->predicate();
        query.blocks = filter->blocks();
        const auto stats = conversationStats(*m_many, ConversationKey::Addresses, query);
        QVERIFY(stats.rows.size() > 1000); // more than the Statistics tab shows
        QCOMPARE(rows.size(), stats.rows.size() + 1);
        QCOMPARE(rows[0].front(), QStringLiteral("address_a"));
        for (std::size_t i = 0; i < stats.rows.size(); ++i) {
            QCOMPARE(rows[i + 1][0], QString::fromStdString(stats.rows[i].a.toString()));
            QCOMPARE(rows[i + 1][6], QString::number(stats.rows[i].totals.rejects));
            QCOMPARE(rows[i + 1][8], QDateTime::fromSecsSinceEpoch(*stats.rows[i].totals.firstSeen, Qt::UTC).toString(Qt::ISODate));
        }
    }

    void endpointsAreEveryKey()
    {
        const Rows rows = exported([&](CsvWriter &w) {
            writeEndpointsCsv(*m_many, *compiled(*m_many, ""), EndpointKey::Interface, w);
        });
        QCOMPARE(rows.size(), std::size_t(4));
        QCOMPARE(rows[0].front(), QStringLiteral("interface-id"));
        std::int64_t flows = 0;
        for (std::size_t i = 1; i < rows.size(); ++i)
            flows += rows[i][1]->toLongLong();
        QCOMPARE(flows, std::int64_t(kManyRecords));
    }

    void explanationsPerRecordAndGrouped()
    {
        const auto filter = compiled(*m_small, "");
        const Rows perRecord = exported([&](CsvWriter &w) { writeExplanationsCsv(*m_small, *filter, {}, w); });
        QCOMPARE(perRecord.size(), std::size_t(2)); // the one REJECT
        QCOMPARE(perRecord[1][2], QStringLiteral("10.0.0.2"));
        QVERIFY(perRecord[1][9].has_value()); // a verdict
        const Rows grouped = exported([&](CsvWriter &w) { writeRejectGroupsCsv(*m_small, *filter, {}, w); });
        QCOMPARE(grouped.size(), std::size_t(2));
        QCOMPARE(grouped[1][0], QStringLiteral("1"));
        QCOMPARE(grouped[1][1], perRecord[1][9]);
    }

    // A scanning source's requests are one group, told by its summary rather than a port.
    void scanGroupCarriesItsSummary()
    {
        QByteArray lines = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start "
                           "end action log-status tcp-flags\n";
        for (int port = 1; port <= 25; ++port)
            lines += "5 123456789010 eni-s 198.51.100.7 10.0.1.5 44000 " + QByteArray::number(port) + " 6 1 44 "
                   + QByteArray::number(1700000000 + port) + ' ' + QByteArray::number(1700000001 + port) + " REJECT OK 2\n";
        lines += "5 123456789010 eni-s 203.0.113.9 10.0.1.5 45000 22 6 1 44 1700000100 1700000101 REJECT OK 2\n";
        const auto caseDb = import(QStringLiteral("scan"), lines, 26);
        const Rows grouped = exported([&](CsvWriter &w) { writeRejectGroupsCsv(*caseDb, *compiled(*caseDb, ""), {}, w); });
        QCOMPARE(grouped.size(), std::size_t(3));
        QCOMPARE(grouped[0].back(), QStringLiteral("scan"));
        QCOMPARE(grouped[0][7], QStringLiteral("port"));
        QCOMPARE(grouped[1][0], QStringLiteral("25"));
        QVERIFY(!grouped[1][7].has_value()); // many ports: none to name
        QVERIFY2(grouped[1].back().value_or(QString()).contains(QStringLiteral("198.51.100.7")),
                 qPrintable(grouped[1].back().value_or(QStringLiteral("(absent)"))));
        QCOMPARE(grouped[2][7], QStringLiteral("22"));
        QVERIFY(!grouped[2].back().has_value()); // no scan
    }

    void cancelledExportLeavesNoFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("cancelled.csv"));
        test::writeFile(path, "an older export\n");
        {
            CsvFile file(path);
            QVERIFY(file.open());
            CsvWriter writer(file.sink(), CsvCells::Neutralised, 256);
            QVERIFY_THROWS_EXCEPTION(CsvExportStopped, writeFlowsCsv(*m_many, *compiled(*m_many, ""), writer,
                                                                     [](std::int64_t rows) { return rows >= 8192; }));
        }
        QFile older(path);
        QVERIFY(older.open(QIODevice::ReadOnly));
        QCOMPARE(older.readAll(), QByteArray("an older export\n"));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("cancelled.csv*")}, QDir::Files | QDir::Hidden).size(), 1);
    }

    // A write that fails halfway (here the process's file size limit, as a
    // full disk would): the writing thread's error names the file, the
    // export stops, and neither the partial file nor its temporary is left.
    void failedWriteLeavesNoFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("too-large.csv"));
        test::writeFile(path, "an older export\n");
        rlimit before{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &before), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG rather than the signal
        rlimit limit = before;
        limit.rlim_cur = 64 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limit), 0);
        std::int64_t rows = 0;
        bool committed = true;
        QString error;
        {
            CsvFile file(path);
            if (file.open()) {
                {
                    CsvWriter writer(file.sink(), CsvCells::Neutralised, 4096);
                    rows = writeFlowsCsv(*m_many, *compiled(*m_many, ""), writer);
                }
                committed = file.commit();
                error = file.error();
            }
        }
        setrlimit(RLIMIT_FSIZE, &before);
        std::signal(SIGXFSZ, oldHandler);
        QVERIFY(!committed);
        QVERIFY2(error.contains(path) && error.contains(QStringLiteral("write failed")), qPrintable(error));
        QVERIFY2(rows < kManyRecords, qPrintable(QString::number(rows))); // it stopped early
        QFile older(path);
        QVERIFY(older.open(QIODevice::ReadOnly));
        QCOMPARE(older.readAll(), QByteArray("an older export\n"));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("too-large.csv*")}, QDir::Files | QDir::Hidden).size(), 1);
    }

    void unwritableFileSaysWhy()
    {
        const QString path = m_dir.filePath(QStringLiteral("no-such-folder/out.csv"));
        CsvFile file(path);
        QVERIFY(!file.open());
        QVERIFY(file.error().contains(path));
        CsvFile folder(m_dir.path());
        QVERIFY(!folder.open());
        QVERIFY(folder.error().contains(QStringLiteral("folder")));
    }

    void committedFileIsTheExport()
    {
        const QString path = m_dir.filePath(QStringLiteral("done.csv"));
        CsvFile file(path);
        QVERIFY(file.open());
        {
            CsvWriter writer(file.sink());
            QCOMPARE(writeFlowsCsv(*m_small, *compiled(*m_small, ""), writer), std::int64_t(4));
        }
        QVERIFY(file.commit());
        QFile done(path);
        QVERIFY(done.open(QIODevice::ReadOnly));
        QCOMPARE(test::parseCsv(done.readAll()).size(), std::size_t(5));
    }
};

QTEST_GUILESS_MAIN(TestCaseCsvExport)
#include "tst_casecsvexport.moc"
