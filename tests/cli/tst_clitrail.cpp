// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-cli import of CloudTrail files and `trail`: the import report
// counts network and skipped events, a bad file is named with its reason,
// and trail leads from an interface to who launched its instance.

#include "cli_process.h"
#include "cloudtrail_sample.h"
#include "test_files.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope::test;

namespace {

using Run = flowscope::test::CliRun;

Run cli(const QStringList &args) { return flowscope::test::runCli(QStringLiteral(FLOWSCOPE_CLI), args); }

} // namespace

class TestCliTrail : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void importAndTrail()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("flows.log"));
        writeFile(log, "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n"
                       "2 123456789012 eni-0aaaaaaaaaaaaaaa1 10.0.1.5 203.0.113.9 40000 443 6 1 100 1773104405 1773104460 ACCEPT OK\n");
        const QString trail = dir.filePath(QStringLiteral("123456789012_CloudTrail_us-east-1_20260310T0100Z_x.json.gz"));
        writeGzip(trail, cloudTrailFile({runInstances(0, QStringLiteral("launch"),
                                                      {{QStringLiteral("i-0aaaaaaaaaaaaaaa1"), QStringLiteral("eni-0aaaaaaaaaaaaaaa1")}}),
                                         cloudTrailEvent(QStringLiteral("ConsoleLogin"), 5, QStringLiteral("login"),
                                                         QStringLiteral("signin.amazonaws.com"))}));
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        writeFile(bad, "{\"Records\": [ {\"eventName\": ");
        const QString casePath = dir.filePath(QStringLiteral("c.flowcase"));

        const Run imported = cli({QStringLiteral("import"), casePath, log, trail, bad, QStringLiteral("--json")});
        QCOMPARE(imported.exitCode, 1); // the bad file refused, the others kept
        const QJsonObject report = QJsonDocument::fromJson(imported.out).object();
        QCOMPARE(report.value(QStringLiteral("records")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("cloudtrail_events")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("skipped_events")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("failed_files")).toInt(), 1);
        const QJsonObject error = report.value(QStringLiteral("errors")).toArray().at(0).toObject();
        QCOMPARE(error.value(QStringLiteral("file")).toString(), bad);
        QVERIFY(error.value(QStringLiteral("reason")).toString().startsWith(QStringLiteral("malformed or truncated JSON")));
        const QJsonObject trailFile = report.value(QStringLiteral("file_results")).toArray().at(1).toObject();
        QCOMPARE(trailFile.value(QStringLiteral("events")).toInt(), 1);
        QCOMPARE(trailFile.value(QStringLiteral("skipped_events")).toInt(), 1);

        const Run linked = cli({QStringLiteral("trail"), casePath, QStringLiteral("--eni"),
                                QStringLiteral("eni-0aaaaaaaaaaaaaaa1"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(linked.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(linked.out).object();
        QCOMPARE(result.value(QStringLiteral("instances")).toArray(), QJsonArray{QStringLiteral("i-0aaaaaaaaaaaaaaa1")});
        const QJsonObject launch = result.value(QStringLiteral("launches")).toArray().at(0).toObject();
        QCOMPARE(launch.value(QStringLiteral("principal")).toString(),
                 QStringLiteral("arn:aws:sts::123456789012:assumed-role/pipeline/run-1"));
        QCOMPARE(launch.value(QStringLiteral("source_ip")).toString(), QStringLiteral("198.51.100.23"));
        QCOMPARE(launch.value(QStringLiteral("time")).toString(), QStringLiteral("2026-03-10T01:00:00Z"));
        const QJsonArray events = result.value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 1);
        const QJsonObject event = events.at(0).toObject();
        QCOMPARE(event.value(QStringLiteral("event_name")).toString(), QStringLiteral("RunInstances"));
        QCOMPARE(event.value(QStringLiteral("case_interfaces")).toArray(), QJsonArray{QStringLiteral("eni-0aaaaaaaaaaaaaaa1")});
        QCOMPARE(event.value(QStringLiteral("response")).toObject().value(QStringLiteral("reservationId")).toString(),
                 QStringLiteral("r-0123456789abcdef0"));

        const Run table = cli({QStringLiteral("trail"), casePath, QStringLiteral("--instance"), QStringLiteral("i-0aaaaaaaaaaaaaaa1")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.startsWith("i-0aaaaaaaaaaaaaaa1 (eni-0aaaaaaaaaaaaaaa1) launched 2026-03-10T01:00:00Z by "
                                      "arn:aws:sts::123456789012:assumed-role/pipeline/run-1 from 198.51.100.23\n"),
                 table.out.constData());

        const Run unknown = cli({QStringLiteral("trail"), casePath, QStringLiteral("--eni"), QStringLiteral("eni-0fffffffffffffff9")});
        QCOMPARE(unknown.exitCode, 0);
        QVERIFY(unknown.err.contains("no CloudTrail event of the case names eni-0fffffffffffffff9"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no case") << QStringList{} << QStringLiteral("needs CASE");
        QTest::newRow("two selectors") << QStringList{QStringLiteral("c"), QStringLiteral("--eni"), QStringLiteral("eni-1"),
                                                      QStringLiteral("--sg"), QStringLiteral("sg-1")}
                                       << QStringLiteral("give one of --eni, --instance and --sg");
        QTest::newRow("not an interface") << QStringList{QStringLiteral("c"), QStringLiteral("--eni"), QStringLiteral("i-1")}
                                          << QStringLiteral("--eni 'i-1' is not an id starting with eni-");
        QTest::newRow("bad format") << QStringList{QStringLiteral("c"), QStringLiteral("--format"), QStringLiteral("csv")}
                                    << QStringLiteral("--format must be json or table");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = cli(QStringList{QStringLiteral("trail")} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliTrail)
#include "tst_clitrail.moc"
