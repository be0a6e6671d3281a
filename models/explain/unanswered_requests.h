// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Requests no one answered: "why can't the subnet reach the internet?" often
// shows no REJECT at all, only egress requests ACCEPTed at the source and no
// reply anywhere in the case (on the same interface or at the other end)
// within the aggregation windows. The flow logs cannot see why; the route
// table of the snapshot in force can (no-route: none, or a blackhole;
// route-allows, with whether the source has a public address for an
// internet gateway); without one, `unknown`, saying the cause lies outside
// the flow logs' sight.

#include "explain_progress.h"
#include "record_explanation.h"
#include "snapshot_timeline.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace flowscope {
class CaseDb;
class CaseFilter;
} // namespace flowscope

namespace flowscope::explain {

enum class RouteVerdict { NoRoute, RouteAllows, Unknown };
QString routeVerdictName(RouteVerdict verdict); // "no-route", "route-allows", "unknown"

struct UnansweredRequest {
    std::int64_t recordId = 0;
    QString interfaceId;
    int protocol = 0;
    int servicePort = 0; // the request's destination port
    QString source;      // the request's addresses and source port: its conversation
    QString destination;
    int sourcePort = 0;
    std::int64_t start = 0; // 0 when the record has none
    RouteVerdict verdict = RouteVerdict::Unknown;
    // Config when the route table of the snapshot in force was consulted (it
    // holds the interface), Flows when the records alone speak.
    ExplanationBasis basis = ExplanationBasis::Flows;
    // Reachability Analyzer's explanation code when one applies
    // (NO_ROUTE_TO_DESTINATION, BAD_STATE_ROUTE, IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS).
    QString code;
    QString route; // the route that decided, empty when none did
    std::optional<SnapshotReference> snapshot;
    std::vector<EvidenceRecord> evidence; // the same request seen at the other end
    std::vector<Caveat> caveats;
    QString explanation;
    QString suggestion;
};

class UnansweredRequestFinder {
public:
    explicit UnansweredRequestFinder(CaseDb &caseDb, SnapshotTimeline snapshots = {});
    ~UnansweredRequestFinder();
    UnansweredRequestFinder(const UnansweredRequestFinder &) = delete;
    UnansweredRequestFinder &operator=(const UnansweredRequestFinder &) = delete;

    // The egress requests the filter keeps that no record answers, by record
    // id. `cancelled` as RejectExplainer's (RejectExplainCancelled).
    // `progress` as RejectExplainer's.
    void find(const CaseFilter &filter, const std::function<void(const UnansweredRequest &)> &fn,
              const std::function<bool()> &cancelled = {}, const ExplainProgressFn &progress = {});

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace flowscope::explain
