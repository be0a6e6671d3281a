// SPDX-License-Identifier: GPL-3.0-or-later
#include "syn_only_detector.h"
#include "evidence_filter.h"
#include "flow_roles.h"
#include "logged_once.h"

#include "analysis/flat_table.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace flowscope {

namespace {

// (from, to, port): a SYN-only attempt from `from` to `to`'s `port`, or a
// TCP record sent by `from` from `port` to `to` (an answer when reversed).
struct TripleKey {
    std::uint64_t from = 0;
    std::uint64_t to = 0;
    std::uint64_t port = 0;
};

// An attempt's SYN-only records at the first interface that logged it;
// another interface's go to a table of their own, rare but for traffic
// inside the estate, so that a SYN logged at both ends counts once
// (logged_once.h).
struct AttemptEntry {
    TripleKey key;
    std::uint32_t interface = 0;
    std::uint32_t records = 0; // saturates; the rest then goes to the other table
    std::uint64_t bytes = 0;
    std::int64_t firstStart = INT64_MAX;
    std::int64_t lastEnd = INT64_MIN;
};

struct OtherInterfaceKey {
    std::uint64_t attempt = 0; // its index among the attempts
    std::uint64_t interface = 0;
};

struct OtherInterfaceEntry {
    OtherInterfaceKey key;
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
};

// A 64-bit digest of (from, to, port): a reply's digest equals its
// attempt's reversed digest. Two distinct triples sharing one digest (about
// one chance in 2^64 per pair) would hide an attempt, never invent one.
std::uint64_t digest(std::uint64_t from, std::uint64_t to, std::uint64_t port)
{
    std::uint64_t h = (from + 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;
    h = (h ^ (h >> 31) ^ to) * 0x94D049BB133111EBULL;
    h = (h ^ (h >> 29) ^ port) * 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
}

} // namespace

struct SynOnlyDetector::State {
    AddressIds addresses;
    FlatTable<AttemptEntry> attempts;
    FlatTable<OtherInterfaceEntry> otherInterfaces;
    // Every TCP record as digest(sender, receiver, sender's port), appended
    // (cheaper than a hash table of millions) and searched once at the end.
    std::vector<std::uint64_t> sent;
};

SynOnlyDetector::SynOnlyDetector(SynOnlyParameters parameters)
    : m_parameters(parameters)
    , m_state(std::make_unique<State>())
{
}

SynOnlyDetector::~SynOnlyDetector() = default;

std::vector<DetectorParameter> SynOnlyDetector::parameters()
{
    return {flagParameter("include-rejected", "also rejected SYNs (a rejected SYN is never answered)",
                          m_parameters.includeRejected),
            countParameter("min-records", "SYN-only records of one source, destination and port a finding needs",
                           m_parameters.minRecords),
            countParameter("high-records", "SYN-only records from which a finding is of high severity",
                           m_parameters.highRecords)};
}

ColumnMask SynOnlyDetector::columns() const
{
    return columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::SrcPort) | columnOf(Field::DstPort)
        | columnOf(Field::Protocol) | columnOf(Field::TcpFlags) | columnOf(Field::Action) | columnOf(Field::Bytes) | columnOf(Field::Start)
        | columnOf(Field::End) | columnOf(Field::InterfaceId);
}

void SynOnlyDetector::observe(const EncodedFlow &flow)
{
    if (!flow.has(Field::Protocol) || flow.protocol != kTcp || !flow.has(Field::SrcAddr) || !flow.has(Field::DstAddr)
        || !flow.has(Field::SrcPort) || !flow.has(Field::DstPort))
        return;
    const std::uint64_t src = m_state->addresses.idOf(flow.srcAddr);
    const std::uint64_t dst = m_state->addresses.idOf(flow.dstAddr);
    if (!isSynOnly(flow)) {
        if (m_state->sent.empty() || m_state->sent.back() != digest(src, dst, flow.srcPort))
            m_state->sent.push_back(digest(src, dst, flow.srcPort));
        return;
    }
    m_state->sent.push_back(digest(src, dst, flow.srcPort)); // a SYN answers nothing, but is a record sent
    if (!m_parameters.includeRejected && flow.has(Field::Action) && flow.action == Action::Reject)
        return;
    const std::size_t index = m_state->attempts.indexOf({src, dst, flow.dstPort});
    AttemptEntry &attempt = m_state->attempts.at(index);
    const std::uint64_t bytes = flow.has(Field::Bytes) ? flow.bytes : 0;
    if (attempt.records == 0 || (attempt.interface == flow.interface && attempt.records < UINT32_MAX)) {
        attempt.interface = flow.interface;
        ++attempt.records;
        attempt.bytes += bytes;
    } else {
        OtherInterfaceEntry &other = m_state->otherInterfaces.findOrAdd({index, flow.interface});
        ++other.records;
        other.bytes += bytes;
    }
    if (flow.has(Field::Start))
        attempt.firstStart = std::min(attempt.firstStart, flow.start);
    if (flow.has(Field::End))
        attempt.lastEnd = std::max(attempt.lastEnd, flow.end);
}

