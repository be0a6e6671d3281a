// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled demo, end to end: every delivery it writes imports without an
// error, and what the case holds matches what the generator says it wrote.

#include "demo/demo_case.h"
#include "explain/path_evaluator.h"
#include "explain/snapshot_store.h"
#include "explain/unanswered_requests.h"
#include "selection/case_filter.h"
#include "incident/ioc_hunt.h"
#include "store/case_db.h"
#include "store/case_summary.h"
#include "store/flow_reader.h"
#include "store/sqlite_handle.h"

#include <QTemporaryDir>
#include <sqlite3.h>
#include <QTest>

#include <map>
#include <set>

using namespace flowscope;

class TestDemoImport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DemoCaseResult m_result;
    std::string casePath() const { return m_dir.filePath(QStringLiteral("demo.flowcase")).toStdString(); }

private Q_SLOTS:
    void initTestCase()
    {
        auto caseDb = CaseDb::open(casePath(), CaseDb::Mode::CreateIfMissing);
        m_result = importDemoInput(*caseDb, m_dir.filePath(QStringLiteral("input")).toStdString());
    }

    // The demo's threat feed names the beacon's destination and the scanner:
    // a hunt finds both at once.
    void demoIocListHitsTheIncident()
    {
        auto caseDb = CaseDb::open(casePath(), CaseDb::Mode::ReadOnly);
        const incident::IocHunt hunt = incident::huntIocLists(*caseDb, {"threat-feed"});
        QVERIFY2(hunt.error.empty(), hunt.error.c_str());
        QCOMPARE(hunt.indicators, std::int64_t(3));
        std::map<std::string, std::int64_t> records;
        for (const incident::IocHit &hit : hunt.hits)
            records[hit.indicator] = hit.records;
        QVERIFY(records[m_result.input.beaconDestination] >= std::int64_t(m_result.input.beaconRecords));
        QVERIFY(records[m_result.input.scannerAddress] > 0);
    }

    void demoImportsCompletely()
    {
        auto caseDb = CaseDb::open(casePath(), CaseDb::Mode::ReadOnly);
        const DemoCaseResult &result = m_result;
        QCOMPARE(result.errors, 0u);
        QCOMPARE(result.records, result.input.records);

        const CaseSummary summary = summarizeCase(*caseDb);
        QCOMPARE(summary.records, result.input.records);
        QCOMPARE(summary.files, std::uint64_t(result.input.files.size()));
        QCOMPARE(summary.errors, 0u);
        std::set<std::string> deliveries;
        for (const FormatCount &format : summary.formats)
            deliveries.insert(format.delivery);
        for (const char *expected : {"s3-text", "cloudwatch-export", "cloudwatch-json", "json-lines"})
            QVERIFY2(deliveries.count(expected), expected);

        std::uint64_t nodata = 0, skipdata = 0, ipv6 = 0, rejects = 0, beacon = 0, rows = 0;
        std::int64_t previousStart = INT64_MIN;
        bool ordered = true;
        FlowReader(*caseDb).forEachInTimeOrder(-1, [&](const FlowRow &row) {
            ++rows;
            const std::string status = fieldText(row.value(Field::LogStatus));
            nodata += status == "NODATA";
            skipdata += status == "SKIPDATA";
            rejects += fieldText(row.value(Field::Action)) == "REJECT";
            const std::string src = fieldText(row.value(Field::SrcAddr));
            ipv6 += src.find(':') != std::string::npos;
            beacon += src == result.input.beaconSource
                && fieldText(row.value(Field::DstAddr)) == result.input.beaconDestination;
            if (const auto *start = std::get_if<std::int64_t>(&row.value(Field::Start))) {
                ordered = ordered && *start >= previousStart;
                previousStart = *start;
            }
            return true;
        });
        QCOMPARE(rows, result.input.records);
        QVERIFY(ordered);
        QCOMPARE(nodata, result.input.nodataRecords);
        QCOMPARE(skipdata, result.input.skipdataRecords);
        QCOMPARE(rejects, result.input.rejectRecords);
        QVERIFY(ipv6 > 0);
        QCOMPARE(beacon, result.input.beaconRecords);

        // The rollups agree with the records.
        QCOMPARE(std::uint64_t(queryInt(caseDb->handle(), "SELECT sum(flows) FROM rollup_minute")), result.input.records);
    }

    // The bundled demo case is built again when, and only when, it holds
    // another demo version than this build's: not because it lacks one kind
    // of content (an analyst may have removed its CloudTrail events).
    void demoCaseIsRebuiltForAnotherVersionOnly()
    {
        QCOMPARE(storedDemoVersion(casePath()), demoCaseVersion());
        QTemporaryDir folder;
        const std::filesystem::path bundled = folder.filePath(QStringLiteral("demo.flowcase")).toStdString();
        const auto exec = [](const std::filesystem::path &path, const std::string &sql) {
            auto caseDb = CaseDb::open(path, CaseDb::Mode::ReadWrite);
            char *error = nullptr;
            const int rc = sqlite3_exec(caseDb->handle(), sql.c_str(), nullptr, nullptr, &error);
            const std::string message = error ? error : "";
            sqlite3_free(error);
            return rc == SQLITE_OK ? std::string() : message;
        };
        QCOMPARE(exec(casePath(), "VACUUM INTO '" + bundled.string() + "'"), std::string());
        // A mark of this very file (a saved filter), and no CloudTrail events: still the current version, so kept.
        const std::string mark = "INSERT OR REPLACE INTO saved_filter(name, expression, created_at) VALUES('kept', 'port == 1', 0); ";
        QCOMPARE(exec(bundled, mark + "DELETE FROM cloudtrail_event;"), std::string());
        const auto isKept = [&bundled] {
            auto caseDb = CaseDb::open(bundled, CaseDb::Mode::ReadOnly);
            sqlite3_stmt *statement = nullptr;
            bool found = false;
            if (sqlite3_prepare_v2(caseDb->handle(), "SELECT count(*) FROM saved_filter WHERE name = 'kept'", -1, &statement,
                                   nullptr) == SQLITE_OK
                && sqlite3_step(statement) == SQLITE_ROW)
                found = sqlite3_column_int(statement, 0) == 1;
            sqlite3_finalize(statement);
            return found;
        };
        QCOMPARE(ensureDemoCase(folder.path().toStdString()), bundled);
        QVERIFY(isKept());
        // Another version (an older build's, or none at all): built again, with this version.
        for (const std::string &older : {std::string("UPDATE meta SET value = value - 1 WHERE key = 'demo-version'"),
                                         std::string("DELETE FROM meta WHERE key = 'demo-version'")}) {
            QCOMPARE(exec(bundled, mark + older), std::string());
            QVERIFY(storedDemoVersion(bundled) != demoCaseVersion());
            QVERIFY(isKept());
            QCOMPARE(ensureDemoCase(folder.path().toStdString()), bundled);
            QVERIFY(!isKept());
            QCOMPARE(storedDemoVersion(bundled), demoCaseVersion());
        }
    }

    // The snapshot's files as `flowscope-cli demo` writes them load as the
    // demo case holds them: the same bytes, the same as-of by default.
    void demoSnapshotFilesLoadAsTheCaseHoldsThem()
    {
        using namespace flowscope::explain;
        QTemporaryDir folder;
        const auto written = writeDemoSnapshotFiles(folder.filePath(QStringLiteral("demo-config")).toStdString());
        auto held = CaseDb::open(casePath(), CaseDb::Mode::ReadOnly);
        const std::vector<StoredSnapshot> snapshots = listSnapshots(*held);
        QCOMPARE(written.size(), snapshots.front().files.size());
        std::map<QString, QString> heldSha256; // by file name
        for (const SnapshotFile &file : snapshots.front().files)
            heldSha256[file.path.section(u'/', -1)] = file.sha256;

        auto caseDb = CaseDb::open(folder.filePath(QStringLiteral("loaded.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        const SnapshotImport loaded = importSnapshot(*caseDb, {folder.filePath(QStringLiteral("demo-config"))});
        QVERIFY(loaded.isStored());
        QCOMPARE(loaded.load.messages.size(), 0u);
        QCOMPARE(loaded.asOf.toSecsSinceEpoch(), demoSnapshotAsOf());
        QCOMPARE(loaded.asOf, snapshots.front().asOf);
        for (const SnapshotFile &file : loaded.load.snapshot.files)
            QCOMPARE(file.sha256, heldSha256[file.path.section(u'/', -1)]);
    }

    // A new user meets an unanswered request: the CI runner's requests to an
    // outside mirror, ACCEPTed out of its interface and never answered, run
    // into a route table without a route to the internet.
    void demoHasAnUnansweredRequestWithNoRoute()
    {
        using namespace flowscope::explain;
        auto caseDb = CaseDb::open(casePath(), CaseDb::Mode::ReadOnly);
        const auto compiled = CaseFilter::compile(*caseDb, "");
        UnansweredRequestFinder finder(*caseDb, loadSnapshotTimeline(*caseDb));
        std::vector<UnansweredRequest> found;
        finder.find(*std::get<std::shared_ptr<const CaseFilter>>(compiled),
                    [&](const UnansweredRequest &request) { found.push_back(request); });
        QVERIFY(!found.empty());
        for (const UnansweredRequest &request : found) {
            QCOMPARE(request.interfaceId, QStringLiteral("eni-01b2c3d4e5f607182")); // ci-runner, subnet ecs-b
            QCOMPARE(request.destination, QStringLiteral("203.0.113.80"));
            QCOMPARE(request.servicePort, 443);
            QVERIFY2(request.verdict == RouteVerdict::NoRoute, qPrintable(request.explanation));
            QVERIFY(request.route.isEmpty());
            QVERIFY2(request.suggestion.contains(u"rtb-0d4e5f60718293a41"), qPrintable(request.suggestion));
        }
    }

    // The demo's configuration snapshot loads without a warning, is in force
    // for every record, and explains the rejects: the bastion's replies by
    // its subnet's network ACL, the probes by the destinations' security
    // groups. The lateral movement's SMB probes are accepted elsewhere in
    // the demo, so the snapshot allows them: not explained.
    void demoSnapshotExplainsTheRejects()
    {
        using namespace flowscope::explain;
        auto caseDb = CaseDb::open(casePath(), CaseDb::Mode::ReadOnly);
        const std::vector<StoredSnapshot> snapshots = listSnapshots(*caseDb);
        QCOMPARE(snapshots.size(), 1u);
        QCOMPARE(snapshots[0].id, m_result.snapshotId);
        QCOMPARE(snapshots[0].label, QStringLiteral("demo estate"));
        QCOMPARE(snapshots[0].asOf.toSecsSinceEpoch(), DemoOptions().startEpoch - 3600);
        QCOMPARE(loadStoredSnapshot(*caseDb, snapshots[0].id)->messages.size(), 0u);
        const SnapshotTimeline timeline = loadSnapshotTimeline(*caseDb);

        struct Explained {
            ExplainFlow flow;
            PathExplanation explanation;
        };
        std::vector<Explained> rejects;
        const std::string naclTarget = m_result.input.lateralNaclTarget;
        FlowReader(*caseDb).forEachInTimeOrder(-1, [&](const FlowRow &row) {
            if (fieldText(row.value(Field::Action)) != "REJECT")
                return true;
            const auto inForce = timeline.inForceAt(std::get<std::int64_t>(row.value(Field::Start)));
            ExplainFlow flow;
            flow.srcAddr = QString::fromStdString(fieldText(row.value(Field::SrcAddr)));
            flow.dstAddr = QString::fromStdString(fieldText(row.value(Field::DstAddr)));
            flow.srcPort = std::stoi(fieldText(row.value(Field::SrcPort)));
            flow.dstPort = std::stoi(fieldText(row.value(Field::DstPort)));
            flow.protocol = std::stoi(fieldText(row.value(Field::Protocol)));
            flow.interfaceId = QString::fromStdString(fieldText(row.value(Field::InterfaceId)));
            flow.rejectedByBlockPublicAccess = fieldText(row.value(Field::RejectReason)) == "BPA";
            const auto eni = inForce->snapshot->interfaces.find(flow.interfaceId);
            const bool ingress = eni != inForce->snapshot->interfaces.end() && eni->second.owns(*explain::IpAddress::parse(flow.dstAddr));
            flow.direction = ingress ? explain::FlowDirection::Ingress : explain::FlowDirection::Egress;
            // The bastion's rejected egress is its SSH server's reply.
            const bool reply = !ingress && flow.srcPort == 22 && flow.srcAddr.toStdString() == naclTarget;
            flow.role = reply ? FlowRole::Reply : FlowRole::Request;
            rejects.push_back({flow, explainFlow(*inForce->snapshot, flow)});
            return true;
        });
        QCOMPARE(std::uint64_t(rejects.size()), m_result.input.rejectRecords);

        std::map<QString, int> verdicts;
        int naclReplies = 0, lateralDenials = 0;
        for (const auto &[flow, explanation] : rejects) {
            ++verdicts[verdictName(explanation.verdict)];
            const QString what = flow.srcAddr + u' ' + flow.dstAddr + u':' + QString::number(flow.dstPort) + u' '
                + verdictName(explanation.verdict) + u' ' + explanation.explanation;
            if (flow.role == FlowRole::Reply) {
                ++naclReplies;
                QVERIFY2(explanation.verdict == Verdict::NetworkAcl, qPrintable(what));
                QCOMPARE(explanation.blocking.front().code, QStringLiteral("SUBNET_ACL_RESTRICTION"));
                QCOMPARE(explanation.blocking.front().component, QStringLiteral("acl-0a1c3e5f7b9d1f3a5"));
                QVERIFY(explanation.blocking.front().egress);
            } else if (flow.rejectedByBlockPublicAccess) {
                QVERIFY2(explanation.verdict == Verdict::BlockPublicAccess, qPrintable(what));
            } else if (flow.srcAddr.toStdString() == m_result.input.lateralSource && flow.dstPort == 445) {
                QVERIFY2(explanation.verdict == Verdict::NotExplained, qPrintable(what));
            } else {
                QVERIFY2(explanation.verdict == Verdict::SecurityGroup, qPrintable(what));
                QCOMPARE(explanation.blocking.front().code, QStringLiteral("ENI_SG_RULES_MISMATCH"));
                lateralDenials += flow.srcAddr.toStdString() == m_result.input.lateralSource;
            }
        }
        QVERIFY(naclReplies > 0);
        QVERIFY(lateralDenials > 0);
        QVERIFY(verdicts[QStringLiteral("security-group")] > 100); // the scan and the internet's noise
    }
};

QTEST_GUILESS_MAIN(TestDemoImport)
#include "tst_demoimport.moc"
