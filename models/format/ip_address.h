// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An IPv4 or IPv6 address in binary form, parsed from and printed to the text
// forms that flow logs use.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowscope {

struct IpAddress {
    enum class Family : std::uint8_t { V4 = 4, V6 = 6 };
    Family family = Family::V4;
    // IPv4 uses the first 4 bytes (network order); IPv6 all 16.
    std::array<std::uint8_t, 16> bytes{};

    static std::optional<IpAddress> parse(std::string_view text);
    static IpAddress fromV4(std::uint32_t hostOrder);

    bool isV4() const { return family == Family::V4; }
    std::uint32_t v4() const; // host order; only for isV4()
    std::string toString() const;
    // The same text written at `out`, which has room for kMaxTextSize
    // characters; returns its end. For writers of millions of addresses.
    static constexpr std::size_t kMaxTextSize = 46;
    char *writeText(char *out) const;

    friend bool operator==(const IpAddress &, const IpAddress &) = default;
};

} // namespace flowscope
