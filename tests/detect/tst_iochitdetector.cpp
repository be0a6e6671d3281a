// SPDX-License-Identifier: GPL-3.0-or-later
// ioc-hit on generated traffic: records to or from an indicator of the
// case's IOC lists are found, one finding per list and indicator, with the
// severity their actions give; records near an indicator are not.

#include "detect_case.h"
#include "test_files.h"

#include "incident/ioc_hit_detector.h"
#include "incident/ioc_list_store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::test;

namespace {

constexpr std::int64_t kT0 = 1'773'100'800;

LogLine line(const std::string &src, const std::string &dst, int srcPort, int dstPort, std::int64_t at, bool reject = false,
             std::uint64_t bytes = 100)
{
    return {src, dst, srcPort, dstPort, 6, bytes, kT0 + at, 0, reject};
}

// "src dst port records severity"
QStringList described(const std::vector<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out << QString::fromStdString(describe(f) + ' ' + std::string(severityName(f.severity)));
    return out;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<LogLine>)

class TestIocHitDetector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { incident::registerIocHitDetector(); }

    void findsIndicators_data()
    {
        QTest::addColumn<std::vector<LogLine>>("lines");
        QTest::addColumn<QStringList>("lists"); // "name:indicator;indicator"
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("settings"); // "ioc-hit.name=value" or empty
        QTest::addColumn<QStringList>("expected");

        const std::vector<LogLine> beacon{line("10.0.1.5", "203.0.113.50", 40001, 443, 0),
                                          line("203.0.113.50", "10.0.1.5", 443, 40001, 0, false, 900),
                                          line("10.0.1.5", "203.0.113.50", 40002, 443, 60),
                                          line("10.0.1.5", "203.0.113.51", 40003, 443, 120),
                                          line("10.0.1.6", "192.0.2.10", 40004, 443, 180)};
        QTest::newRow("one address, both directions") << beacon << QStringList{"feed:203.0.113.50"} << QString()
                                                      << QString() << QStringList{"10.0.1.5 203.0.113.50 - 3 high"};
        QTest::newRow("no list") << beacon << QStringList{} << QString() << QString() << QStringList{};
        QTest::newRow("a neighbour is not a hit") << beacon << QStringList{"feed:203.0.113.49"} << QString()
                                                  << QString() << QStringList{};
        QTest::newRow("a block with two hosts")
            << std::vector<LogLine>{line("10.0.1.5", "198.51.100.7", 40001, 443, 0),
                                    line("10.0.1.6", "198.51.100.9", 40002, 443, 10)}
            << QStringList{"feed:198.51.100.0/24"} << QString() << QString() << QStringList{"- - - 2 high"};
        QTest::newRow("a port indicator takes that port only")
            << std::vector<LogLine>{line("10.0.1.5", "192.0.2.7", 40001, 22, 0),
                                    line("10.0.1.5", "192.0.2.7", 40002, 443, 10)}
            << QStringList{"feed:192.0.2.7:22"} << QString() << QString() << QStringList{"10.0.1.5 192.0.2.7 22 1 high"};
        QTest::newRow("rejected from inside: medium")
            << std::vector<LogLine>{line("10.0.1.5", "203.0.113.50", 40001, 443, 0, true),
                                    line("10.0.1.5", "203.0.113.50", 40002, 443, 30, true)}
            << QStringList{"feed:203.0.113.50"} << QString() << QString()
            << QStringList{"10.0.1.5 203.0.113.50 - 2 medium"};
        QTest::newRow("rejected from outside: low")
            << std::vector<LogLine>{line("203.0.113.50", "10.0.1.5", 51000, 22, 0, true)}
            << QStringList{"feed:203.0.113.50"} << QString() << QString()
            << QStringList{"10.0.1.5 203.0.113.50 - 1 low"};
        QTest::newRow("two lists, one record each")
            << std::vector<LogLine>{line("10.0.1.5", "203.0.113.50", 40001, 443, 0)}
            << QStringList{"feed:203.0.113.50", "wide:203.0.113.0/24"} << QString() << QString()
            << QStringList{"10.0.1.5 - - 1 high", "10.0.1.5 203.0.113.50 - 1 high"}; // by title
        QTest::newRow("the run's filter narrows") << beacon << QStringList{"feed:203.0.113.50"}
                                                  << QStringLiteral("dstport == 443") << QString()
                                                  << QStringList{"10.0.1.5 203.0.113.50 - 2 high"};
        QTest::newRow("below min-records") << beacon << QStringList{"feed:203.0.113.50"} << QString()
                                           << QStringLiteral("ioc-hit.min-records=4") << QStringList{};
        QTest::newRow("accepted below high-accepted")
            << beacon << QStringList{"feed:203.0.113.50"} << QString() << QStringLiteral("ioc-hit.high-accepted=5")
            << QStringList{"10.0.1.5 203.0.113.50 - 3 low"};
    }

