// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_row_match.h"

namespace flowscope {

namespace {

bool sideMatches(const FlowRow &row, Field address, Field port, const IocIndicatorSet &indicators)
{
    const auto *text = std::get_if<std::string>(&row.value(address));
    if (!text)
        return false;
    const auto parsed = IpAddress::parse(*text);
    if (!parsed)
        return false;
    const auto *number = std::get_if<std::int64_t>(&row.value(port));
    const std::optional<std::uint16_t> p
        = number && *number >= 0 && *number <= 65535 ? std::optional<std::uint16_t>(static_cast<std::uint16_t>(*number)) : std::nullopt;
    return indicators.matches(*parsed, p);
}

} // namespace

bool rowMatchesIndicators(const FlowRow &row, const IocIndicatorSet &indicators)
{
    return sideMatches(row, Field::SrcAddr, Field::SrcPort, indicators)
        || sideMatches(row, Field::DstAddr, Field::DstPort, indicators);
}

} // namespace flowscope
