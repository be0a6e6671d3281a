// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_record_shape.h"

#include "format/text_tokens.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace flowscope {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool allOf(std::string_view token, bool (*accepts)(char))
{
    return !token.empty() && std::all_of(token.begin(), token.end(), accepts);
}

// 10.0.0.1, 2001:db8::1 (no port, no CIDR: flow logs write neither).
bool isAddress(std::string_view token)
{
    const bool v4 = allOf(token, [](char c) { return isDigit(c) || c == '.'; })
        && std::count(token.begin(), token.end(), '.') == 3;
    const bool v6 = token.find(':') != std::string_view::npos
        && allOf(token, [](char c) { return isHex(c) || c == ':' || c == '.'; });
    return v4 || v6;
}

bool isFlowWord(std::string_view token)
{
    static constexpr std::array<std::string_view, 12> kWords{"ACCEPT", "REJECT", "OK",   "NODATA", "SKIPDATA", "ingress",
                                                            "egress", "IPv4",   "IPv6", "EFA",    "BPA",      "-"};
    if (std::find(kWords.begin(), kWords.end(), token) != kWords.end())
        return true;
    static constexpr std::array<std::string_view, 9> kIdPrefixes{"eni-", "vpc-",  "subnet-", "i-",  "tgw-",
                                                                "vpce-", "igw-", "nat-",    "arn:"};
    return std::any_of(kIdPrefixes.begin(), kIdPrefixes.end(), [&](std::string_view prefix) {
        return token.size() > prefix.size() && token.substr(0, prefix.size()) == prefix;
    });
}

} // namespace

bool looksLikeFlowRecord(std::string_view line)
{
    int tokens = 0;
    int flowLike = 0;
    forEachToken(trimLine(line), [&](std::string_view token) {
        ++tokens;
        if (allOf(token, isDigit) || isAddress(token) || isFlowWord(token))
            ++flowLike;
    });
    // Every version has more than a couple of fields; a custom order may hold a few words (regions, names).
    return tokens >= 3 && 2 * flowLike > tokens;
}

std::string notFlowRecordsReason(std::uint64_t firstLine, std::string_view firstText)
{
    constexpr std::size_t kShown = 60;
    std::string shown(trimLine(firstText).substr(0, kShown));
    for (char &c : shown)
        if (static_cast<unsigned char>(c) < 0x20)
            c = ' ';
    if (trimLine(firstText).size() > kShown) {
        while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80)
            shown.pop_back(); // no half of a UTF-8 character
        if (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0x80))
            shown.pop_back();
        shown += "…";
    }
    return "not a flow log (no line looks like a flow record of any version; line " + std::to_string(firstLine)
        + " reads \"" + shown + "\")";
}

} // namespace flowscope
