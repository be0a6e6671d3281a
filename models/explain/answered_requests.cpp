// SPDX-License-Identifier: GPL-3.0-or-later
#include "answered_requests.h"

#include "conversation_scan.h"
#include "flow_pairing.h"
#include "reject_explainer.h"

#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "store/case_db.h"

#include <QHash>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>

namespace flowscope::explain {

namespace {

constexpr std::uint32_t kRoleFixed = UINT32_MAX;
constexpr std::uint64_t kKeySeed = 0x5bd1e9955bd1e995ULL;
constexpr std::uint64_t kCheckSeed = 0xc2b2ae3d27d4eb4fULL;

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// A directed 5-tuple's hash (src and dst in that order), one per seed.
std::uint64_t tupleHash(const flowscope::IpAddress &src, std::uint16_t srcPort, const flowscope::IpAddress &dst,
                        std::uint16_t dstPort, std::uint8_t protocol, std::uint64_t seed)
{
    std::uint64_t words[5];
    std::memcpy(&words[0], src.bytes.data(), 8);
    std::memcpy(&words[1], src.bytes.data() + 8, 8);
    std::memcpy(&words[2], dst.bytes.data(), 8);
    std::memcpy(&words[3], dst.bytes.data() + 8, 8);
    words[4] = std::uint64_t(srcPort) << 32 | std::uint64_t(dstPort) << 16 | std::uint64_t(protocol) << 8
        | std::uint64_t(src.family == dst.family ? 0 : 1) << 4 | (src.isV4() ? 4 : 6);
    std::uint64_t h = seed;
    for (const std::uint64_t word : words)
        h = splitmix(h ^ word);
    return h;
}

// A request as the sieve keeps it.
struct Request {
    std::uint64_t key;   // its reversed 5-tuple's hash: what a reply's own 5-tuple hashes to
    std::uint64_t check; // the same under another seed: a collision of `key` answers nothing
    std::int64_t id;
    std::int64_t start;
    std::int64_t end;
    std::uint32_t interface;
    std::uint32_t loose = kRoleFixed; // index into the nearest own reverses when its role waits on one
    std::uint16_t srcPort;
    std::uint16_t dstPort;
    std::uint8_t protocol;
    std::uint8_t tcpFlags;
    bool hasTcpFlags;
    bool hasStart;
    bool ownReverseAnswers = false; // role fixed by its flags as a request: a reverse on its interface is the reply
};

// The nearest reverse record on a loose request's own interface, which tells its role.
struct OwnReverse {
    std::int64_t id = 0;
    std::int64_t start = 0;
    std::int64_t gap = 0;
    std::uint8_t protocol = 0;
    std::uint8_t tcpFlags = 0;
    bool hasTcpFlags = false;
    bool accept = false;
};

// What roleOf and nearerCounterpart read, as pairRecord would see the records.
PairingFlow roleView(const Request &request)
{
    PairingFlow p;
    p.id = request.id;
    p.start = request.start;
    p.end = request.end;
    p.hasStart = request.hasStart;
    p.srcPort = request.srcPort;
    p.dstPort = request.dstPort;
    p.protocol = request.protocol;
    p.tcpFlags = request.tcpFlags;
    p.hasTcpFlags = request.hasTcpFlags;
    return p;
}

PairingFlow roleView(const OwnReverse &reverse)
{
    PairingFlow p;
    p.id = reverse.id;
    p.start = reverse.start;
    p.hasStart = true;
    p.protocol = reverse.protocol;
    p.tcpFlags = reverse.tcpFlags;
    p.hasTcpFlags = reverse.hasTcpFlags;
    p.action = reverse.accept ? flowscope::Action::Accept : flowscope::Action::Reject;
    return p;
}

void throwIfCancelled(const std::function<bool()> &cancelled)
{
    if (cancelled && cancelled())
        throw RejectExplainCancelled();
}

std::int64_t endOf(const EncodedFlow &flow) { return flow.has(Field::End) ? flow.end : flow.start; }

} // namespace

SievedRequests sieveAnsweredRequests(CaseDb &caseDb, const CaseFilter &filter, const AnsweredRequestSieve &sieve)
{
    constexpr ColumnMask kSieveColumns = kConversationColumns | columnOf(Field::InterfaceId) | columnOf(Field::TcpFlags);

    // 1. The requests, each with the hashes of its reversed 5-tuple.
    std::mutex mutex;
    std::map<std::int64_t, std::vector<Request>> byBlock;
    TimeSpan span;
    // Both scans read about the same blocks: each counts as half.
    const std::uint64_t filterBlocks = sieve.progress ? blockCount(caseDb, filter.blocks()) : 0;
    StageProgress requestsRead(sieve.progress, ExplainStage::Finding, 2 * filterBlocks);
    scanBlocksConcurrently(
        caseDb, filter.blocks(), kSieveColumns | sieve.requestColumns | filter.columnsRead(),
        [&](std::int64_t block, const std::vector<EncodedFlow> &rows) {
            throwIfCancelled(sieve.cancelled);
            requestsRead.step();
            std::vector<Request> found;
            TimeSpan blockSpan;
            for (std::size_t slot = 0; slot < rows.size(); ++slot) {
                const EncodedFlow &flow = rows[slot];
                if (!isFlowRecord(flow) || !sieve.isRequest(flow))
                    continue;
                Request r;
                r.key = tupleHash(flow.dstAddr, flow.dstPort, flow.srcAddr, flow.srcPort, flow.protocol, kKeySeed);
                r.check = tupleHash(flow.dstAddr, flow.dstPort, flow.srcAddr, flow.srcPort, flow.protocol, kCheckSeed);
                r.id = recordId(block, slot);
                r.hasStart = flow.has(Field::Start);
                r.start = flow.start;
                r.end = endOf(flow);
                r.interface = flow.interface;
                r.srcPort = flow.srcPort;
                r.dstPort = flow.dstPort;
                r.protocol = flow.protocol;
                r.tcpFlags = flow.tcpFlags;
                r.hasTcpFlags = flow.has(Field::TcpFlags);
                found.push_back(r);
                blockSpan.add(r.hasStart, r.start, r.end);
            }
            if (found.empty())
                return;
            std::lock_guard lock(mutex);
            byBlock[block] = std::move(found);
            span.add(blockSpan);
        });
    SievedRequests out;
    std::vector<Request> requests;
    for (const auto &[block, found] : byBlock)
        out.requests += found.size();
    requests.reserve(out.requests);
    for (auto &[block, found] : byBlock) {
        requests.insert(requests.end(), found.begin(), found.end());
        std::vector<Request>().swap(found);
    }
    if (requests.empty())
        return out;
    std::sort(requests.begin(), requests.end(), [](const Request &a, const Request &b) { return a.key < b.key; });
    QHash<quint64, quint32> firstOfKey;
    firstOfKey.reserve(qsizetype(requests.size()));
    // Most records answer no request: a 2 MB bitmap turns them away before the table is asked.
    constexpr std::uint64_t kBits = std::uint64_t(1) << 24;
    std::vector<std::uint64_t> keyBits(kBits / 64);
    const auto bitOf = [](std::uint64_t key) { return (key >> 11) % kBits; };
    std::uint32_t loose = 0;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        Request &r = requests[i];
        if (i == 0 || requests[i - 1].key != r.key) {
            firstOfKey.insert(r.key, quint32(i));
            keyBits[bitOf(r.key) / 64] |= std::uint64_t(1) << (bitOf(r.key) % 64);
        }
        const RoleGuess role = roleOf(roleView(r), nullptr);
        if (role.fromFlags)
            r.ownReverseAnswers = !role.isReply;
        else
            r.loose = loose++;
    }

