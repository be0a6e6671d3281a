// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_values.h"

#include "format/field_names.h"

#include "format/flow_record.h"
#include "format/record_parser.h"

#include <array>
#include <cstdio>
#include <limits>

namespace flowscope {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

struct Unit {
    std::string_view name;
    std::uint64_t factor;
};
constexpr std::uint64_t kKi = 1024;
constexpr std::array<Unit, 9> kUnits{{
    {"b", 1},
    {"kb", 1000ULL}, {"mb", 1000ULL * 1000}, {"gb", 1000ULL * 1000 * 1000}, {"tb", 1000ULL * 1000 * 1000 * 1000},
    {"kib", kKi}, {"mib", kKi * kKi}, {"gib", kKi * kKi * kKi}, {"tib", kKi * kKi * kKi * kKi},
}};

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

unsigned daysInMonth(std::int64_t y, unsigned m)
{
    static constexpr std::array<unsigned, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

// Reads exactly n digits at s[i].
bool digits(std::string_view s, std::size_t &i, std::size_t n, unsigned &out)
{
    if (i + n > s.size())
        return false;
    out = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (!isDigit(s[i + k]))
            return false;
        out = out * 10 + static_cast<unsigned>(s[i + k] - '0');
    }
    i += n;
    return true;
}

bool parseIso(std::string_view s, std::int64_t &out, std::string &error)
{
    const std::string expected = "expected a time as epoch seconds or ISO 8601 with a zone "
                                 "(2026-03-10T02:00Z, 2026-03-10T02:00:00+01:00)";
    std::size_t i = 0;
    unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(s, i, 4, year) || i >= s.size() || s[i++] != '-' || !digits(s, i, 2, month)
        || i >= s.size() || s[i++] != '-' || !digits(s, i, 2, day) || i >= s.size()
        || (s[i] != 'T' && s[i] != 't') || !digits(s, ++i, 2, hour) || i >= s.size() || s[i++] != ':'
        || !digits(s, i, 2, minute)) {
        error = expected;
        return false;
    }
    if (i < s.size() && s[i] == ':') {
        if (!digits(s, ++i, 2, second)) {
            error = expected;
            return false;
        }
        if (i < s.size() && s[i] == '.') {
            const std::size_t begin = ++i;
            while (i < s.size() && isDigit(s[i]))
                ++i;
            if (i == begin) {
                error = expected;
                return false;
            }
        }
    }
    std::int64_t offset = 0;
    if (i >= s.size()) {
        error = "time needs a zone: add Z or an offset such as +01:00";
        return false;
    }
    if (s[i] == 'Z' || s[i] == 'z') {
        ++i;
    } else if (s[i] == '+' || s[i] == '-') {
        const int sign = s[i++] == '-' ? -1 : 1;
        unsigned oh = 0, om = 0;
        bool ok = digits(s, i, 2, oh);
        if (ok && i < s.size() && s[i] == ':')
            ++i; // +01:00 and +0100 are both ISO 8601
        ok = ok && digits(s, i, 2, om);
        if (!ok || oh > 23 || om > 59) {
            error = "expected a zone offset such as +01:00";
            return false;
        }
        offset = sign * static_cast<std::int64_t>(oh * 3600 + om * 60);
    } else {
        error = expected;
        return false;
    }
    if (i != s.size()) {
        error = expected;
        return false;
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
        || second > 60) {
        error = "not a valid date and time";
        return false;
    }
    out = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
    if (out < 0) {
        error = "times before 1970 are not supported";
        return false;
    }
    return true;
}

int familyBits(IpAddress::Family f) { return f == IpAddress::Family::V4 ? 32 : 128; }

// lo with the host bits under prefix cleared, hi with them set.
AddressRange cidrRange(const IpAddress &address, int prefix)
{
    AddressRange r{address, address};
    const int bits = familyBits(address.family);
    for (int bit = prefix; bit < bits; ++bit) {
        const auto mask = static_cast<std::uint8_t>(0x80u >> (bit % 8));
        r.lo.bytes[static_cast<std::size_t>(bit / 8)] &= static_cast<std::uint8_t>(~mask);
        r.hi.bytes[static_cast<std::size_t>(bit / 8)] |= mask;
    }
    return r;
}

} // namespace

bool parseFilterInteger(std::string_view word, std::uint64_t maxValue, bool allowUnits, std::uint64_t &out,
                        std::string &error)
{
    std::size_t n = 0;
    while (n < word.size() && isDigit(word[n]))
        ++n;
    std::uint64_t factor = 1;
    const std::string_view suffix = word.substr(n);
    if (n == 0) {
        error = "expected a number";
        return false;
    }
    if (!suffix.empty()) {
        bool known = false;
        for (const auto &unit : kUnits)
            if (equalsNoCase(suffix, unit.name)) {
                factor = unit.factor;
                known = true;
            }
        if (!known) {
            error = allowUnits ? "expected a number, optionally with a unit (KB MB GB TB, KiB MiB GiB TiB)"
                               : "expected a number";
            return false;
        }
        if (!allowUnits) {
            error = "expected a number (byte units apply only to bytes)";
            return false;
        }
    }
    std::uint64_t value = 0;
    if (!parseUnsigned(word.substr(0, n), std::numeric_limits<std::uint64_t>::max(), value)
        || value > maxValue / factor || value * factor > maxValue) {
        error = "out of range (0.." + std::to_string(maxValue) + ")";
        return false;
    }
    out = value * factor;
    return true;
}

