// SPDX-License-Identifier: GPL-3.0-or-later
// beaconing on generated series with known periods: a jittered beacon, one
// seen through a 10-minute aggregation window and logged at two interfaces
// are found with their period; random browsing, too short a series and an
// internal health check (unless asked for) are not. A beacon that leaves
// through a NAT gateway is found once, at the instance, when the records
// (pkt-dstaddr) or the snapshot (a nat_gateway interface) show the gateway;
// a busy host that is no gateway is still found.

#include "detect_case.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace flowscope;
using namespace flowscope::test;

namespace {

constexpr std::int64_t kT0 = 1'773'100'800;

// A connection every `period` s, each start up to `jitter` s late (a new
// source port each), sizes within ±`sizeJitter` bytes of 420.
std::vector<LogLine> beacon(const std::string &src, const std::string &dst, int count, int period, int jitter,
                            int sizeJitter, unsigned seed)
{
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> late(0, jitter), size(-sizeJitter, sizeJitter);
    std::vector<LogLine> out;
    for (int i = 0; i < count; ++i)
        out.push_back({src, dst, 40000 + i, 443, 6, static_cast<std::uint64_t>(420 + size(random)),
                       kT0 + std::int64_t(i) * period + late(random), 0, false, 27});
    return out;
}

// A beacon every 60 s over one kept-alive connection, as 10-minute
// aggregation logs it: one record per window, starting at the window's
// first packet (up to a minute late), its size the window's beacons. One
// long connection, not a series of them.
std::vector<LogLine> keptAliveConnection(int windows, unsigned seed)
{
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> late(0, 59), size(-20, 20);
    std::vector<LogLine> out;
    for (int w = 0; w < windows; ++w) {
        const std::int64_t start = kT0 + std::int64_t(w) * 600 + late(random);
        out.push_back({"10.0.2.8", "203.0.113.50", 49152, 8443, 6, static_cast<std::uint64_t>(10 * 300 + size(random)),
                       start, kT0 + std::int64_t(w) * 600 + 599, false, 24});
    }
    return out;
}

std::vector<LogLine> browsing(int count, unsigned seed)
{
    std::mt19937 random(seed);
    std::exponential_distribution<double> gap(1.0 / 300);
    std::lognormal_distribution<double> size(9, 1.5);
    std::vector<LogLine> out;
    double t = kT0;
    for (int i = 0; i < count; ++i) {
        t += gap(random);
        out.push_back({"10.0.2.9", "198.51.100.80", 40000 + i, 443, 6, static_cast<std::uint64_t>(size(random)),
                       static_cast<std::int64_t>(t), 0, false, 27});
    }
    return out;
}

} // namespace

