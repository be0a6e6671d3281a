// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// IPv4/IPv6 addresses and CIDR blocks for matching security-group and network
// ACL rules (Qt Core has no address type; QHostAddress lives in QtNetwork).

#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace flowscope::explain {

struct IpAddress {
    std::array<std::uint8_t, 16> bytes{}; // IPv4 uses the first four
    bool v6 = false;

    static std::optional<IpAddress> parse(const QString &text);
    QString toString() const;
    friend bool operator==(const IpAddress &, const IpAddress &) = default;
    friend auto operator<=>(const IpAddress &, const IpAddress &) = default;
};

struct IpCidr {
    IpAddress base;
    int prefix = 0;

    // "10.0.0.0/8", "2001:db8::/32"; a bare address is a host block.
    static std::optional<IpCidr> parse(const QString &text);
    static IpCidr host(const IpAddress &address);
    bool contains(const IpAddress &address) const; // false across families
    bool isAny() const { return prefix == 0; }
    QString toString() const;
    friend bool operator==(const IpCidr &, const IpCidr &) = default;
};

} // namespace flowscope::explain
