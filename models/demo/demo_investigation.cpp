// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_investigation.h"

#include "detect/detection_run.h"
#include "detect/detector_registry.h"
#include "detect/finding_store.h"
#include "incident/incident_entry.h"
#include "incident/ioc_hit_detector.h"
#include "incident/ioc_hunt.h"
#include "incident/ioc_hunt_store.h"
#include "incident/note.h"
#include "incident/record_star.h"
#include "incident/record_tag.h"
#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "store/case_db.h"

#include <limits>
#include <stdexcept>

namespace flowscope {

namespace {

constexpr const char *kAnalyst = "analyst@demo";

// The earliest record the filter selects (by start, then id).
std::int64_t firstRecord(CaseDb &caseDb, const std::string &expression)
{
    const auto compiled = CaseFilter::compile(caseDb, expression);
    const auto *filter = std::get_if<std::shared_ptr<const CaseFilter>>(&compiled);
    if (!filter)
        throw std::logic_error("the demo's story filter '" + expression + "' does not parse");
    std::int64_t best = -1, bestStart = std::numeric_limits<std::int64_t>::max();
    scanRecords(caseDb, (*filter)->blocks(), [&](const EncodedFlow &flow, std::int64_t id) {
        if ((*filter)->predicate()(flow) && flow.start < bestStart) {
            best = id;
            bestStart = flow.start;
        }
    });
    if (best < 0)
        throw std::logic_error("no record of the demo's story matches '" + expression + "'");
    return best;
}

std::vector<Finding> runEveryDetector(CaseDb &caseDb, std::int64_t now)
{
    incident::registerIocHitDetector(); // the threat feed's hits are findings too
    DetectorSelection selection = selectDetectors({}, {});
    if (!selection.error.empty())
        throw std::logic_error("the demo's detectors: " + selection.error);
    DetectionRequest request;
    std::vector<std::string> types;
    for (const auto &detector : selection.detectors) {
        request.detectors.push_back(detector.get());
        types.emplace_back(detector->type());
    }
    request.runsLast = selection.runsLast;
    const DetectionResult result = runDetections(caseDb, request);
    StoredRun run;
    run.runAt = now;
    run.parameters = describeParameters(selection.detectors);
    run.recordsRead = result.recordsRead;
    return storeFindings(caseDb, types, run, result.findings);
}

// The analyst's reading of the findings: the upload is critical, the beacon tagged as C2.
void markFindings(CaseDb &caseDb, const std::vector<Finding> &findings, const DemoSummary &input)
{
    bool exfiltration = false, beacon = false;
    for (const Finding &f : findings) {
        const std::string src = f.src ? f.src->toString() : std::string();
        const std::string dst = f.dst ? f.dst->toString() : std::string();
        if (!exfiltration && f.type == "exfiltration" && src == input.exfiltrationSource) {
            setFindingSeverity(caseDb, f.id, Severity::Critical);
            setFindingTags(caseDb, f.id, {"exfil"});
            setFindingNote(caseDb, f.id, "the upload the beacon prepared; check the NAT gateway's bill");
            exfiltration = true;
        } else if (!beacon && f.type == "beaconing" && src == input.beaconSource && dst == input.beaconDestination) {
            setFindingTags(caseDb, f.id, {"c2"});
            beacon = true;
        }
    }
    if (!exfiltration || !beacon)
        throw std::logic_error("the demo's detectors no longer find its beacon and upload");
}

} // namespace

DemoInvestigation investigateDemoCase(CaseDb &caseDb, const DemoSummary &input, std::int64_t now)
{
    DemoInvestigation done;
    const std::vector<Finding> findings = runEveryDetector(caseDb, now);
    done.findings = findings.size();
    markFindings(caseDb, findings, input);

    incident::StoredIocHunt hunt;
    hunt.ranAt = now;
    hunt.hunt = incident::huntIocLists(caseDb, {});
    if (!hunt.hunt.error.empty())
        throw std::logic_error("the demo's IOC hunt: " + hunt.hunt.error);
    incident::storeIocHunt(caseDb, hunt);
    done.iocHits = hunt.hunt.hits.size();

    // The story, in the order it happened.
    struct Step {
        std::string filter;
        std::vector<std::string> tags;
        std::string note;
        incident::Severity severity;
    };
    const std::vector<Step> story{
        {"srcaddr == " + input.beaconSource + " and dstaddr == " + input.beaconDestination + " and dstport == 443",
         {"c2"},
         "First beacon to the C2 host: every " + std::to_string(input.beaconPeriodSeconds)
             + " s from here on, through the NAT gateway.",
         incident::Severity::High},
        {"srcaddr == " + input.scannerAddress + " and action == reject",
         {"recon"},
         "The scan of " + input.scanTarget + " begins: about " + std::to_string(input.scannedPorts)
             + " ports in four minutes, most rejected.",
         incident::Severity::Medium},
        {"srcaddr == " + input.lateralSource + " and dstaddr == " + input.lateralNaclTarget + " and dstport == 22",
         {"lateral"},
         "SSH to the bastion from the compromised server: the group accepts it, the subnet's network ACL drops the "
         "reply (see Why Rejected?).",
         incident::Severity::High},
        {"srcaddr == " + input.exfiltrationSource + " and dstaddr == " + input.exfiltrationDestination,
         {"exfil"},
         "The upload starts: hundreds of MB to an internet host in twelve minutes.",
         incident::Severity::Critical},
    };
    incident::RecordStars stars(caseDb);
    incident::RecordTags tags(caseDb);
    incident::Notes notes(caseDb);
    for (const Step &step : story) {
        const std::int64_t record = firstRecord(caseDb, step.filter);
        stars.star({record}, kAnalyst);
        stars.setSeverity(record, step.severity, kAnalyst);
        tags.add(record, step.tags, kAnalyst);
        notes.add(record, step.note, kAnalyst);
        ++done.starred;
        ++done.notes;
    }
    return done;
}

} // namespace flowscope
