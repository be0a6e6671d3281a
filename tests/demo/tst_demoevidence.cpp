// SPDX-License-Identifier: GPL-3.0-or-later
// The demo case's evidence beyond the flow logs: its threat feed makes
// ioc-hit findings of the incident's outside hosts, and its CloudTrail log
// says who launched the compromised server and shows its role opening a
// group minutes before the lateral movement.

#include "cloudtrail/cloudtrail_trail.h"
#include "demo/demo_case.h"
#include "detect/detection_run.h"
#include "detect/detector_registry.h"
#include "incident/ioc_hit_detector.h"
#include "store/case_db.h"
#include "store/cloudtrail_event_rows.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace flowscope;

class TestDemoEvidence : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DemoCaseResult m_result;
    std::unique_ptr<CaseDb> m_case;

private Q_SLOTS:
    void initTestCase()
    {
        incident::registerIocHitDetector();
        m_case = CaseDb::open(m_dir.filePath(QStringLiteral("demo.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        m_result = importDemoInput(*m_case, m_dir.filePath(QStringLiteral("input")).toStdString());
    }

    void detectionsFindTheThreatFeedsHosts()
    {
        DetectorSelection selection = selectDetectors({"ioc-hit"}, {});
        QVERIFY2(selection.error.empty(), selection.error.c_str());
        DetectionRequest request;
        for (auto &d : selection.detectors)
            request.detectors.push_back(d.get());
        request.runsLast = selection.runsLast;
        std::map<std::string, Finding> byDestination;
        for (const Finding &f : runDetections(*m_case, request).findings)
            if (f.dst)
                byDestination[f.dst->toString()] = f;
        QVERIFY(byDestination.count(m_result.input.beaconDestination));
        const Finding &beacon = byDestination[m_result.input.beaconDestination];
        QCOMPARE(beacon.severity, Severity::High);
        QVERIFY(beacon.records >= m_result.input.beaconRecords);
        QVERIFY(byDestination.count(m_result.input.scannerAddress));
        QVERIFY(byDestination[m_result.input.scannerAddress].start <= m_result.input.scanStart);
    }

    void cloudTrailLinksTheCompromisedServer()
    {
        const DemoCloudTrail &expected = m_result.cloudTrail;
        const cloudtrail::Trail trail = cloudtrail::traceCloudTrail(
            *m_case, {cloudtrail::TrailQuery::Kind::Interface, expected.launchedInterface});
        QCOMPARE(trail.instances, std::vector<std::string>{expected.launchedInstance});
        QCOMPARE(trail.launches.size(), std::size_t(1));
        QCOMPARE(trail.launches[0].principal, expected.launchPrincipal);
        QCOMPARE(trail.launches[0].sourceIp, expected.launchSourceIp);
        QVERIFY(trail.launches[0].time < m_result.input.scanStart);
        QCOMPARE(trail.events.front().caseInterfaces, std::vector<std::string>{expected.launchedInterface});

        const cloudtrail::Trail group = cloudtrail::traceCloudTrail(
            *m_case, {cloudtrail::TrailQuery::Kind::SecurityGroup, expected.authorizedGroup});
        QCOMPARE(group.events.size(), std::size_t(1));
        const CloudTrailEventRow &authorize = group.events[0].row;
        QCOMPARE(authorize.eventName, std::string("AuthorizeSecurityGroupIngress"));
        QCOMPARE(authorize.sourceIp, m_result.input.lateralSource);
        QVERIFY(authorize.time < m_result.input.lateralStart && authorize.time > m_result.input.lateralStart - 600);
        QCOMPARE(readCloudTrailEvents(m_case->handle()).size(), std::size_t(expected.networkEvents));
    }
};

QTEST_GUILESS_MAIN(TestDemoEvidence)
#include "tst_demoevidence.moc"
