// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One decoded flow-log record. Text fields are views into the line they were
// parsed from: a record is only valid while that line's buffer lives.

#include "field_catalog.h"
#include "ip_address.h"

#include <array>
#include <bitset>
#include <cstdint>
#include <string_view>

namespace flowscope {

enum class Action : std::uint8_t { Accept = 0, Reject = 1 };
enum class LogStatus : std::uint8_t { Ok = 0, NoData = 1, SkipData = 2 };
enum class TrafficType : std::uint8_t { IPv4 = 0, IPv6 = 1, Efa = 2 };
enum class FlowDirection : std::uint8_t { Ingress = 0, Egress = 1 };

// The decoded values of the fields that are not text: shared by a parsed
// record and a stored one.
struct FlowValues {
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;
    std::int64_t start = 0;
    std::int64_t end = 0;
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
};

struct FlowRecord : FlowValues {
    // A bit per Field: set when the field is in the format and not '-'.
    std::bitset<kFieldCount> present;
    std::array<std::string_view, kTextSlotCount> text{};

    bool has(Field f) const { return present.test(static_cast<std::size_t>(f)); }
    std::string_view textOf(Field f) const { return text[static_cast<std::size_t>(textSlot(f))]; }
};

std::string_view actionName(Action a);
std::string_view logStatusName(LogStatus s);
std::string_view trafficTypeName(TrafficType t);
std::string_view flowDirectionName(FlowDirection d);

} // namespace flowscope
