// SPDX-License-Identifier: GPL-3.0-or-later
// `flowscope-cli explain` on a small case: its JSON against golden files
// (from the records alone, against a snapshot, grouped), the table, and the
// usage errors.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kData = QStringLiteral(FLOWSCOPE_CLI_DATA);
const QString kGolden = QStringLiteral(FLOWSCOPE_CLI_GOLDEN);
const QString kEstate = QStringLiteral(FLOWSCOPE_EXPLAIN_DATA) + QStringLiteral("/estate");

struct Run {
    int exitCode;
    QByteArray out;
    QByteArray err;
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliExplain : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Runs in the case's folder, so that records name their file "flows.log".
    Run cli(const QStringList &args) const
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral(FLOWSCOPE_CLI), args);
        if (!process.waitForFinished(120000))
            return {-1, {}, "timeout"};
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::copy(kData + QStringLiteral("/explain/flows.log"), m_dir.filePath(QStringLiteral("flows.log"))));
        const Run import = cli({QStringLiteral("import"), QStringLiteral("case.flowcase"), QStringLiteral("flows.log")});
        QCOMPARE(import.exitCode, 0);
    }

    void goldenJson_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("golden");
        const QStringList snapshot{QStringLiteral("--snapshot"), kEstate, QStringLiteral("--as-of"),
                                   QStringLiteral("2025-12-06T00:00:00Z")};
        QTest::newRow("from the records") << QStringList() << "flows.json";
        QTest::newRow("against a snapshot") << snapshot << "config.json";
        QTest::newRow("grouped") << (QStringList{QStringLiteral("--group")} + snapshot) << "group.json";
    }

    void goldenJson()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, golden);
        const Run run = cli(QStringList{QStringLiteral("explain"), QStringLiteral("case.flowcase")} + args);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(run.out).isArray());
        QCOMPARE(QString::fromUtf8(run.out), QString::fromUtf8(readAll(kGolden + QStringLiteral("/explain/") + golden)));
    }

    // The case's own snapshots decide once stored: the same verdicts as the
    // same files given with --snapshot, under the case's snapshot id.
    void caseSnapshotsDecide()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("case.flowcase")), dir.filePath(QStringLiteral("case.flowcase"))));
        const QString caseFile = dir.filePath(QStringLiteral("case.flowcase"));
        const Run config = cli({QStringLiteral("config"), caseFile, kEstate, QStringLiteral("--as-of"),
                                QStringLiteral("2025-12-06T00:00:00Z")});
        QCOMPARE(config.exitCode, 0);
        const Run run = cli({QStringLiteral("explain"), caseFile});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray stored = QJsonDocument::fromJson(run.out).array();
        const QJsonArray golden = QJsonDocument::fromJson(readAll(kGolden + QStringLiteral("/explain/config.json"))).array();
        QCOMPARE(stored.size(), golden.size());
        for (qsizetype i = 0; i < stored.size(); ++i) {
            QJsonObject explanation = stored[i].toObject();
            QJsonObject expected = golden[i].toObject();
            QCOMPARE(explanation[QStringLiteral("snapshot")].toObject()[QStringLiteral("id")].toInt(), 1);
            QCOMPARE(explanation[QStringLiteral("snapshot")].toObject()[QStringLiteral("as_of")].toString(),
                     QStringLiteral("2025-12-06T00:00:00Z"));
            for (QJsonObject *object : {&explanation, &expected}) {
                object->remove(QStringLiteral("snapshot"));
                object->remove(QStringLiteral("record"));
            }
            QCOMPARE(explanation, expected);
        }
    }

    void filterNarrowsTheRejects()
    {
        const Run run = cli({QStringLiteral("explain"), QStringLiteral("case.flowcase"),
                             QStringLiteral("eni == eni-0web1 and action == reject")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray explanations = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(explanations.size(), 2);
        for (const QJsonValue &value : explanations)
            QCOMPARE(value.toObject()[QStringLiteral("record")].toObject()[QStringLiteral("interface-id")].toString(),
                     QStringLiteral("eni-0web1"));
        // A filter keeping accepted records explains only its rejects.
        const Run accepts = cli({QStringLiteral("explain"), QStringLiteral("case.flowcase"), QStringLiteral("action == accept")});
        QCOMPARE(accepts.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(accepts.out).array().size(), 0);
    }

    void unanswered()
    {
        const Run run = cli({QStringLiteral("explain"), QStringLiteral("case.flowcase"), QStringLiteral("--unanswered")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray requests = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(requests.size(), 1);
        const QJsonObject request = requests[0].toObject();
        QCOMPARE(request[QStringLiteral("record")].toObject()[QStringLiteral("_line")].toInt(), 10);
        QCOMPARE(request[QStringLiteral("verdict")].toString(), QStringLiteral("unknown"));
        QVERIFY(request[QStringLiteral("route")].isNull());
        QVERIFY(request[QStringLiteral("snapshot")].isNull());
        QCOMPARE(request[QStringLiteral("basis")].toString(), QStringLiteral("flows"));
        QVERIFY(request[QStringLiteral("code")].isNull());
        QVERIFY(request[QStringLiteral("explanation")].toString().contains(QStringLiteral("outside the flow logs' sight")));
        // With the snapshot the route table decides, and says so: its source has no public address
        // for the internet gateway, Reachability Analyzer's IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS.
        const Run routed = cli({QStringLiteral("explain"), QStringLiteral("case.flowcase"), QStringLiteral("--unanswered"),
                                QStringLiteral("--snapshot"), kEstate, QStringLiteral("--as-of"), QStringLiteral("2025-12-06T00:00:00Z")});
        QCOMPARE(routed.exitCode, 0);
        const QJsonObject decided = QJsonDocument::fromJson(routed.out).array()[0].toObject();
        QCOMPARE(decided[QStringLiteral("verdict")].toString(), QStringLiteral("route-allows"));
        QCOMPARE(decided[QStringLiteral("basis")].toString(), QStringLiteral("config"));
        QCOMPARE(decided[QStringLiteral("code")].toString(), QStringLiteral("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS"));
        QCOMPARE(decided[QStringLiteral("route")].toString(), QStringLiteral("0.0.0.0/0 igw-0prod"));
        QVERIFY(!decided[QStringLiteral("snapshot")].isNull());
        const Run grouped = cli({QStringLiteral("explain"), QStringLiteral("case.flowcase"), QStringLiteral("--unanswered"),
                                 QStringLiteral("--group")});
        QCOMPARE(QJsonDocument::fromJson(grouped.out).array()[0].toObject()[QStringLiteral("count")].toInt(), 1);
    }

    void table()
    {
        const Run run = cli({QStringLiteral("explain"), QStringLiteral("case.flowcase"), QStringLiteral("--format"),
                             QStringLiteral("table")});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 7);
        QVERIFY(lines[0].startsWith("_id"));
        QVERIFY(lines[1].contains("network-acl") && lines[1].contains("request:"));
        // Protocols by name, as the flow table shows them.
        const QList<QByteArray> cells = lines[1].simplified().split(' ');
        QCOMPARE(cells.value(lines[0].simplified().split(' ').indexOf("protocol")), QByteArray("tcp"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("csv") << QStringList{QStringLiteral("case.flowcase"), QStringLiteral("--format"), QStringLiteral("csv")}
                             << "--format must be json or table";
        QTest::newRow("bad filter") << QStringList{QStringLiteral("case.flowcase"), QStringLiteral("dstport ==")} << "dstport";
        QTest::newRow("as-of alone") << QStringList{QStringLiteral("case.flowcase"), QStringLiteral("--as-of"),
                                                    QStringLiteral("2025-12-06T00:00:00Z")}
                                     << "--as-of needs --snapshot";
        QTest::newRow("as-of without zone") << QStringList{QStringLiteral("case.flowcase"), QStringLiteral("--snapshot"), kEstate,
                                                           QStringLiteral("--as-of"), QStringLiteral("2025-12-06T00:00:00")}
                                            << "with a zone";
        QTest::newRow("nothing loaded") << QStringList{QStringLiteral("case.flowcase"), QStringLiteral("--snapshot"),
                                                       QStringLiteral("flows.log")}
                                        << "no configuration was loaded";
        QTest::newRow("no case") << QStringList{QStringLiteral("missing.flowcase")} << "missing.flowcase";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = cli(QStringList{QStringLiteral("explain")} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliExplain)
#include "tst_cliexplain.moc"