    // 2. Every record whose own 5-tuple is a request's reversed one, within
    // the slack: at another interface it answers the request; on the same
    // interface it does when the request is one (its flags say so, or
    // roleOf with the nearest such record does).
    std::vector<std::uint8_t> answered(requests.size(), 0);
    std::vector<std::optional<OwnReverse>> nearestOwn(loose);
    const std::optional<std::vector<std::int64_t>> answerBlocks = blocksAround(caseDb, span);
    const std::uint64_t answerCount = sieve.progress ? blockCount(caseDb, answerBlocks) : 0;
    std::atomic<std::uint64_t> answersRead{0};
    scanBlocksConcurrently(caseDb, answerBlocks, kSieveColumns, [&](std::int64_t block, const std::vector<EncodedFlow> &rows) {
        throwIfCancelled(sieve.cancelled);
        if (sieve.progress && answerCount)
            sieve.progress({ExplainStage::Finding, filterBlocks + ++answersRead * filterBlocks / answerCount, 2 * filterBlocks});
        std::vector<std::uint32_t> answers;
        std::vector<std::pair<std::uint32_t, OwnReverse>> own;
        for (std::size_t slot = 0; slot < rows.size(); ++slot) {
            const EncodedFlow &flow = rows[slot];
            if (!isFlowRecord(flow))
                continue;
            const std::uint64_t key = tupleHash(flow.srcAddr, flow.srcPort, flow.dstAddr, flow.dstPort, flow.protocol, kKeySeed);
            if (!((keyBits[bitOf(key) / 64] >> (bitOf(key) % 64)) & 1U))
                continue;
            const auto first = firstOfKey.constFind(key);
            if (first == firstOfKey.constEnd())
                continue;
            const std::uint64_t check = tupleHash(flow.srcAddr, flow.srcPort, flow.dstAddr, flow.dstPort, flow.protocol, kCheckSeed);
            const std::int64_t id = recordId(block, slot);
            const bool hasStart = flow.has(Field::Start);
            for (std::size_t i = *first; i < requests.size() && requests[i].key == key; ++i) {
                const Request &r = requests[i];
                if (r.check != check || r.id == id)
                    continue;
                if (r.hasStart && !hasStart)
                    continue; // pairRecord never reaches an undated record from a dated one
                std::int64_t gap = 0;
                if (r.hasStart && hasStart)
                    gap = endOf(flow) < r.start ? r.start - endOf(flow) : flow.start > r.end ? flow.start - r.end : 0;
                if (gap > kPairingSlackSeconds)
                    continue;
                if (flow.interface != r.interface || r.ownReverseAnswers)
                    answers.push_back(std::uint32_t(i));
                else if (r.loose != kRoleFixed)
                    own.emplace_back(r.loose, OwnReverse{id, flow.start, gap, flow.protocol, flow.tcpFlags,
                                                         flow.has(Field::TcpFlags), flow.action == Action::Accept});
            }
        }
        std::lock_guard lock(mutex);
        for (const std::uint32_t i : answers)
            answered[i] = 1;
        for (const auto &[index, reverse] : own) {
            std::optional<OwnReverse> &best = nearestOwn[index];
            if (!best || nearerCounterpart(roleView(reverse), reverse.gap, roleView(*best), best->gap))
                best = reverse;
        }
    });

    for (std::size_t i = 0; i < requests.size(); ++i) {
        const Request &r = requests[i];
        if (answered[i])
            continue;
        if (r.loose != kRoleFixed && nearestOwn[r.loose]) {
            const PairingFlow reverse = roleView(*nearestOwn[r.loose]);
            if (!roleOf(roleView(r), &reverse).isReply)
                continue; // told a request by its nearest reverse: that is its reply
        }
        out.notSurelyAnswered.push_back(r.id);
    }
    std::sort(out.notSurelyAnswered.begin(), out.notSurelyAnswered.end());
    return out;
}

} // namespace flowscope::explain