    void findsIndicators()
    {
        QFETCH(std::vector<LogLine>, lines);
        QFETCH(QStringList, lists);
        QFETCH(QString, filter);
        QFETCH(QString, settings);
        QFETCH(QStringList, expected);

        DetectCase detectCase(lines);
        QTemporaryDir dir;
        for (const QString &list : lists) {
            const QString name = list.section(QLatin1Char(':'), 0, 0);
            const QString path = dir.filePath(name + QStringLiteral(".txt"));
            writeFile(path, list.section(QLatin1Char(':'), 1).replace(QLatin1Char(';'), QLatin1Char('\n')).toUtf8());
            const auto added = incident::addIocFiles(detectCase.caseDb(), name.toStdString(), {path.toStdString()});
            QVERIFY2(added.stored, added.refusal.c_str());
        }
        std::vector<std::pair<std::string, std::string>> set;
        if (!settings.isEmpty())
            set.emplace_back(settings.section(QLatin1Char('='), 0, 0).toStdString(),
                             settings.section(QLatin1Char('='), 1).toStdString());
        const std::vector<Finding> findings = detectCase.run("ioc-hit", set, filter.toStdString());
        QCOMPARE(described(findings), expected);
        for (const Finding &f : findings) {
            QVERIFY(f.evidenceFilter.find('@') != std::string::npos);
            QVERIFY(f.end >= f.start);
        }
    }

    // Calls to a listed host logged at one, two and three interfaces (the
    // instance, an appliance, another hop) are the same calls: counted once.
    void countsARecordOnce_data() { addLoggedAtRows(); }

    void countsARecordOnce()
    {
        QFETCH(std::vector<std::string>, interfaces);
        DetectCase detectCase(loggedAt({line("10.0.1.5", "203.0.113.50", 40001, 443, 0, false, 1000),
                                        line("203.0.113.50", "10.0.1.5", 443, 40001, 5, false, 250),
                                        line("10.0.1.5", "203.0.113.50", 40002, 443, 60, false, 1000)},
                                       interfaces));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("feed.txt"));
        writeFile(path, "203.0.113.50\n");
        QVERIFY(incident::addIocFiles(detectCase.caseDb(), "feed", {path.toStdString()}).stored);
        const auto findings = detectCase.run("ioc-hit");
        QCOMPARE(findings.size(), std::size_t(1));
        QCOMPARE(describe(findings[0]), std::string("10.0.1.5 203.0.113.50 - 3"));
        QCOMPARE(findings[0].bytes, std::uint64_t(2250));
        QVERIFY2(findings[0].title.find(": 3 records") != std::string::npos, findings[0].title.c_str());
        QCOMPARE(selected(detectCase.caseDb(), findings[0].evidenceFilter).first, std::uint64_t(3 * interfaces.size()));
    }

    void evidenceNamesTheListAndBytes()
    {
        DetectCase detectCase({line("10.0.1.5", "203.0.113.50", 40001, 443, 0, false, 1000),
                               line("203.0.113.50", "10.0.1.5", 443, 40001, 5, false, 250)});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("feed.txt"));
        writeFile(path, "203.0.113.50\n");
        QVERIFY(incident::addIocFiles(detectCase.caseDb(), "threat-feed", {path.toStdString()}).stored);
        const auto findings = detectCase.run("ioc-hit");
        QCOMPARE(findings.size(), std::size_t(1));
        QCOMPARE(findings[0].bytes, std::uint64_t(1250));
        QCOMPARE(findings[0].start, kT0);
        QCOMPARE(findings[0].end, kT0 + 65);
        QCOMPARE(QString::fromStdString(findings[0].evidenceFilter),
                 QStringLiteral("@threat-feed and addr == 203.0.113.50"));
    }
};

QTEST_GUILESS_MAIN(TestIocHitDetector)
#include "tst_iochitdetector.moc"