class TestBeaconingDetector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findsBeacons_data()
    {
        QTest::addColumn<std::vector<LogLine>>("lines");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("period"); // the period the series was made with

        QTest::newRow("every 5 min, up to 60 s late") << beacon("10.0.2.7", "198.51.100.20", 48, 300, 60, 8, 1)
                                                      << QStringList{"10.0.2.7 198.51.100.20 443 48"} << 300;
        // With 10-minute aggregation each new connection is a record of its
        // own, its start up to a minute late: intervals from 0 to 120 s.
        QTest::newRow("every minute, 10-minute aggregation") << beacon("10.0.2.8", "203.0.113.50", 60, 60, 60, 8, 2)
                                                             << QStringList{"10.0.2.8 203.0.113.50 443 60"} << 60;
        QTest::newRow("one kept-alive connection logged every window") << keptAliveConnection(36, 2) << QStringList{} << 0;
        auto twoInterfaces = beacon("10.0.2.7", "198.51.100.21", 30, 900, 30, 0, 3);
        for (LogLine l : std::vector<LogLine>(twoInterfaces)) {
            l.eni = "eni-nat";
            l.start += 7; // the NAT gateway's capture window is its own
            twoInterfaces.push_back(l);
        }
        QTest::newRow("logged at the instance and the NAT gateway")
            << twoInterfaces << QStringList{"10.0.2.7 198.51.100.21 443 30"} << 900;
        QTest::newRow("random browsing") << browsing(80, 4) << QStringList{} << 0;
        QTest::newRow("too short a series") << beacon("10.0.2.7", "198.51.100.22", 8, 300, 10, 0, 5) << QStringList{} << 0;
        QTest::newRow("internal health check")
            << beacon("10.0.0.10", "10.0.2.7", 60, 30, 5, 0, 6) << QStringList{} << 0;
    }

    void findsBeacons()
    {
        QFETCH(std::vector<LogLine>, lines);
        QFETCH(QStringList, expected);
        QFETCH(int, period);
        DetectCase detectCase(lines);
        const auto findings = detectCase.run("beaconing");
        QStringList found;
        for (const Finding &f : findings) {
            found << QString::fromStdString(describe(f));
            QVERIFY(f.periodSeconds);
            // Jitter of up to a minute moves the median interval by less.
            QVERIFY2(std::fabs(*f.periodSeconds - period) <= 60, qPrintable(QString::number(*f.periodSeconds)));
        }
        QCOMPARE(found, expected);
    }

    void internalSeriesWhenAsked()
    {
        DetectCase detectCase(beacon("10.0.0.10", "10.0.2.7", 60, 300, 5, 0, 6));
        QVERIFY(detectCase.run("beaconing").empty());
        const auto found = detectCase.run("beaconing", {{"beaconing.external-only", "0"}});
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front().severity, Severity::Medium);
    }

    // A beacon logged at one, two and three interfaces (the instance, an
    // appliance, another hop) is the same calls: counted once.
    void countsABeaconOnce_data() { addLoggedAtRows(); }

    void countsABeaconOnce()
    {
        QFETCH(std::vector<std::string>, interfaces);
        const auto calls = beacon("10.0.2.7", "198.51.100.20", 48, 300, 60, 8, 1);
        std::uint64_t bytes = 0;
        for (const LogLine &l : calls)
            bytes += l.bytes;
        DetectCase detectCase(loggedAt(calls, interfaces));
        const auto found = detectCase.run("beaconing");
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(describe(found.front()), std::string("10.0.2.7 198.51.100.20 443 48"));
        QCOMPARE(found.front().bytes, bytes);
        QCOMPARE(selected(detectCase.caseDb(), found.front().evidenceFilter).first, std::uint64_t(48 * interfaces.size()));
    }

    void natGatewayBeaconFoundOnce_data()
    {
        addNatGatewayRows();
    }

    void natGatewayBeaconFoundOnce()
    {
        QFETCH(bool, atInstance);
        QFETCH(bool, packetLevel);
        QFETCH(bool, snapshot);
        const auto lines = withGateway(beacon("10.0.1.5", "203.0.113.9", 60, 60, 5, 20, 11), atInstance, packetLevel);
        DetectCase detectCase = natGatewayCase(lines, snapshot);
        const auto found = detectCase.run("beaconing"); // each evidence filter checked against its records
        QCOMPARE(found.size(), std::size_t(1));
        const Finding &f = found.front();
        QCOMPARE(f.src->toString(), std::string("10.0.1.5"));
        QCOMPARE(f.dst->toString(), std::string("203.0.113.9"));
        QVERIFY2(f.title.find("through NAT gateway 10.0.0.220") != std::string::npos, f.title.c_str());
    }

    // Without pkt-dstaddr or a snapshot nothing says the gateway translates: both are found.
    void natGatewayUnseenWithoutPacketAddresses()
    {
        DetectCase detectCase(withGateway(beacon("10.0.1.5", "203.0.113.9", 60, 60, 5, 20, 11), true, false));
        QCOMPARE(detectCase.run("beaconing").size(), std::size_t(2));
    }

    // A busy host calling out on its own is no gateway, nor behind one: its
    // beacon to the same address is still found, beside the one through the
    // snapshot's gateway, each once.
    void busyHostBesideAGatewayStillFound()
    {
        auto lines = withGateway(beacon("10.0.1.5", "203.0.113.9", 60, 60, 5, 20, 11), true, false);
        for (LogLine l : beacon("10.0.0.221", "203.0.113.9", 60, 60, 5, 20, 12)) {
            l.eni = "eni-busy";
            lines.push_back(l);
        }
        for (LogLine l : browsing(200, 13)) {
            l.src = "10.0.0.221";
            l.eni = "eni-busy";
            lines.push_back(l);
        }
        DetectCase detectCase(lines, natGatewayInterfaces("eni-nat", "10.0.0.220", "eni-busy", "10.0.0.221"));
        QStringList found;
        for (const Finding &f : detectCase.run("beaconing"))
            found << QString::fromStdString(f.src->toString() + ' ' + f.title.substr(f.title.find(')') + 1));
        found.sort();
        QCOMPARE(found, (QStringList{"10.0.0.221 ", "10.0.1.5 , through NAT gateway 10.0.0.220"}));
    }
};

QTEST_GUILESS_MAIN(TestBeaconingDetector)
#include "tst_beaconingdetector.moc"