bool parseFilterTime(std::string_view word, std::int64_t &out, std::string &error)
{
    bool allDigits = !word.empty();
    for (char c : word)
        allDigits = allDigits && isDigit(c);
    if (allDigits) {
        std::uint64_t value = 0;
        if (!parseUnsigned(word, static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()), value)) {
            error = "epoch seconds out of range";
            return false;
        }
        out = static_cast<std::int64_t>(value);
        return true;
    }
    return parseIso(word, out, error);
}

std::string formatFilterTime(std::int64_t t)
{
    // Inverse of daysFromCivil (civil_from_days).
    const std::int64_t days = (t >= 0 ? t : t - 86399) / 86400;
    const std::int64_t secs = t - days * 86400;
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(y), m, d,
                  static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60));
    return buf;
}

bool parseFilterAddress(std::string_view word, AddressRange &out, std::string &error)
{
    const std::size_t slash = word.find('/');
    const auto address = IpAddress::parse(word.substr(0, slash));
    if (!address) {
        error = "expected an IPv4 or IPv6 address or CIDR (10.0.0.0/8, 2001:db8::/32)";
        return false;
    }
    const int bits = familyBits(address->family);
    int prefix = bits;
    if (slash != std::string_view::npos) {
        std::uint64_t value = 0;
        if (!parseUnsigned(word.substr(slash + 1), static_cast<std::uint64_t>(bits), value)) {
            error = "bad CIDR: the prefix length must be 0.." + std::to_string(bits);
            return false;
        }
        prefix = static_cast<int>(value);
    }
    out = cidrRange(*address, prefix);
    return true;
}

std::string formatAddressRange(const AddressRange &range)
{
    if (range.lo == range.hi)
        return range.lo.toString();
    const int bits = familyBits(range.lo.family);
    for (int prefix = 0; prefix < bits; ++prefix)
        if (cidrRange(range.lo, prefix) == range)
            return range.lo.toString() + "/" + std::to_string(prefix);
    return range.lo.toString() + ".." + range.hi.toString();
}

bool nextAddress(const IpAddress &address, IpAddress &out)
{
    out = address;
    for (int i = familyBits(address.family) / 8 - 1; i >= 0; --i) {
        auto &byte = out.bytes[static_cast<std::size_t>(i)];
        if (byte != 0xFF) {
            ++byte;
            return true;
        }
        byte = 0;
    }
    return false;
}

bool addressLess(const IpAddress &a, const IpAddress &b)
{
    if (a.family != b.family)
        return a.family < b.family;
    return a.bytes < b.bytes;
}

// Names come from format/field_names, which the detail pane shows too.
bool protocolByName(std::string_view name, std::uint64_t &out)
{
    // "ipv6-icmp" is the IANA keyword for ICMPv6.
    const auto number = equalsNoCase(name, "ipv6-icmp") ? std::optional<std::uint8_t>(58) : flowscope::protocolByName(name);
    if (!number)
        return false;
    out = *number;
    return true;
}

bool tcpFlagByName(std::string_view name, std::uint8_t &out)
{
    for (const TcpFlagName &flag : tcpFlagNames())
        if (equalsNoCase(name, flag.name)) {
            out = flag.bit;
            return true;
        }
    return false;
}

std::string tcpFlagName(std::uint8_t bit)
{
    for (const TcpFlagName &flag : tcpFlagNames())
        if (flag.bit == bit) {
            std::string lower(flag.name);
            for (char &c : lower)
                c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            return lower;
        }
    return {};
}

bool enumValueByName(Field field, std::string_view name, std::uint64_t &code, std::string &canonical,
                     std::string &error)
{
    bool ok = false;
    switch (field) {
    case Field::Action: {
        Action a{};
        if ((ok = parseAction(name, a))) {
            code = static_cast<std::uint64_t>(a);
            canonical = actionName(a);
        }
        error = "expected accept or reject";
        break;
    }
    case Field::LogStatus: {
        LogStatus s{};
        if ((ok = parseLogStatus(name, s))) {
            code = static_cast<std::uint64_t>(s);
            canonical = logStatusName(s);
        }
        error = "expected ok, nodata or skipdata";
        break;
    }
    case Field::Type: {
        TrafficType t{};
        if ((ok = parseTrafficType(name, t))) {
            code = static_cast<std::uint64_t>(t);
            canonical = trafficTypeName(t);
        }
        error = "expected ipv4, ipv6 or efa";
        break;
    }
    case Field::FlowDirection: {
        FlowDirection d{};
        if ((ok = parseFlowDirection(name, d))) {
            code = static_cast<std::uint64_t>(d);
            canonical = flowDirectionName(d);
        }
        error = "expected ingress or egress";
        break;
    }
    default:
        error = "not a named-value field";
        break;
    }
    if (ok)
        error.clear();
    return ok;
}

} // namespace flowscope
