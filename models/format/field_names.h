// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Names for coded field values: IANA protocol numbers, TCP flag bits, and the
// traffic-path codes of the AWS documentation. Shared by the detail pane and
// the filter language's named values.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

// "TCP", "UDP", "ICMP", ... or empty for a number without a common name.
std::string_view protocolName(std::uint8_t protocol);
// The number of a protocol name (case-insensitive): tcp, udp, icmp, icmpv6, ...
std::optional<std::uint8_t> protocolByName(std::string_view name);

struct TcpFlagName {
    std::uint8_t bit;
    std::string_view name;
};
// FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32 (flow logs report FIN, SYN, RST and SYN-ACK).
const std::vector<TcpFlagName> &tcpFlagNames();
// "SYN, ACK" for 18; "none" for 0.
std::string tcpFlagsText(std::uint8_t flags);

// The egress path of traffic-path 1..8, as the AWS documentation names it.
std::string_view trafficPathName(std::uint8_t path);

} // namespace flowscope
