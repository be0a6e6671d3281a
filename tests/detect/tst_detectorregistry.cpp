// SPDX-License-Identifier: GPL-3.0-or-later
// The registry of detectors: --only and --set as the CLI passes them, clear
// errors for unknown names and bad values, the parameters a run records, a
// detector registered from outside, and a run that stops when cancelled.

#include "detect_case.h"

#include "detect/detection_run.h"
#include "detect/detector_registry.h"
#include "detect/evidence_filter.h"

#include <QTest>

using namespace flowscope;
using namespace flowscope::test;

namespace {

// Reports every record of one address: stands in for a detector another
// part of Flowscope registers.
class AddressDetector : public Detector {
public:
    std::string_view type() const override { return "address-test"; }
    std::vector<DetectorParameter> parameters() override { return {countParameter("min", "records needed", m_min)}; }
    ColumnMask columns() const override { return columnOf(Field::SrcAddr) | columnOf(Field::Bytes) | columnOf(Field::Start); }
    void observe(const EncodedFlow &flow) override
    {
        if (flow.has(Field::SrcAddr) && flow.srcAddr.toString() == "10.0.0.1") {
            ++m_records;
            m_bytes += flow.bytes;
            m_start = std::min(m_start, flow.start);
        }
    }
    std::vector<Finding> finish(const DetectContext &context, const std::vector<Finding> &) override
    {
        if (static_cast<std::int64_t>(m_records) < m_min)
            return {};
        Finding f;
        f.records = m_records;
        f.bytes = m_bytes;
        f.start = m_start;
        f.evidenceFilter = EvidenceFilter().address("srcaddr", *IpAddress::parse("10.0.0.1")).joinedTo(context.filterExpression);
        return {f};
    }

private:
    std::int64_t m_min = 1;
    std::uint64_t m_records = 0, m_bytes = 0;
    std::int64_t m_start = INT64_MAX;
};

std::vector<LogLine> lines()
{
    std::vector<LogLine> out;
    for (int i = 0; i < 5000; ++i)
        out.push_back({"10.0.0." + std::to_string(1 + i % 3), "10.0.9.9", 40000 + i % 1000, 443, 6, 100, 1'773'100'800 + i});
    return out;
}

} // namespace

class TestDetectorRegistry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void refusesBadSelections_data()
    {
        QTest::addColumn<QStringList>("only");
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error"); // what the message must say

        QTest::newRow("unknown detector") << QStringList{"port-scna"} << QString() << QString()
                                          << QStringLiteral("unknown detector 'port-scna'");
        QTest::newRow("setting without detector") << QStringList{} << QStringLiteral("window-s") << QStringLiteral("60")
                                                  << QStringLiteral("unknown setting 'window-s'");
        QTest::newRow("unknown parameter") << QStringList{} << QStringLiteral("port-scan.windw-s") << QStringLiteral("60")
                                           << QStringLiteral("port-scan has window-s");
        QTest::newRow("not a number") << QStringList{} << QStringLiteral("port-scan.window-s") << QStringLiteral("5m")
                                      << QStringLiteral("'5m' needs a whole number of seconds above 0");
        QTest::newRow("zero seconds") << QStringList{} << QStringLiteral("beaconing.jitter-s") << QStringLiteral("0")
                                      << QStringLiteral("above 0");
        QTest::newRow("bad unit") << QStringList{} << QStringLiteral("exfiltration.min-bytes") << QStringLiteral("5 parsecs")
                                  << QStringLiteral("needs a byte count");
        QTest::newRow("bad ratio") << QStringList{} << QStringLiteral("beaconing.min-score") << QStringLiteral("-1")
                                   << QStringLiteral("at least 0");
        QTest::newRow("bad flag") << QStringList{} << QStringLiteral("beaconing.external-only") << QStringLiteral("maybe")
                                  << QStringLiteral("needs 1 or 0");
        QTest::newRow("bad port") << QStringList{} << QStringLiteral("lateral-movement.ports") << QStringLiteral("22,70000")
                                  << QStringLiteral("ports from 0 to 65535");
        QTest::newRow("setting of an unselected detector is still checked")
            << QStringList{"syn-only"} << QStringLiteral("port-scan.nope") << QStringLiteral("1")
            << QStringLiteral("unknown setting 'port-scan.nope'");
    }

    void refusesBadSelections()
    {
        QFETCH(QStringList, only);
        QFETCH(QString, setting);
        QFETCH(QString, value);
        QFETCH(QString, error);
        std::vector<std::string> names;
        for (const QString &name : only)
            names.push_back(name.toStdString());
        std::vector<std::pair<std::string, std::string>> settings;
        if (!setting.isEmpty())
            settings.emplace_back(setting.toStdString(), value.toStdString());
        const DetectorSelection selection = selectDetectors(names, settings);
        QVERIFY(selection.detectors.empty());
        QVERIFY2(QString::fromStdString(selection.error).contains(error), selection.error.c_str());
    }

    void selectsAndDescribes()
    {
        const auto all = selectDetectors({}, {});
        QCOMPARE(all.detectors.size(), detectorTypes().size());
        const auto some = selectDetectors({"beaconing", "port-scan"}, {{"port-scan.window-s", "600"},
                                                                      {"exfiltration.min-bytes", "1GB"}});
        QVERIFY(some.error.empty());
        QCOMPARE(some.detectors.size(), std::size_t(2));
        QCOMPARE(some.detectors[0]->type(), std::string_view("port-scan")); // registration order
        const std::string text = describeParameters(some.detectors);
        QVERIFY(text.find("port-scan.window-s=600") != std::string::npos);
        QVERIFY(text.find("beaconing.min-connections=") != std::string::npos);
        QVERIFY(text.find("exfiltration") == std::string::npos);
    }

    void registeredDetectorRunsWithTheOthers()
    {
        registerDetectorType({"address-test", "test", [] { return std::make_unique<AddressDetector>(); }});
        DetectCase detectCase(lines());
        const auto found = detectCase.run("address-test", {{"address-test.min", "2"}}, "dstport == 443");
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front().id, std::string("address-test-1"));
        QCOMPARE(found.front().records, 1667u);
        QVERIFY(detectCase.run("address-test", {{"address-test.min", "2000"}}).empty());
    }

    void cancelStopsTheRun()
    {
        DetectCase detectCase(lines());
        auto selection = selectDetectors({}, {});
        DetectionRequest request;
        for (auto &d : selection.detectors)
            request.detectors.push_back(d.get());
        request.runsLast = selection.runsLast;
        std::uint64_t lastRead = 0, total = 0;
        request.cancelled = [&](const DetectionProgress &progress) {
            lastRead = progress.recordsRead;
            total = progress.recordsTotal;
            return progress.recordsRead >= 4096;
        };
        QVERIFY_THROWS_EXCEPTION(DetectionCancelled, runDetections(detectCase.caseDb(), request));
        QCOMPARE(lastRead, 4096u);
        QVERIFY(total >= 5000);
    }
};

QTEST_GUILESS_MAIN(TestDetectorRegistry)
#include "tst_detectorregistry.moc"
