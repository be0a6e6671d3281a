// SPDX-License-Identifier: GPL-3.0-or-later
// The case's findings and incident timeline as CSV, read back with libcsv:
// every stored finding and every star, tag and note with the values the
// case holds (compared with what the stores load, not with numbers written
// here), times as epoch seconds beside ISO 8601 UTC, and an analyst's
// hostile note neutralised for spreadsheets unless raw, kept as written.

#include "export/incident_csv_export.h"

#include "detect/finding_store.h"
#include "incident/incident_timeline.h"
#include "incident/note.h"
#include "incident/record_star.h"
#include "incident/record_tag.h"
#include "store/case_db.h"

#include "csv_parse.h"
#include "incident_case.h"

#include <QTemporaryDir>
#include <cmath>
#include <QTest>

using namespace flowscope;

namespace {

using Rows = std::vector<std::vector<std::optional<QString>>>;

const QString kHostileNote = QStringLiteral("=cmd|' /C calc'!A0\n<b>bold?</b> abc\u202Edef");

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

QStringList header(const std::vector<std::string> &names)
{
    QStringList out;
    for (const std::string &name : names)
        out << QString::fromStdString(name);
    return out;
}

QStringList cellsOf(const std::vector<std::optional<QString>> &row)
{
    QStringList out;
    for (const auto &cell : row)
        out << cell.value_or(QStringLiteral("<absent>"));
    return out;
}

QString iso(std::int64_t epoch)
{
    return QString::fromStdString(isoUtcTime(epoch));
}

} // namespace

class TestIncidentCsvExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;
    std::vector<std::int64_t> m_ids;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const std::string file = m_dir.filePath(QStringLiteral("c.flowcase")).toStdString();
        m_ids = test::makeSmallCase(file);
        m_case = CaseDb::open(file, CaseDb::Mode::ReadWrite);
        incident::RecordStars(*m_case).star({m_ids[1]}, "j.okafor");
        incident::RecordTags(*m_case).add(m_ids[3], {"c2", "exfil"}, "a.lind");
        incident::Notes notes(*m_case);
        notes.add(m_ids[1], kHostileNote.toStdString(), "a.lind");
        notes.add(std::nullopt, "+SUM(A1:A9)", "@j.okafor");

        Finding scan;
        scan.id = "port-scan-1";
        scan.type = "port-scan";
        scan.severity = Severity::High;
        scan.title = "10.0.0.5 probed 3 ports, 2001:db8::1";
        scan.src = IpAddress::parse("10.0.0.5");
        scan.dst = IpAddress::parse("2001:db8::1");
        scan.dstPort = 22;
        scan.protocol = 6;
        scan.interfaceId = "eni-a";
        scan.start = 1700000000;
        scan.end = 1700000123;
        scan.records = 3;
        scan.bytes = 4096;
        scan.evidenceFilter = "srcaddr == 10.0.0.5 and dstport == 22";
        Finding beacon;
        beacon.id = "beaconing-1";
        beacon.type = "beaconing";
        beacon.title = "-beacon \"every\" minute";
        beacon.start = 1700000100;
        beacon.end = 1700000200;
        beacon.records = 12;
        beacon.periodSeconds = 59.96;
        beacon.evidenceFilter = "srcaddr == 10.0.0.9";
        storeFindings(*m_case, {"port-scan", "beaconing"}, {"port-scan", 1700001000, "", "", 5}, {scan, beacon});
    }

    void findingsHoldWhatTheCaseStores()
    {
        const Rows rows = exported([&](CsvWriter &w) { writeFindingsCsv(*m_case, w); });
        const std::vector<Finding> stored = loadFindings(*m_case);
        QCOMPARE(stored.size(), std::size_t(2));
        QCOMPARE(rows.size(), stored.size() + 1);
        const QStringList names = header(findingsCsvHeader());
        QCOMPARE(cellsOf(rows[0]), names);
        for (std::size_t i = 0; i < stored.size(); ++i) {
            const Finding &f = stored[i];
            const auto &row = rows[i + 1];
            const auto cell = [&](const char *name) { return row.at(std::size_t(names.indexOf(QLatin1String(name)))); };
            QCOMPARE(cell("id"), QString::fromStdString(f.id));
            QCOMPARE(cell("severity"), QString::fromStdString(std::string(severityName(f.severity))));
            QCOMPARE(cell("start"), QString::number(f.start));
            QCOMPARE(cell("start_utc"), iso(f.start));
            QCOMPARE(cell("end_utc"), iso(f.end));
            QCOMPARE(cell("records"), QString::number(f.records));
            QCOMPARE(cell("evidence_filter"), QString::fromStdString(f.evidenceFilter));
            QCOMPARE(cell("srcaddr"), f.src ? std::optional(QString::fromStdString(f.src->toString())) : std::nullopt);
            QCOMPARE(cell("dstaddr"), f.dst ? std::optional(QString::fromStdString(f.dst->toString())) : std::nullopt);
            QCOMPARE(cell("dstport"), f.dstPort ? std::optional(QString::number(*f.dstPort)) : std::nullopt);
            QCOMPARE(cell("period_s"), f.periodSeconds ? std::optional(QString::number(std::llround(*f.periodSeconds))) : std::nullopt);
            // A title starting with '-' would run as a formula: neutralised.
            const QString title = QString::fromStdString(f.title);
            QCOMPARE(cell("title"), title.startsWith(QLatin1Char('-')) ? QLatin1Char('\'') + title : title);
        }
    }

    void incidentHoldsEveryEntryInTimeOrder()
    {
        const Rows rows = exported([&](CsvWriter &w) { writeIncidentCsv(*m_case, w); }, CsvCells::Raw);
        const auto entries = incident::IncidentTimeline(*m_case, "x").entries();
        QVERIFY(entries.size() >= 4);
        QCOMPARE(rows.size(), entries.size() + 1);
        const QStringList names = header(incidentCsvHeader());
        QCOMPARE(cellsOf(rows[0]), names);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const incident::IncidentEntry &e = entries[i];
            const auto &row = rows[i + 1];
            const auto cell = [&](const char *name) { return row.at(std::size_t(names.indexOf(QLatin1String(name)))); };
            QCOMPARE(cell("kind"), QString::fromStdString(std::string(incident::entryKindName(e.kind))));
            QCOMPARE(cell("id"), QString::number(e.id));
            QCOMPARE(cell("record"), e.record ? std::optional(QString::number(*e.record)) : std::nullopt);
            QCOMPARE(cell("time"), e.time ? std::optional(QString::number(*e.time)) : std::nullopt);
            QCOMPARE(cell("time_utc"), e.time ? std::optional(iso(*e.time)) : std::nullopt);
            QCOMPARE(cell("written_utc"), iso(e.writtenAt));
            QCOMPARE(cell("author"), QString::fromStdString(e.author));
            QStringList tags;
            for (const std::string &tag : e.tags)
                tags << QString::fromStdString(tag);
            QCOMPARE(cell("tags"), tags.isEmpty() ? std::nullopt : std::optional(tags.join(QLatin1Char(' '))));
            // Raw: the analyst's words exactly, line break and direction mark included.
            QCOMPARE(cell("text"), e.text.empty() ? std::nullopt : std::optional(QString::fromStdString(e.text)));
        }
        bool hostile = false;
        for (const auto &row : rows)
            hostile = hostile || row.back() == kHostileNote;
        QVERIFY(hostile);
    }

    void hostileNotesAreNeutralised()
    {
        const Rows rows = exported([&](CsvWriter &w) { writeIncidentCsv(*m_case, w); });
        const QStringList names = header(incidentCsvHeader());
        const auto text = std::size_t(names.indexOf(QStringLiteral("text")));
        const auto author = std::size_t(names.indexOf(QStringLiteral("author")));
        QStringList texts, authors;
        for (std::size_t i = 1; i < rows.size(); ++i) {
            texts << rows[i][text].value_or(QString());
            authors << rows[i][author].value_or(QString());
        }
        QVERIFY2(texts.contains(QLatin1Char('\'') + kHostileNote), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(QStringLiteral("'+SUM(A1:A9)")));
        QVERIFY(authors.contains(QStringLiteral("'@j.okafor")));
        for (const QString &cell : texts)
            QVERIFY2(!cell.startsWith(QLatin1Char('=')) && !cell.startsWith(QLatin1Char('+')), qPrintable(cell));
    }

    void emptyCaseWritesTheHeader()
    {
        const std::string file = m_dir.filePath(QStringLiteral("empty.flowcase")).toStdString();
        test::makeSmallCase(file);
        auto caseDb = CaseDb::open(file, CaseDb::Mode::ReadOnly);
        std::int64_t findings = -1, entries = -1;
        const Rows f = exported([&](CsvWriter &w) { findings = writeFindingsCsv(*caseDb, w); });
        const Rows e = exported([&](CsvWriter &w) { entries = writeIncidentCsv(*caseDb, w); });
        QCOMPARE(findings, 0);
        QCOMPARE(entries, 0);
        QCOMPARE(f.size(), std::size_t(1));
        QCOMPARE(e.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestIncidentCsvExport)
#include "tst_incidentcsvexport.moc"
