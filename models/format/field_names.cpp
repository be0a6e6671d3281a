// SPDX-License-Identifier: GPL-3.0-or-later
#include "field_names.h"

#include <array>
#include <utility>

namespace flowscope {

namespace {

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 14> kProtocols{{
    {1, "ICMP"}, {2, "IGMP"}, {4, "IPIP"}, {6, "TCP"}, {17, "UDP"}, {41, "IPv6"}, {47, "GRE"},
    {50, "ESP"}, {51, "AH"}, {58, "ICMPv6"}, {89, "OSPF"}, {103, "PIM"}, {112, "VRRP"}, {132, "SCTP"},
}};

bool sameIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

} // namespace

std::string_view protocolName(std::uint8_t protocol)
{
    for (const auto &[number, name] : kProtocols)
        if (number == protocol)
            return name;
    return {};
}

std::optional<std::uint8_t> protocolByName(std::string_view name)
{
    for (const auto &[number, known] : kProtocols)
        if (sameIgnoringCase(known, name))
            return number;
    return std::nullopt;
}

const std::vector<TcpFlagName> &tcpFlagNames()
{
    static const std::vector<TcpFlagName> names{{1, "FIN"}, {2, "SYN"}, {4, "RST"}, {8, "PSH"}, {16, "ACK"}, {32, "URG"}};
    return names;
}

std::string tcpFlagsText(std::uint8_t flags)
{
    std::string out;
    for (const TcpFlagName &flag : tcpFlagNames()) {
        if (!(flags & flag.bit))
            continue;
        if (!out.empty())
            out += ", ";
        out += flag.name;
    }
    return out.empty() ? std::string("none") : out;
}

std::string_view trafficPathName(std::uint8_t path)
{
    switch (path) {
    case 1: return "through another resource in the same VPC";
    case 2: return "through an internet gateway or a gateway VPC endpoint";
    case 3: return "through a virtual private gateway";
    case 4: return "through an intra-region VPC peering connection";
    case 5: return "through an inter-region VPC peering connection";
    case 6: return "through a local gateway";
    case 7: return "through a gateway VPC endpoint (Nitro)";
    case 8: return "through an internet gateway (Nitro)";
    default: return {};
    }
}

} // namespace flowscope
