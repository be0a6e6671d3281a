// SPDX-License-Identifier: GPL-3.0-or-later
// The demo case's evidence beyond the flow logs: its threat feed makes
// ioc-hit findings of the incident's outside hosts, and its CloudTrail log
// says who launched the compromised server and shows its role opening a
// group minutes before the lateral movement (beside the rejects it
// decided); the detections, the hunt and the analyst's story are stored.

#include "cloudtrail/cloudtrail_trail.h"
#include "demo/demo_case.h"
#include "detect/detection_run.h"
#include "detect/detector_registry.h"
#include "detect/finding_store.h"
#include "explain/reject_explainer.h"
#include "explain/snapshot_store.h"
#include "incident/incident_timeline.h"
#include "incident/ioc_hunt_store.h"
#include "selection/case_filter.h"
#include "incident/ioc_hit_detector.h"
#include "store/case_db.h"
#include "store/cloudtrail_event_rows.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

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
        // The snapshot puts the Windows servers behind that group: the change reaches their interfaces.
        QVERIFY(!group.events[0].caseInterfaces.empty());
        QCOMPARE(readCloudTrailEvents(m_case->handle()).size(), std::size_t(expected.networkEvents));
    }

    // The demo opens on its incident: findings and the hunt's hits stored
    // with when they ran, and the analyst's story in stars, tags and notes.
    void investigationStored()
    {
        const std::vector<StoredRun> runs = loadRuns(*m_case);
        QVERIFY(!runs.empty());
        QVERIFY(runs.front().runAt > 0);
        std::set<std::string> types;
        const std::vector<Finding> findings = loadFindings(*m_case);
        const Finding *upload = nullptr;
        for (const Finding &f : findings) {
            types.insert(f.type);
            if (f.type == "exfiltration" && f.severityEdited)
                upload = &f;
        }
        for (const char *type : {"port-scan", "beaconing", "exfiltration", "lateral-movement", "ioc-hit"})
            QVERIFY2(types.count(type), type);
        QVERIFY(m_result.investigation.findings >= types.size());
        // The analyst's reading of the upload, as a re-run would keep it.
        QVERIFY(upload);
        QCOMPARE(upload->severity, Severity::Critical);
        QCOMPARE(upload->tags, std::vector<std::string>{"exfil"});
        QVERIFY(!upload->note.empty());

        const std::optional<incident::StoredIocHunt> hunt = incident::loadIocHunt(*m_case);
        QVERIFY(hunt);
        QVERIFY(hunt->lists.empty()); // every list
        std::set<std::string> hit;
        for (const incident::IocHit &h : hunt->hunt.hits)
            hit.insert(h.indicator);
        QVERIFY(hit.count(m_result.input.beaconDestination));
        QVERIFY(hit.count(m_result.input.scannerAddress));

        const std::vector<incident::IncidentEntry> entries = incident::IncidentTimeline(*m_case, "reader").entries();
        std::size_t starred = 0, notes = 0;
        std::set<std::string> tags;
        for (const incident::IncidentEntry &e : entries) {
            starred += e.kind == incident::EntryKind::StarredRecord ? 1 : 0;
            notes += e.kind == incident::EntryKind::Note ? 1 : 0;
            if (e.kind != incident::EntryKind::Finding)
                tags.insert(e.tags.begin(), e.tags.end());
        }
        QCOMPARE(starred, std::size_t(m_result.investigation.starred));
        QCOMPARE(notes, std::size_t(m_result.investigation.notes));
        QVERIFY(starred >= 3);
        for (const char *tag : {"c2", "recon", "lateral", "exfil"})
            QVERIFY2(tags.count(tag), tag);
    }

    // The group the compromised server's role opened is named beside the
    // lateral movement's rejects it decided.
    void lateralRejectsShowTheGroupChange()
    {
        explain::RejectExplainer explainer(*m_case, explain::loadSnapshotTimeline(*m_case));
        const auto compiled = CaseFilter::compile(*m_case, "srcaddr == " + m_result.input.lateralSource + " and action == reject");
        const auto filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
        int shown = 0, rejects = 0;
        explainer.explainRejects(*filter, [&](const explain::RecordExplanation &e) {
            ++rejects;
            if (e.configChange && e.configChange->component.toStdString() == m_result.cloudTrail.authorizedGroup) {
                QCOMPARE(e.configChange->eventName, QStringLiteral("AuthorizeSecurityGroupIngress"));
                ++shown;
            }
        });
        QVERIFY(rejects > 0);
        QVERIFY2(shown > 0, qPrintable(QStringLiteral("%1 rejects, none shows the change").arg(rejects)));
    }
};

QTEST_GUILESS_MAIN(TestDemoEvidence)
#include "tst_demoevidence.moc"
