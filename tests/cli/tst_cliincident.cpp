// SPDX-License-Identifier: GPL-3.0-or-later
// `flowscope-cli incident`: stars, tags and notes written through the
// command, listed in time order as JSON, unknown ids named; `starred` and
// `tag` in the filters of count, query and graph.

#include "cli_process.h"
#include "incident_case.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = flowscope::test::CliRun;

Run cli(const QStringList &args) { return flowscope::test::runCli(QStringLiteral(FLOWSCOPE_CLI), args); }

} // namespace

class TestCliIncident : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;
    std::vector<std::int64_t> m_ids;

private Q_SLOTS:
    void initTestCase()
    {
        m_case = m_dir.filePath(QStringLiteral("cli.flowcase"));
        m_ids = flowscope::test::makeSmallCase(m_case.toStdString());
    }

    void starTagNoteAndList()
    {
        const QString a = QString::number(m_ids[1]);
        const QString b = QString::number(m_ids[3]);
        QCOMPARE(cli({QStringLiteral("incident"), m_case, QStringLiteral("star"), a, b}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("incident"), m_case, QStringLiteral("tag"), b, QStringLiteral("C2"),
                      QStringLiteral("beacon")})
                     .exitCode,
                 0);
        const Run note = cli({QStringLiteral("incident"), m_case, QStringLiteral("note"), QStringLiteral("--record"), a,
                              QStringLiteral("--author"), QStringLiteral("erin"), QStringLiteral("first contact")});
        QCOMPARE(note.exitCode, 0);
        QVERIFY(note.out.trimmed().toLongLong() > 0); // the note's id

        const Run list = cli({QStringLiteral("incident"), m_case, QStringLiteral("list"), QStringLiteral("--format"),
                              QStringLiteral("json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray entries = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(entries.size(), 3);
        QStringList times;
        QSet<QString> kinds;
        for (const auto &value : entries) {
            const QJsonObject e = value.toObject();
            times << e.value(QStringLiteral("time")).toString();
            kinds << e.value(QStringLiteral("kind")).toString();
            if (e.value(QStringLiteral("kind")).toString() == QStringLiteral("note")) {
                QCOMPARE(e.value(QStringLiteral("author")).toString(), QStringLiteral("erin"));
                QCOMPARE(e.value(QStringLiteral("record")).toInteger(), m_ids[1]);
            }
            if (e.value(QStringLiteral("record")).toInteger() == m_ids[3])
                QCOMPARE(e.value(QStringLiteral("tags")).toArray(),
                         (QJsonArray{QStringLiteral("beacon"), QStringLiteral("c2")}));
        }
        QCOMPARE(kinds, (QSet<QString>{QStringLiteral("starred"), QStringLiteral("note")}));
        QStringList sorted = times;
        sorted.sort();
        QCOMPARE(times, sorted);

        // The same marks through the filters of the other commands.
        QCOMPARE(cli({QStringLiteral("count"), m_case, QStringLiteral("starred")}).out.trimmed(), QByteArray("2"));
        QCOMPARE(cli({QStringLiteral("count"), m_case, QStringLiteral("tag == \"c2\"")}).out.trimmed(), QByteArray("1"));
        const Run query = cli({QStringLiteral("query"), m_case, QStringLiteral("tag == beacon"),
                               QStringLiteral("--columns"), QStringLiteral("_id")});
        QCOMPARE(query.exitCode, 0);
        QVERIFY2(query.out.contains(b.toUtf8()), query.out.constData());
        const Run graph = cli({QStringLiteral("graph"), m_case, QStringLiteral("starred"), QStringLiteral("--level"),
                               QStringLiteral("eni"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(graph.exitCode, 0);

        QCOMPARE(cli({QStringLiteral("incident"), m_case, QStringLiteral("unstar"), a}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("count"), m_case, QStringLiteral("starred")}).out.trimmed(), QByteArray("1"));
    }

    void errorsNameTheId_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named");
        const QString missing = QString::number(m_ids.back() + 4096 * 7);
        QTest::newRow("star") << QStringList{QStringLiteral("star"), missing} << missing;
        QTest::newRow("tag") << QStringList{QStringLiteral("tag"), missing, QStringLiteral("x")} << missing;
        QTest::newRow("note") << QStringList{QStringLiteral("note"), QStringLiteral("--record"), missing,
                                             QStringLiteral("t")}
                              << missing;
        QTest::newRow("not a number") << QStringList{QStringLiteral("star"), QStringLiteral("12x")}
                                      << QStringLiteral("12x");
        QTest::newRow("bad tag") << QStringList{QStringLiteral("tag"), QString::number(m_ids[0]),
                                                QStringLiteral("two words")}
                                 << QStringLiteral("two words");
    }
    void errorsNameTheId()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        const Run run = cli(QStringList{QStringLiteral("incident"), m_case} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(named.toUtf8()), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliIncident)
#include "tst_cliincident.moc"
