// SPDX-License-Identifier: GPL-3.0-or-later
#include "unanswered_requests.h"

#include "answered_requests.h"
#include "conversation_scan.h"
#include "flows_verdict.h"
#include "pairing_source.h"
#include "reject_explainer.h"
#include "route_evaluator.h"

#include "selection/case_filter.h"
#include "store/case_db.h"

#include <QCoreApplication>

#include <algorithm>

namespace flowscope::explain {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::Explainer", text); }

constexpr std::uint8_t kSyn = 2;
constexpr std::uint8_t kSynAck = 16;

bool isPrivate(const flowscope::IpAddress &a)
{
    if (a.isV4()) {
        const std::uint32_t v = a.v4();
        return (v >> 24) == 10 || (v >> 20) == (172u << 4 | 1u) || (v >> 16) == (192u << 8 | 168u)
            || (v >> 22) == (100u << 2 | 1u);
    }
    return (a.bytes[0] & 0xfe) == 0xfc;
}

// An ACCEPTed record leaving its interface that opens something: a SYN
// without SYN-ACK, or without flags a lower destination than source port.
bool looksLikeEgressRequest(const EncodedFlow &flow)
{
    if (flow.action != Action::Accept)
        return false;
    const bool egress = flow.has(Field::FlowDirection) ? flow.direction == flowscope::FlowDirection::Egress
                                                       : isPrivate(flow.srcAddr) && !isPrivate(flow.dstAddr);
    if (!egress)
        return false;
    if (flow.protocol == 6 && flow.has(Field::TcpFlags))
        return (flow.tcpFlags & kSyn) && !(flow.tcpFlags & kSynAck);
    return flow.dstPort <= flow.srcPort;
}

} // namespace

