// SPDX-License-Identifier: GPL-3.0-or-later
#include "reject_explainer.h"

#include "conversation_scan.h"
#include "flow_pairing.h"
#include "pairing_source.h"
#include "flows_verdict.h"

#include "query/filter_error.h"
#include "query/filter_values.h"
#include "selection/case_filter.h"
#include "store/block_codec.h"
#include "store/block_reader.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"
#include "tasks/query_interrupt.h"

#include <QCoreApplication>
#include <QHashFunctions>

#include <algorithm>
#include <future>
#include <map>
#include <unordered_map>

namespace flowscope::explain {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::Explainer", text); }

constexpr std::size_t kSampleRecords = 5;
constexpr qint64 kDistantSnapshotSeconds = 86400;
constexpr std::size_t kExplainChunk = 4096;

// The rejected record's packet addresses when they differ from srcaddr/dstaddr.
struct PacketAddresses {
    flowscope::IpAddress src;
    flowscope::IpAddress dst;
};

ExplainedRule ruleOf(const NaclEntry &entry)
{
    ExplainedRule rule;
    rule.ruleNumber = entry.ruleNumber;
    rule.number = entry.numberText();
    rule.action = entry.allow ? QStringLiteral("allow") : QStringLiteral("deny");
    rule.egress = entry.egress;
    rule.protocol = protocolName(entry.protocol);
    rule.cidr = entry.cidr.toString();
    if (!entry.ports.isAny() && (entry.protocol == kTcp || entry.protocol == kUdp))
        rule.ports = entry.ports.from == entry.ports.to ? QString::number(entry.ports.from)
                                                        : QStringLiteral("%1-%2").arg(entry.ports.from).arg(entry.ports.to);
    return rule;
}

void throwIfCancelled(const ExplainCancelled &cancelled)
{
    if (cancelled && cancelled())
        throw RejectExplainCancelled();
}

} // namespace

struct RejectExplainer::Impl {
    CaseDb &db;
    SnapshotTimeline snapshots;
    PairingSource source;
    // SKIPDATA spans by ENI name (its string id): a SKIPDATA record often
    // lacks the subnet and instance its interface's other records carry.
    std::unordered_map<std::uint32_t, std::vector<std::pair<std::int64_t, std::int64_t>>> skipData;
    std::unordered_map<std::int64_t, PacketAddresses> packetAddresses; // of the rejects being explained
    ConfigChangeIndex changes; // the case's CloudTrail changes to groups, ACLs and interfaces

    Impl(CaseDb &caseDb, SnapshotTimeline timeline)
        : db(caseDb)
        , snapshots(std::move(timeline))
        , source(caseDb)
        , changes(ConfigChangeIndex::load(caseDb))
    {
        Statement gaps(db.handle(), "SELECT interface, begin, end FROM coverage_gap WHERE log_status = 2");
        while (gaps.step())
            skipData[source.eniNameId(static_cast<std::uint32_t>(gaps.int64(0)))].emplace_back(gaps.int64(1), gaps.int64(2));
    }

    QString interfaceName(std::uint32_t id) const { return source.interfaceName(id); }
    PairingFlow pairingFlow(const EncodedFlow &flow, std::int64_t id) const { return source.pairingFlow(flow, id); }

    void notePacketAddresses(const EncodedFlow &flow, std::int64_t id)
    {
        packetAddresses[id] = {flow.has(Field::PktSrcAddr) ? flow.pktSrcAddr : flow.srcAddr,
                               flow.has(Field::PktDstAddr) ? flow.pktDstAddr : flow.dstAddr};
    }

    bool missingDataNear(std::uint32_t interface, std::int64_t begin, std::int64_t end) const
    {
        const auto it = skipData.find(source.eniNameId(interface));
        if (it == skipData.end())
            return false;
        return std::any_of(it->second.begin(), it->second.end(), [&](const auto &span) {
            return span.first <= end + kPairingSlackSeconds && span.second >= begin - kPairingSlackSeconds;
        });
    }

