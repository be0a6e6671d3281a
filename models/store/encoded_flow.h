// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A record ready for the store: text fields replaced by dictionary ids, so it
// no longer points into the line it came from and can cross threads.

#include "dictionaries.h"
#include "format/flow_record.h"

#include <cstdint>

namespace flowscope {

struct EncodedFlow {
    std::uint64_t line = 0;
    std::uint64_t present = 0; // bit per Field, as FlowRecord::present
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;
    std::uint32_t interface = 0; // InterfaceDictionary id, 0 = none
    std::uint32_t pktSrcService = 0;
    std::uint32_t pktDstService = 0;
    std::uint32_t rejectReason = 0;
    std::uint32_t version = 0;
    std::uint16_t srcPort = 0;
    std::uint16_t dstPort = 0;
    std::uint8_t protocol = 0;
    std::uint8_t tcpFlags = 0;
    std::uint8_t trafficPath = 0;
    std::uint8_t encryptionStatus = 0;
    Action action = Action::Accept;
    LogStatus logStatus = LogStatus::Ok;
    TrafficType type = TrafficType::IPv4;
    FlowDirection direction = FlowDirection::Ingress;
    IpAddress srcAddr, dstAddr, pktSrcAddr, pktDstAddr;

    bool has(Field f) const { return (present >> static_cast<unsigned>(f)) & 1U; }
};

// Encodes a parsed record, interning its texts.
EncodedFlow encodeFlow(const FlowRecord &record, std::uint64_t line, StringDictionary &strings,
                       InterfaceDictionary &interfaces);

} // namespace flowscope
