// SPDX-License-Identifier: GPL-3.0-or-later
#include "syn_only_detector.h"
#include "evidence_filter.h"
#include "flow_roles.h"

#include "analysis/flat_table.h"

#include <algorithm>

namespace flowscope {

namespace {

// (from, to, port): a SYN-only attempt from `from` to `to`'s `port`, or a
// TCP record sent by `from` from `port` to `to` (an answer when reversed).
struct TripleKey {
    std::uint64_t from = 0;
    std::uint64_t to = 0;
    std::uint64_t port = 0;
};

struct AttemptEntry {
    TripleKey key;
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
    std::int64_t firstStart = INT64_MAX;
    std::int64_t lastEnd = INT64_MIN;
};

struct SentEntry {
    TripleKey key;
};

} // namespace

struct SynOnlyDetector::State {
    AddressIds addresses;
    FlatTable<AttemptEntry> attempts;
    FlatTable<SentEntry> sent; // every TCP (sender, receiver, sender's port)
};

SynOnlyDetector::SynOnlyDetector(SynOnlyParameters parameters)
    : m_parameters(parameters)
    , m_state(std::make_unique<State>())
{
}

SynOnlyDetector::~SynOnlyDetector() = default;

std::vector<DetectorParameter> SynOnlyDetector::parameters()
{
    return {countParameter("min-records", "SYN-only records of one source, destination and port a finding needs",
                           m_parameters.minRecords),
            countParameter("high-records", "SYN-only records from which a finding is of high severity",
                           m_parameters.highRecords)};
}

ColumnMask SynOnlyDetector::columns() const
{
    return columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::SrcPort) | columnOf(Field::DstPort)
        | columnOf(Field::Protocol) | columnOf(Field::TcpFlags) | columnOf(Field::Bytes) | columnOf(Field::Start)
        | columnOf(Field::End);
}

void SynOnlyDetector::observe(const EncodedFlow &flow)
{
    if (!flow.has(Field::Protocol) || flow.protocol != kTcp || !flow.has(Field::SrcAddr) || !flow.has(Field::DstAddr)
        || !flow.has(Field::SrcPort) || !flow.has(Field::DstPort))
        return;
    const std::uint64_t src = m_state->addresses.idOf(flow.srcAddr);
    const std::uint64_t dst = m_state->addresses.idOf(flow.dstAddr);
    m_state->sent.findOrAdd({src, dst, flow.srcPort});
    if (!isSynOnly(flow))
        return;
    AttemptEntry &attempt = m_state->attempts.findOrAdd({src, dst, flow.dstPort});
    ++attempt.records;
    attempt.bytes += flow.has(Field::Bytes) ? flow.bytes : 0;
    if (flow.has(Field::Start))
        attempt.firstStart = std::min(attempt.firstStart, flow.start);
    if (flow.has(Field::End))
        attempt.lastEnd = std::max(attempt.lastEnd, flow.end);
}

std::vector<Finding> SynOnlyDetector::finish(const DetectContext &context, const std::vector<Finding> &)
{
    std::vector<Finding> findings;
    for (std::size_t i = 0; i < m_state->attempts.size(); ++i) {
        const AttemptEntry &attempt = m_state->attempts.at(i);
        if (static_cast<std::int64_t>(attempt.records) < m_parameters.minRecords)
            continue;
        const std::size_t before = m_state->sent.size();
        m_state->sent.findOrAdd({attempt.key.to, attempt.key.from, attempt.key.port});
        if (m_state->sent.size() == before)
            continue; // the destination answered from that port
        Finding f;
        f.type = "syn-only";
        f.src = m_state->addresses.address(attempt.key.from);
        f.dst = m_state->addresses.address(attempt.key.to);
        f.dstPort = static_cast<std::uint16_t>(attempt.key.port);
        f.protocol = kTcp;
        f.start = attempt.firstStart == INT64_MAX ? 0 : attempt.firstStart;
        f.end = attempt.lastEnd == INT64_MIN ? f.start : attempt.lastEnd;
        f.records = attempt.records;
        f.bytes = attempt.bytes;
        f.severity = static_cast<std::int64_t>(attempt.records) >= m_parameters.highRecords ? Severity::High
                                                                                           : Severity::Medium;
        f.title = std::to_string(attempt.records) + " SYNs from " + f.src->toString() + " to " + f.dst->toString() + ':'
            + std::to_string(*f.dstPort) + " never answered";
        f.evidenceFilter = EvidenceFilter()
                               .address("srcaddr", *f.src)
                               .address("dstaddr", *f.dst)
                               .number("dstport", *f.dstPort)
                               .term("protocol == tcp")
                               .term("tcp-flags == 2")
                               .joinedTo(context.filterExpression);
        findings.push_back(std::move(f));
    }
    return findings;
}

} // namespace flowscope
