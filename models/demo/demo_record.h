// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A generated flow-log record before it is written in some column layout, and
// the interface that receives generated records.

#include "format/flow_record.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace flowscope::demo {

struct Eni;

// An address already in its text form: records are written far more often
// than they are inspected, so the text is made once.
class SimAddress {
public:
    SimAddress() = default;
    static SimAddress v4(std::uint32_t hostOrder);
    static SimAddress v6(const std::array<std::uint16_t, 8> &groups); // RFC 5952 text

    std::string_view text() const { return {m_text.data(), m_size}; }
    bool isV6() const { return m_v6; }

private:
    std::array<char, 40> m_text{};
    std::uint8_t m_size = 0;
    bool m_v6 = false;
};

std::uint32_t ipv4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d);

struct SimRecord {
    const Eni *eni = nullptr; // the capturing interface: account, VPC, subnet, region, ECS
    SimAddress src, dst, pktSrc, pktDst;
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;
    std::uint16_t srcPort = 0;
    std::uint16_t dstPort = 0;
    std::uint8_t protocol = 6;
    std::uint8_t trafficPath = 0; // 0 is written '-' (ingress, or no value applies)
    std::int16_t tcpFlags = 0;    // -1 is written '-'
    LogStatus status = LogStatus::Ok;
    Action action = Action::Accept;
    FlowDirection direction = FlowDirection::Ingress;
    std::string_view pktSrcService; // empty is written '-'
    std::string_view pktDstService;
    std::string_view rejectReason;
    bool incident = false; // part of the scripted incident, never dropped by SKIPDATA

    bool isIpv6() const { return src.isV6(); }
};

class RecordSink {
public:
    virtual ~RecordSink() = default;
    virtual void add(const SimRecord &record) = 0;
};

} // namespace flowscope::demo
