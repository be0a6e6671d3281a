// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns one connection into the flow-log records that every interface on its
// path would write: a request and a reply record per interface and per
// 60-second aggregation interval, with consistent flags, direction and paths.

#include "demo_estate.h"
#include "demo_random.h"
#include "demo_record.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace flowscope::demo {

inline constexpr std::int64_t kAggregationSeconds = 60;

inline constexpr std::uint64_t kKiB = 1024;
inline constexpr std::uint64_t kMiB = 1024 * kKiB;
inline constexpr std::uint64_t kGiB = 1024 * kMiB;

// traffic-path values (AWS "flow log records"), written on egress records only.
inline constexpr std::uint8_t kSameVpc = 1;
inline constexpr std::uint8_t kInterRegionPeering = 5;
inline constexpr std::uint8_t kGatewayEndpoint = 7;
inline constexpr std::uint8_t kInternetGateway = 8;

enum class Outcome : std::uint8_t {
    Completed,     // request and reply, both accepted
    Rejected,      // the responder's interface rejects the request (SG, NACL or BPA)
    ReplyRejected, // request accepted, reply rejected on the way out (stateless NACL)
    Unanswered,    // nobody answers: only the initiator's interface logs the request
};

struct Connection {
    std::uint8_t protocol = 6;
    std::int64_t begin = 0;
    std::int64_t duration = 0; // seconds from first to last packet
    std::uint64_t requestBytes = 0;
    std::uint64_t responseBytes = 0;
    std::uint32_t requestPacketSize = 120;  // average, decides the packet counts
    std::uint32_t responsePacketSize = 1200;
    bool closes = true;                     // FIN seen in the last interval
    Outcome outcome = Outcome::Completed;
    std::int16_t requestFlags = -1;         // overrides for single-interval flows; -1 = derive
    std::int16_t replyFlags = -1;
    std::string_view rejectReason;          // e.g. "BPA", only on the rejected record
    bool incident = false;
};

// How one interface on the path sees the connection.
struct Leg {
    const Eni *eni = nullptr;
    SimAddress local, remote;       // srcaddr/dstaddr as this interface logs them
    SimAddress pktLocal, pktRemote; // packet-level addresses (differ behind NAT)
    std::uint16_t localPort = 0;
    std::uint16_t remotePort = 0;
    bool localInitiates = false;
    std::uint8_t egressPath = 0;    // traffic-path of this interface's egress records
    std::string_view localService, remoteService; // AWS service of pktLocal / pktRemote
};

// A leg whose packet-level addresses equal the logged ones.
Leg directLeg(const Eni &eni, const SimAddress &local, const SimAddress &remote,
              std::uint16_t localPort, std::uint16_t remotePort, bool initiates,
              std::uint8_t egressPath, std::string_view remoteService = {});

class FlowEmitter {
public:
    FlowEmitter(DemoRandom &random, RecordSink &sink)
        : m_random(random), m_sink(sink) {}

    // Emits the records of `connection` for each leg. Intervals end at
    // windowEnd - 1 at the latest: a record never leaves its output window.
    void emit(const Connection &connection, std::span<const Leg> legs, std::int64_t windowEnd);

private:
    struct Interval {
        std::int64_t start, end;
        std::uint64_t requestBytes, responseBytes;
        bool first, last;
    };
    void emitInterval(const Connection &c, const Leg &leg, const Interval &interval);
    SimRecord makeRecord(const Connection &c, const Leg &leg, const Interval &interval, bool request) const;

    DemoRandom &m_random;
    RecordSink &m_sink;
};

} // namespace flowscope::demo
