// SPDX-License-Identifier: GPL-3.0-or-later
// lateral-movement on a generated day of internal traffic: new and rejected
// pairs to administration ports across subnets are found, established ones,
// pairs within a subnet, other ports and internet peers are not.

#include "detect_case.h"

#include <QTest>

using namespace flowscope;
using namespace flowscope::test;

namespace {

constexpr std::int64_t kT0 = 1'773'100'800;
constexpr std::int64_t kDay = 86400;

// `count` connections from src to dst:port spread evenly over [from, to).
std::vector<LogLine> pair(const std::string &src, const std::string &dst, int port, std::int64_t from, std::int64_t to,
                          int count, bool reject = false)
{
    std::vector<LogLine> out;
    for (int i = 0; i < count; ++i)
        out.push_back({src, dst, 45000 + i, port, 6, 2000, from + (to - from) * i / count, 0, reject, reject ? 2 : 27});
    return out;
}

} // namespace

class TestLateralMovementDetector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findsLateralMovement_data()
    {
        QTest::addColumn<std::vector<LogLine>>("extra");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("severity");

        QTest::newRow("established database traffic") << std::vector<LogLine>{} << QStringList{} << 0;
        QTest::newRow("new SSH pair late in the day")
            << pair("10.0.1.5", "10.0.3.7", 22, kT0 + 20 * 3600, kT0 + 21 * 3600, 3)
            << QStringList{"10.0.1.5 10.0.3.7 22 3"} << int(Severity::Medium);
        QTest::newRow("rejected RDP early in the day")
            << pair("10.0.1.5", "10.0.4.8", 3389, kT0 + 600, kT0 + 1200, 2, true)
            << QStringList{"10.0.1.5 10.0.4.8 3389 2"} << int(Severity::Medium);
        QTest::newRow("new and rejected SMB")
            << pair("10.0.1.5", "10.0.4.9", 445, kT0 + 20 * 3600, kT0 + 21 * 3600, 4, true)
            << QStringList{"10.0.1.5 10.0.4.9 445 4"} << int(Severity::High);
        auto troubled = pair("10.0.1.5", "10.0.6.6", 22, kT0, kT0 + kDay, 10);
        troubled.push_back(pair("10.0.1.5", "10.0.6.6", 22, kT0 + 100, kT0 + 200, 1, true).front());
        QTest::newRow("established pair with a reject") << troubled << QStringList{} << 0;
        QTest::newRow("same subnet") << pair("10.0.1.5", "10.0.1.9", 22, kT0 + 20 * 3600, kT0 + 21 * 3600, 3)
                                     << QStringList{} << 0;
        QTest::newRow("not an administration port")
            << pair("10.0.1.5", "10.0.5.5", 8080, kT0 + 20 * 3600, kT0 + 21 * 3600, 3) << QStringList{} << 0;
        QTest::newRow("to the internet") << pair("10.0.1.5", "198.51.100.9", 22, kT0 + 20 * 3600, kT0 + 21 * 3600, 3)
                                         << QStringList{} << 0;
    }

    void findsLateralMovement()
    {
        QFETCH(std::vector<LogLine>, extra);
        QFETCH(QStringList, expected);
        QFETCH(int, severity);
        // A day of an application server talking to its database.
        std::vector<LogLine> lines = pair("10.0.1.5", "10.0.2.6", 5432, kT0, kT0 + kDay, 48);
        lines.insert(lines.end(), extra.begin(), extra.end());
        DetectCase detectCase(lines);
        const auto findings = detectCase.run("lateral-movement");
        QStringList found;
        for (const Finding &f : findings) {
            found << QString::fromStdString(describe(f));
            QCOMPARE(int(f.severity), severity);
        }
        QCOMPARE(found, expected);
    }

    // SSH logged at both ends, and at an appliance between the subnets, is
    // the same three connections: counted once, every record in the evidence.
    void countsAFlowOnce_data() { addLoggedAtRows(); }

    void countsAFlowOnce()
    {
        QFETCH(std::vector<std::string>, interfaces);
        std::vector<LogLine> lines = pair("10.0.1.5", "10.0.2.6", 5432, kT0, kT0 + kDay, 48);
        for (const LogLine &l : loggedAt(pair("10.0.1.5", "10.0.3.7", 22, kT0 + 20 * 3600, kT0 + 21 * 3600, 3), interfaces))
            lines.push_back(l);
        DetectCase detectCase(lines);
        const auto found = detectCase.run("lateral-movement");
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(describe(found.front()), std::string("10.0.1.5 10.0.3.7 22 3"));
        QCOMPARE(found.front().bytes, std::uint64_t(3 * 2000));
        QCOMPARE(selected(detectCase.caseDb(), found.front().evidenceFilter).first, std::uint64_t(3 * interfaces.size()));
    }

    void settings()
    {
        DetectCase detectCase(pair("10.0.1.5", "10.0.2.6", 5432, kT0, kT0 + kDay, 48));
        QCOMPARE(detectCase.run("lateral-movement", {{"lateral-movement.report-established", "1"}}).size(), std::size_t(1));
        QVERIFY(detectCase.run("lateral-movement", {{"lateral-movement.report-established", "1"},
                                                     {"lateral-movement.ports", "22,3389"}})
                    .empty());
        QVERIFY(detectCase.run("lateral-movement", {{"lateral-movement.report-established", "1"},
                                                     {"lateral-movement.subnet-prefix", "16"}})
                    .empty());
    }
};

QTEST_GUILESS_MAIN(TestLateralMovementDetector)
#include "tst_lateralmovementdetector.moc"