std::vector<Finding> SynOnlyDetector::finish(const DetectContext &context, const std::vector<Finding> &)
{
    // Each attempt's interfaces together, an attempt logged at both ends
    // counted once (logged_once.h).
    struct Attempt {
        TripleKey key;
        InterfaceShare counted;
        std::int64_t firstStart = INT64_MAX;
        std::int64_t lastEnd = INT64_MIN;
    };
    std::unordered_map<std::size_t, LoggedOnce> shared; // the attempts other interfaces logged too
    for (std::size_t i = 0; i < m_state->otherInterfaces.size(); ++i) {
        const OtherInterfaceEntry &other = m_state->otherInterfaces.at(i);
        LoggedOnce &logged = shared[other.key.attempt];
        if (logged.interfaces() == 0) {
            const AttemptEntry &first = m_state->attempts.at(other.key.attempt);
            logged.add(first.interface, first.records, first.bytes);
        }
        logged.add(static_cast<std::uint32_t>(other.key.interface), other.records, other.bytes);
    }
    std::vector<Attempt> attempts;
    for (std::size_t i = 0; i < m_state->attempts.size(); ++i) {
        const AttemptEntry &e = m_state->attempts.at(i);
        const auto logged = shared.find(i);
        Attempt attempt{e.key, logged == shared.end() ? InterfaceShare{e.interface, e.records, e.bytes} : logged->second.counted(),
                        e.firstStart, e.lastEnd};
        if (static_cast<std::int64_t>(attempt.counted.records) >= m_parameters.minRecords)
            attempts.push_back(attempt);
    }
    // The attempts with enough records, by the digest an answer would have.
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> byAnswer;
    for (std::size_t i = 0; i < attempts.size(); ++i)
        byAnswer[digest(attempts[i].key.to, attempts[i].key.from, attempts[i].key.port)].push_back(i);
    for (const std::uint64_t sent : m_state->sent)
        if (!byAnswer.empty())
            byAnswer.erase(sent); // the destination answered from that port
    std::vector<std::size_t> unanswered;
    for (const auto &[answer, indexes] : byAnswer)
        unanswered.insert(unanswered.end(), indexes.begin(), indexes.end());
    std::sort(unanswered.begin(), unanswered.end());
    std::vector<Finding> findings;
    for (const std::size_t i : unanswered) {
        const Attempt &attempt = attempts[i];
        Finding f;
        f.type = "syn-only";
        f.src = m_state->addresses.address(attempt.key.from);
        f.dst = m_state->addresses.address(attempt.key.to);
        f.dstPort = static_cast<std::uint16_t>(attempt.key.port);
        f.protocol = kTcp;
        f.start = attempt.firstStart == INT64_MAX ? 0 : attempt.firstStart;
        f.end = attempt.lastEnd == INT64_MIN ? f.start : attempt.lastEnd;
        f.records = attempt.counted.records;
        f.bytes = attempt.counted.bytes;
        f.severity = static_cast<std::int64_t>(f.records) >= m_parameters.highRecords ? Severity::High
                                                                                      : Severity::Medium;
        f.title = std::to_string(f.records) + " SYNs from " + f.src->toString() + " to " + f.dst->toString() + ':'
            + std::to_string(*f.dstPort) + " never answered";
        EvidenceFilter evidence;
        evidence.address("srcaddr", *f.src)
                               .address("dstaddr", *f.dst)
                               .number("dstport", *f.dstPort)
                               .term("protocol == tcp")
                               .term("tcp-flags == 2");
        if (!m_parameters.includeRejected)
            evidence.term("action == accept");
        f.evidenceFilter = evidence.joinedTo(context.filterExpression);
        findings.push_back(std::move(f));
    }
    return findings;
}

} // namespace flowscope
