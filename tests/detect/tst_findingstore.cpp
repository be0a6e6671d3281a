// SPDX-License-Identifier: GPL-3.0-or-later
// Findings kept across runs: a run that finds a finding again keeps its id
// and the analyst's severity, tags and note; one it no longer finds is
// removed, or kept and marked stale when the analyst edited it; another
// detector's findings are left alone.

#include "detect/finding_store.h"
#include "detect_case.h"

#include <QTest>

#include <algorithm>
#include <set>

using namespace flowscope;
using namespace flowscope::test;

namespace {

constexpr std::int64_t kT0 = 1'773'100'800;

std::vector<LogLine> syns(const std::string &src, const std::string &dst, int dstPort, int count)
{
    std::vector<LogLine> out;
    for (int i = 0; i < count; ++i)
        out.push_back({src, dst, 41000 + i, dstPort, 6, 60, kT0 + 3 * i, 0, false, 2});
    return out;
}

// Two unanswered SYN series: 10.0.1.5 -> 10.0.9.9:22 and 10.0.1.6 -> 10.0.9.9:3389.
std::vector<LogLine> twoSeries()
{
    auto lines = syns("10.0.1.5", "10.0.9.9", 22, 4);
    const auto other = syns("10.0.1.6", "10.0.9.9", 3389, 3);
    lines.insert(lines.end(), other.begin(), other.end());
    return lines;
}

// One run of syn-only as the CLI and the window store it.
std::vector<Finding> runAndStore(DetectCase &detectCase, const std::string &filter = {})
{
    const std::vector<Finding> found = detectCase.run("syn-only", {}, filter);
    return storeFindings(detectCase.caseDb(), {"syn-only"}, StoredRun{"syn-only", 1, filter, "", 0}, found);
}

const Finding *bySource(const std::vector<Finding> &findings, const std::string &src)
{
    const auto it = std::find_if(findings.begin(), findings.end(),
                                 [&](const Finding &f) { return f.src && f.src->toString() == src; });
    return it == findings.end() ? nullptr : &*it;
}

} // namespace

class TestFindingStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void editsSurviveARerun()
    {
        DetectCase detectCase(twoSeries());
        const std::vector<Finding> first = runAndStore(detectCase);
        QCOMPARE(first.size(), std::size_t(2));
        const Finding *ssh = bySource(first, "10.0.1.5");
        QVERIFY(ssh);
        const Severity detectorSeverity = ssh->severity;
        QVERIFY(detectorSeverity != Severity::Critical);
        setFindingSeverity(detectCase.caseDb(), ssh->id, Severity::Critical);
        setFindingTags(detectCase.caseDb(), ssh->id, {"c2", "recon"});
        setFindingNote(detectCase.caseDb(), ssh->id, "the first probe");

        const std::vector<Finding> second = runAndStore(detectCase);
        QCOMPARE(second.size(), std::size_t(2));
        const Finding *again = bySource(second, "10.0.1.5");
        QVERIFY(again);
        QCOMPARE(again->id, ssh->id);
        QCOMPARE(again->identity, ssh->identity);
        QCOMPARE(again->severity, Severity::Critical);
        QVERIFY(again->severityEdited);
        QCOMPARE(again->tags, (std::vector<std::string>{"c2", "recon"}));
        QCOMPARE(again->note, std::string("the first probe"));
        // The other finding keeps its id and the detector's severity.
        QCOMPARE(bySource(second, "10.0.1.6")->id, bySource(first, "10.0.1.6")->id);
        QVERIFY(!bySource(second, "10.0.1.6")->severityEdited);

        const std::vector<Finding> stored = loadFindings(detectCase.caseDb());
        QCOMPARE(stored.size(), std::size_t(2));
        const Finding *kept = bySource(stored, "10.0.1.5");
        QCOMPARE(kept->severity, Severity::Critical);
        QCOMPARE(kept->tags, (std::vector<std::string>{"c2", "recon"}));
        QCOMPARE(kept->note, std::string("the first probe"));
        QVERIFY(!kept->stale);
    }

    void goneFindingsRemovedOrStale()
    {
        DetectCase detectCase(twoSeries());
        const std::vector<Finding> first = runAndStore(detectCase);
        QCOMPARE(first.size(), std::size_t(2));
        const std::string editedId = bySource(first, "10.0.1.5")->id;
        setFindingTags(detectCase.caseDb(), editedId, {"c2"});

        // A run over other records finds neither: the edited one stays, stale; the other goes.
        QVERIFY(runAndStore(detectCase, "srcaddr == 10.0.7.7").empty());
        std::vector<Finding> stored = loadFindings(detectCase.caseDb());
        QCOMPARE(stored.size(), std::size_t(1));
        QCOMPARE(stored.front().id, editedId);
        QVERIFY(stored.front().stale);
        QCOMPARE(stored.front().tags, std::vector<std::string>{"c2"});

        // Found again: no longer stale, same id; the other comes back under an id of its own.
        const std::vector<Finding> third = runAndStore(detectCase);
        QCOMPARE(third.size(), std::size_t(2));
        stored = loadFindings(detectCase.caseDb());
        QCOMPARE(stored.size(), std::size_t(2));
        QCOMPARE(bySource(stored, "10.0.1.5")->id, editedId);
        QVERIFY(!bySource(stored, "10.0.1.5")->stale);
        QVERIFY(bySource(stored, "10.0.1.6")->id != editedId);
    }

    void otherDetectorsUntouched()
    {
        DetectCase detectCase(twoSeries());
        Finding manual;
        manual.type = "beaconing";
        manual.title = "a beacon";
        manual.src = IpAddress::parse("10.0.1.5");
        manual.start = kT0;
        manual.end = kT0 + 60;
        manual.evidenceFilter = "srcaddr == 10.0.1.5";
        const auto beacons = storeFindings(detectCase.caseDb(), {"beaconing"}, StoredRun{"beaconing", 1, "", "", 0}, {manual});
        runAndStore(detectCase);
        runAndStore(detectCase, "srcaddr == 10.0.7.7");
        const std::vector<Finding> stored = loadFindings(detectCase.caseDb());
        QCOMPARE(stored.size(), std::size_t(1));
        QCOMPARE(stored.front().id, beacons.front().id);
        QCOMPARE(stored.front().type, std::string("beaconing"));
    }

    void identitiesTellRepeatsApart()
    {
        Finding a;
        a.type = "visibility-gap";
        a.interfaceId = "eni-a";
        a.start = 200;
        Finding b = a;
        b.start = 100;
        Finding c = a;
        c.interfaceId = "eni-b";
        std::vector<Finding> findings{a, b, c};
        assignIdentities(findings);
        // The earlier of the two gaps on eni-a is the first; eni-b has its own.
        QCOMPARE(findings[1].identity, findingKey(b));
        QCOMPARE(findings[0].identity, findingKey(a) + "#2");
        QCOMPARE(findings[2].identity, findingKey(c));
        QVERIFY(findingKey(a) != findingKey(c));
        // A detector's keyDetail replaces the fields that may change between runs.
        Finding scan;
        scan.type = "port-scan";
        scan.keyDetail = "scan by 10.0.0.1";
        Finding scanOneTarget = scan;
        scanOneTarget.dst = IpAddress::parse("10.0.0.9");
        QCOMPARE(findingKey(scan), findingKey(scanOneTarget));
    }
};

QTEST_GUILESS_MAIN(TestFindingStore)
#include "tst_findingstore.moc"
