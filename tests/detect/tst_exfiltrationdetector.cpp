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
        QCOMPARE(f.bytes, 640'000'000u);
        QVERIFY2(f.title.find("through NAT gateway 10.0.0.220") != std::string::npos, f.title.c_str());
    }

    // An upload logged at the instance, at a NAT gateway (its inside records)
    // and at an inspection appliance is one upload: its finding's records,
    // bytes and title count it once, its evidence shows every interface's records.
    void countsAnUploadOnce_data()
    {
        QTest::addColumn<int>("interfaces");
        QTest::newRow("the instance") << 1;
        QTest::newRow("the instance and a NAT gateway") << 2;
        QTest::newRow("the instance, an appliance and a NAT gateway") << 3;
    }

    void countsAnUploadOnce()
    {
        QFETCH(int, interfaces);
        const auto upload = transfer("10.0.1.5", "203.0.113.200", 600'000'000, 12, kT0, "eni-app");
        auto lines = interfaces == 1 ? upload : withGateway(upload, true, true);
        if (interfaces == 3)
            for (LogLine l : upload) {
                l.eni = "eni-fw";
                lines.push_back(l);
            }
        DetectCase detectCase(lines);
        const auto found = detectCase.run("exfiltration");
        QCOMPARE(found.size(), std::size_t(1));
        const Finding &f = found.front();
        QCOMPARE(describe(f), std::string("10.0.1.5 203.0.113.200 - 12"));
        QCOMPARE(f.bytes, 600'000'000u);
        QVERIFY2(f.title.find("sent 600.0 MB") != std::string::npos, f.title.c_str());
        QCOMPARE(selected(detectCase.caseDb(), f.evidenceFilter).first, std::uint64_t(12 * interfaces));
    }

    // A single elephant flow (2 GiB in one record of 14 s, as a backup to S3
    // logs it) is a finding of its own record: its start and end, one record,
    // and a title that says so rather than the window's length; an upload
    // over three consecutive hours is one finding over its whole span.
    void saysWhatWasSentOverWhatSpan_data()
    {
        QTest::addColumn<std::vector<LogLine>>("lines");
        QTest::addColumn<std::int64_t>("start");
        QTest::addColumn<std::int64_t>("end");
        QTest::addColumn<std::uint64_t>("records");
        QTest::addColumn<std::uint64_t>("bytes");
        QTest::addColumn<QString>("title");

        const std::int64_t at = kT0 + 3600 + 53 * 60 + 36;
        QTest::newRow("one elephant flow")
            << std::vector<LogLine>{{"10.4.17.29", "52.216.229.93", 40000, 443, 6, 2'147'483'648, at, at + 14, false, 27}}
            << at << at + 14 << std::uint64_t(1) << std::uint64_t(2'147'483'648)
            << QStringLiteral("10.4.17.29 sent 2.1 GB to 52.216.229.93 in 14 s (one flow record)");
        const auto hours = join({transfer("10.0.3.9", "203.0.113.200", 600'000'000, 12, kT0),
                                 transfer("10.0.3.9", "203.0.113.200", 600'000'000, 12, kT0 + 3600),
                                 transfer("10.0.3.9", "203.0.113.200", 600'000'000, 12, kT0 + 7200)});
        QTest::newRow("three hours of uploads")
            << hours << kT0 << kT0 + 7200 + 11 * 60 + 60 << std::uint64_t(36) << std::uint64_t(1'800'000'000)
            << QStringLiteral("10.0.3.9 sent 1.8 GB to 203.0.113.200 in 2 h 12 min (36 records)");
    }

    void saysWhatWasSentOverWhatSpan()
    {
        QFETCH(std::vector<LogLine>, lines);
        QFETCH(std::int64_t, start);
        QFETCH(std::int64_t, end);
        QFETCH(std::uint64_t, records);
        QFETCH(std::uint64_t, bytes);
        QFETCH(QString, title);
        DetectCase detectCase(lines);
        const auto found = detectCase.run("exfiltration");
        QCOMPARE(found.size(), std::size_t(1));
        const Finding &f = found.front();
        QCOMPARE(f.start, start);
        QCOMPARE(f.end, end);
        QCOMPARE(f.records, records);
        QCOMPARE(f.bytes, bytes);
        QCOMPARE(QString::fromStdString(f.title), title);
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
