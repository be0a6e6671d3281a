// SPDX-License-Identifier: GPL-3.0-or-later
// visibility-gap: an interface's NODATA windows during a port scan make one
// gap naming the scan; a gap at another time only when every gap is asked for.

#include "detect_case.h"

#include "detect/detection_run.h"
#include "detect/detector_registry.h"
#include "selection/case_filter.h"

#include <QTest>

using namespace flowscope;
using namespace flowscope::test;

namespace {

constexpr std::int64_t kT0 = 1'773'100'800;

std::vector<LogLine> incident()
{
    std::vector<LogLine> lines;
    for (int i = 0; i < 30; ++i)
        lines.push_back({"203.0.113.66", "10.0.1.10", 50000 + i, 1000 + i, 6, 44, kT0 + 2 * i, 0, true, 2});
    // Three consecutive 10-minute windows without data on eni-b, from just before the scan.
    for (int w = 0; w < 3; ++w)
        lines.push_back({"", "", 0, 0, 0, 0, kT0 - 300 + w * 600, kT0 - 300 + (w + 1) * 600, false, -1, "eni-b", "NODATA"});
    // A SKIPDATA window of eni-c a day later.
    lines.push_back({"", "", 0, 0, 0, 0, kT0 + 86400, kT0 + 86400 + 600, false, -1, "eni-c", "SKIPDATA"});
    return lines;
}

} // namespace

class TestVisibilityGapDetector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gapDuringAFinding()
    {
        DetectCase detectCase(incident());
        auto selection = selectDetectors({"port-scan", "visibility-gap"}, {});
        QVERIFY(selection.error.empty());
        DetectionRequest request;
        for (auto &d : selection.detectors)
            request.detectors.push_back(d.get());
        request.runsLast = selection.runsLast;
        const auto result = runDetections(detectCase.caseDb(), request);
        QCOMPARE(result.findings.size(), std::size_t(2));
        const Finding &gap = result.findings.front(); // it starts before the scan
        QCOMPARE(gap.type, std::string("visibility-gap"));
        QCOMPARE(gap.id, std::string("visibility-gap-1"));
        QCOMPARE(gap.interfaceId, std::optional<std::string>("eni-b"));
        QCOMPARE(gap.records, 3u);
        QCOMPARE(gap.start, kT0 - 300);
        QCOMPARE(gap.end, kT0 + 1500);
        QVERIFY(gap.title.find("port-scan-1") != std::string::npos);
        QCOMPARE(selected(detectCase.caseDb(), gap.evidenceFilter).first, 3u);
    }

    void everyGapWhenAsked()
    {
        DetectCase detectCase(incident());
        QVERIFY(detectCase.run("visibility-gap").empty()); // no other finding to overlap
        const auto all = detectCase.run("visibility-gap", {{"visibility-gap.require-overlap", "0"}});
        QCOMPARE(all.size(), std::size_t(2));
        QCOMPARE(all.back().interfaceId, std::optional<std::string>("eni-c"));
        QVERIFY(all.back().title.find("SKIPDATA") != std::string::npos);
        // Touching windows make one gap whatever merge-gap-s says.
        QCOMPARE(detectCase.run("visibility-gap", {{"visibility-gap.require-overlap", "0"}, {"visibility-gap.merge-gap-s", "1"}})
                     .size(),
                 std::size_t(2));
        // NODATA shorter than min-nodata-s is an idle interface; SKIPDATA always counts.
        const auto longer = detectCase.run("visibility-gap", {{"visibility-gap.require-overlap", "0"},
                                                              {"visibility-gap.min-nodata-s", "3600"}});
        QCOMPARE(longer.size(), std::size_t(1));
        QCOMPARE(longer.front().interfaceId, std::optional<std::string>("eni-c"));
    }
};

QTEST_GUILESS_MAIN(TestVisibilityGapDetector)
#include "tst_visibilitygapdetector.moc"
