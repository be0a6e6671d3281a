// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-cli import of CloudTrail files and `trail`: the import report
// counts network and skipped events, a bad file is named with its reason,
// and trail leads from an interface to who launched its instance.

#include "cli_process.h"
#include "cloudtrail_sample.h"
#include "test_files.h"

#include <QCryptographicHash>
#include <QFile>
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

        // info lists the CloudTrail file beside the flow logs: path, SHA-256, events and time range.
        const Run info = cli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
        QCOMPARE(info.exitCode, 0);
        const QJsonArray trails = QJsonDocument::fromJson(info.out).object().value(QStringLiteral("cloudtrail_files")).toArray();
        QCOMPARE(trails.size(), 1);
        const QJsonObject trailInfo = trails.at(0).toObject();
        QCOMPARE(trailInfo.value(QStringLiteral("path")).toString(), trail);
        QFile trailBytes(trail);
        QVERIFY(trailBytes.open(QIODevice::ReadOnly));
        QCOMPARE(trailInfo.value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(trailBytes.readAll(), QCryptographicHash::Sha256).toHex()));
        QCOMPARE(trailInfo.value(QStringLiteral("events")).toInt(), 1);
        QCOMPARE(trailInfo.value(QStringLiteral("first_time")).toInteger(), 1773104400); // 2026-03-10T01:00:00Z
        QCOMPARE(trailInfo.value(QStringLiteral("last_time")).toInteger(), 1773104400);
        const Run infoText = cli({QStringLiteral("info"), casePath});
        QVERIFY2(infoText.out.contains("CloudTrail:  1 file\n  " + trail.toUtf8() + "\n    sha256 "
                                       + trailInfo.value(QStringLiteral("sha256")).toString().toUtf8()
                                       + ", 1 event, 2026-03-10T01:00:00Z .. 2026-03-10T01:00:00Z (UTC)\n"),
                 infoText.out.constData());

        const Run unknown = cli({QStringLiteral("trail"), casePath, QStringLiteral("--eni"), QStringLiteral("eni-0fffffffffffffff9")});
        QCOMPARE(unknown.exitCode, 0);
        QVERIFY(unknown.err.contains("no CloudTrail event of the case names eni-0fffffffffffffff9"));
    }

    // A change to an interface's groups is shown beside the rejects after
    // it on that interface, in JSON and in the table; a failed call and a
    // change of something else are not.
    void explainShowsTheChange()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("flows.log"));
        writeFile(log, "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n"
                       "2 123456789012 eni-0aaaaaaaaaaaaaaa1 203.0.113.9 10.0.1.5 40000 22 6 1 60 1773104400 1773104459 REJECT OK\n"
                       "2 123456789012 eni-0aaaaaaaaaaaaaaa1 203.0.113.9 10.0.1.5 40001 22 6 1 60 1773104520 1773104579 REJECT OK\n");
        const auto modify = [](int second, const QString &id, bool groups) {
            QJsonObject event = cloudTrailEvent(QStringLiteral("ModifyNetworkInterfaceAttribute"), second, id);
            QJsonObject request{{QStringLiteral("networkInterfaceId"), QStringLiteral("eni-0aaaaaaaaaaaaaaa1")}};
            if (groups)
                request.insert(QStringLiteral("groupSet"),
                               QJsonObject{{QStringLiteral("items"),
                                            QJsonArray{QJsonObject{{QStringLiteral("groupId"), QStringLiteral("sg-0aaaaaaaaaaaaaaa2")}}}}});
            else
                request.insert(QStringLiteral("description"), QJsonObject{{QStringLiteral("value"), QStringLiteral("web")}});
            event.insert(QStringLiteral("requestParameters"), request);
            return event;
        };
        QJsonObject failed = modify(110, QStringLiteral("failed"), true);
        failed.insert(QStringLiteral("errorCode"), QStringLiteral("Client.UnauthorizedOperation"));
        const QString trail = dir.filePath(QStringLiteral("trail.json"));
        writeFile(trail, cloudTrailFile({modify(100, QStringLiteral("groups"), true), failed,
                                         modify(115, QStringLiteral("description"), false)}));
        const QString casePath = dir.filePath(QStringLiteral("c.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), casePath, log, trail}).exitCode, 0);

        const Run json = cli({QStringLiteral("explain"), casePath});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray explanations = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(explanations.size(), 2);
        QVERIFY(explanations[0].toObject().value(QStringLiteral("config_change")).isNull()); // before the change
        const QJsonObject change = explanations[1].toObject().value(QStringLiteral("config_change")).toObject();
        QCOMPARE(change.value(QStringLiteral("event")).toString(), QStringLiteral("ModifyNetworkInterfaceAttribute"));
        QCOMPARE(change.value(QStringLiteral("event_id")).toString(), QStringLiteral("ev-groups"));
        QCOMPARE(change.value(QStringLiteral("component")).toString(), QStringLiteral("eni-0aaaaaaaaaaaaaaa1"));
        QCOMPARE(change.value(QStringLiteral("time")).toInteger(), 1773104500);
        QCOMPARE(change.value(QStringLiteral("principal")).toString(), QStringLiteral("arn:aws:iam::123456789012:user/ops"));

        const Run table = cli({QStringLiteral("explain"), casePath, QStringLiteral("--format"), QStringLiteral("table")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains("config-change"), table.out.constData());
        QCOMPARE(table.out.count("changed at 2026-03-10 01:01:40 UTC by arn:aws:iam::123456789012:user/ops: "
                                 "ModifyNetworkInterfaceAttribute"),
                 qsizetype(1));
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