QString routeVerdictName(RouteVerdict verdict)
{
    switch (verdict) {
    case RouteVerdict::NoRoute: return QStringLiteral("no-route");
    case RouteVerdict::RouteAllows: return QStringLiteral("route-allows");
    case RouteVerdict::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

struct UnansweredRequestFinder::Impl {
    CaseDb &db;
    SnapshotTimeline snapshots;
    PairingSource source;

    Impl(CaseDb &caseDb, SnapshotTimeline timeline)
        : db(caseDb)
        , snapshots(std::move(timeline))
        , source(caseDb)
    {
    }
};

UnansweredRequestFinder::UnansweredRequestFinder(CaseDb &caseDb, SnapshotTimeline snapshots)
    : m(std::make_unique<Impl>(caseDb, std::move(snapshots)))
{
}

UnansweredRequestFinder::~UnansweredRequestFinder() = default;

void UnansweredRequestFinder::find(const CaseFilter &filter, const std::function<void(const UnansweredRequest &)> &fn,
                                   const std::function<bool()> &cancelled, const ExplainProgressFn &progress)
{
    // Most requests are answered: a compact sieve drops those, and only the
    // rest are paired with their whole conversations.
    AnsweredRequestSieve sieve;
    sieve.isRequest = [&filter](const EncodedFlow &flow) {
        return looksLikeEgressRequest(flow) && (filter.matchesEverything() || filter.predicate()(flow));
    };
    sieve.requestColumns = columnOf(Field::FlowDirection) | columnOf(Field::TcpFlags);
    sieve.cancelled = cancelled;
    sieve.progress = progress;
    const SievedRequests sieved = sieveAnsweredRequests(m->db, filter, sieve);
    const auto finished = [&progress] {
        if (progress)
            progress({ExplainStage::Explaining, 1, 1});
    };
    if (sieved.notSurelyAnswered.empty()) {
        finished();
        return;
    }
    const std::vector<std::int64_t> &doubtful = sieved.notSurelyAnswered;

    ConversationScanRequest request;
    request.isTarget = [&doubtful](const EncodedFlow &, std::int64_t id) {
        return std::binary_search(doubtful.begin(), doubtful.end(), id);
    };
    request.targetBlocks.emplace();
    for (const std::int64_t id : doubtful)
        if (request.targetBlocks->empty() || request.targetBlocks->back() != id >> kBlockShift)
            request.targetBlocks->push_back(id >> kBlockShift);
    request.pairingFlow = [this](const EncodedFlow &flow, std::int64_t id) { return m->source.pairingFlow(flow, id); };
    request.cancelled = cancelled;
    // The sieve found the requests: the few blocks holding those in doubt are not worth a stage of their own.
    const ExplainProgressFn reading = [&progress](const ExplainProgress &step) {
        if (step.stage == ExplainStage::Reading)
            progress(step);
    };
    if (progress)
        request.progress = reading;
    const ConversationScan scan = scanConversations(m->db, filter, request);

    for (std::size_t i = 0; i < scan.targetCount(); ++i) {
        if (progress && i % 4096 == 0)
            progress({ExplainStage::Explaining, i, scan.targetCount()});
        const PairingFlow &target = scan.target(i);
        const Pairing pairing = pairRecord(target, scan.conversationOf(target));
        if (pairing.reply || pairing.peerReverse)
            continue; // answered, or its reply was REJECTed (explained as a reject)
        if (pairing.peerSame && pairing.peerSame->flow->action == flowscope::Action::Reject)
            continue; // REJECTed at the other end: explained as a reject
        UnansweredRequest out;
        out.recordId = target.id;
        out.interfaceId = m->source.interfaceName(target.interface);
        out.protocol = target.protocol;
        out.servicePort = target.dstPort;
        out.source = QString::fromStdString(target.src.toString());
        out.destination = QString::fromStdString(target.dst.toString());
        out.sourcePort = target.srcPort;
        out.start = target.start;
        if (pairing.peerSame) {
            const PairingFlow &peer = *pairing.peerSame->flow;
            out.evidence.push_back({peer.id, EvidenceRole::PeerRequest, true, m->source.interfaceName(peer.interface),
                                    peer.action == flowscope::Action::Accept, peer.start});
        }
        const QString silence = tr("%1 left %2 and no reply is in the case within %3 seconds, on this interface or any other")
                                    .arg(describeFlow(target), out.interfaceId)
                                    .arg(kPairingSlackSeconds);
        const QString peerNote = pairing.peerSame
            ? tr("; the other end's interface logged the request (record %1) but no reply").arg(pairing.peerSame->flow->id)
            : QString();
        const auto inForce = m->snapshots.inForceAt(target.start);
        if (inForce)
            out.snapshot = SnapshotReference{inForce->id, inForce->asOf, inForce->secondsApart};
        const NetworkInterface *eni = inForce ? findById(inForce->snapshot->interfaces, out.interfaceId) : nullptr;
        const auto destination = IpAddress::parse(QString::fromStdString(target.dst.toString()));
        if (!eni || !destination) {
            out.explanation = silence + tr(": the cause lies outside the flow logs' sight (a route, a gateway, or the peer)")
                + peerNote;
            out.suggestion = inForce ? tr("interface %1 is not in the snapshot: load one that holds it and its subnet's route table")
                                           .arg(out.interfaceId)
                                     : tr("load the VPC's route tables (File > Load Configuration Snapshot, or flowscope-cli config) to see the route toward the destination");
            fn(out);
            continue;
        }
        const RouteDecision route = evaluateRoute(*inForce->snapshot, *eni, *destination);
        out.basis = ExplanationBasis::Config;
        out.code = route.code;
        if (route.route)
            out.route = route.route->destination + QStringLiteral(" ") + route.route->target;
        out.explanation = silence + QStringLiteral(": ") + route.explanation + peerNote;
        switch (route.outcome) {
        case RouteOutcome::NoRoute:
        case RouteOutcome::Blackhole:
            out.verdict = RouteVerdict::NoRoute;
            out.suggestion = tr("add a route toward %1 to route table %2")
                                 .arg(destination->toString(), route.table ? route.table->id : tr("of the subnet"));
            break;
        case RouteOutcome::Routed:
            out.verdict = RouteVerdict::RouteAllows;
            out.suggestion = route.kind == RouteTargetKind::InternetGateway && route.sourceHasPublicAddress == false
                ? tr("give %1 a public or Elastic IP address, or route through a NAT gateway").arg(out.interfaceId)
                : tr("the route carries it: look at the target, the peer, or a firewall beyond the VPC");
            break;
        case RouteOutcome::Inconclusive:
            out.verdict = RouteVerdict::Unknown;
            out.suggestion = route.reason;
            break;
        }
        fn(out);
    }
    finished();
}

} // namespace flowscope::explain
