// SPDX-License-Identifier: GPL-3.0-or-later
// count and query with the filter fields a configuration snapshot answers,
// against the snapshot in force over the records' time (counts checked against a scan of the
// input lines), the error without a snapshot, and the note on stderr when a
// filter finds nothing but names traffic flow logs never record.

#include "cli_process.h"
#include "explain/snapshot_loader.h"
#include "explain/snapshot_store.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace flowscope;

namespace {

using Run = flowscope::test::CliRun;

Run cli(const QStringList &args) { return flowscope::test::runCli(QStringLiteral(FLOWSCOPE_CLI), args); }

const QStringList kEnis{QStringLiteral("eni-0web1"), QStringLiteral("eni-0web2"), QStringLiteral("eni-0app1"),
                        QStringLiteral("eni-0db1"), QStringLiteral("eni-0nat"), QStringLiteral("eni-0elsewhere")};

struct Line {
    QString eni;
    bool reject = false;
};

} // namespace

class TestCliEnrichment : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;
    std::vector<Line> m_lines;
    explain::ConfigSnapshot m_snapshot;

    // The lines whose interface has the group (by id or name), by a scan of the input.
    int expectedForGroup(const QString &group, bool rejectsOnly) const
    {
        int count = 0;
        for (const Line &line : m_lines) {
            const explain::NetworkInterface *eni = explain::findById(m_snapshot.interfaces, line.eni);
            bool member = false;
            for (const QString &id : eni ? eni->groupIds : QStringList()) {
                const explain::SecurityGroup *sg = explain::findById(m_snapshot.securityGroups, id);
                member = member || id == group || (sg && sg->name == group);
            }
            count += member && (!rejectsOnly || line.reject);
        }
        return count;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        std::mt19937_64 random(11);
        QByteArray log = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start "
                         "end action log-status\n";
        for (int i = 0; i < 400; ++i) {
            Line line{kEnis[static_cast<int>(random() % kEnis.size())], random() % 4 == 0};
            log += "2 123456789012 " + line.eni.toUtf8() + " 10.0.3.21 198.51.100.7 40000 443 6 3 300 "
                + QByteArray::number(1773100800 + i) + ' ' + QByteArray::number(1773100860 + i)
                + (line.reject ? " REJECT OK\n" : " ACCEPT OK\n");
            m_lines.push_back(line);
        }
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), log);
        m_case = m_dir.filePath(QStringLiteral("c.flowcase"));
        QCOMPARE(cli({QStringLiteral("import"), m_case, m_dir.filePath(QStringLiteral("in.log"))}).exitCode, 0);
    }

    void withoutSnapshotTheFieldsAreAnError()
    {
        const Run run = cli({QStringLiteral("count"), m_case, QStringLiteral("security-group == sg-0web")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no configuration snapshot loaded: security-group needs one"), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void storeSnapshots()
    {
        // The estate an hour before the records, then a snapshot naming nothing long after them: the
        // one in force over the records' time answers, not the newest.
        const QString data = QStringLiteral(FLOWSCOPE_EXPLAIN_DATA);
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadWrite);
        QVERIFY(explain::importSnapshot(*caseDb, {data + QStringLiteral("/estate/vpcs.json")},
                                        QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC))
                    .isStored());
        QVERIFY(explain::importSnapshot(*caseDb, {data + QStringLiteral("/estate")},
                                        QDateTime::fromSecsSinceEpoch(1773100800 - 3600, Qt::UTC))
                    .isStored());
        m_snapshot = explain::loadSnapshot({data + QStringLiteral("/estate")}).snapshot;
        QVERIFY(!m_snapshot.interfaces.empty());
    }

    void countBySnapshotFields_data()
    {
        QTest::addColumn<QString>("group");
        QTest::addColumn<bool>("rejectsOnly");
        QTest::newRow("group id") << "sg-0web" << false;
        QTest::newRow("group id and rejects") << "sg-0web" << true;
        QTest::newRow("group name") << "default" << false;
        QTest::newRow("group of another interface") << "sg-0db" << true;
        QTest::newRow("no such group") << "sg-0none" << false;
    }

    void countBySnapshotFields()
    {
        QFETCH(QString, group);
        QFETCH(bool, rejectsOnly);
        const QString filter = QStringLiteral("security-group == \"%1\"").arg(group)
            + (rejectsOnly ? QStringLiteral(" and action == reject") : QString());
        const Run run = cli({QStringLiteral("count"), m_case, filter});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed().toInt(), expectedForGroup(group, rejectsOnly));
        // stderr names the snapshot that answered and how far its time lies from the records'.
        QVERIFY2(run.err.startsWith("flowscope-cli count: note: security-group, instance-name, subnet-name and vpc-name are "
                                    "answered by the configuration snapshot as of 2026-03-09 23:00:00 UTC, taken 60 minutes "
                                    "before the first of the records"),
                 run.err.constData());
    }

    void queryBySnapshotFields()
    {
        const Run run = cli({QStringLiteral("query"), m_case, QStringLiteral("subnet-name == app or instance-name == web-1"),
                             QStringLiteral("--columns"), QStringLiteral("interface-id"), QStringLiteral("--format=csv")});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> rows = run.out.trimmed().split('\n').mid(1);
        int expected = 0;
        for (const Line &line : m_lines)
            expected += line.eni == u"eni-0app1" || line.eni == u"eni-0web1";
        QCOMPARE(rows.size(), expected);
        for (const QByteArray &row : rows)
            QVERIFY(row.trimmed() == "eni-0app1" || row.trimmed() == "eni-0web1");
    }

    // Every command that takes a filter takes the snapshot's fields: stats
    // and timeline add up exactly the group's records, explain explains its rejects.
    void otherCommandsTakeSnapshotFields()
    {
        const QString filter = QStringLiteral("security-group == sg-0web");
        const int expected = expectedForGroup(QStringLiteral("sg-0web"), false);
        QVERIFY(expected > 0);
        const Run stats = cli({QStringLiteral("stats"), m_case, QStringLiteral("endpoints"), filter, QStringLiteral("--by"), QStringLiteral("eni"),
                               QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(stats.exitCode == 0, stats.err.constData());
        int flows = 0;
        const QList<QByteArray> statsRows = stats.out.trimmed().split('\n');
        const int flowsColumn = int(statsRows.front().split(',').indexOf("flows"));
        QVERIFY(flowsColumn >= 0);
        for (const QByteArray &row : statsRows.mid(1))
            flows += row.split(',').at(flowsColumn).toInt();
        QCOMPARE(flows, expected);

        const Run timeline = cli({QStringLiteral("timeline"), m_case, filter, QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(timeline.exitCode == 0, timeline.err.constData());

        const Run explain = cli({QStringLiteral("explain"), m_case, filter + QStringLiteral(" and action == reject"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(explain.exitCode == 0, explain.err.constData());
        QCOMPARE(int(explain.out.count("\"verdict\"")), expectedForGroup(QStringLiteral("sg-0web"), true));
    }

    void noteOnNeverLoggedTraffic_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QByteArray>("note"); // empty: no note
        QTest::newRow("vpc resolver from the snapshot") << "count" << "addr == 10.0.0.2 and dstport == 53"
                                                        << QByteArray("the Amazon DNS resolver (10.0.0.2)");
        QTest::newRow("metadata, query") << "query" << "dstaddr == 169.254.169.254"
                                         << QByteArray("the instance metadata service (169.254.169.254)");
        QTest::newRow("dhcp") << "count" << "dstport == 67" << QByteArray("DHCP (port 67)");
        QTest::newRow("not named") << "count" << "dstport == 9" << QByteArray();
        QTest::newRow("named but found") << "count" << "port == 443 or addr == 169.254.169.254" << QByteArray();
        QTest::newRow("metadata, export to stdout") << "export" << "dstaddr == 169.254.169.254"
                                                    << QByteArray("the instance metadata service (169.254.169.254)");
    }

    void noteOnNeverLoggedTraffic()
    {
        QFETCH(QString, command);
        QFETCH(QString, filter);
        QFETCH(QByteArray, note);
        const bool exporting = command == u"export";
        const Run run = exporting ? cli({command, m_case, QStringLiteral("--what"), QStringLiteral("flows"), filter})
                                  : cli({command, m_case, filter});
        QCOMPARE(run.exitCode, 0);
        if (exporting) // the CSV on stdout stays clean: its header alone
            QCOMPARE(run.out.count('\n'), 1);
        if (note.isEmpty()) {
            QVERIFY2(run.err.isEmpty(), run.err.constData());
        } else {
            QVERIFY2(run.err.startsWith("flowscope-cli " + command.toUtf8() + ": note: Flow logs never record "),
                     run.err.constData());
            QVERIFY2(run.err.contains(note), run.err.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliEnrichment)
#include "tst_clienrichment.moc"
