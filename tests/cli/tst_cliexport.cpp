// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-cli export: CSV to a file or stdout, read back with libcsv; bad
// filters, unwritable files and unknown tables fail clearly and leave no file.

#include "cli_process.h"
#include "csv_parse.h"
#include "test_files.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = flowscope::test::CliRun;

Run cli(const QStringList &args) { return flowscope::test::runCli(QStringLiteral(FLOWSCOPE_CLI), args); }

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        flowscope::test::writeFile(
            path(QStringLiteral("in.log")),
            flowscope::test::smallTrafficRecords()
                + "2 123456789010 eni-a 2001:db8::7 2001:db8::1:9 40003 443 6 1 100 1700000400 1700000460 ACCEPT OK\n");
        flowscope::test::writeFile(path(QStringLiteral("ecs.log")),
                                   "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes "
                                   "start end action log-status ecs-service-name\n"
                                   "5 123456789010 eni-d 10.0.0.5 10.0.0.6 40000 443 6 1 100 1700000500 1700000560 ACCEPT OK "
                                   "=cmd|'/C+calc'!A0\n");
        m_case = path(QStringLiteral("c.flowcase"));
        const Run imported = cli({QStringLiteral("import"), m_case, path(QStringLiteral("in.log")), path(QStringLiteral("ecs.log"))});
        QCOMPARE(imported.exitCode, 0);
    }

    void tables_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("rows"); // after the header
        QTest::addColumn<QString>("firstColumn");
        QTest::newRow("flows") << QStringList{"--what", "flows"} << 7 << "version";
        QTest::newRow("flows of a filter") << QStringList{"--what", "flows", "srcaddr == 2001:db8::/32"} << 1 << "version";
        QTest::newRow("flows, none") << QStringList{"--what", "flows", "dstport == 1"} << 0 << "version";
        QTest::newRow("conversations") << QStringList{"--what", "conversations"} << 4 << "address_a";
        QTest::newRow("conversations by service")
            << QStringList{"--what", "conversations", "--by", "service"} << 4 << "address_a";
        QTest::newRow("endpoints by eni") << QStringList{"--what", "endpoints", "--by", "eni"} << 4 << "interface-id";
        QTest::newRow("explanations") << QStringList{"--what", "explanations"} << 1 << "_id";
        QTest::newRow("explanations grouped") << QStringList{"--what", "explanations", "--group"} << 1 << "count";
        QTest::newRow("findings, none stored") << QStringList{"--what", "findings"} << 0 << "id";
        QTest::newRow("incident, nothing marked") << QStringList{"--what", "incident"} << 0 << "time";
    }

    void tables()
    {
        QFETCH(QStringList, args);
        QFETCH(int, rows);
        QFETCH(QString, firstColumn);
        const QString out = path(QStringLiteral("table.csv"));
        const Run toFile = cli(QStringList{QStringLiteral("export"), m_case} + args + QStringList{QStringLiteral("--out"), out});
        QCOMPARE(toFile.exitCode, 0);
        QVERIFY2(toFile.err.contains("written to"), toFile.err.constData());
        const QByteArray text = readAll(out);
        const auto parsed = flowscope::test::parseCsv(text);
        QCOMPARE(int(parsed.size()), rows + 1);
        QCOMPARE(parsed[0].front(), firstColumn);

        const Run toStdout = cli(QStringList{QStringLiteral("export"), m_case} + args);
        QCOMPARE(toStdout.exitCode, 0);
        QCOMPARE(toStdout.out, text);
        const Run dash = cli(QStringList{QStringLiteral("export"), m_case} + args + QStringList{QStringLiteral("--out"), QStringLiteral("-")});
        QCOMPARE(dash.out, text);
    }

    void formulasNeutralisedUnlessRaw()
    {
        const Run neutral = cli({QStringLiteral("export"), m_case, QStringLiteral("--what"), QStringLiteral("flows"),
                                 QStringLiteral("interface-id == eni-d")});
        QVERIFY(neutral.out.contains("\"'=cmd|'/C+calc'!A0\""));
        const Run raw = cli({QStringLiteral("export"), m_case, QStringLiteral("--what"), QStringLiteral("flows"),
                             QStringLiteral("interface-id == eni-d"), QStringLiteral("--raw")});
        QVERIFY(raw.out.contains(",=cmd|'/C+calc'!A0,"));
    }

    void failuresLeaveNoFile_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad filter") << QStringList{"--what", "flows", "srcaddr =="} << "bad.csv" << "expected an address";
        QTest::newRow("unknown table") << QStringList{"--what", "finding"} << "finding.csv" << "--what 'finding'";
        QTest::newRow("filter on findings") << QStringList{"--what", "findings", "dstport == 443"} << "findings.csv"
                                            << "a FILTER does not apply to findings";
        QTest::newRow("pdf") << QStringList{"--what", "flows", "--format", "pdf"} << "report.pdf" << "--format 'pdf'";
        QTest::newRow("option of another table") << QStringList{"--what", "flows", "--group"} << "group.csv" << "--group";
        QTest::newRow("no such folder") << QStringList{"--what", "flows"} << "missing/out.csv" << "missing/out.csv";
        QTest::newRow("no case") << QStringList{"--what", "flows"} << "nocase.csv" << "";
    }

    void failuresLeaveNoFile()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, out);
        QFETCH(QString, message);
        const QString casePath = QTest::currentDataTag() == QByteArray("no case") ? path(QStringLiteral("none.flowcase")) : m_case;
        const QStringList before = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
        const Run run = cli(QStringList{QStringLiteral("export"), casePath} + args + QStringList{QStringLiteral("--out"), path(out)});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QVERIFY(!QFile::exists(path(out)));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), before);
    }

    // Standard output on a full device: the writing thread's failure ends
    // the export with exit 2 and the reason.
    void fullStandardOutputSaysWhy()
    {
        if (!QFile::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full here");
        QProcess process;
        process.setStandardOutputFile(QStringLiteral("/dev/full"));
        process.start(QStringLiteral(FLOWSCOPE_CLI), {QStringLiteral("export"), m_case, QStringLiteral("--what"),
                                                      QStringLiteral("flows")});
        QVERIFY(process.waitForFinished(300000));
        QCOMPARE(process.exitCode(), 2);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("writing to standard output failed: No space left on device"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"
