// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-cli export --what flows of a filter matching millions of records:
// the CSV streamed out of the process is read back whole with libcsv as it
// arrives (every row counted, a few rows anywhere compared with the records
// generated), the process's peak resident memory grows far less than the
// CSV it writes, and a filter matching nothing writes the header alone.

#include "cli_process.h"
#include "csv_stream.h"

#include "export/case_csv_export.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

using flowscope::test::CsvStream;

constexpr std::int64_t kRecords = 2'000'000;
constexpr std::int64_t kFirstStart = 1700000000;
constexpr std::int64_t kPerSecond = 300;
const char *const kFields = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start "
                            "end action log-status";

// The generated records: 300 a second in file order, over about two hours,
// from 300 interfaces and a few thousand addresses (a busy estate's hour,
// cheap to import); every tenth a REJECT, every thousandth a NODATA record
// with its values absent, one in fifty from an IPv6 address.
struct Generated {
    std::int64_t index;

    bool nodata() const { return index % 1000 == 999; }
    bool accepted() const { return !nodata() && index % 10 != 3; }
    std::string interface() const
    {
        char text[32];
        std::snprintf(text, sizeof text, "eni-0a1b2c3d4e5f%04lld", static_cast<long long>(index % 300));
        return text;
    }
    std::string srcaddr() const
    {
        if (index % 50 == 7)
            return "2001:db8::" + std::to_string(index % 90 + 10);
        return "10.0." + std::to_string(index / 3 % 8) + '.' + std::to_string(index % 250);
    }
    std::string dstaddr() const { return "198.51.100." + std::to_string(index % 200); }
    int srcport() const { return 1024 + static_cast<int>(index % 60000); }
    int dstport() const
    {
        static const int ports[] = {443, 80, 22, 53, 3389};
        return ports[index % 5];
    }
    int protocol() const { return dstport() == 53 ? 17 : 6; }
    std::int64_t packets() const { return 1 + index % 9; }
    std::int64_t bytes() const { return 40 + index % 5000 * 3; }
    std::int64_t start() const { return kFirstStart + index / kPerSecond; }
    std::int64_t end() const { return start() + 60 - index % 30; }

    std::string line() const
    {
        const std::string times = std::to_string(start()) + ' ' + std::to_string(end());
        if (nodata())
            return "2 123456789012 " + interface() + " - - - - - - - " + times + " - NODATA\n";
        return "2 123456789012 " + interface() + ' ' + srcaddr() + ' ' + dstaddr() + ' ' + std::to_string(srcport()) + ' '
            + std::to_string(dstport()) + ' ' + std::to_string(protocol()) + ' ' + std::to_string(packets()) + ' '
            + std::to_string(bytes()) + ' ' + times + (accepted() ? " ACCEPT OK\n" : " REJECT OK\n");
    }

    // The export's cells by column name; the columns not named are empty.
    std::map<QString, QString> cells(const QString &file) const
    {
        const auto iso = [](std::int64_t t) { return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate); };
        std::map<QString, QString> cells{
            {"version", "2"},
            {"account-id", "123456789012"},
            {"interface-id", QString::fromStdString(interface())},
            {"start", QString::number(start())},
            {"start_utc", iso(start())},
            {"end", QString::number(end())},
            {"end_utc", iso(end())},
            {"log-status", nodata() ? "NODATA" : "OK"},
            {"_file", file},
            {"_line", QString::number(index + 2)}, // after the header line
        };
        if (!nodata()) {
            cells.insert({{"srcaddr", QString::fromStdString(srcaddr())},
                          {"dstaddr", QString::fromStdString(dstaddr())},
                          {"srcport", QString::number(srcport())},
                          {"dstport", QString::number(dstport())},
                          {"protocol", QString::number(protocol())},
                          {"packets", QString::number(packets())},
                          {"bytes", QString::number(bytes())},
                          {"action", accepted() ? "ACCEPT" : "REJECT"}});
        }
        return cells;
    }
};

// The records the filter `action == accept` keeps among the first `records` generated.
std::int64_t matchesAmong(std::int64_t records)
{
    std::int64_t matches = 0;
    for (std::int64_t i = 0; i < std::min(records, kRecords); ++i)
        matches += Generated{i}.accepted() ? 1 : 0;
    return matches;
}

void writeRecords(const QString &path)
{
    std::FILE *out = std::fopen(path.toLocal8Bit().constData(), "wb");
    QVERIFY(out);
    std::string chunk = std::string(kFields) + '\n';
    for (std::int64_t i = 0; i < kRecords; ++i) {
        chunk += Generated{i}.line();
        if (chunk.size() > (1 << 22) || i + 1 == kRecords) {
            QCOMPARE(std::fwrite(chunk.data(), 1, chunk.size(), out), chunk.size());
            chunk.clear();
        }
    }
    QCOMPARE(std::fclose(out), 0);
}

struct StreamedRun {
    int exitCode = -1;
    long peakResidentKb = 0; // the child's, from wait4
};

