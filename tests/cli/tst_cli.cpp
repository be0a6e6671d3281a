// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-cli as a script would use it: exit codes and JSON.

#include "cli_process.h"
#include "test_files.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QSet>
#include <QTest>

#include <sqlite3.h>

namespace {

const QByteArray kGood =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n"
    "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530011 1418530070 REJECT OK\n"
    "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - NODATA\n";

const QByteArray kVpcs = R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.1.0.0/16", "OwnerId": "111122223333"}]})";
const QByteArray kGroupsWithForeignReference =
    R"({"SecurityGroups": [{"GroupId": "sg-1", "OwnerId": "111122223333", "VpcId": "vpc-1", "IpPermissions": [)"
    R"({"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "UserIdGroupPairs": [{"GroupId": "444455556666/sg-0far"}]}]}]})";

using Run = flowscope::test::CliRun;

Run cli(const QStringList &args) { return flowscope::test::runCli(QStringLiteral(FLOWSCOPE_CLI), args); }

QJsonObject jsonObject(const QByteArray &text) { return QJsonDocument::fromJson(text).object(); }

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        flowscope::test::writeGzip(path(QStringLiteral("in/good.log.gz")), kGood);
        flowscope::test::writeFile(path(QStringLiteral("bad/mixed.log")),
                                   kGood.left(kGood.indexOf('\n') + 1) + "2 broken line\n");
    }

    void importReportsJson()
    {
        const QString caseFile = path(QStringLiteral("a.flowcase"));
        const Run run = cli({QStringLiteral("import"), caseFile, path(QStringLiteral("in")), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = jsonObject(run.out);
        QCOMPARE(report.value(QStringLiteral("files")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("records")).toInt(), 3);
        QCOMPARE(report.value(QStringLiteral("skipped_duplicate_files")).toInt(), 0);
        QVERIFY(report.value(QStringLiteral("errors")).isArray());
        QVERIFY(report.value(QStringLiteral("errors")).toArray().isEmpty());

        const Run again = cli({QStringLiteral("import"), caseFile, path(QStringLiteral("in/good.log.gz")), QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(jsonObject(again.out).value(QStringLiteral("skipped_duplicate_files")).toInt(), 1);
        QCOMPARE(jsonObject(again.out).value(QStringLiteral("records")).toInt(), 0);
    }

    // The same records by another delivery are counted, not stored again,
    // unless --keep-duplicates.
    void importCountsDuplicateRecords()
    {
        QByteArray firehose;
        for (const QByteArray &line : kGood.split('\n'))
            if (!line.isEmpty())
                firehose += "{\"message\":\"" + line + "\"}\n";
        flowscope::test::writeFile(path(QStringLiteral("firehose/copy.jsonl")), firehose);
        const QString caseFile = path(QStringLiteral("duplicates.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), caseFile, path(QStringLiteral("in"))}).exitCode, 0);
        const Run run = cli({QStringLiteral("import"), caseFile, path(QStringLiteral("firehose")), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = jsonObject(run.out);
        QCOMPARE(report.value(QStringLiteral("records")).toInt(), 0);
        QCOMPARE(report.value(QStringLiteral("duplicate_records")).toInt(), 3);
        const QJsonArray files = report.value(QStringLiteral("file_results")).toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0).toObject().value(QStringLiteral("file")).toString(), path(QStringLiteral("firehose/copy.jsonl")));
        QCOMPARE(files.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("imported"));
        QCOMPARE(files.at(0).toObject().value(QStringLiteral("records")).toInt(), 0);
        QCOMPARE(files.at(0).toObject().value(QStringLiteral("duplicate_records")).toInt(), 3);
        QCOMPARE(jsonObject(cli({QStringLiteral("info"), caseFile, QStringLiteral("--json")}).out)
                     .value(QStringLiteral("records")).toInt(), 3);

        const QString keeping = path(QStringLiteral("keeping.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), keeping, path(QStringLiteral("in"))}).exitCode, 0);
        const Run kept = cli({QStringLiteral("import"), keeping, path(QStringLiteral("firehose")),
                              QStringLiteral("--keep-duplicates"), QStringLiteral("--json")});
        QCOMPARE(kept.exitCode, 0);
        QCOMPARE(jsonObject(kept.out).value(QStringLiteral("records")).toInt(), 3);
        QCOMPARE(jsonObject(kept.out).value(QStringLiteral("duplicate_records")).toInt(), 0);
        QCOMPARE(jsonObject(cli({QStringLiteral("info"), keeping, QStringLiteral("--json")}).out)
                     .value(QStringLiteral("records")).toInt(), 6);
    }

    // A JSON document that is not a flow log is a rejected file.
    void importRefusesJsonThatIsNotAFlowLog()
    {
        flowscope::test::writeFile(path(QStringLiteral("sg/describe-security-groups.json")),
                                   "{\n  \"SecurityGroups\": [\n    {\"GroupId\": \"sg-1\", \"GroupName\": \"web\"}\n  ]\n}\n");
        const Run run = cli({QStringLiteral("import"), path(QStringLiteral("sg.flowcase")),
                             path(QStringLiteral("sg/describe-security-groups.json")), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject report = jsonObject(run.out);
        QCOMPARE(report.value(QStringLiteral("files")).toInt(), 0);
        QCOMPARE(report.value(QStringLiteral("failed_files")).toInt(), 1);
        const QJsonObject error = report.value(QStringLiteral("errors")).toArray().at(0).toObject();
        QCOMPARE(error.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("not a flow log (a JSON document with SecurityGroups)"));
        QVERIFY(error.value(QStringLiteral("line")).isNull());
        QCOMPARE(report.value(QStringLiteral("file_results")).toArray().at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("failed"));
    }

    void rejectedLinesExitOneAndKeepGoodData()
    {
        const QString caseFile = path(QStringLiteral("b.flowcase"));
        const Run run = cli({QStringLiteral("import"), caseFile, path(QStringLiteral("bad")), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject report = jsonObject(run.out);
        QCOMPARE(report.value(QStringLiteral("records")).toInt(), 1);
        const QJsonArray errors = report.value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        const QJsonObject error = errors.at(0).toObject();
        QCOMPARE(error.value(QStringLiteral("file")).toString(), path(QStringLiteral("bad/mixed.log")));
        QCOMPARE(error.value(QStringLiteral("line")).toInt(), 2);
        QVERIFY(error.value(QStringLiteral("reason")).toString().contains(QStringLiteral("expected 14 fields")));

        const Run info = cli({QStringLiteral("info"), caseFile, QStringLiteral("--json")});
        QCOMPARE(info.exitCode, 0);
        QCOMPARE(jsonObject(info.out).value(QStringLiteral("records")).toInt(), 1);
        QCOMPARE(jsonObject(info.out).value(QStringLiteral("errors")).toInt(), 1);
    }

    void fatalErrorsExitTwoAndLeaveNoCase_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no arguments") << QStringList{QStringLiteral("import")};
        QTest::newRow("missing input") << QStringList{QStringLiteral("import"), QStringLiteral("CASE"), QStringLiteral("/nonexistent/x.log")};
        QTest::newRow("bad log format") << QStringList{QStringLiteral("import"), QStringLiteral("CASE"), QStringLiteral("IN"),
                                                       QStringLiteral("--log-format"), QStringLiteral("${srcaddr} ${nonsense}")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("import"), QStringLiteral("CASE"), QStringLiteral("IN"), QStringLiteral("--fast")};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    }

    void fatalErrorsExitTwoAndLeaveNoCase()
    {
        QFETCH(QStringList, args);
        const QString caseFile = path(QStringLiteral("fatal-%1.flowcase").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        args.replaceInStrings(QStringLiteral("CASE"), caseFile);
        args.replaceInStrings(QStringLiteral("IN"), path(QStringLiteral("in")));
        const Run run = cli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
        QVERIFY(!QFileInfo::exists(caseFile));
    }

    void notACaseIsRefusedAndUntouched()
    {
        const QString notCase = path(QStringLiteral("notes.txt"));
        flowscope::test::writeFile(notCase, "some notes\n");
        const Run run = cli({QStringLiteral("import"), notCase, path(QStringLiteral("in"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("not a Flowscope case"));
        QFile file(notCase);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("some notes\n"));
        QCOMPARE(cli({QStringLiteral("info"), notCase}).exitCode, 2);
    }

    // A case holding a trigger Flowscope does not make is refused by every
    // command, naming it, and no import runs on it.
    void tamperedCaseIsRefused()
    {
        const QString caseFile = path(QStringLiteral("tampered.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), caseFile, path(QStringLiteral("in"))}).exitCode, 0);
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(caseFile.toUtf8().constData(), &db), SQLITE_OK);
        const auto close = qScopeGuard([db] { sqlite3_close(db); });
        QCOMPARE(sqlite3_exec(db, "CREATE TRIGGER t AFTER INSERT ON source_file BEGIN DELETE FROM rollup_minute; END",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        const QByteArray expected = "refused: the case '" + caseFile.toUtf8()
            + "' holds a trigger `t` on source_file that Flowscope does not make";
        for (const QStringList &args : {QStringList{QStringLiteral("info"), caseFile},
                                        QStringList{QStringLiteral("count"), caseFile},
                                        QStringList{QStringLiteral("import"), caseFile, path(QStringLiteral("in"))}}) {
            const Run run = cli(args);
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(expected), run.err.constData());
        }
        sqlite3_stmt *statement = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT count(*) FROM rollup_minute", -1, &statement, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(statement), SQLITE_ROW);
        QVERIFY(sqlite3_column_int64(statement, 0) > 0); // the trigger never fired
        sqlite3_finalize(statement);
    }

    void infoJson()
    {
        const QString caseFile = path(QStringLiteral("info.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), caseFile, path(QStringLiteral("in"))}).exitCode, 0);
        const Run run = cli({QStringLiteral("info"), caseFile, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject info = jsonObject(run.out);
        QCOMPARE(info.value(QStringLiteral("records")).toInt(), 3);
        QCOMPARE(info.value(QStringLiteral("files")).toInt(), 1);
        QCOMPARE(info.value(QStringLiteral("enis")).toInt(), 2);
        QCOMPARE(info.value(QStringLiteral("accounts")).toArray(), QJsonArray{QStringLiteral("123456789010")});
        QCOMPARE(info.value(QStringLiteral("first_start")).toInteger(), 1418530010);
        QCOMPARE(info.value(QStringLiteral("last_end")).toInteger(), 1431280934);
        QCOMPARE(info.value(QStringLiteral("formats")).toArray().at(0).toObject().value(QStringLiteral("delivery")).toString(),
                 QStringLiteral("plain-text"));
        const Run text = cli({QStringLiteral("info"), caseFile});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("2014-12-14T04:06:50Z"));
    }

    void queryJsonUsesAwsNames()
    {
        const QString caseFile = path(QStringLiteral("query.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), caseFile, path(QStringLiteral("in"))}).exitCode, 0);
        const Run run = cli({QStringLiteral("query"), caseFile, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(rows.size(), 3);
        const QJsonObject first = rows.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("srcaddr")).toString(), QStringLiteral("172.31.16.139"));
        QCOMPARE(first.value(QStringLiteral("dstport")).type(), QJsonValue::Double);
        QCOMPARE(first.value(QStringLiteral("dstport")).toInt(), 22);
        QCOMPARE(first.value(QStringLiteral("interface-id")).toString(), QStringLiteral("eni-1235b8ca123456789"));
        QCOMPARE(first.value(QStringLiteral("log-status")).toString(), QStringLiteral("OK"));
        QCOMPARE(first.value(QStringLiteral("vpc-id")).type(), QJsonValue::Null);
        QCOMPARE(first.value(QStringLiteral("_file")).toString(), path(QStringLiteral("in/good.log.gz")));
        QCOMPARE(first.value(QStringLiteral("_line")).toInt(), 1);
        const QJsonObject nodata = rows.at(2).toObject(); // latest start
        QCOMPARE(nodata.value(QStringLiteral("log-status")).toString(), QStringLiteral("NODATA"));
        QCOMPARE(nodata.value(QStringLiteral("srcaddr")).type(), QJsonValue::Null);
        QCOMPARE(nodata.value(QStringLiteral("packets")).type(), QJsonValue::Null);
        QCOMPARE(nodata.value(QStringLiteral("_line")).toInt(), 3);
    }

    void queryColumnsLimitAndCsv()
    {
        const QString caseFile = path(QStringLiteral("query.flowcase"));
        const Run run = cli({QStringLiteral("query"), caseFile, QStringLiteral("--limit"), QStringLiteral("2"),
                             QStringLiteral("--columns"), QStringLiteral("srcaddr,action,_line"), QStringLiteral("--format=csv")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("srcaddr,action,_line\r\n172.31.16.139,ACCEPT,1\r\n172.31.9.69,REJECT,2\r\n"));
        QCOMPARE(cli({QStringLiteral("query"), caseFile, QStringLiteral("--columns"), QStringLiteral("nope")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("query"), caseFile, QStringLiteral("--limit"), QStringLiteral("-1")}).exitCode, 2);
    }

    // --sort orders by any field: addresses by number, absent values last,
    // equal values in time order; --limit keeps the first rows of the order.
    void querySorted_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("output");
        QTest::newRow("port descending") << QStringList{QStringLiteral("--sort"), QStringLiteral("dstport:desc"),
                                                        QStringLiteral("--columns"), QStringLiteral("dstport,_line")}
                                         << QByteArray("dstport,_line\r\n3389,2\r\n22,1\r\n-,3\r\n");
        QTest::newRow("addresses by number") << QStringList{QStringLiteral("--sort=srcaddr"), QStringLiteral("--columns"),
                                                            QStringLiteral("srcaddr,_line")}
                                             << QByteArray("srcaddr,_line\r\n172.31.9.69,2\r\n172.31.16.139,1\r\n-,3\r\n");
        QTest::newRow("ties in time order") << QStringList{QStringLiteral("--sort"), QStringLiteral("bytes:desc"),
                                                           QStringLiteral("--limit"), QStringLiteral("1"),
                                                           QStringLiteral("--columns"), QStringLiteral("bytes,_line")}
                                            << QByteArray("bytes,_line\r\n4249,1\r\n");
        QTest::newRow("filtered") << QStringList{QStringLiteral("action == reject"), QStringLiteral("--sort"),
                                                 QStringLiteral("packets:asc"), QStringLiteral("--columns"),
                                                 QStringLiteral("packets,_line")}
                                  << QByteArray("packets,_line\r\n20,2\r\n");
    }

    void querySorted()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, output);
        const Run run = cli(QStringList{QStringLiteral("query"), path(QStringLiteral("query.flowcase")),
                                        QStringLiteral("--format=csv")} + args);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out, output);
        QVERIFY(run.err.isEmpty());
    }

    void querySortErrors()
    {
        const QString caseFile = path(QStringLiteral("query.flowcase"));
        for (const QString &sort : {QStringLiteral("size"), QStringLiteral("bytes:down"), QString()}) {
            const Run run = cli({QStringLiteral("query"), caseFile, QStringLiteral("--sort"), sort});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains("--sort"), run.err.constData());
        }
    }

    void statsConversationsJson()
    {
        const QString caseFile = path(QStringLiteral("query.flowcase"));
        const Run run = cli({QStringLiteral("stats"), caseFile, QStringLiteral("conversations"), QStringLiteral("--top"),
                             QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(rows.size(), 1);
        const QJsonObject top = rows.at(0).toObject();
        // Two conversations carry 4249 bytes: ties go by address.
        QCOMPARE(top.value(QStringLiteral("address_a")).toString(), QStringLiteral("172.31.9.12"));
        QCOMPARE(top.value(QStringLiteral("address_b")).toString(), QStringLiteral("172.31.9.69"));
        QCOMPARE(top.value(QStringLiteral("bytes")).toInt(), 4249);
        QCOMPARE(top.value(QStringLiteral("first_seen")).toInteger(), 1418530011);
        const Run endpoints = cli({QStringLiteral("stats"), caseFile, QStringLiteral("endpoints"), QStringLiteral("--by"),
                                   QStringLiteral("eni"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(endpoints.exitCode, 0);
        QVERIFY(endpoints.out.startsWith("interface-id,flows,packets,bytes,accepts,rejects,first_seen,last_seen\r\n"));
        QCOMPARE(cli({QStringLiteral("stats"), caseFile, QStringLiteral("talkers")}).exitCode, 2);

        // With a filter: only the rejected conversation.
        const Run rejected = cli({QStringLiteral("stats"), caseFile, QStringLiteral("conversations"),
                                  QStringLiteral("action == reject"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(rejected.exitCode, 0);
        const QJsonArray rejects = QJsonDocument::fromJson(rejected.out).array();
        QCOMPARE(rejects.size(), 1);
        QCOMPARE(rejects.at(0).toObject().value(QStringLiteral("rejects")).toInt(), 1);
        QCOMPARE(rejects.at(0).toObject().value(QStringLiteral("address_b")).toString(), QStringLiteral("172.31.9.69"));
        QCOMPARE(cli({QStringLiteral("stats"), caseFile, QStringLiteral("endpoints"), QStringLiteral("dstport ==")}).exitCode, 2);
    }

    void statsOrder_data()
    {
        QTest::addColumn<QString>("order");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("first"); // address_a of the first row
        // 10.0.0.1 <-> 10.0.0.2: 3 flows, 3 packets, 300 bytes, 3 accepts, 0 rejects, seen 1000-1290
        // 10.0.0.3 <-> 10.0.0.4: 1 flow, 50 packets, 5000 bytes, 0 accepts, 1 reject, seen 1050-1060
        // 10.0.0.5 <-> 10.0.0.6: 2 flows, 4 packets, 400 bytes, 0 accepts, 2 rejects, seen 900-2000
        QTest::newRow("bytes") << "bytes" << 0 << "10.0.0.3";
        QTest::newRow("bytes:asc") << "bytes:asc" << 0 << "10.0.0.1";
        QTest::newRow("flows") << "flows" << 0 << "10.0.0.1";
        QTest::newRow("flows:asc") << "flows:asc" << 0 << "10.0.0.3";
        QTest::newRow("packets") << "packets:desc" << 0 << "10.0.0.3";
        QTest::newRow("packets:asc") << "packets:asc" << 0 << "10.0.0.1";
        QTest::newRow("accepts") << "accepts" << 0 << "10.0.0.1";
        QTest::newRow("accepts:asc, a tie in address order") << "accepts:asc" << 0 << "10.0.0.3";
        QTest::newRow("rejects") << "rejects" << 0 << "10.0.0.5";
        QTest::newRow("rejects:asc") << "rejects:asc" << 0 << "10.0.0.1";
        QTest::newRow("first-seen, earliest first") << "first-seen" << 0 << "10.0.0.5";
        QTest::newRow("first-seen:desc") << "first-seen:desc" << 0 << "10.0.0.3";
        QTest::newRow("last-seen, earliest first") << "last-seen" << 0 << "10.0.0.3";
        QTest::newRow("last_seen:desc") << "last_seen:desc" << 0 << "10.0.0.5";
        QTest::newRow("unknown column") << "colour" << 2 << "";
        QTest::newRow("unknown direction") << "bytes:up" << 2 << "";
        QTest::newRow("empty direction") << "bytes:" << 2 << "";
    }

    void statsOrder()
    {
        QFETCH(QString, order);
        QFETCH(int, exitCode);
        QFETCH(QString, first);
        const QString caseFile = path(QStringLiteral("order.flowcase"));
        if (!QFileInfo::exists(caseFile)) {
            flowscope::test::writeFile(path(QStringLiteral("order/in.log")),
                                       "2 123456789010 eni-a 10.0.0.1 10.0.0.2 40000 443 6 1 100 1000 1010 ACCEPT OK\n"
                                       "2 123456789010 eni-a 10.0.0.1 10.0.0.2 40001 443 6 1 100 1100 1110 ACCEPT OK\n"
                                       "2 123456789010 eni-a 10.0.0.2 10.0.0.1 443 40000 6 1 100 1200 1290 ACCEPT OK\n"
                                       "2 123456789010 eni-a 10.0.0.3 10.0.0.4 40000 22 6 50 5000 1050 1060 REJECT OK\n"
                                       "2 123456789010 eni-a 10.0.0.5 10.0.0.6 40000 22 6 2 200 900 2000 REJECT OK\n"
                                       "2 123456789010 eni-a 10.0.0.5 10.0.0.6 40001 22 6 2 200 950 960 REJECT OK\n");
            QCOMPARE(cli({QStringLiteral("import"), caseFile, path(QStringLiteral("order"))}).exitCode, 0);
        }
        const Run run = cli({QStringLiteral("stats"), caseFile, QStringLiteral("conversations"), QStringLiteral("--top"),
                             QStringLiteral("1"), QStringLiteral("--order"), order, QStringLiteral("--format"),
                             QStringLiteral("json")});
        QCOMPARE(run.exitCode, exitCode);
        if (exitCode != 0) {
            QVERIFY(run.err.contains("--order '" + order.toUtf8() + "'"));
            return;
        }
        const QJsonArray rows = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("address_a")).toString(), first);

        // The table says what part of the whole it shows.
        const Run table = cli({QStringLiteral("stats"), caseFile, QStringLiteral("conversations"), QStringLiteral("--top"),
                               QStringLiteral("1"), QStringLiteral("--order"), order});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains("1 of 3 conversations, by "), table.out.constData());
    }

    void filterCheck_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("output");
        QTest::newRow("valid") << "port == 22 && action == reject" << 0 << "filter: port == 22 and action == REJECT\n";
        QTest::newRow("incomplete") << "dstport ==" << 1 << "incomplete filter at position 10:";
        QTest::newRow("invalid") << "dstport == x" << 1 << "invalid filter at position 11:";
        QTest::newRow("unknown field") << "dport == 22" << 1 << "invalid filter at position 0:";
    }

    void filterCheck()
    {
        QFETCH(QString, expression);
        QFETCH(int, exitCode);
        QFETCH(QString, output);
        const Run run = cli({QStringLiteral("filter"), QStringLiteral("check"), expression});
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.out).startsWith(output), run.out.constData());
        if (exitCode != 0)
            QVERIFY(run.out.contains('^')); // the caret under the position
    }

    // The preselection plan: SQL with `?` placeholders, the values listed
    // under each statement, never spliced into it.
    void filterCheckShowsPreselection_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QByteArray>("output");
        const QByteArray last = "then the record predicate decides record by record within the selected blocks\n";
        QTest::newRow("ipv4 cidr") << "srcaddr == 10.0.0.0/8"
                                   << "filter: srcaddr == 10.0.0.0/8\n"
                                      "index preselection:\n"
                                      "  SELECT chunk, blocks FROM address_block WHERE address BETWEEN ? AND ?\n"
                                      "    ?1 = -1979711488 (10.0.0.0)\n"
                                      "    ?2 = -1962934273 (10.255.255.255)\n"
                                      "    keeping the blocks each row lists\n" + last;
        QTest::newRow("ipv6 cidr") << "dstaddr == 2001:db8::/32"
                                   << "filter: dstaddr == 2001:db8::/32\n"
                                      "index preselection:\n"
                                      "  SELECT chunk, blocks FROM address_block WHERE address BETWEEN ? AND ?\n"
                                      "    ?1 = x'20010db8000000000000000000000000' (2001:db8::)\n"
                                      "    ?2 = x'20010db8ffffffffffffffffffffffff' (2001:db8:ffff:ffff:ffff:ffff:ffff:ffff)\n"
                                      "    keeping the blocks each row lists\n"
                                       + last;
        QTest::newRow("port set") << "dstport in {22, 443, 50000..50100}"
                                  << "filter: dstport in {22, 443, 50000..50100}\n"
                                     "index preselection:\n"
                                     "  blocks in any of:\n"
                                     "    SELECT chunk, blocks FROM port_block WHERE port BETWEEN ? AND ?\n"
                                     "      ?1 = 22\n"
                                     "      ?2 = 22\n"
                                     "      keeping the blocks each row lists\n"
                                     "    SELECT chunk, blocks FROM port_block WHERE port BETWEEN ? AND ?\n"
                                     "      ?1 = 443\n"
                                     "      ?2 = 443\n"
                                     "      keeping the blocks each row lists\n"
                                     "    SELECT chunk, blocks FROM ephemeral_port_block WHERE port BETWEEN ? AND ?\n"
                                     "      ?1 = 50000\n"
                                     "      ?2 = 50100\n"
                                     "      keeping the blocks each row lists (format 2 read-only: blocks whose port-group"
                                     " bitmap has 50000..50100)\n"
                                      + last;
        QTest::newRow("and or") << "eni == eni-d and (port == 22 or action == reject)"
                                << "filter: interface-id == \"eni-d\" and (port == 22 or action == REJECT)\n"
                                   "index preselection:\n"
                                   "  blocks in all of:\n"
                                   "    SELECT b.chunk, b.blocks FROM interface_block b JOIN interface i ON i.id = b.interface"
                                   " JOIN dictionary d ON d.id = i.interface_id WHERE d.value = ?\n"
                                   "      ?1 = \"eni-d\"\n"
                                   "      keeping the blocks each row lists\n"
                                   "    blocks in any of:\n"
                                   "      SELECT chunk, blocks FROM port_block WHERE port BETWEEN ? AND ?\n"
                                   "        ?1 = 22\n"
                                   "        ?2 = 22\n"
                                   "        keeping the blocks each row lists\n"
                                   "      SELECT id FROM flow_block WHERE rejects > 0\n" + last;
        QTest::newRow("time window") << "time >= 2026-03-10T02:00Z and time < 2026-03-11T00:00Z"
                                     << "filter: time >= 2026-03-10T02:00:00Z and time < 2026-03-11T00:00:00Z\n"
                                        "index preselection:\n"
                                        "  blocks in all of:\n"
                                        "    SELECT id FROM flow_block WHERE end_max >= ?1\n"
                                        "      ?1 = 1773108000 (2026-03-10T02:00:00Z)\n"
                                        "    SELECT id FROM flow_block WHERE start_min <= ?1\n"
                                        "      ?1 = 1773187200 (2026-03-11T00:00:00Z)\n" + last;
        QTest::newRow("cannot narrow") << "bytes > 1MB or not srcaddr == 10.0.0.5"
                                       << "filter: bytes > 1000000 or not srcaddr == 10.0.0.5\n"
                                          "index preselection: none, the filter cannot narrow blocks (every block is scanned)\n"
                                           + last;
        QTest::newRow("sql injection stays a parameter")
            << "interface-id == \"x'; DROP TABLE flow_block;--\""
            << "filter: interface-id == \"x'; DROP TABLE flow_block;--\"\n"
               "index preselection:\n"
               "  SELECT b.chunk, b.blocks FROM interface_block b JOIN interface i ON i.id = b.interface"
               " JOIN dictionary d ON d.id = i.interface_id WHERE d.value = ?\n"
               "    ?1 = \"x'; DROP TABLE flow_block;--\"\n"
               "    keeping the blocks each row lists\n" + last;
    }

    void filterCheckShowsPreselection()
    {
        QFETCH(QString, expression);
        QFETCH(QByteArray, output);
        const Run run = cli({QStringLiteral("filter"), QStringLiteral("check"), expression});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, output);
    }

    void filterCheckErrorHasCaret()
    {
        const Run run = cli({QStringLiteral("filter"), QStringLiteral("check"), QStringLiteral("dstport == 70000")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QByteArray("invalid filter at position 11:\n"
                                     "dstport == 70000\n"
                                     "           ^~~~~\n"
                                     "70000 is out of range (0..65535) for dstport\n"));
        QCOMPARE(cli({QStringLiteral("filter"), QStringLiteral("check"), QStringLiteral("port == 22"),
                      QStringLiteral("--table"), QStringLiteral("t")})
                     .exitCode,
                 2);
    }

    void filterAthena_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<QByteArray>("err"); // a part of stderr
        const QStringList table{QStringLiteral("--database"), QStringLiteral("flowlogs"), QStringLiteral("--table"),
                                QStringLiteral("vpc_flow_logs")};
        QTest::newRow("time window") << (QStringList{QStringLiteral("time >= 2026-03-10T02:00Z and time < 2026-03-11T00:00Z"
                                                                    " and not dstport == 22")}
                                         << table << QStringLiteral("--limit") << QStringLiteral("50"))
                                     << 0
                                     << QByteArray("SELECT *\n"
                                                   "FROM \"flowlogs\".\"vpc_flow_logs\"\n"
                                                   "WHERE day BETWEEN '2026/03/10' AND '2026/03/11'\n"
                                                   "  AND \"end\" >= 1773108000\n"
                                                   "  AND start < 1773187200\n"
                                                   "  AND NOT COALESCE(dstport = 22, false)\n"
                                                   "LIMIT 50\n")
                                     << QByteArray();
        QTest::newRow("injection escaped") << (QStringList{QStringLiteral("interface-id == \"x'; DROP TABLE t;--\"")} << table)
                                           << 0
                                           << QByteArray("SELECT *\n"
                                                         "FROM \"flowlogs\".\"vpc_flow_logs\"\n"
                                                         "WHERE interface_id = 'x''; DROP TABLE t;--'\n")
                                           << QByteArray("note: the filter has no time bounds");
        QTest::newRow("ioc table, hive partitions")
            << (QStringList{QStringLiteral("account-id == \"123456789010\" and srcaddr in @c2")} << table
                << QStringLiteral("--account-partition") << QStringLiteral("aws-account-id") << QStringLiteral("--day-partition=")
                << QStringLiteral("--ioc-prefix") << QStringLiteral("intel_"))
            << 0
            << QByteArray("SELECT *\n"
                          "FROM \"flowlogs\".\"vpc_flow_logs\"\n"
                          "WHERE \"aws-account-id\" = '123456789010'\n"
                          "  AND account_id = '123456789010'\n"
                          "  AND try_cast(srcaddr AS ipaddress) IN (SELECT try_cast(value AS ipaddress) FROM \"flowlogs\".\"intel_c2\")\n")
            << QByteArray();
        QTest::newRow("bad filter") << (QStringList{QStringLiteral("dstport ==")} << table) << 1 << QByteArray()
                                    << QByteArray("incomplete filter at position 10:\ndstport ==\n          ^\n");
        QTest::newRow("no table") << QStringList{QStringLiteral("port == 22"), QStringLiteral("--database"), QStringLiteral("d")}
                                  << 2 << QByteArray() << QByteArray("needs --database and --table");
    }

    void filterAthena()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, out);
        QFETCH(QByteArray, err);
        const Run run = cli(QStringList{QStringLiteral("filter"), QStringLiteral("athena")} + args);
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(run.out, out);
        QVERIFY2(run.err.contains(err), run.err.constData());
    }

    void filterAthenaOverSizeLimit()
    {
        // 8,000 addresses that cannot merge into ranges: under the limit of one
        // command-line argument, but over Athena's once written out for either side.
        QString expression = QStringLiteral("addr in {");
        for (int i = 0; i < 8000; ++i)
            expression += QStringLiteral("%1%2.%3.%4.1").arg(i ? QStringLiteral(", ") : QString()).arg(10 + i / 128 / 128).arg(i / 128 % 128).arg(i % 128 * 2);
        expression += QLatin1Char('}');
        const Run run = cli({QStringLiteral("filter"), QStringLiteral("athena"), expression, QStringLiteral("--database"),
                             QStringLiteral("d"), QStringLiteral("--table"), QStringLiteral("t")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty()); // no truncated query
        QVERIFY2(run.err.contains("over Athena's limit of 262144 bytes"), run.err.constData());
    }

    void countWithFilter_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("output");
        QTest::newRow("all") << QString() << 0 << QByteArray("3\n");
        QTest::newRow("rejects") << "action == reject" << 0 << QByteArray("1\n");
        QTest::newRow("not ssh keeps NODATA") << "not dstport == 22" << 0 << QByteArray("2\n");
        QTest::newRow("bad filter") << "dstport ==" << 2 << QByteArray();
    }

    void countWithFilter()
    {
        QFETCH(QString, filter);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, output);
        QStringList args{QStringLiteral("count"), path(QStringLiteral("query.flowcase"))};
        if (!filter.isEmpty())
            args << filter;
        const Run run = cli(args);
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(run.out, output);
    }

    void queryWithFilter()
    {
        const QString caseFile = path(QStringLiteral("query.flowcase"));
        const Run run = cli({QStringLiteral("query"), caseFile, QStringLiteral("action == reject or log-status == nodata"),
                             QStringLiteral("--columns"), QStringLiteral("srcaddr,log-status,_line"), QStringLiteral("--format=csv")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("srcaddr,log-status,_line\r\n172.31.9.69,OK,2\r\n-,NODATA,3\r\n"));
        QCOMPARE(cli({QStringLiteral("query"), caseFile, QStringLiteral("srcaddr == nonsense")}).exitCode, 2);
    }

    void timelineJsonAndCsv_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("output");
        const QString eni = QStringLiteral("eni == eni-1235b8ca123456789");
        const QByteArray header = "bucket_start,accept,reject,nodata_enis,skipdata_enis\r\n";
        // Two flows start in the first minute bucket (from 1418529960) and run into the next.
        QTest::newRow("flows json") << QStringList{eni, QStringLiteral("--bucket"), QStringLiteral("60"), QStringLiteral("--format"), QStringLiteral("json")}
                                    << QByteArray("[\n{\"bucket_start\":1418529960,\"accept\":1,\"reject\":1,\"nodata_enis\":[],\"skipdata_enis\":[]},\n"
                                                  "{\"bucket_start\":1418530020,\"accept\":0,\"reject\":0,\"nodata_enis\":[],\"skipdata_enis\":[]}\n]\n");
        // 4249 bytes over 61 seconds, 10 of them in the first bucket; 60 seconds, 9 in it.
        QTest::newRow("bytes spread csv") << QStringList{eni, QStringLiteral("--bucket=60"), QStringLiteral("--metric"), QStringLiteral("bytes"), QStringLiteral("--format=csv")}
                                          << header + "1418529960,697,637,0,0\r\n1418530020,3552,3612,0,0\r\n";
        QTest::newRow("bytes no spread") << QStringList{eni, QStringLiteral("--bucket=60"), QStringLiteral("--metric=bytes"), QStringLiteral("--no-spread"), QStringLiteral("--format=csv")}
                                         << header + "1418529960,4249,4249,0,0\r\n1418530020,0,0,0,0\r\n";
        QTest::newRow("nodata coverage") << QStringList{QStringLiteral("log-status == nodata"), QStringLiteral("--bucket=86400"), QStringLiteral("--format=csv")}
                                         << header + "1431216000,0,0,1,0\r\n";
        // JSON names the ENIs the CSV counts.
        QTest::newRow("nodata coverage json")
            << QStringList{QStringLiteral("log-status == nodata"), QStringLiteral("--bucket=86400")}
            << QByteArray("[\n{\"bucket_start\":1431216000,\"accept\":0,\"reject\":0,"
                          "\"nodata_enis\":[\"eni-11111111aaaaaaaaa\"],\"skipdata_enis\":[]}\n]\n");
    }

    void timelineJsonAndCsv()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, output);
        const Run run = cli(QStringList{QStringLiteral("timeline"), path(QStringLiteral("query.flowcase"))} + args);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out, output);
        if (output.startsWith('['))
            QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), output.count("{\"bucket_start\""));
    }

    void timelineBadArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("err");
        QTest::newRow("zero bucket") << QStringList{QStringLiteral("--bucket"), QStringLiteral("0")} << QByteArray("--bucket '0'");
        QTest::newRow("negative bucket") << QStringList{QStringLiteral("--bucket=-60")} << QByteArray("--bucket '-60'");
        QTest::newRow("bucket not a number") << QStringList{QStringLiteral("--bucket=1m")} << QByteArray("--bucket '1m'");
        QTest::newRow("unknown metric") << QStringList{QStringLiteral("--metric=octets")} << QByteArray("unknown --metric");
        // Records five months apart in one-second buckets.
        QTest::newRow("too many buckets") << QStringList{QStringLiteral("--bucket=1")} << QByteArray("over the limit of 1000000 buckets");
        QTest::newRow("bad filter") << QStringList{QStringLiteral("dstport =="), QStringLiteral("--bucket=60")} << QByteArray("^"); // the caret under the position
    }

    void timelineBadArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, err);
        const Run run = cli(QStringList{QStringLiteral("timeline"), path(QStringLiteral("query.flowcase"))} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(err), run.err.constData());
    }

    // Who talked to whom: nodes and edges whose ends are nodes, each with the
    // filter that shows its records; DOT for Graphviz.
    void graphJsonAndDot_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("format");
        const QString eni = QStringLiteral("eni == eni-1235b8ca123456789");
        QTest::newRow("eni json") << QStringList{eni, QStringLiteral("--level=eni"), QStringLiteral("--format=json")} << "json";
        QTest::newRow("vpc flows json") << QStringList{QStringLiteral("--level=vpc"), QStringLiteral("--metric=flows"), QStringLiteral("--top=2"), QStringLiteral("--format=json")} << "json";
        QTest::newRow("eni dot") << QStringList{eni, QStringLiteral("--level=eni"), QStringLiteral("--format=dot")} << "dot";
    }

    void graphJsonAndDot()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, format);
        const Run run = cli(QStringList{QStringLiteral("graph"), path(QStringLiteral("query.flowcase"))} + args);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        if (format == QStringLiteral("dot")) {
            QVERIFY(run.out.startsWith("digraph flows {"));
            QVERIFY(run.out.contains("\"eni-1235b8ca123456789\""));
            return;
        }
        const QJsonObject graph = jsonObject(run.out);
        const QJsonArray nodes = graph.value(QStringLiteral("nodes")).toArray();
        QVERIFY(!nodes.isEmpty());
        QSet<QString> ids;
        for (const QJsonValue &node : nodes) {
            ids.insert(node.toObject().value(QStringLiteral("id")).toString());
            QVERIFY(!node.toObject().value(QStringLiteral("filter")).toString().isEmpty());
        }
        if (args.contains(QStringLiteral("--top=2")))
            QVERIFY(nodes.size() <= 3); // two and "more"
        else
            QVERIFY(ids.contains(QStringLiteral("eni-1235b8ca123456789")));
        for (const QJsonValue &edge : graph.value(QStringLiteral("edges")).toArray()) {
            QVERIFY(ids.contains(edge.toObject().value(QStringLiteral("source")).toString()));
            QVERIFY(ids.contains(edge.toObject().value(QStringLiteral("target")).toString()));
        }
    }

    void graphBadArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("err");
        QTest::newRow("no level") << QStringList{QStringLiteral("--format=json")} << QByteArray("--level must be");
        QTest::newRow("unknown level") << QStringList{QStringLiteral("--level=host"), QStringLiteral("--format=json")} << QByteArray("--level must be");
        QTest::newRow("unknown metric") << QStringList{QStringLiteral("--level=eni"), QStringLiteral("--metric=octets"), QStringLiteral("--format=json")} << QByteArray("--metric must be");
        QTest::newRow("zero top") << QStringList{QStringLiteral("--level=eni"), QStringLiteral("--top=0"), QStringLiteral("--format=json")} << QByteArray("--top '0'");
        QTest::newRow("no format") << QStringList{QStringLiteral("--level=eni")} << QByteArray("--format must be");
        QTest::newRow("bad filter") << QStringList{QStringLiteral("dstport =="), QStringLiteral("--level=eni"), QStringLiteral("--format=json")} << QByteArray("^");
    }

    void graphBadArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, err);
        const Run run = cli(QStringList{QStringLiteral("graph"), path(QStringLiteral("query.flowcase"))} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(err), run.err.constData());
    }

    // A configuration snapshot loaded into a case, printed with what it holds, then listed.
    void configLoadsAndListsSnapshots()
    {
        const QString caseFile = path(QStringLiteral("config.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), caseFile, path(QStringLiteral("in"))}).exitCode, 0);
        const QString folder = path(QStringLiteral("config/good"));
        flowscope::test::writeFile(folder + QStringLiteral("/vpcs.json"), kVpcs);
        flowscope::test::writeGzip(folder + QStringLiteral("/groups.json.gz"), kGroupsWithForeignReference);
        const Run run = cli({QStringLiteral("config"), caseFile, folder, QStringLiteral("--as-of"),
                             QStringLiteral("2026-03-01T10:00:00+01:00"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject loaded = jsonObject(run.out);
        QVERIFY(loaded.value(QStringLiteral("stored")).toBool());
        const QJsonObject snapshot = loaded.value(QStringLiteral("snapshot")).toObject();
        QCOMPARE(snapshot.value(QStringLiteral("id")).toInt(), 1);
        QCOMPARE(snapshot.value(QStringLiteral("as_of")).toString(), QStringLiteral("2026-03-01T09:00:00Z"));
        QCOMPARE(snapshot.value(QStringLiteral("label")).toString(), QStringLiteral("good"));
        const QJsonArray files = loaded.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 2);
        QFile gz(folder + QStringLiteral("/groups.json.gz"));
        QVERIFY(gz.open(QIODevice::ReadOnly));
        QCOMPARE(files.at(0).toObject().value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(gz.readAll(), QCryptographicHash::Sha256).toHex()));
        QCOMPARE(files.at(0).toObject().value(QStringLiteral("documents")).toArray(), QJsonArray{QStringLiteral("SecurityGroups")});
        const QJsonObject counts = loaded.value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("security_groups")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("vpcs")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("network_acls")).toInt(), 0);
        const QJsonArray warnings = loaded.value(QStringLiteral("warnings")).toArray();
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.at(0).toObject().value(QStringLiteral("file")).toString().endsWith(u"groups.json.gz"));
        QCOMPARE(warnings.at(0).toObject().value(QStringLiteral("item")).toString(), QStringLiteral("sg-1 inbound tcp"));

        const Run second = cli({QStringLiteral("config"), caseFile, folder + QStringLiteral("/vpcs.json")});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.startsWith("snapshot 2 as of "), second.out.constData());
        QVERIFY(second.out.contains("vpcs"));

        const Run list = cli({QStringLiteral("config"), caseFile, QStringLiteral("--format=json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray snapshots = jsonObject(list.out).value(QStringLiteral("snapshots")).toArray();
        QCOMPARE(snapshots.size(), 2);
        QCOMPARE(snapshots.at(0).toObject().value(QStringLiteral("id")).toInt(), 1); // the older as-of first
        QCOMPARE(snapshots.at(0).toObject().value(QStringLiteral("warnings")).toArray().size(), 1);
        const Run table = cli({QStringLiteral("config"), caseFile});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("2026-03-01T09:00:00Z"));
    }

    // A snapshot is removed by its id with its files; an unknown id changes nothing.
    void configRemovesASnapshot()
    {
        const QString caseFile = path(QStringLiteral("config-remove.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), caseFile, path(QStringLiteral("in"))}).exitCode, 0);
        const QString vpcs = path(QStringLiteral("config/remove/vpcs.json"));
        flowscope::test::writeFile(vpcs, kVpcs);
        QCOMPARE(cli({QStringLiteral("config"), caseFile, vpcs, QStringLiteral("--as-of=2026-03-01T09:00:00Z")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("config"), caseFile, vpcs, QStringLiteral("--as-of=2026-03-02T09:00:00Z")}).exitCode, 0);

        const Run removed = cli({QStringLiteral("config"), caseFile, QStringLiteral("--remove"), QStringLiteral("1"),
                                 QStringLiteral("--format=json")});
        QCOMPARE(removed.exitCode, 0);
        const QJsonObject gone = jsonObject(removed.out);
        QCOMPARE(gone.value(QStringLiteral("removed")).toObject().value(QStringLiteral("id")).toInt(), 1);
        QCOMPARE(gone.value(QStringLiteral("removed")).toObject().value(QStringLiteral("as_of")).toString(),
                 QStringLiteral("2026-03-01T09:00:00Z"));
        QCOMPARE(gone.value(QStringLiteral("files")).toInt(), 1);
        QCOMPARE(gone.value(QStringLiteral("snapshots_left")).toInt(), 1);
        const Run list = cli({QStringLiteral("config"), caseFile, QStringLiteral("--format=json")});
        const QJsonArray snapshots = jsonObject(list.out).value(QStringLiteral("snapshots")).toArray();
        QCOMPARE(snapshots.size(), 1);
        QCOMPARE(snapshots.at(0).toObject().value(QStringLiteral("id")).toInt(), 2);

        const Run again = cli({QStringLiteral("config"), caseFile, QStringLiteral("--remove=1")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("holds no configuration snapshot 1"), again.err.constData());
        const Run table = cli({QStringLiteral("config"), caseFile, QStringLiteral("--remove=2")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.startsWith("removed snapshot 2 as of 2026-03-02T09:00:00Z"), table.out.constData());
        QVERIFY(cli({QStringLiteral("config"), caseFile}).out.contains("no configuration snapshot"));
    }

    // A snapshot far from the records says so, and when its as-of was the files' time, how to set it.
    void configWarnsOfASnapshotFarFromTheRecords()
    {
        const QString caseFile = path(QStringLiteral("config-distant.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), caseFile, path(QStringLiteral("in"))}).exitCode, 0);
        const QString vpcs = path(QStringLiteral("config/distant/vpcs.json"));
        flowscope::test::writeFile(vpcs, kVpcs); // modified now: long after the records
        const Run run = cli({QStringLiteral("config"), caseFile, vpcs});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("warning: snapshot 1 was taken ") && run.err.contains("after the case's last record"),
                 run.err.constData());
        QVERIFY2(run.err.contains("newest file modification time: give --as-of"), run.err.constData());
        const Run json = cli({QStringLiteral("config"), caseFile, vpcs, QStringLiteral("--as-of=2030-01-01T00:00:00Z"),
                              QStringLiteral("--format=json")});
        const QString note = jsonObject(json.out).value(QStringLiteral("note")).toString();
        QVERIFY2(note.contains(u"after the case's last record") && !note.contains(u"--as-of"), qPrintable(note));
    }

    // One bad file refuses the whole snapshot, naming the file and the place; the case is unchanged.
    void configRefusesABadSnapshotWhole()
    {
        const QString caseFile = path(QStringLiteral("config-bad.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), caseFile, path(QStringLiteral("in"))}).exitCode, 0);
        const QString folder = path(QStringLiteral("config/bad"));
        flowscope::test::writeFile(folder + QStringLiteral("/vpcs.json"), kVpcs);
        flowscope::test::writeFile(folder + QStringLiteral("/acls.json"), "{\"NetworkAcls\": [\n  {\"NetworkAclId\": ");
        const Run run = cli({QStringLiteral("config"), caseFile, folder});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("acls.json: line 2, column 20: malformed or truncated JSON"), run.err.constData());
        QVERIFY2(run.err.contains("the case is unchanged"), run.err.constData());
        const Run json = cli({QStringLiteral("config"), caseFile, folder, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 1);
        QVERIFY(!jsonObject(json.out).value(QStringLiteral("stored")).toBool());
        QCOMPARE(jsonObject(json.out).value(QStringLiteral("errors")).toArray().size(), 1);
        const Run list = cli({QStringLiteral("config"), caseFile, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(jsonObject(list.out).value(QStringLiteral("snapshots")).toArray().size(), 0);
    }

    void configBadArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("err");
        const QString vpcs = QStringLiteral("VPCS");
        QTest::newRow("no case") << QStringList{} << QByteArray("needs CASE");
        QTest::newRow("bad as-of") << QStringList{QStringLiteral("CASE"), vpcs, QStringLiteral("--as-of"), QStringLiteral("yesterday")}
                                   << QByteArray("--as-of 'yesterday' is not an ISO 8601 time");
        QTest::newRow("as-of without a path") << QStringList{QStringLiteral("CASE"), QStringLiteral("--as-of=2026-03-01T09:00:00Z")}
                                              << QByteArray("need a PATH");
        QTest::newRow("unknown format") << QStringList{QStringLiteral("CASE"), QStringLiteral("--format=csv")} << QByteArray("unknown --format 'csv'");
        QTest::newRow("missing path") << QStringList{QStringLiteral("CASE"), QStringLiteral("/nonexistent/groups.json")}
                                      << QByteArray("/nonexistent/groups.json: no such file or folder");
        QTest::newRow("missing case") << QStringList{path(QStringLiteral("nowhere.flowcase")), vpcs} << QByteArray("nowhere.flowcase");
        QTest::newRow("not a case") << QStringList{vpcs} << QByteArray("vpcs.json");
        QTest::newRow("remove with a path") << QStringList{QStringLiteral("CASE"), vpcs, QStringLiteral("--remove=1")}
                                            << QByteArray("--remove takes no PATH");
        QTest::newRow("remove a word") << QStringList{QStringLiteral("CASE"), QStringLiteral("--remove=first")}
                                       << QByteArray("--remove 'first' is not a snapshot id");
    }

    void configBadArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, err);
        const QString caseFile = path(QStringLiteral("config-args.flowcase"));
        if (!QFileInfo::exists(caseFile))
            QCOMPARE(cli({QStringLiteral("import"), caseFile, path(QStringLiteral("in"))}).exitCode, 0);
        const QString vpcs = path(QStringLiteral("config/args/vpcs.json"));
        flowscope::test::writeFile(vpcs, kVpcs);
        args.replaceInStrings(QStringLiteral("CASE"), caseFile);
        args.replaceInStrings(QStringLiteral("VPCS"), vpcs);
        const Run run = cli(QStringList{QStringLiteral("config")} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(err), run.err.constData());
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("nowhere.flowcase"))));
    }

    // Only the PDF report draws with QtGui: every other command starts
    // without loading its libraries, which took about half of a count's time.
    void loadsNoGuiLibraries()
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LD_TRACE_LOADED_OBJECTS"), QStringLiteral("1")); // list them, run nothing
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(FLOWSCOPE_CLI), {QStringLiteral("--version")});
        QVERIFY(process.waitForFinished(-1));
        const QByteArray loaded = process.readAllStandardOutput();
        QVERIFY2(loaded.contains("libQt6Core"), loaded.constData());
        QVERIFY2(!loaded.contains("libQt6Gui"), loaded.constData());
    }

    // The report is written by flowscope-cli-report beside flowscope-cli: a
    // copy of flowscope-cli without it says so and writes nothing.
    void reportWithoutItsProgramIsRefused()
    {
        const QString casePath = path(QStringLiteral("lone.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), casePath, path(QStringLiteral("in/good.log.gz"))}).exitCode, 0);
        QVERIFY(QDir().mkpath(path(QStringLiteral("lone"))));
        const QString lone = path(QStringLiteral("lone/flowscope-cli"));
        QVERIFY(QFile::copy(QStringLiteral(FLOWSCOPE_CLI), lone));
        const QString out = path(QStringLiteral("lone/report.pdf"));
        const Run run = flowscope::test::runCli(lone, {QStringLiteral("export"), casePath, QStringLiteral("--what"),
                                                       QStringLiteral("report"), QStringLiteral("--out"), out});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith("flowscope-cli export: the report is written by flowscope-cli-report, which is not installed"),
                 run.err.constData());
        QVERIFY(!QFileInfo::exists(out));
    }

    void version()
    {
        const Run run = cli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("flowscope-cli "));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
