// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-cli detect over a small generated case: the JSON fields (null
// where they do not apply), evidence filters that `count` answers with the
// finding's records, --only and --set, clear errors for unknown names and
// bad values, and findings stored in the case, a new run of a detector
// replacing its own.

#include "cli_process.h"
#include "detect/finding_store.h"
#include "store/case_db.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {

using Run = flowscope::test::CliRun;

Run cli(const QStringList &args) { return flowscope::test::runCli(QStringLiteral(FLOWSCOPE_CLI), args); }

constexpr qint64 kT0 = 1'773'100'800;
constexpr int kScanPorts = 30;
constexpr int kBeacons = 40;

// A rejected scan of 30 ports and a beacon every 5 minutes to the internet.
QByteArray flowLog()
{
    QByteArray out = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
                     "action log-status tcp-flags\n";
    for (int i = 0; i < kScanPorts; ++i)
        out += QStringLiteral("5 123456789012 eni-web 203.0.113.66 10.0.1.10 %1 %2 6 1 44 %3 %4 REJECT OK 2\n")
                   .arg(50000 + i).arg(1000 + i).arg(kT0 + 2 * i).arg(kT0 + 2 * i + 60).toUtf8();
    for (int i = 0; i < kBeacons; ++i)
        out += QStringLiteral("5 123456789012 eni-app 10.0.2.7 198.51.100.20 %1 443 6 3 420 %2 %3 ACCEPT OK 27\n")
                   .arg(40000 + i).arg(kT0 + 300 * i + (i * 7) % 40).arg(kT0 + 300 * i + 60).toUtf8();
    return out;
}

} // namespace

class TestCliDetect : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

    QJsonArray detect(const QStringList &extra)
    {
        const Run run = cli(QStringList{QStringLiteral("detect"), m_case} + extra + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        if (run.exitCode != 0)
            qWarning("%s", run.err.constData());
        const QJsonDocument document = QJsonDocument::fromJson(run.out);
        return document.array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString log = m_dir.filePath(QStringLiteral("in.log"));
        QFile file(log);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(flowLog());
        file.close();
        m_case = m_dir.filePath(QStringLiteral("c.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), m_case, log}).exitCode, 0);
    }

    void printsFindingsWithEvidence()
    {
        const QJsonArray findings = detect({});
        QCOMPARE(findings.size(), 2);
        const QStringList keys{"id", "type", "severity", "title", "src", "dst", "dstport", "protocol", "interface-id",
                               "start", "end", "records", "bytes", "period_s", "evidence_filter"};
        QStringList types;
        for (const QJsonValue &value : findings) {
            const QJsonObject f = value.toObject();
            QCOMPARE(f.keys().size(), keys.size());
            for (const QString &key : keys)
                QVERIFY2(f.contains(key), qPrintable(key));
            types << f[QStringLiteral("type")].toString();
            QVERIFY(f[QStringLiteral("interface-id")].isNull());
            const Run count = cli({QStringLiteral("count"), m_case, f[QStringLiteral("evidence_filter")].toString()});
            QCOMPARE(count.exitCode, 0);
            QCOMPARE(count.out.trimmed().toLongLong(), f[QStringLiteral("records")].toInteger());
        }
        // Both start at the same second: then by type.
        QCOMPARE(types, (QStringList{QStringLiteral("beaconing"), QStringLiteral("port-scan")}));
        const QJsonObject scan = findings[1].toObject();
        QCOMPARE(scan[QStringLiteral("src")].toString(), QStringLiteral("203.0.113.66"));
        QCOMPARE(scan[QStringLiteral("records")].toInt(), kScanPorts);
        QVERIFY(scan[QStringLiteral("period_s")].isNull());
        QVERIFY(scan[QStringLiteral("dstport")].isNull()); // many ports
        const QJsonObject beacon = findings[0].toObject();
        QCOMPARE(beacon[QStringLiteral("dstport")].toInt(), 443);
        QCOMPARE(beacon[QStringLiteral("protocol")].toInt(), 6);
        QCOMPARE(beacon[QStringLiteral("records")].toInt(), kBeacons);
        QVERIFY(std::abs(beacon[QStringLiteral("period_s")].toDouble() - 300) <= 40);
    }

    void filterAndOnlyAndSet()
    {
        QCOMPARE(detect({QStringLiteral("dstport == 443")}).size(), 1);
        QCOMPARE(detect({QStringLiteral("--only"), QStringLiteral("port-scan")}).size(), 1);
        QCOMPARE(detect({QStringLiteral("--set"), QStringLiteral("port-scan.min-failed-targets=31")}).size(), 1);
        QCOMPARE(detect({QStringLiteral("--set=port-scan.min-failed-targets=30"), QStringLiteral("--set"),
                         QStringLiteral("beaconing.min-connections=41")})
                     .size(),
                 1);
    }

    void storesAndReplacesFindings()
    {
        QCOMPARE(detect({}).size(), 2);
        QCOMPARE(detect({QStringLiteral("--only"), QStringLiteral("port-scan"), QStringLiteral("--set"),
                         QStringLiteral("port-scan.min-failed-targets=100")})
                     .size(),
                 0);
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        const auto stored = loadFindings(*caseDb);
        QCOMPARE(stored.size(), std::size_t(1)); // the beacon stays; the scan was replaced by nothing
        QCOMPARE(stored.front().type, std::string("beaconing"));
        QCOMPARE(stored.front().records, std::uint64_t(kBeacons));
        bool sawScanRun = false;
        for (const StoredRun &run : loadRuns(*caseDb))
            if (run.detector == "port-scan") {
                sawScanRun = true;
                QVERIFY(run.parameters.find("port-scan.min-failed-targets=100") != std::string::npos);
                QCOMPARE(run.recordsRead, std::uint64_t(kScanPorts + kBeacons));
            }
        QVERIFY(sawScanRun);
    }

    void clearErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown detector") << QStringList{"--only", "port-scan,ioc-hitt"}
                                          << QStringLiteral("unknown detector 'ioc-hitt'");
        QTest::newRow("unknown setting") << QStringList{"--set", "beaconing.period=60"}
                                         << QStringLiteral("unknown setting 'beaconing.period'");
        QTest::newRow("bad value") << QStringList{"--set", "exfiltration.min-bytes=lots"}
                                   << QStringLiteral("'lots' needs a byte count");
        QTest::newRow("setting without value") << QStringList{"--set", "port-scan.window-s"}
                                               << QStringLiteral("is not DETECTOR.NAME=VALUE");
        QTest::newRow("bad filter") << QStringList{"dstport =="} << QStringLiteral("dstport ==");
        QTest::newRow("bad format") << QStringList{"--format", "csv"} << QStringLiteral("unknown --format 'csv'");
    }

    void clearErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = cli(QStringList{QStringLiteral("detect"), m_case} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliDetect)
#include "tst_clidetect.moc"