// Runs flowscope-cli with `args`, its standard output read into `csv` as it
// comes (the pipe holds 64 KB: a process that held its output back would
// show it in its peak memory, not in the pipe).
StreamedRun runStreamed(const QStringList &args, CsvStream &csv)
{
    StreamedRun run;
    int pipeEnds[2];
    if (pipe(pipeEnds) != 0)
        return run;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0]);
    posix_spawn_file_actions_addclose(&actions, pipeEnds[1]);
    std::vector<QByteArray> texts{QByteArrayLiteral(FLOWSCOPE_CLI)};
    for (const QString &arg : args)
        texts.push_back(arg.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &text : texts)
        argv.push_back(text.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, FLOWSCOPE_CLI, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipeEnds[1]);
    if (spawned == 0) {
        std::vector<char> buffer(1 << 20);
        for (;;) {
            const ssize_t got = read(pipeEnds[0], buffer.data(), buffer.size());
            if (got <= 0)
                break;
            csv.feed(buffer.data(), static_cast<std::size_t>(got));
        }
        csv.finish();
        int status = 0;
        rusage usage{};
        if (wait4(pid, &status, 0, &usage) == pid && WIFEXITED(status)) {
            run.exitCode = WEXITSTATUS(status);
            run.peakResidentKb = usage.ru_maxrss;
        }
    }
    close(pipeEnds[0]);
    return run;
}

QStringList header()
{
    QStringList names;
    for (const std::string &name : flowscope::flowCsvHeader())
        names << QString::fromStdString(name);
    return names;
}

} // namespace

class TestCliExportMillions : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_log;
    QString m_case;
    long m_emptyExportPeakKb = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // The export of a filter matching nothing: the header alone, and the
    // process's peak memory when it writes nothing.
    long exportNothing()
    {
        CsvStream csv([](std::int64_t) { return true; });
        const StreamedRun run = runStreamed({"export", m_case, "--what", "flows", "srcaddr == 192.0.2.1", "--out", "-"}, csv);
        [&] {
            QCOMPARE(run.exitCode, 0);
            QCOMPARE(csv.rows(), std::int64_t(1));
            QCOMPARE(csv.kept().size(), std::size_t(1));
            QStringList cells;
            for (const auto &cell : csv.kept().at(0))
                cells << cell.value_or(QString());
            QCOMPARE(cells, header());
            QVERIFY(run.peakResidentKb > 0);
        }();
        return run.peakResidentKb;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_log = path(QStringLiteral("millions.log"));
        writeRecords(m_log);
        m_case = path(QStringLiteral("millions.flowcase"));
        const auto imported = flowscope::test::runCli(QStringLiteral(FLOWSCOPE_CLI), {QStringLiteral("import"), m_case, m_log});
        QCOMPARE(imported.exitCode, 0);
        QFile::remove(m_log); // the case holds the records now
    }

    void noMatchWritesTheHeaderAlone()
    {
        m_emptyExportPeakKb = exportNothing();
    }

    void millionsOfMatchesStreamedWhole()
    {
        if (m_emptyExportPeakKb == 0)
            m_emptyExportPeakKb = exportNothing();
        QVERIFY(!QTest::currentTestFailed());
        const QString filter = QStringLiteral("action == accept");
        const auto counted = flowscope::test::runCli(QStringLiteral(FLOWSCOPE_CLI), {"count", m_case, filter});
        QCOMPARE(counted.exitCode, 0);
        const std::int64_t count = counted.out.trimmed().toLongLong();
        QCOMPARE(count, matchesAmong(kRecords));
        QVERIFY(count > 1'500'000);

        // The first and last rows, and some spread over the file in between.
        std::set<std::int64_t> sampled{1, 2, count - 1, count};
        for (std::int64_t row = 7919; row < count; row += count / 7 + 104729)
            sampled.insert(row);
        CsvStream csv([&](std::int64_t row) { return row == 0 || sampled.count(row) > 0; });
        const StreamedRun run = runStreamed({"export", m_case, "--what", "flows", filter, "--out", "-"}, csv);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(csv.rows(), count + 1); // and the header
        QCOMPARE(csv.raggedRows(), std::int64_t(0));

        QStringList columns;
        for (const auto &cell : csv.kept().at(0))
            columns << cell.value_or(QString());
        QCOMPARE(columns, header());
        const auto line = columns.indexOf(QStringLiteral("_line"));
        for (const std::int64_t row : sampled) {
            const auto &cells = csv.kept().at(row);
            const std::int64_t index = cells.at(line)->toLongLong() - 2; // record i is at line i + 2 of the log
            QVERIFY(index >= 0 && index < kRecords);
            // In time order: after the matches of earlier seconds, among those of its own.
            const std::int64_t second = index / kPerSecond;
            QVERIFY(matchesAmong(second * kPerSecond) < row);
            QVERIFY(row <= matchesAmong((second + 1) * kPerSecond));
            const Generated record{index};
            QVERIFY(record.accepted());
            const auto expected = record.cells(m_log);
            for (qsizetype c = 0; c < columns.size(); ++c) {
                const auto it = expected.find(columns[c]);
                QCOMPARE(cells.at(c), it == expected.end() ? std::nullopt : std::optional(it->second));
            }
        }

        // Streamed: what the export adds to the process's peak is a small part of what it writes.
        const double grownBytes = double(run.peakResidentKb - m_emptyExportPeakKb) * 1024;
        qInfo("CSV %.0f MB, peak resident %ld KB (%ld KB exporting nothing)", double(csv.bytes()) / 1e6,
              run.peakResidentKb, m_emptyExportPeakKb);
        QVERIFY(csv.bytes() > 100'000'000);
        QVERIFY2(grownBytes < double(csv.bytes()) / 4, "the export held its output in memory");
    }
};

QTEST_GUILESS_MAIN(TestCliExportMillions)
#include "tst_cliexportmillions.moc"
