// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_hit_detector.h"

#include "ioc_hunt.h"
#include "ioc_indicator_text.h"

#include "detect/detector_registry.h"
#include "detect/evidence_filter.h"
#include "detect/flow_roles.h"
#include "detect/logged_once.h"
#include "store/case_db.h"
#include "store/ioc_list_rows.h"

#include <algorithm>
#include <array>
#include <map>
#include <limits>
#include <unordered_map>

namespace flowscope::incident {

namespace {

struct Owner {
    std::string list, indicator, label;
};

// A record's two addresses (family and bytes each), absent ones zero.
using AddressPair = std::array<std::uint8_t, 34>;

AddressPair addressPairOf(const EncodedFlow &flow)
{
    AddressPair pair{};
    if (flow.has(Field::SrcAddr)) {
        pair[0] = static_cast<std::uint8_t>(flow.srcAddr.family);
        std::copy(flow.srcAddr.bytes.begin(), flow.srcAddr.bytes.end(), pair.begin() + 1);
    }
    if (flow.has(Field::DstAddr)) {
        pair[17] = static_cast<std::uint8_t>(flow.dstAddr.family);
        std::copy(flow.dstAddr.bytes.begin(), flow.dstAddr.bytes.end(), pair.begin() + 18);
    }
    return pair;
}

struct Tally {
    // Records and bytes per address pair and interface: a record logged at
    // several interfaces counts once (detect/logged_once.h).
    std::map<AddressPair, LoggedOnce> pairs;
    std::uint64_t accepted = 0, rejectedFromInside = 0; // every interface's records
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    // The other sides' addresses, up to two: one names the host, two say
    // there are more.
    std::vector<IpAddress> peers;
};

} // namespace

struct IocHitDetector::State {
    IocIndicatorSet set;
    std::vector<Owner> owners; // by given index
    std::unordered_map<std::size_t, Tally> tallies;
    std::vector<std::size_t> matched;
};

IocHitDetector::IocHitDetector(IocHitParameters parameters)
    : m_parameters(parameters)
    , m_state(std::make_unique<State>())
{
}

IocHitDetector::~IocHitDetector() = default;

std::vector<DetectorParameter> IocHitDetector::parameters()
{
    return {countParameter("min-records", "records to or from one indicator a finding needs", m_parameters.minRecords),
            countParameter("high-accepted", "accepted records from which a finding is of high severity",
                           m_parameters.highAccepted)};
}

void IocHitDetector::prepare(CaseDb &caseDb)
{
    sqlite3 *db = caseDb.handle();
    if (!hasIocListTables(db))
        return;
    std::vector<IocIndicator> indicators;
    for (const IocListRow &list : readIocLists(db))
        readIocIndicators(db, list.id, [&](const IocIndicatorRow &row) {
            const IocIndicator indicator{{row.low, row.high}, row.port};
            indicators.push_back(indicator);
            m_state->owners.push_back({list.name, formatIocIndicator(indicator), row.label});
        });
    m_state->set = IocIndicatorSet(std::move(indicators));
}

ColumnMask IocHitDetector::columns() const
{
    return columnOf(Field::SrcAddr) | columnOf(Field::DstAddr) | columnOf(Field::SrcPort) | columnOf(Field::DstPort)
        | columnOf(Field::Action) | columnOf(Field::Bytes) | columnOf(Field::Start) | columnOf(Field::End)
        | columnOf(Field::InterfaceId);
}

void IocHitDetector::observe(const EncodedFlow &flow)
{
    if (m_state->set.empty())
        return;
    // Which indicators each side matches, as `addr in @LIST` tests them.
    std::vector<std::size_t> &matched = m_state->matched;
    matched.clear();
    const auto side = [&](Field address, Field port, const IpAddress &a, std::uint16_t p, bool source) {
        if (flow.has(address))
            m_state->set.forEachMatch(a, flow.has(port) ? std::optional<std::uint16_t>(p) : std::nullopt,
                                      [&](std::size_t i) {
                                          matched.push_back(m_state->set.givenIndex(i) * 2 + (source ? 1 : 0));
                                      });
    };
    side(Field::SrcAddr, Field::SrcPort, flow.srcAddr, flow.srcPort, true);
    side(Field::DstAddr, Field::DstPort, flow.dstAddr, flow.dstPort, false);
    if (matched.empty())
        return;
    std::sort(matched.begin(), matched.end());
    const bool rejected = flow.has(Field::Action) && flow.action == Action::Reject;
    std::size_t previous = std::numeric_limits<std::size_t>::max();
    for (const std::size_t code : matched) {
        const std::size_t indicator = code / 2;
        const bool atSource = code % 2 == 1;
        if (indicator == previous)
            continue; // both sides matched one indicator: one record all the same
        previous = indicator;
        Tally &t = m_state->tallies[indicator];
        t.pairs[addressPairOf(flow)].add(flow.interface, 1, flow.has(Field::Bytes) ? flow.bytes : 0);
        if (flow.has(Field::Action) && !rejected)
            ++t.accepted;
        if (flow.has(Field::Start))
            t.first = std::min<std::int64_t>(t.first, flow.start);
        if (flow.has(Field::End))
            t.last = std::max<std::int64_t>(t.last, flow.end);
        // The other side of the record: the host that talked to the indicator.
        const bool peerKnown = atSource ? flow.has(Field::DstAddr) : flow.has(Field::SrcAddr);
        if (peerKnown) {
            const IpAddress &peer = atSource ? flow.dstAddr : flow.srcAddr;
            if (rejected && !atSource && isInternalAddress(peer))
                ++t.rejectedFromInside;
            if (t.peers.size() < 2 && std::find(t.peers.begin(), t.peers.end(), peer) == t.peers.end())
                t.peers.push_back(peer);
        }
    }
}

std::vector<Finding> IocHitDetector::finish(const DetectContext &context, const std::vector<Finding> &)
{
    // Each indicator's records and bytes, counted once.
    std::unordered_map<std::size_t, InterfaceShare> counted;
    std::vector<std::size_t> hit;
    for (const auto &[indicator, tally] : m_state->tallies) {
        InterfaceShare &sum = counted[indicator];
        for (const auto &[pair, logged] : tally.pairs) {
            sum.records += logged.counted().records;
            sum.bytes += logged.counted().bytes;
        }
        if (static_cast<std::int64_t>(sum.records) >= m_parameters.minRecords)
            hit.push_back(indicator);
    }
    std::sort(hit.begin(), hit.end());
    std::vector<Finding> findings;
    for (const std::size_t i : hit) {
        const Tally &t = m_state->tallies.at(i);
        const InterfaceShare &once = counted.at(i);
        const Owner &owner = m_state->owners[i];
        std::string error;
        const std::optional<IocIndicator> indicator = parseIocIndicator(owner.indicator, error);
        Finding f;
        f.type = "ioc-hit";
        f.keyDetail = '@' + owner.list + ' ' + owner.indicator; // its peers change with the run's records
        if (indicator && indicator->range.lo == indicator->range.hi)
            f.dst = indicator->range.lo;
        if (t.peers.size() == 1)
            f.src = t.peers.front();
        if (indicator && indicator->port)
            f.dstPort = *indicator->port;
        f.start = t.first == std::numeric_limits<std::int64_t>::max() ? 0 : t.first;
        f.end = t.last == std::numeric_limits<std::int64_t>::min() ? f.start : t.last;
        f.records = once.records;
        f.bytes = once.bytes;
        if (static_cast<std::int64_t>(t.accepted) >= m_parameters.highAccepted && t.accepted > 0)
            f.severity = Severity::High;
        else if (t.rejectedFromInside > 0)
            f.severity = Severity::Medium;
        else
            f.severity = Severity::Low;
        f.title = owner.indicator + " of @" + owner.list + (owner.label.empty() ? "" : " (" + owner.label + ")") + ": "
            + std::to_string(once.records) + (once.records == 1 ? " record, " : " records, ") + std::to_string(t.accepted)
            + " accepted" + (t.peers.size() == 1 ? ", with " + t.peers.front().toString() : "");
        // `@LIST and` names the list; the indicator's own terms make it exact
        // (another indicator of the list is not this finding's evidence).
        EvidenceFilter evidence;
        evidence.term('@' + owner.list).term(iocIndicatorFilter(owner.indicator));
        f.evidenceFilter = evidence.joinedTo(context.filterExpression);
        findings.push_back(std::move(f));
    }
    return findings;
}

void registerIocHitDetector()
{
    for (const DetectorType &type : detectorTypes())
        if (type.name == "ioc-hit")
            return;
    registerDetectorType({"ioc-hit", "records to or from an indicator of the case's IOC lists",
                          [] { return std::make_unique<IocHitDetector>(); }});
}

} // namespace flowscope::incident