    std::optional<bool> sameSubnet(const PairingFlow &rejected, const PairingFlow *peer) const
    {
        if (peer && rejected.subnet && peer->subnet)
            return rejected.subnet == peer->subnet;
        const auto inForce = snapshots.inForceAt(rejected.start);
        if (!inForce)
            return std::nullopt;
        const ConfigSnapshot &snapshot = *inForce->snapshot;
        const NetworkInterface *own = findById(snapshot.interfaces, interfaceName(rejected.interface));
        if (!own)
            return std::nullopt;
        for (const flowscope::IpAddress &address : {rejected.src, rejected.dst}) {
            const auto parsed = IpAddress::parse(QString::fromStdString(address.toString()));
            if (!parsed || own->owns(*parsed))
                continue;
            const NetworkInterface *far = snapshot.interfaceOwning(*parsed, own->vpcId);
            return far ? std::optional<bool>(far->subnetId == own->subnetId) : std::nullopt;
        }
        return std::nullopt;
    }

    FlowsContext flowsContext(bool withText) const
    {
        FlowsContext context;
        context.interfaceName = [this](std::uint32_t id) { return interfaceName(id); };
        context.sameSubnet = [this](const PairingFlow &rejected, const PairingFlow *peer) { return sameSubnet(rejected, peer); };
        context.missingDataNear = [this](std::uint32_t id, std::int64_t begin, std::int64_t end) {
            return missingDataNear(id, begin, end);
        };
        context.withText = withText;
        return context;
    }

    // The exact verdict of the snapshot in force, over what the records said.
    // withText false (grouping): no sentences, and neither the four layers nor the snapshot are kept.
    void applySnapshot(const PairingFlow &rejected, const Pairing &pairing, RecordExplanation &out, bool withText) const
    {
        const auto inForce = snapshots.inForceAt(rejected.start);
        if (!inForce)
            return;
        const ConfigSnapshot &snapshot = *inForce->snapshot;
        const SnapshotReference reference{inForce->id, inForce->asOf, inForce->secondsApart};
        if (!findById(snapshot.interfaces, out.interfaceId)) {
            // Nothing of the snapshot applies: what the records say stands.
            out.snapshot = reference;
            out.caveats.push_back({CaveatKind::Config,
                                   tr("interface %1 is not in the snapshot of %2: its security groups and network ACL are unknown")
                                       .arg(out.interfaceId, inForce->asOf.toString(Qt::ISODate))});
            // A snapshot is loaded: asking for one would mislead.
            if (out.verdict == RecordVerdict::SecurityGroupOrNetworkAcl && !out.suggestion.isEmpty())
                out.suggestion = tr("the snapshot in force (#%1, as of %2) does not describe %3: load one that does "
                                    "(File > Load Configuration Snapshot, or flowscope-cli config) to name the rule")
                                     .arg(inForce->id)
                                     .arg(inForce->asOf.toUTC().toString(Qt::ISODate), out.interfaceId);
            return;
        }
        ExplainFlow flow;
        flow.srcAddr = QString::fromStdString(rejected.src.toString());
        flow.dstAddr = QString::fromStdString(rejected.dst.toString());
        if (const auto it = packetAddresses.find(rejected.id); rejected.packetAddressesDiffer && it != packetAddresses.end()) {
            flow.pktSrcAddr = QString::fromStdString(it->second.src.toString());
            flow.pktDstAddr = QString::fromStdString(it->second.dst.toString());
        }
        flow.srcPort = rejected.srcPort;
        flow.dstPort = rejected.dstPort;
        flow.protocol = rejected.protocol;
        flow.interfaceId = out.interfaceId;
        flow.role = pairing.isReply ? FlowRole::Reply : FlowRole::Request;
        flow.rejectedByBlockPublicAccess = rejected.blockPublicAccess;
        flow.withText = withText;
        flow.direction = pairing.egress ? FlowDirection::Egress : FlowDirection::Ingress;
        if (!pairing.directionKnown) { // the interface owning the source sent it
            const NetworkInterface *own = findById(snapshot.interfaces, out.interfaceId);
            const auto src = IpAddress::parse(flow.srcAddr);
            if (own && src)
                flow.direction = own->owns(*src) ? FlowDirection::Egress : FlowDirection::Ingress;
        }
        PathExplanation path = explainFlow(snapshot, flow);

        const bool flowsDecided = out.verdict == RecordVerdict::NetworkAcl || out.verdict == RecordVerdict::BlockPublicAccess;
        if (path.verdict == Verdict::Inconclusive && flowsDecided) {
            // The records decide what the snapshot cannot: keep theirs, say why.
            out.caveats.push_back({CaveatKind::Config, path.explanation});
            out.snapshot = reference;
            return;
        }
        out.verdict = recordVerdictOf(path.verdict);
        out.snapshot = reference;
        out.direction = flow.direction;
        out.blocking.clear();
        for (const BlockingLayer &block : path.blocking) {
            ExplainedBlock explained{block.code, block.component, block.egress, std::nullopt, block.atLoggingInterface};
            if (block.layer >= 0 && path.layers[block.layer].aclRule)
                explained.rule = ruleOf(*path.layers[block.layer].aclRule);
            out.blocking.push_back(std::move(explained));
        }
        if (path.verdict == Verdict::BlockPublicAccess) {
            // The record's reject-reason decided (its words stand); the snapshot only names the VPC.
            out.basis = ExplanationBasis::Flows;
            return;
        }
        out.basis = ExplanationBasis::Config;
        if (!withText) {
            out.caveats.clear();
            return;
        }
        std::vector<Caveat> caveats;
        for (const Caveat &caveat : out.caveats) { // the evaluator states the others itself
            if (caveat.kind == CaveatKind::SplitWindow || caveat.kind == CaveatKind::CombinedFlags
                || caveat.kind == CaveatKind::MissingData || caveat.kind == CaveatKind::RoleGuessed)
                caveats.push_back(caveat);
        }
        for (const QString &text : path.caveats)
            caveats.push_back({CaveatKind::Config, text});
        if (inForce->takenAfter() || inForce->secondsApart > kDistantSnapshotSeconds)
            caveats.push_back({CaveatKind::SnapshotDistant,
                               tr("the snapshot of %1 is %2 hours %3 this record: the configuration may have changed in between")
                                   .arg(inForce->asOf.toString(Qt::ISODate))
                                   .arg(std::abs(inForce->secondsApart) / 3600)
                                   .arg(inForce->takenAfter() ? tr("after") : tr("before"))});
        out.caveats = std::move(caveats);
        out.explanation = path.explanation;
        out.suggestion = path.suggestion;
        for (const TimedSnapshot &timed : snapshots.snapshots()) {
            if (timed.id == inForce->id)
                out.config = timed.snapshot;
        }
        out.path = std::move(path);
    }

