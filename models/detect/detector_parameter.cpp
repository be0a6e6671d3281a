// SPDX-License-Identifier: GPL-3.0-or-later
#include "detector_parameter.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace flowscope {

namespace {

std::optional<std::int64_t> wholeNumber(std::string_view text)
{
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

// "500MB", "2GiB", "1000": decimal and binary units as the filter language takes them.
std::optional<std::int64_t> byteCount(std::string_view text)
{
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
        ++digits;
    const auto number = wholeNumber(text.substr(0, digits));
    if (!number)
        return std::nullopt;
    std::string unit(text.substr(digits));
    for (char &c : unit)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    static const std::vector<std::pair<std::string, std::int64_t>> units{
        {"", 1},           {"B", 1},
        {"KB", 1000},      {"MB", 1000 * 1000}, {"GB", 1000LL * 1000 * 1000}, {"TB", 1000LL * 1000 * 1000 * 1000},
        {"KIB", 1 << 10},  {"MIB", 1 << 20},    {"GIB", 1LL << 30},           {"TIB", 1LL << 40}};
    for (const auto &[name, factor] : units)
        if (unit == name) {
            if (*number > INT64_MAX / factor)
                return std::nullopt;
            return *number * factor;
        }
    return std::nullopt;
}

} // namespace

std::string DetectorParameter::text() const
{
    if (const auto *integer = std::get_if<std::int64_t *>(&value))
        return std::to_string(**integer);
    if (const auto *number = std::get_if<double *>(&value)) {
        std::ostringstream out;
        out << **number;
        return out.str();
    }
    if (const auto *flag = std::get_if<bool *>(&value))
        return **flag ? "1" : "0";
    std::string out;
    for (const std::uint16_t port : *std::get<std::vector<std::uint16_t> *>(value))
        out += (out.empty() ? "" : ",") + std::to_string(port);
    return out;
}

std::optional<std::string> DetectorParameter::set(std::string_view text)
{
    switch (kind) {
    case Kind::Count:
    case Kind::Seconds: {
        const auto parsed = wholeNumber(text);
        if (!parsed || (kind == Kind::Seconds && *parsed == 0))
            return kind == Kind::Seconds ? "needs a whole number of seconds above 0" : "needs a whole number";
        *std::get<std::int64_t *>(value) = *parsed;
        return std::nullopt;
    }
    case Kind::Bytes: {
        const auto parsed = byteCount(text);
        if (!parsed)
            return "needs a byte count (a whole number, optionally with a unit: 500MB, 2GiB)";
        *std::get<std::int64_t *>(value) = *parsed;
        return std::nullopt;
    }
    case Kind::Ratio: {
        double parsed = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
        if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(parsed) || parsed < 0)
            return "needs a number of at least 0";
        *std::get<double *>(value) = parsed;
        return std::nullopt;
    }
    case Kind::Flag:
        if (text == "1" || text == "true" || text == "on")
            *std::get<bool *>(value) = true;
        else if (text == "0" || text == "false" || text == "off")
            *std::get<bool *>(value) = false;
        else
            return "needs 1 or 0 (true or false)";
        return std::nullopt;
    case Kind::Ports: {
        std::vector<std::uint16_t> ports;
        std::size_t from = 0;
        while (from <= text.size()) {
            const std::size_t comma = std::min(text.find(',', from), text.size());
            const auto port = wholeNumber(text.substr(from, comma - from));
            if (!port || *port > 65535)
                return "needs ports from 0 to 65535 separated by commas";
            ports.push_back(static_cast<std::uint16_t>(*port));
            from = comma + 1;
        }
        *std::get<std::vector<std::uint16_t> *>(value) = std::move(ports);
        return std::nullopt;
    }
    }
    return "unknown kind of value";
}

DetectorParameter countParameter(std::string name, std::string help, std::int64_t &value)
{
    return {std::move(name), std::move(help), DetectorParameter::Kind::Count, &value};
}

DetectorParameter secondsParameter(std::string name, std::string help, std::int64_t &value)
{
    return {std::move(name), std::move(help), DetectorParameter::Kind::Seconds, &value};
}

DetectorParameter bytesParameter(std::string name, std::string help, std::int64_t &value)
{
    return {std::move(name), std::move(help), DetectorParameter::Kind::Bytes, &value};
}

DetectorParameter ratioParameter(std::string name, std::string help, double &value)
{
    return {std::move(name), std::move(help), DetectorParameter::Kind::Ratio, &value};
}

DetectorParameter flagParameter(std::string name, std::string help, bool &value)
{
    return {std::move(name), std::move(help), DetectorParameter::Kind::Flag, &value};
}

DetectorParameter portsParameter(std::string name, std::string help, std::vector<std::uint16_t> &value)
{
    return {std::move(name), std::move(help), DetectorParameter::Kind::Ports, &value};
}

} // namespace flowscope
