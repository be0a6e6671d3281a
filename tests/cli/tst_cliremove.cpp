// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-cli remove: a case that imported B and then A and lost B answers
// every question (records, counts, summary, statistics, timelines, graph) as
// a case that imported only A; unknown ids and SHA-256 are refused with the
// case unchanged.

#include "cli_process.h"
#include "generated_flow_log.h"
#include "test_files.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = flowscope::test::CliRun;

Run cli(const QStringList &args) { return flowscope::test::runCli(QStringLiteral(FLOWSCOPE_CLI), args); }

// The questions asked of both cases (CASE stands for the case).
const QList<QStringList> kQuestions{
    {"query", "CASE", "--format", "csv", "--limit", "1000000"},
    {"count", "CASE"},
    {"count", "CASE", "action == reject and dstport == 443"},
    {"stats", "CASE", "conversations", "--top", "100000", "--format", "csv"},
    {"stats", "CASE", "endpoints", "--by", "eni", "--top", "100000", "--format", "csv"},
    {"timeline", "CASE", "--format", "csv"},
    {"timeline", "CASE", "--metric", "bytes", "--bucket", "60", "--format", "json"},
    {"timeline", "CASE", "addr == 10.1.0.0/16", "--metric", "packets", "--format", "csv"},
    {"graph", "CASE", "--level", "eni", "--format", "json"},
};

} // namespace

class TestCliRemove : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString sha256Of(const QString &caseFile, const QString &name)
    {
        const Run list = cli({QStringLiteral("remove"), caseFile, QStringLiteral("--list"), QStringLiteral("--json")});
        for (const QJsonValue &file : QJsonDocument::fromJson(list.out).array())
            if (file[QStringLiteral("path")].toString().endsWith(name))
                return file[QStringLiteral("sha256")].toString();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        flowscope::test::writeGzip(path(QStringLiteral("a.log.gz")),
                                   flowscope::test::generatedFlowLog(11, 7000, {"eni-a", "eni-b"}));
        flowscope::test::writeGzip(path(QStringLiteral("b.log.gz")),
                                   flowscope::test::generatedFlowLog(12, 5000, {"eni-b", "eni-c"}));
    }

    void removedFileLeavesTheCaseThatNeverHadIt()
    {
        const QString full = path(QStringLiteral("full.flowcase")), never = path(QStringLiteral("never.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), full, path(QStringLiteral("b.log.gz"))}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("import"), full, path(QStringLiteral("a.log.gz"))}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("import"), never, path(QStringLiteral("a.log.gz"))}).exitCode, 0);

        const QString sha = sha256Of(full, QStringLiteral("b.log.gz"));
        QCOMPARE(sha.size(), 64);
        const Run removed = cli({QStringLiteral("remove"), full, sha.toUpper(), QStringLiteral("--json")});
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(removed.out).object();
        QCOMPARE(result[QStringLiteral("records")].toInteger(), 5000);
        QVERIFY(result[QStringLiteral("file")].toString().endsWith(QStringLiteral("b.log.gz")));

        for (QStringList question : kQuestions) {
            QStringList ofNever = question;
            question.replace(1, full);
            ofNever.replace(1, never);
            const Run a = cli(question), b = cli(ofNever);
            QVERIFY2(a.exitCode == 0 && !a.out.isEmpty(), qPrintable(question.join(QLatin1Char(' ')) + a.err));
            if (a.out != b.out)
                QFAIL(qPrintable(question.join(QLatin1Char(' ')) + QStringLiteral(" differs")));
        }
        // info differs only in nothing: the same summary.
        QCOMPARE(cli({QStringLiteral("info"), full, QStringLiteral("--json")}).out,
                 cli({QStringLiteral("info"), never, QStringLiteral("--json")}).out);
    }

    void refusesUnknownFiles_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("id") << QStringLiteral("42");
        QTest::newRow("sha256") << QString(64, QLatin1Char('f'));
        QTest::newRow("neither") << QStringLiteral("a.log.gz");
    }

    void refusesUnknownFiles()
    {
        QFETCH(QString, which);
        const QString caseFile = path(QStringLiteral("unknown.flowcase"));
        if (!QFile::exists(caseFile))
            QCOMPARE(cli({QStringLiteral("import"), caseFile, path(QStringLiteral("a.log.gz"))}).exitCode, 0);
        const QByteArray before = cli({QStringLiteral("info"), caseFile, QStringLiteral("--json")}).out;
        const Run run = cli({QStringLiteral("remove"), caseFile, which});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(which.toUtf8()) && run.err.contains("no imported file"), run.err.constData());
        QCOMPARE(cli({QStringLiteral("info"), caseFile, QStringLiteral("--json")}).out, before);
    }
};

QTEST_GUILESS_MAIN(TestCliRemove)
#include "tst_cliremove.moc"