    RecordExplanation explain(const PairingFlow &rejected, std::span<const PairingFlow> conversation,
                              const FlowsContext &context) const
    {
        const Pairing pairing = pairRecord(rejected, conversation);
        RecordExplanation out = explainFromFlows(rejected, pairing, context);
        applySnapshot(rejected, pairing, out, context.withText);
        if (!out.blocking.empty()) {
            out.component = out.blocking.front().component;
            out.rule = out.blocking.front().rule;
        }
        // A change made while the record's window was open may have caused it too.
        out.configChange = changes.latestBefore(out, rejected.end);
        return out;
    }

    std::optional<EncodedFlow> readRecord(std::int64_t id)
    {
        BlockReader reader(db.handle(), false);
        std::string data;
        if (!reader.read(id >> kBlockShift, kPairingColumns, data))
            return std::nullopt;
        std::vector<EncodedFlow> rows;
        decodeBlockColumns(data, kPairingColumns, rows, id >> kBlockShift);
        const std::size_t slot = static_cast<std::size_t>(id & ((std::int64_t(1) << kBlockShift) - 1));
        if (slot >= rows.size())
            return std::nullopt;
        return rows[slot];
    }

    // The records of one conversation near a record, through the block
    // indexes of its addresses, ports and time.
    std::vector<PairingFlow> conversationOf(const PairingFlow &rejected)
    {
        std::string expression = "protocol == " + std::to_string(rejected.protocol) + " and addr == "
            + rejected.src.toString() + " and addr == " + rejected.dst.toString() + " and port == "
            + std::to_string(rejected.srcPort) + " and port == " + std::to_string(rejected.dstPort);
        if (rejected.hasStart)
            expression += " and time >= " + std::to_string(std::max<std::int64_t>(0, rejected.start - kPairingSlackSeconds)) + " and time < "
                + std::to_string(rejected.end + kPairingSlackSeconds + 1);
        const auto compiled = CaseFilter::compile(db, expression);
        if (const auto *error = std::get_if<FilterError>(&compiled))
            throw StoreError("the counterparts of record " + std::to_string(rejected.id) + " cannot be looked up: "
                             + error->message);
        const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
        std::vector<PairingFlow> conversation;
        const std::uint64_t hash = conversationHash(rejected);
        scanRecords(db, filter->blocks(), kPairingColumns, [&](const EncodedFlow &flow, std::int64_t id) {
            if (!isFlowRecord(flow) || !filter->predicate()(flow))
                return;
            if (conversationHash(flow.srcAddr, flow.srcPort, flow.dstAddr, flow.dstPort, flow.protocol) == hash)
                conversation.push_back(pairingFlow(flow, id));
        });
        prepareConversations(conversation);
        return conversation;
    }
};

