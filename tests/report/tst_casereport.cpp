// SPDX-License-Identifier: GPL-3.0-or-later
// A case's report as `flowscope-cli export --what report` writes it, read
// back with pdftotext: its sections hold the case's values (compared with
// what `count` and the input files say, not with numbers written here), the
// analyst's hostile words come out as written, the paper is the one asked
// for, and a bad request leaves no file. Then the graph section without its
// layout program: a table of the heaviest edges and the reason.

#include "pdf_text.h"

#include "detect/finding_store.h"
#include "incident/note.h"
#include "incident/record_star.h"
#include "report/graph_section.h"
#include "report/pdf_report_writer.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "store/flow_pager.h"
#include "store/flow_reader.h"
#include "test_files.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FLOWSCOPE_CLI), args);
    if (!process.waitForFinished(120000))
        return {-1, {}, "timeout"};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QString sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestCaseReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;
    QString m_input;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString count(const QString &filter)
    {
        const Run run = cli({QStringLiteral("count"), m_case, filter});
        return run.exitCode == 0 ? QString::fromUtf8(run.out).trimmed() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_input = path(QStringLiteral("in.log"));
        flowscope::test::writeFile(m_input, flowscope::test::smallTrafficRecords());
        m_case = path(QStringLiteral("c.flowcase"));
        const Run imported = cli({QStringLiteral("import"), m_case, m_input});
        QCOMPARE(imported.exitCode, 0);
    }

    void reportHoldsTheCase()
    {
        const QString out = path(QStringLiteral("report.pdf"));
        const QString filter = QStringLiteral("dstport == 443 or srcport == 443");
        const Run run = cli({QStringLiteral("export"), m_case, QStringLiteral("--what"), QStringLiteral("report"), filter,
                             QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), out,
                             QStringLiteral("--analyst"), QStringLiteral("J. Okafor"), QStringLiteral("--title"),
                             QStringLiteral("Port 443 review")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QStringList pages = flowscope::test::pdfPages(out);
        QVERIFY(pages.size() >= 7);
        const QString text = pages.join(QLatin1Char('\n')).simplified();
        const QString kept = count(filter);
        const QString rejects = count(QStringLiteral("(") + filter + QStringLiteral(") and action == reject"));
        QVERIFY(!kept.isEmpty() && !rejects.isEmpty());
        const QStringList expected{
            QStringLiteral("Port 443 review"), QStringLiteral("J. Okafor"), QStringLiteral("c.flowcase"),
            QStringLiteral("Contents"), QStringLiteral("Summary"), QStringLiteral("Timeline"),
            QStringLiteral("Network interfaces graph"), QStringLiteral("Reject explanations"),
            QStringLiteral("Appendix: source files"), QStringLiteral("Filter ") + filter,
            QStringLiteral("Records the filter keeps ") + kept, QStringLiteral("Records ") + count(QString()),
            sha256Of(m_input), QStringLiteral("in.log"), rejects + QStringLiteral(" REJECT records"),
            QStringLiteral("eni-a"), QStringLiteral("ACCEPT"), QStringLiteral("Heaviest edges")};
        for (const QString &value : expected)
            QVERIFY2(text.contains(value), qPrintable(value + QStringLiteral(" not in the report: ") + text.left(3000)));
    }

    void analystTextIsDrawnAsWritten()
    {
        const QString out = path(QStringLiteral("hostile.pdf"));
        const QString note = QStringLiteral("<b>not bold</b> =cmd|' /C calc'!A0 abc\u202Edef");
        const Run run = cli({QStringLiteral("export"), m_case, QStringLiteral("--what"), QStringLiteral("report"),
                             QStringLiteral("--out"), out, QStringLiteral("--text"), note, QStringLiteral("--analyst"),
                             QStringLiteral("<i>me</i>"), QStringLiteral("--sections"), QStringLiteral("summary")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QStringList pages = flowscope::test::pdfPages(out);
        QVERIFY(!pages.isEmpty());
        QVERIFY2(pages[0].contains(QStringLiteral("<b>not bold</b> =cmd|' /C calc'!A0 abc[U+202E]def")), qPrintable(pages[0]));
        QVERIFY2(pages[0].contains(QStringLiteral("<i>me</i>")), qPrintable(pages[0]));
        // Only the summary was asked for.
        const QString text = pages.join(QLatin1Char('\n'));
        QVERIFY(text.contains(QStringLiteral("Summary")));
        QVERIFY(!text.contains(QStringLiteral("Appendix: source files")));
    }

    void findingsAndIncidentTimeline()
    {
        using namespace flowscope;
        const QString casePath = path(QStringLiteral("incident.flowcase"));
        QVERIFY(QFile::copy(m_case, casePath));
        const std::string evidence = "dstport == 443";
        std::vector<FlowRow> matches; // what the evidence filter selects, in time order
        std::int64_t starred = 0;
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadWrite);
            const auto filter = std::get<std::shared_ptr<const CaseFilter>>(CaseFilter::compile(*caseDb, evidence));
            FlowPager(*caseDb).forEachMatching(filter->predicate(), filter->blocks(), [&](const FlowRow &row) {
                matches.push_back(row);
                return true;
            });
            QVERIFY(!matches.empty());
            starred = matches.front().id;
            Finding finding;
            finding.id = "exfiltration-1";
            finding.type = "exfiltration";
            finding.severity = Severity::High;
            finding.title = "large upload to 443";
            finding.start = 1700000000;
            finding.end = 1700000300;
            finding.records = matches.size();
            finding.evidenceFilter = evidence;
            storeFindings(*caseDb, {"exfiltration"}, {"exfiltration", 1700001000, "", "", 5}, {finding});
            incident::RecordStars(*caseDb).star({starred}, "j.okafor");
            incident::Notes(*caseDb).add(starred, "=cmd|' /C calc'!A0\n<b>bold</b>\nabc\u200Fdef", "<i>eve</i>");
        }
        const QString out = path(QStringLiteral("incident.pdf"));
        const Run run = cli({QStringLiteral("export"), casePath, QStringLiteral("--what"), QStringLiteral("report"),
                             QStringLiteral("--out"), out, QStringLiteral("--sections"), QStringLiteral("findings,incident")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString text = flowscope::test::pdfPages(out).join(QLatin1Char('\n'));
        const QString flat = text.simplified();
        const auto start = [](const FlowRow &row) {
            return QDateTime::fromSecsSinceEpoch(std::get<std::int64_t>(row.value(Field::Start)), Qt::UTC)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        };
        QStringList expected{QStringLiteral("Findings"), QStringLiteral("Incident timeline"),
                             QStringLiteral("exfiltration-1 · HIGH · large upload to 443"),
                             QStringLiteral("Evidence filter ") + QString::fromStdString(evidence),
                             // the first evidence record, and the last of the few shown
                             start(matches.front()), start(matches[std::min<std::size_t>(matches.size(), 5) - 1]),
                             QStringLiteral("starred"), QStringLiteral("record %1").arg(starred), QStringLiteral("j.okafor"),
                             // the analyst's words as written: no markup, no formula, the mark shown
                             QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("<b>bold</b>"),
                             QStringLiteral("abc[U+200F]def"), QStringLiteral("<i>eve</i>")};
        for (const QString &value : expected)
            QVERIFY2(flat.contains(value), qPrintable(value + QStringLiteral(" not in the report: ") + text));
        QVERIFY(!flat.contains(QStringLiteral("Reject explanations")));
    }

    // The demo case's report: tokens (ids, addresses) never break across
    // lines, verdicts read as the window says them, the scan group is
    // headed by the scan, ARNs are shortened.
    void demoReportKeepsTokensWhole()
    {
        const QString demoCase = path(QStringLiteral("demo.flowcase"));
        const Run demo = cli({QStringLiteral("demo"), path(QStringLiteral("demo")), QStringLiteral("--case"), demoCase});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        const Run detect = cli({QStringLiteral("detect"), demoCase});
        QVERIFY2(detect.exitCode == 0, detect.err.constData());
        const QString out = path(QStringLiteral("demo.pdf"));
        const Run run = cli({QStringLiteral("export"), demoCase, QStringLiteral("--what"), QStringLiteral("report"),
                             QStringLiteral("--out"), out, QStringLiteral("--sections"),
                             QStringLiteral("summary,findings,rejects,incident,sources")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString text = flowscope::test::pdfPages(out).join(QLatin1Char('\n'));
        // AWS ids have 8 or 17 hex digits: a shorter run is a broken id.
        const QRegularExpression id(QStringLiteral("\\b(eni|sg|vpc|subnet|acl|i)-([0-9a-f]+)\\b"));
        int ids = 0;
        for (auto it = id.globalMatch(text); it.hasNext(); ++ids) {
            const auto match = it.next();
            QVERIFY2(match.captured(2).size() == 17 || match.captured(2).size() == 8, qPrintable(match.captured(0)));
        }
        QVERIFY(ids > 50);
        // Three dotted numbers not followed by a fourth: an address broken after its third part.
        const QRegularExpression brokenAddress(QStringLiteral("(?<![\\d.])\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b(?!\\.\\d)"));
        QVERIFY2(!brokenAddress.match(text).hasMatch(), qPrintable(brokenAddress.match(text).captured(0)));
        const QString flat = text.simplified();
        QVERIFY(flat.contains(QStringLiteral("Security group")));
        QVERIFY(flat.contains(QStringLiteral("Scan: ")));
        for (const QString &machine : {QStringLiteral("security-group"), QStringLiteral("not-explained"),
                                       QStringLiteral("block-public-access"), QStringLiteral("No component named"),
                                       QStringLiteral("arn:aws:")})
            QVERIFY2(!flat.contains(machine), qPrintable(machine));
    }

    void paperSize_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QSizeF>("points");
        QTest::newRow("a4") << QStringLiteral("a4") << QPageSize(QPageSize::A4).size(QPageSize::Point);
        QTest::newRow("letter") << QStringLiteral("letter") << QPageSize(QPageSize::Letter).size(QPageSize::Point);
    }

    void paperSize()
    {
        QFETCH(QString, page);
        QFETCH(QSizeF, points);
        const QString out = path(page + QStringLiteral(".pdf"));
        const Run run = cli({QStringLiteral("export"), m_case, QStringLiteral("--what"), QStringLiteral("report"),
                             QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), out,
                             QStringLiteral("--page"), page});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QSizeF size = flowscope::test::pdfPageSize(out);
        QVERIFY(std::abs(size.width() - points.width()) < 1 && std::abs(size.height() - points.height()) < 1);
    }

    // A bare shell (a cron job, a container) has no XDG_RUNTIME_DIR, no display
    // and no QT_QPA_PLATFORM: stderr says what was written, nothing of Qt's.
    void reportInABareShellPrintsOnlyItsOwnLine()
    {
        const QString out = path(QStringLiteral("bare.pdf"));
        QProcessEnvironment bare = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"XDG_RUNTIME_DIR", "QT_QPA_PLATFORM", "QT_LOGGING_RULES", "DISPLAY", "WAYLAND_DISPLAY"})
            bare.remove(QString::fromLatin1(name));
        const Run run = cli({QStringLiteral("export"), m_case, QStringLiteral("--what"), QStringLiteral("report"),
                             QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), out},
                            bare);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(QString::fromUtf8(run.err), QStringLiteral("flowscope-cli export: report written to %1\n").arg(out));
        QVERIFY(!flowscope::test::pdfPages(out).isEmpty());
    }

    void badRequestsWriteNothing_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("reason");
        QTest::newRow("paper") << QStringList{"--page", "a5"} << "--page is a4 or letter, not 'a5'";
        QTest::newRow("format") << QStringList{"--format", "csv"} << "--format for the report is pdf, not 'csv'";
        QTest::newRow("section") << QStringList{"--sections", "summary,findngs"} << "'findngs' is not one of";
        QTest::newRow("csv option") << QStringList{"--raw"} << "do not apply to the report";
        QTest::newRow("filter") << QStringList{"dstport == "} << "dstport";
    }

    void badRequestsWriteNothing()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, reason);
        const QString out = path(QStringLiteral("refused.pdf"));
        const Run run = cli(QStringList{QStringLiteral("export"), m_case, QStringLiteral("--what"), QStringLiteral("report"),
                                        QStringLiteral("--out"), out}
                            + options);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(reason), run.err.constData());
        QVERIFY(!QFile::exists(out));
    }

    void reportOptionsBelongToTheReport()
    {
        const Run run = cli({QStringLiteral("export"), m_case, QStringLiteral("--what"), QStringLiteral("flows"),
                             QStringLiteral("--analyst"), QStringLiteral("me")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("--analyst applies only to the report"));
    }

    void graphWithoutItsLayoutProgramListsEdges()
    {
        auto caseDb = flowscope::CaseDb::open(m_case.toStdString(), flowscope::CaseDb::Mode::ReadOnly);
        const auto compiled = flowscope::CaseFilter::compile(*caseDb, "");
        const auto &filter = std::get<std::shared_ptr<const flowscope::CaseFilter>>(compiled);
        flowscope::report::GraphSectionOptions options;
        options.layoutProgram = QStringLiteral("flowscope-no-such-layout-program");
        options.containmentProgram.clear();
        flowscope::report::ReportSections sections;
        sections.push_back(std::make_unique<flowscope::report::GraphSection>(*caseDb, *filter, options));
        const QString out = path(QStringLiteral("graph.pdf"));
        QFile file(out);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(flowscope::report::writePdfReport(file, {}, sections));
        file.close();
        const QString text = flowscope::test::pdfPages(out).join(QLatin1Char('\n')).simplified();
        QVERIFY2(text.contains(QStringLiteral("could not be laid out")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Heaviest edges")));
        QVERIFY(text.contains(QStringLiteral("eni-a")));
    }
};

QTEST_MAIN(TestCaseReport)
#include "tst_casereport.moc"
