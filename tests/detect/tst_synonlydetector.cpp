// SPDX-License-Identifier: GPL-3.0-or-later
// syn-only on generated traffic: SYNs that nothing answered are found; SYNs
// that an answer follows, a single SYN, and SYN with other flags are not.

#include "detect_case.h"

#include <QTest>

using namespace flowscope;
using namespace flowscope::test;

namespace {

constexpr std::int64_t kT0 = 1'773'100'800;

std::vector<LogLine> syns(const std::string &src, const std::string &dst, int dstPort, int count, int flags = 2)
{
    std::vector<LogLine> out;
    for (int i = 0; i < count; ++i)
        out.push_back({src, dst, 41000 + i, dstPort, 6, 60, kT0 + 3 * i, 0, false, flags});
    return out;
}

} // namespace

class TestSynOnlyDetector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findsUnansweredSyns_data()
    {
        QTest::addColumn<std::vector<LogLine>>("lines");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("three SYNs, no answer") << syns("10.0.1.5", "10.0.9.9", 8443, 3)
                                               << QStringList{"10.0.1.5 10.0.9.9 8443 3"};
        auto answered = syns("10.0.1.5", "10.0.9.8", 443, 3);
        answered.push_back({"10.0.9.8", "10.0.1.5", 443, 41000, 6, 60, kT0 + 1, 0, false, 18, "eni-b"});
        QTest::newRow("answered at the other end") << answered << QStringList{};
        QTest::newRow("a single SYN") << syns("10.0.1.5", "10.0.9.7", 443, 1) << QStringList{};
        QTest::newRow("SYN with FIN is not SYN-only") << syns("10.0.1.5", "10.0.9.6", 443, 4, 3) << QStringList{};
        auto udp = syns("10.0.1.5", "10.0.9.5", 53, 4);
        for (LogLine &l : udp)
            l.protocol = 17;
        QTest::newRow("not TCP") << udp << QStringList{};
    }

    void findsUnansweredSyns()
    {
        QFETCH(std::vector<LogLine>, lines);
        QFETCH(QStringList, expected);
        DetectCase detectCase(lines);
        QStringList found;
        for (const Finding &f : detectCase.run("syn-only"))
            found << QString::fromStdString(describe(f));
        QCOMPARE(found, expected);
    }

    // Unanswered SYNs logged at both ends (and at an appliance) are the same
    // SYNs: counted once in the finding, its title and its severity.
    void countsASynOnce_data() { addLoggedAtRows(); }

    void countsASynOnce()
    {
        QFETCH(std::vector<std::string>, interfaces);
        DetectCase detectCase(loggedAt(syns("10.0.1.5", "10.0.9.9", 8443, 3), interfaces));
        const auto found = detectCase.run("syn-only", {{"syn-only.high-records", "4"}});
        QCOMPARE(found.size(), std::size_t(1));
        const Finding &f = found.front();
        QCOMPARE(describe(f), std::string("10.0.1.5 10.0.9.9 8443 3"));
        QCOMPARE(f.bytes, std::uint64_t(3 * 60));
        QCOMPARE(f.severity, Severity::Medium);
        QVERIFY2(f.title.rfind("3 SYNs", 0) == 0, f.title.c_str());
        QCOMPARE(selected(detectCase.caseDb(), f.evidenceFilter).first, std::uint64_t(3 * interfaces.size()));
    }

    void severityFollowsTheCount()
    {
        DetectCase detectCase(syns("10.0.1.5", "10.0.9.9", 8443, 5));
        QCOMPARE(detectCase.run("syn-only").front().severity, Severity::Medium);
        QCOMPARE(detectCase.run("syn-only", {{"syn-only.high-records", "5"}}).front().severity, Severity::High);
        QVERIFY(detectCase.run("syn-only", {{"syn-only.min-records", "6"}}).empty());
    }
};

QTEST_GUILESS_MAIN(TestSynOnlyDetector)
#include "tst_synonlydetector.moc"