RejectExplainer::RejectExplainer(CaseDb &caseDb, SnapshotTimeline snapshots)
    : m(std::make_unique<Impl>(caseDb, std::move(snapshots)))
{
}

RejectExplainer::~RejectExplainer() = default;

const SnapshotTimeline &RejectExplainer::snapshots() const { return m->snapshots; }

std::optional<RecordExplanation> RejectExplainer::explainRecord(std::int64_t recordId, const ExplainCancelled &cancelled)
{
    std::optional<QueryInterrupt> interrupt;
    if (cancelled)
        interrupt.emplace(m->db, cancelled);
    const auto flow = m->readRecord(recordId);
    if (!flow || !isFlowRecord(*flow) || flow->action != Action::Reject)
        return std::nullopt;
    const PairingFlow rejected = m->pairingFlow(*flow, recordId);
    m->packetAddresses.clear();
    m->notePacketAddresses(*flow, recordId);
    throwIfCancelled(cancelled);
    const std::vector<PairingFlow> conversation = m->conversationOf(rejected);
    throwIfCancelled(cancelled);
    return m->explain(rejected, conversation, m->flowsContext(true));
}

void RejectExplainer::explainRejects(const CaseFilter &filter, const std::function<void(const RecordExplanation &)> &fn,
                                     const ExplainCancelled &cancelled, bool withText, const ExplainProgressFn &progress)
{
    std::optional<QueryInterrupt> interrupt;
    if (cancelled)
        interrupt.emplace(m->db, cancelled);
    m->packetAddresses.clear();

    ConversationScanRequest request;
    request.isTarget = [&filter](const EncodedFlow &flow, std::int64_t) {
        return flow.action == Action::Reject && isFlowRecord(flow) && (filter.matchesEverything() || filter.predicate()(flow));
    };
    request.pairingFlow = [this](const EncodedFlow &flow, std::int64_t id) { return m->pairingFlow(flow, id); };
    request.noteTarget = [this](const EncodedFlow &flow, std::int64_t id) {
        if ((flow.has(Field::PktSrcAddr) && !(flow.pktSrcAddr == flow.srcAddr))
            || (flow.has(Field::PktDstAddr) && !(flow.pktDstAddr == flow.dstAddr)))
            m->notePacketAddresses(flow, id);
    };
    request.cancelled = cancelled;
    request.progress = progress;
    const ConversationScan scan = scanConversations(m->db, filter, request);
    const ScanningSources scanning =
        findScanningSources(scan.targetCount(), [&scan](std::size_t i) -> const PairingFlow & { return scan.target(i); });

    // Pairing per conversation, each a range of the sorted records: chunks
    // of rejects on two threads (the work reads only what the scans left),
    // handed to fn in record order.
    const FlowsContext context = m->flowsContext(withText);
    const auto explainChunk = [&](std::size_t from) {
        std::vector<RecordExplanation> out;
        const std::size_t to = std::min(scan.targetCount(), from + kExplainChunk);
        out.reserve(to - from);
        for (std::size_t i = from; i < to; ++i) {
            const PairingFlow &target = scan.target(i);
            RecordExplanation explanation = m->explain(target, scan.conversationOf(target), context);
            if (const auto source = scanning.find(target.src);
                source != scanning.end() && explanation.role == FlowRole::Request && looksLikeRequest(target)) {
                explanation.scanning = source->second;
                if (withText)
                    explanation.suggestion = source->second->suggestionNote() + u' ' + explanation.suggestion;
            }
            out.push_back(std::move(explanation));
        }
        return out;
    };
    for (std::size_t from = 0; from < scan.targetCount(); from += 2 * kExplainChunk) {
        throwIfCancelled(cancelled);
        if (progress)
            progress({ExplainStage::Explaining, from, scan.targetCount()});
        const std::size_t second = from + kExplainChunk;
        std::future<std::vector<RecordExplanation>> other;
        if (second < scan.targetCount())
            other = std::async(std::launch::async, explainChunk, second);
        const std::vector<RecordExplanation> first = explainChunk(from);
        const std::vector<RecordExplanation> next = other.valid() ? other.get() : std::vector<RecordExplanation>();
        for (const RecordExplanation &explanation : first)
            fn(explanation);
        for (const RecordExplanation &explanation : next)
            fn(explanation);
    }
    if (progress)
        progress({ExplainStage::Explaining, scan.targetCount(), scan.targetCount()});
}
RejectGroups RejectExplainer::groupRejects(const CaseFilter &filter, const ExplainCancelled &cancelled,
                                           const ExplainProgressFn &progress)
{
    using Key = std::tuple<int, int, int, int, QString, QString, QString>;
    struct KeyHash {
        std::size_t operator()(const Key &key) const
        {
            return qHashMulti(0, std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key), std::get<4>(key),
                              std::get<5>(key), std::get<6>(key));
        }
    };
    std::unordered_map<Key, RejectGroup, KeyHash> groups;
    // A scanning source's requests: one group, with the verdicts and
    // interfaces and protocols of its members counted to name the common ones.
    struct ScanGroup {
        RejectGroup group;
        std::map<std::pair<int, int>, std::int64_t> verdicts; // (verdict, basis) → count
        std::optional<QString> interfaceId;
        std::optional<int> protocol;
    };
    std::unordered_map<const ScanningSource *, ScanGroup> scans;
    RejectGroups out;
    explainRejects(
        filter,
        [&](const RecordExplanation &explanation) {
            ++out.rejects;
            if (explanation.scanning) {
                ScanGroup &scan = scans[explanation.scanning.get()];
                RejectGroup &group = scan.group;
                if (group.count == 0) {
                    group.scan = explanation.scanning;
                    group.firstRecord = explanation.recordId;
                    scan.interfaceId = explanation.interfaceId;
                    scan.protocol = explanation.protocol;
                }
                ++group.count;
                ++scan.verdicts[{static_cast<int>(explanation.verdict), static_cast<int>(explanation.basis)}];
                if (scan.interfaceId != explanation.interfaceId)
                    scan.interfaceId = QString();
                if (scan.protocol != explanation.protocol)
                    scan.protocol = 0;
                group.firstRecord = std::min(group.firstRecord, explanation.recordId);
                if (group.sampleRecords.size() < kSampleRecords)
                    group.sampleRecords.push_back(explanation.recordId);
                return;
            }
            const QString rule = ruleLabel(explanation);
            const Key key{static_cast<int>(explanation.verdict), static_cast<int>(explanation.basis), explanation.protocol,
                          explanation.servicePort, explanation.interfaceId, explanation.component, rule};
            RejectGroup &group = groups[key];
            if (group.count == 0) {
                group.verdict = explanation.verdict;
                group.basis = explanation.basis;
                group.component = explanation.component;
                group.rule = rule;
                group.interfaceId = explanation.interfaceId;
                group.protocol = explanation.protocol;
                group.servicePort = explanation.servicePort;
                group.firstRecord = explanation.recordId;
            }
            ++group.count;
            if (explanation.role == FlowRole::Reply)
                ++group.replies;
            group.firstRecord = std::min(group.firstRecord, explanation.recordId);
            if (group.sampleRecords.size() < kSampleRecords)
                group.sampleRecords.push_back(explanation.recordId);
        },
        cancelled, false, progress);
    for (auto &[source, scan] : scans) {
        const auto common = std::max_element(scan.verdicts.begin(), scan.verdicts.end(),
                                             [](const auto &a, const auto &b) { return a.second < b.second; });
        scan.group.verdict = static_cast<RecordVerdict>(common->first.first);
        scan.group.basis = static_cast<ExplanationBasis>(common->first.second);
        scan.group.interfaceId = scan.interfaceId.value_or(QString());
        scan.group.protocol = scan.protocol.value_or(0);
        groups.emplace(Key{-1, 0, 0, 0, QString::fromStdString(source->source.toString()), {}, {}}, std::move(scan.group));
    }
    for (auto &[key, group] : groups) {
        std::sort(group.sampleRecords.begin(), group.sampleRecords.end());
        out.groups.push_back(std::move(group));
    }
    // Largest first; equal counts in the order of their first record, so the order never depends on hashing.
    std::sort(out.groups.begin(), out.groups.end(), [](const RejectGroup &a, const RejectGroup &b) {
        return a.count != b.count ? a.count > b.count : a.firstRecord < b.firstRecord;
    });
    return out;
}

QString ruleLabel(const RecordExplanation &explanation)
{
    if (!explanation.rule)
        return {};
    return QStringLiteral("%1 %2 %3")
        .arg(explanation.rule->egress ? QStringLiteral("outbound") : QStringLiteral("inbound"), explanation.rule->number,
             explanation.rule->action);
}

} // namespace flowscope::explain
