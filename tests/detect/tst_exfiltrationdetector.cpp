// SPDX-License-Identifier: GPL-3.0-or-later
// exfiltration on generated egress: a bulk upload to one internet address and
// an hour far above the source's own baseline are found; a bulk transfer
// inside the VPC, and an upload under the threshold that a NAT gateway's
// interface logs a second time, are not. An upload through a NAT gateway is
// found once, at the instance, when pkt-dstaddr or a snapshot shows the
// gateway; a busy host that is no gateway is still found.

#include "detect_case.h"

#include <QTest>

using namespace flowscope;
using namespace flowscope::test;

namespace {

constexpr std::int64_t kT0 = 1'773'100'800; // on the hour

// `total` bytes from src to dst in `parts` records within the hour from `at`.
std::vector<LogLine> transfer(const std::string &src, const std::string &dst, std::uint64_t total, int parts, std::int64_t at,
                              const std::string &eni = "eni-a")
{
    std::vector<LogLine> out;
    for (int i = 0; i < parts; ++i)
        out.push_back({src, dst, 40000 + i, 443, 6, total / static_cast<std::uint64_t>(parts), at + i * 60, 0, false, 27, eni});
    return out;
}

std::vector<LogLine> join(std::vector<std::vector<LogLine>> parts)
{
    std::vector<LogLine> out;
    for (auto &p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

// The gateway's records of `requests` (its inside and translated ones), and
// the instance's own when `atInstance`.
} // namespace

class TestExfiltrationDetector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findsExfiltration_data()
    {
        QTest::addColumn<std::vector<LogLine>>("lines");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("600 MB to one internet address in an hour")
            << transfer("10.0.3.9", "203.0.113.200", 600'000'000, 12, kT0)
            << QStringList{"10.0.3.9 203.0.113.200 - 12"};
        QTest::newRow("5 GB inside the VPC") << transfer("10.0.3.9", "10.0.4.4", 5'000'000'000, 10, kT0) << QStringList{};
        QTest::newRow("300 MB logged at the instance and the NAT gateway")
            << join({transfer("10.0.3.9", "203.0.113.201", 300'000'000, 6, kT0),
                     transfer("10.0.3.9", "203.0.113.201", 300'000'000, 6, kT0, "eni-nat")})
            << QStringList{};
        QTest::newRow("rejected uploads leave nothing") << [] {
            auto lines = transfer("10.0.3.9", "203.0.113.202", 900'000'000, 3, kT0);
            for (LogLine &l : lines)
                l.reject = true;
            return lines;
        }() << QStringList{};

        // Ten quiet hours of 10 MB to one address, then 150 MB spread over
        // 30 addresses: none of them over the threshold, the hour 15 times
        // the median.
        std::vector<std::vector<LogLine>> baseline;
        for (int h = 0; h < 10; ++h)
            baseline.push_back(transfer("10.0.3.10", "198.51.100.7", 10'000'000, 2, kT0 + h * 3600));
        for (int i = 0; i < 30; ++i)
            baseline.push_back(transfer("10.0.3.10", "192.0.2." + std::to_string(i + 1), 5'000'000, 1, kT0 + 10 * 3600 + i * 60));
        QTest::newRow("an hour far above its own baseline") << join(baseline) << QStringList{"10.0.3.10 - - 30"};
    }

    void findsExfiltration()
    {
        QFETCH(std::vector<LogLine>, lines);
        QFETCH(QStringList, expected);
        DetectCase detectCase(lines);
        QStringList found;
        for (const Finding &f : detectCase.run("exfiltration"))
            found << QString::fromStdString(describe(f));
        QCOMPARE(found, expected);
    }

    void thresholdIsASetting()
    {
        DetectCase detectCase(transfer("10.0.3.9", "203.0.113.201", 300'000'000, 6, kT0));
        QVERIFY(detectCase.run("exfiltration").empty());
        const auto found = detectCase.run("exfiltration", {{"exfiltration.min-bytes", "250MB"}});
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front().bytes, 300'000'000u);
    }

    void natGatewayUploadFoundOnce_data()
    {
        addNatGatewayRows();
    }

    void natGatewayUploadFoundOnce()
    {
        QFETCH(bool, atInstance);
        QFETCH(bool, packetLevel);
        QFETCH(bool, snapshot);
        const auto lines = withGateway(transfer("10.0.1.5", "203.0.113.200", 640'000'000, 8, kT0), atInstance, packetLevel);
        DetectCase detectCase = natGatewayCase(lines, snapshot);
        const auto found = detectCase.run("exfiltration"); // each evidence filter checked against its records
        QCOMPARE(found.size(), std::size_t(1));
        const Finding &f = found.front();
        QCOMPARE(f.src->toString(), std::string("10.0.1.5"));
        QCOMPARE(f.dst->toString(), std::string("203.0.113.200"));
        QVERIFY2(f.title.find("640.0 MB") != std::string::npos, f.title.c_str());
        QVERIFY2(f.title.find("through NAT gateway 10.0.0.220") != std::string::npos, f.title.c_str());
    }

    // Without pkt-dstaddr or a snapshot nothing says the gateway translates: both are found.
    void natGatewayUnseenWithoutPacketAddresses()
    {
        DetectCase detectCase(withGateway(transfer("10.0.1.5", "203.0.113.200", 640'000'000, 8, kT0), true, false));
        QCOMPARE(detectCase.run("exfiltration").size(), std::size_t(2));
    }

    // A busy host uploading on its own is no gateway, nor behind one: its
    // upload to the same address is still found, beside the one through the
    // snapshot's gateway, and the gateway's busy hours are no baseline finding.
    void busyHostBesideAGatewayStillFound()
    {
        auto lines = withGateway(transfer("10.0.1.5", "203.0.113.200", 640'000'000, 8, kT0), true, false);
        for (int h = 0; h < 8; ++h)
            for (LogLine l : transfer("10.0.1.6", "198.51.100.7", 5'000'000, 2, kT0 + h * 3600)) {
                l.eni = "eni-app2";
                for (const LogLine &leg : throughNatGateway(l, "10.0.0.220", false))
                    lines.push_back(leg);
            }
        for (LogLine l : transfer("10.0.0.221", "203.0.113.200", 700'000'000, 7, kT0)) {
            l.eni = "eni-busy";
            lines.push_back(l);
        }
        DetectCase detectCase(lines, natGatewayInterfaces("eni-nat", "10.0.0.220", "eni-busy", "10.0.0.221"));
        QStringList found;
        for (const Finding &f : detectCase.run("exfiltration"))
            found << QString::fromStdString(describe(f) + (f.title.find("NAT gateway") != std::string::npos ? " via NAT" : ""));
        found.sort();
        QCOMPARE(found, (QStringList{"10.0.0.221 203.0.113.200 - 7", "10.0.1.5 203.0.113.200 - 8 via NAT"}));
    }
};

QTEST_GUILESS_MAIN(TestExfiltrationDetector)
#include "tst_exfiltrationdetector.moc"
