// SPDX-License-Identifier: GPL-3.0-or-later
// port-scan on generated traffic with known answers: fast scans found, a slow
// scan below the window's threshold, a NAT gateway that talks to many hosts
// and a client with a few failures among many successes not.

#include "detect_case.h"

#include <QTest>

using namespace flowscope;
using namespace flowscope::test;

namespace {

constexpr std::int64_t kT0 = 1'773'100'800; // 2026-03-10T00:00:00Z

// `ports` probes from src to dst, one every `spacing` seconds from kT0.
std::vector<LogLine> probes(const std::string &src, const std::string &dst, int ports, std::int64_t spacing, bool reject,
                            int flags)
{
    std::vector<LogLine> out;
    for (int i = 0; i < ports; ++i) {
        LogLine l;
        l.src = src;
        l.dst = dst;
        l.srcPort = 50000 + i;
        l.dstPort = 1000 + i;
        l.start = kT0 + i * spacing;
        l.bytes = 44;
        l.reject = reject;
        l.flags = flags;
        out.push_back(l);
    }
    return out;
}

// `hosts` accepted HTTPS connections with their replies, as a NAT gateway's
// interface logs them.
std::vector<LogLine> natGateway(int hosts)
{
    std::vector<LogLine> out;
    for (int i = 0; i < hosts; ++i) {
        const std::string peer = "198.51.100." + std::to_string(1 + i % 250);
        const std::string natAddress = "10.0.0.5";
        LogLine request{natAddress, peer, 30000 + i, 443 + (i / 250), 6, 5000, kT0 + i, 0, false, 27, "eni-nat"};
        LogLine reply{peer, natAddress, 443 + (i / 250), 30000 + i, 6, 90000, kT0 + i, 0, false, 19, "eni-nat"};
        out.push_back(request);
        out.push_back(reply);
    }
    return out;
}

} // namespace

class TestPortScanDetector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findsScans_data()
    {
        QTest::addColumn<std::vector<LogLine>>("lines");
        QTest::addColumn<QStringList>("expected"); // describe() of each finding

        QTest::newRow("rejected fast scan of one host")
            << probes("203.0.113.66", "10.0.1.10", 40, 2, true, 2) << QStringList{"203.0.113.66 10.0.1.10 - 40"};
        QTest::newRow("internal SYN scan accepted but unanswered")
            << probes("10.0.1.20", "10.0.2.30", 12, 5, false, 2) << QStringList{"10.0.1.20 10.0.2.30 - 12"};
        QTest::newRow("slow scan: one probe every 10 minutes")
            << probes("203.0.113.67", "10.0.1.10", 40, 600, true, 2) << QStringList{};
        QTest::newRow("five failures are below the threshold")
            << probes("203.0.113.68", "10.0.1.10", 5, 2, true, 2) << QStringList{};
        QTest::newRow("NAT gateway with many successful hosts") << natGateway(600) << QStringList{};

        // A client with 6 failed targets among 20 that answered: benign by TRW.
        std::vector<LogLine> mixed = probes("10.0.1.40", "10.0.3.3", 6, 3, true, 2);
        for (LogLine l : probes("10.0.1.40", "10.0.3.4", 20, 3, false, 27))
            mixed.push_back(l);
        QTest::newRow("few failures among many successes") << mixed << QStringList{};
    }

    void findsScans()
    {
        QFETCH(std::vector<LogLine>, lines);
        QFETCH(QStringList, expected);
        DetectCase detectCase(lines);
        QStringList found;
        for (const Finding &f : detectCase.run("port-scan"))
            found << QString::fromStdString(describe(f));
        QCOMPARE(found, expected);
    }

    // An internal SYN scan logged at both ends (and at an appliance between
    // the subnets) is the same probes: counted once, every record in the evidence.
    void countsAProbeOnce_data() { addLoggedAtRows(); }

    void countsAProbeOnce()
    {
        QFETCH(std::vector<std::string>, interfaces);
        DetectCase detectCase(loggedAt(probes("10.0.1.20", "10.0.2.30", 12, 5, false, 2), interfaces));
        const auto found = detectCase.run("port-scan");
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(describe(found.front()), std::string("10.0.1.20 10.0.2.30 - 12"));
        QCOMPARE(found.front().bytes, std::uint64_t(12 * 44));
        QCOMPARE(selected(detectCase.caseDb(), found.front().evidenceFilter).first, std::uint64_t(12 * interfaces.size()));
    }

    void windowAndThresholdAreSettings()
    {
        // The slow scan is found with a window that holds several probes.
        DetectCase slow(probes("203.0.113.67", "10.0.1.10", 40, 600, true, 2));
        QCOMPARE(slow.run("port-scan", {{"port-scan.window-s", "7200"}}).size(), std::size_t(1));
        DetectCase small(probes("203.0.113.68", "10.0.1.10", 5, 2, true, 2));
        const auto found = small.run("port-scan", {{"port-scan.min-failed-targets", "3"}});
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front().records, 5u);
        QCOMPARE(found.front().start, kT0);
    }

    void evidenceIncludesTheRunFilter()
    {
        auto lines = probes("203.0.113.66", "10.0.1.10", 40, 2, true, 2);
        DetectCase detectCase(lines);
        const auto found = detectCase.run("port-scan", {}, "dstport < 1030");
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front().records, 30u);
        QVERIFY(found.front().evidenceFilter.starts_with("(dstport < 1030) and "));
    }
};

QTEST_GUILESS_MAIN(TestPortScanDetector)
#include "tst_portscandetector.moc"
