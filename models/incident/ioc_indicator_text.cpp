// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_indicator_text.h"

#include "query/filter_values.h"

#include <algorithm>
#include <cctype>

namespace flowscope::incident {

namespace {

std::optional<std::uint16_t> parsePort(std::string_view text, std::string &error)
{
    if (text.empty()) {
        error = "no port after ':'";
        return std::nullopt;
    }
    if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        error = "port '" + std::string(text) + "' is not a number";
        return std::nullopt;
    }
    if (text.size() > 5 || std::stoul(std::string(text)) > 65535) {
        error = "port " + std::string(text) + " is out of range (0 to 65535)";
        return std::nullopt;
    }
    return static_cast<std::uint16_t>(std::stoul(std::string(text)));
}

// A word that is no address but reads like a host name: lists often mix them in.
bool looksLikeName(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return l >= 'g' && l <= 'z';
    });
}

std::optional<AddressRange> parseRange(std::string_view text, std::string &error)
{
    AddressRange range;
    std::string why;
    if (parseFilterAddress(text, range, why))
        return range;
    if (looksLikeName(text) && text.find('/') == std::string_view::npos)
        error = "'" + std::string(text) + "' is a name, not an address: flow logs hold addresses only";
    else
        error = "'" + std::string(text) + "': " + why;
    return std::nullopt;
}

} // namespace

std::optional<IocIndicator> parseIocIndicator(std::string_view text, std::string &error)
{
    if (text.empty()) {
        error = "empty indicator";
        return std::nullopt;
    }
    IocIndicator indicator;
    if (text.front() == '[') {
        const std::size_t close = text.find(']');
        if (close == std::string_view::npos) {
            error = "'[' without a closing ']'";
            return std::nullopt;
        }
        const std::string_view inside = text.substr(1, close - 1);
        const std::string_view rest = text.substr(close + 1);
        if (inside.find(':') == std::string_view::npos) {
            error = "brackets are for IPv6 addresses with a port; an IPv4 address takes its port as 1.2.3.4:443";
            return std::nullopt;
        }
        if (rest.empty() || rest.front() != ':') {
            error = "expected ':port' after ']'";
            return std::nullopt;
        }
        const auto range = parseRange(inside, error);
        if (!range)
            return std::nullopt;
        const auto port = parsePort(rest.substr(1), error);
        if (!port)
            return std::nullopt;
        return IocIndicator{*range, port};
    }
    const std::size_t firstColon = text.find(':');
    const bool ipv4WithPort = firstColon != std::string_view::npos && text.find(':', firstColon + 1) == std::string_view::npos
        && text.find('.') != std::string_view::npos && text.find('.') < firstColon;
    if (ipv4WithPort) {
        const auto range = parseRange(text.substr(0, firstColon), error);
        if (!range)
            return std::nullopt;
        const auto port = parsePort(text.substr(firstColon + 1), error);
        if (!port)
            return std::nullopt;
        return IocIndicator{*range, port};
    }
    const auto range = parseRange(text, error);
    if (!range)
        return std::nullopt;
    indicator.range = *range;
    return indicator;
}

std::string formatIocIndicator(const IocIndicator &indicator)
{
    const std::string range = formatAddressRange(indicator.range);
    if (!indicator.port)
        return range;
    const std::string port = std::to_string(*indicator.port);
    return indicator.range.lo.isV4() ? range + ":" + port : "[" + range + "]:" + port;
}

} // namespace flowscope::incident
