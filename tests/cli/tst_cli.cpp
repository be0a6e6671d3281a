// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-cli as a script would use it: exit codes and JSON.

#include "test_files.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray kGood =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n"
    "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530011 1418530070 REJECT OK\n"
    "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - NODATA\n";

struct Run {
    int exitCode;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(FLOWSCOPE_CLI), args);
    if (!process.waitForFinished(120000))
        return {-1, {}, "timeout"};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

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

    void filterCheck_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("output");
        QTest::newRow("valid") << "port == 22 && action == reject" << 0 << "port == 22 and action == REJECT\n";
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

    void version()
    {
        const Run run = cli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("flowscope-cli "));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
