// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_parser.h"

#include "text_tokens.h"

#include <array>

namespace flowscope {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<char>(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

std::string quoted(std::string_view token)
{
    constexpr std::size_t kShown = 40;
    std::string out = "'";
    out += token.substr(0, kShown);
    if (token.size() > kShown)
        out += "...";
    out += "'";
    return out;
}

} // namespace

bool parseUnsigned(std::string_view token, std::uint64_t maxValue, std::uint64_t &out)
{
    if (token.empty() || token.size() > 20)
        return false;
    std::uint64_t value = 0;
    for (char c : token) {
        if (c < '0' || c > '9')
            return false;
        const auto digit = static_cast<std::uint64_t>(c - '0');
        // digit > maxValue first: maxValue - digit would wrap (encryption-status max 3).
        if (digit > maxValue || value > (maxValue - digit) / 10)
            return false;
        value = value * 10 + digit;
    }
    out = value;
    return true;
}

bool parseAction(std::string_view token, Action &out)
{
    // The spellings AWS writes first: a plain comparison each.
    if (token == "ACCEPT") {
        out = Action::Accept;
        return true;
    }
    if (token == "REJECT") {
        out = Action::Reject;
        return true;
    }
    if (equalsIgnoreCase(token, "ACCEPT"))
        out = Action::Accept;
    else if (equalsIgnoreCase(token, "REJECT"))
        out = Action::Reject;
    else
        return false;
    return true;
}

bool parseLogStatus(std::string_view token, LogStatus &out)
{
    if (token == "OK") {
        out = LogStatus::Ok;
        return true;
    }
    if (equalsIgnoreCase(token, "OK"))
        out = LogStatus::Ok;
    else if (equalsIgnoreCase(token, "NODATA"))
        out = LogStatus::NoData;
    else if (equalsIgnoreCase(token, "SKIPDATA"))
        out = LogStatus::SkipData;
    else
        return false;
    return true;
}

bool parseTrafficType(std::string_view token, TrafficType &out)
{
    if (token == "IPv4") {
        out = TrafficType::IPv4;
        return true;
    }
    if (equalsIgnoreCase(token, "IPv4"))
        out = TrafficType::IPv4;
    else if (equalsIgnoreCase(token, "IPv6"))
        out = TrafficType::IPv6;
    else if (equalsIgnoreCase(token, "EFA"))
        out = TrafficType::Efa;
    else
        return false;
    return true;
}

bool parseFlowDirection(std::string_view token, FlowDirection &out)
{
    if (token == "ingress") {
        out = FlowDirection::Ingress;
        return true;
    }
    if (token == "egress") {
        out = FlowDirection::Egress;
        return true;
    }
    if (equalsIgnoreCase(token, "ingress"))
        out = FlowDirection::Ingress;
    else if (equalsIgnoreCase(token, "egress"))
        out = FlowDirection::Egress;
    else
        return false;
    return true;
}

std::string_view actionName(Action a) { return a == Action::Accept ? "ACCEPT" : "REJECT"; }

std::string_view logStatusName(LogStatus s)
{
    switch (s) {
    case LogStatus::Ok: return "OK";
    case LogStatus::NoData: return "NODATA";
    case LogStatus::SkipData: return "SKIPDATA";
    }
    return "OK";
}

std::string_view trafficTypeName(TrafficType t)
{
    switch (t) {
    case TrafficType::IPv4: return "IPv4";
    case TrafficType::IPv6: return "IPv6";
    case TrafficType::Efa: return "EFA";
    }
    return "IPv4";
}

std::string_view flowDirectionName(FlowDirection d)
{
    return d == FlowDirection::Ingress ? "ingress" : "egress";
}

RecordParser::RecordParser(LogFormat format)
    : m_format(std::move(format))
{
    for (const Field field : m_format.fields()) {
        const FieldInfo &info = fieldInfo(field);
        const int slot = info.kind == FieldKind::Text ? textSlot(field) : -1;
        m_steps.push_back({field, info.kind, static_cast<std::int8_t>(slot), info.maxValue});
    }
}

bool RecordParser::parse(std::string_view line, FlowRecord &record, std::string *reason) const
{
    return parseFast(line, record) || parseChecked(line, record, reason);
}

namespace {

// parseUnsigned for the usual short token: up to 19 digits cannot overflow,
// so the bound is checked once at the end rather than at every digit.
inline bool parseUnsignedFast(std::string_view token, std::uint64_t maxValue, std::uint64_t &out)
{
    if (token.size() > 19)
        return parseUnsigned(token, maxValue, out);
    std::uint64_t value = 0;
    for (const char c : token) {
        const auto digit = static_cast<unsigned>(static_cast<unsigned char>(c) - '0');
        if (digit > 9)
            return false;
        value = value * 10 + digit;
    }
    if (token.empty() || value > maxValue)
        return false;
    out = value;
    return true;
}

inline bool storeInteger(Field field, std::uint64_t number, FlowRecord &record)
{
    switch (field) {
    case Field::Version: record.version = static_cast<std::uint32_t>(number); break;
    case Field::SrcPort: record.srcPort = static_cast<std::uint16_t>(number); break;
    case Field::DstPort: record.dstPort = static_cast<std::uint16_t>(number); break;
    case Field::Protocol: record.protocol = static_cast<std::uint8_t>(number); break;
    case Field::Packets: record.packets = number; break;
    case Field::Bytes: record.bytes = number; break;
    case Field::Start: record.start = static_cast<std::int64_t>(number); break;
    case Field::End: record.end = static_cast<std::int64_t>(number); break;
    case Field::TcpFlags: record.tcpFlags = static_cast<std::uint8_t>(number); break;
    case Field::TrafficPath: record.trafficPath = static_cast<std::uint8_t>(number); break;
    case Field::EncryptionStatus: record.encryptionStatus = static_cast<std::uint8_t>(number); break;
    default: break;
    }
    return true;
}

} // namespace

bool RecordParser::parseFast(std::string_view line, FlowRecord &record) const
{
    const std::size_t fieldCount = m_steps.size();
    if (fieldCount > static_cast<std::size_t>(kFieldCount))
        return false;
    record.present.reset();
    record.text.fill({});
    const char *p = line.data();
    const char *const end = p + line.size();
    std::size_t position = 0;
    for (;;) {
        while (p != end && isBlank(*p))
            ++p;
        if (p == end)
            break;
        const char *const begin = p;
        while (p != end && !isBlank(*p))
            ++p;
        const std::string_view token(begin, static_cast<std::size_t>(p - begin));
        if (position == fieldCount) {
            // A trailing '#' comment (as in the AWS documentation) ends the record.
            if (token.front() == '#')
                break;
            return false;
        }
        const Step &step = m_steps[position++];
        if (token.size() == 1 && token.front() == '-')
            continue; // absent, never zero
        bool ok = true;
        switch (step.kind) {
        case FieldKind::Integer: {
            std::uint64_t number = 0;
            ok = parseUnsignedFast(token, step.maxValue, number) && storeInteger(step.field, number, record);
            break;
        }
        case FieldKind::Address: {
            const auto address = IpAddress::parse(token);
            ok = address.has_value();
            if (!ok)
                break;
            switch (step.field) {
            case Field::SrcAddr: record.srcAddr = *address; break;
            case Field::DstAddr: record.dstAddr = *address; break;
            case Field::PktSrcAddr: record.pktSrcAddr = *address; break;
            case Field::PktDstAddr: record.pktDstAddr = *address; break;
            default: break;
            }
            break;
        }
        case FieldKind::Enum:
            switch (step.field) {
            case Field::Action: ok = parseAction(token, record.action); break;
            case Field::LogStatus: ok = parseLogStatus(token, record.logStatus); break;
            case Field::Type: ok = parseTrafficType(token, record.type); break;
            case Field::FlowDirection: ok = parseFlowDirection(token, record.direction); break;
            default: ok = false; break;
            }
            break;
        case FieldKind::Text:
            record.text[static_cast<std::size_t>(step.textSlot)] = token;
            break;
        }
        if (!ok)
            return false;
        record.present.set(static_cast<std::size_t>(step.field));
    }
    if (position != fieldCount)
        return false;
    return !(record.has(Field::Start) && record.has(Field::End) && record.end < record.start);
}

bool RecordParser::parseChecked(std::string_view line, FlowRecord &record, std::string *reason) const
{
    const auto &fields = m_format.fields();
    std::array<std::string_view, kFieldCount> tokens;
    if (fields.size() > tokens.size()) {
        // Only a LogFormat built from a raw field list with repeats gets here;
        // its tokens would not fit in `tokens`.
        if (reason)
            *reason = "the format lists " + std::to_string(fields.size()) + " fields, more than the "
                + std::to_string(kFieldCount) + " that exist";
        return false;
    }
    std::size_t count = 0;
    bool extra = false;
    bool comment = false;
    forEachToken(line, [&](std::string_view token) {
        if (comment)
            return;
        if (count >= fields.size()) {
            // A trailing '#' comment (as in the AWS documentation) ends the record.
            if (token.front() == '#')
                comment = true;
            else
                extra = true;
            return;
        }
        tokens[count++] = token;
    });
    if (count != fields.size() || extra) {
        if (reason) {
            std::size_t found = 0;
            forEachToken(line, [&](std::string_view) { ++found; });
            *reason = "expected " + std::to_string(fields.size()) + " fields ("
                + (m_format.isDefaultV2() ? std::string("default version 2 format")
                                          : std::string("format version ") + std::to_string(m_format.version()))
                + "), found " + std::to_string(found);
        }
        return false;
    }

    record.present.reset();
    record.text.fill({});
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const Field field = fields[i];
        const std::string_view token = tokens[i];
        if (token == "-")
            continue; // absent, never zero
        const FieldInfo &info = fieldInfo(field);
        bool ok = true;
        std::uint64_t number = 0;
        switch (info.kind) {
        case FieldKind::Integer:
            ok = parseUnsigned(token, info.maxValue, number);
            if (ok) {
                switch (field) {
                case Field::Version: record.version = static_cast<std::uint32_t>(number); break;
                case Field::SrcPort: record.srcPort = static_cast<std::uint16_t>(number); break;
                case Field::DstPort: record.dstPort = static_cast<std::uint16_t>(number); break;
                case Field::Protocol: record.protocol = static_cast<std::uint8_t>(number); break;
                case Field::Packets: record.packets = number; break;
                case Field::Bytes: record.bytes = number; break;
                case Field::Start: record.start = static_cast<std::int64_t>(number); break;
                case Field::End: record.end = static_cast<std::int64_t>(number); break;
                case Field::TcpFlags: record.tcpFlags = static_cast<std::uint8_t>(number); break;
                case Field::TrafficPath: record.trafficPath = static_cast<std::uint8_t>(number); break;
                case Field::EncryptionStatus: record.encryptionStatus = static_cast<std::uint8_t>(number); break;
                default: break;
                }
            }
            break;
        case FieldKind::Address: {
            const auto address = IpAddress::parse(token);
            ok = address.has_value();
            if (ok) {
                switch (field) {
                case Field::SrcAddr: record.srcAddr = *address; break;
                case Field::DstAddr: record.dstAddr = *address; break;
                case Field::PktSrcAddr: record.pktSrcAddr = *address; break;
                case Field::PktDstAddr: record.pktDstAddr = *address; break;
                default: break;
                }
            }
            break;
        }
        case FieldKind::Enum:
            switch (field) {
            case Field::Action: ok = parseAction(token, record.action); break;
            case Field::LogStatus: ok = parseLogStatus(token, record.logStatus); break;
            case Field::Type: ok = parseTrafficType(token, record.type); break;
            case Field::FlowDirection: ok = parseFlowDirection(token, record.direction); break;
            default: ok = false; break;
            }
            break;
        case FieldKind::Text:
            record.text[static_cast<std::size_t>(textSlot(field))] = token;
            break;
        }
        if (!ok) {
            if (reason) {
                std::string expected;
                switch (info.kind) {
                case FieldKind::Integer:
                    expected = "a whole number from 0 to " + std::to_string(info.maxValue);
                    break;
                case FieldKind::Address: expected = "an IPv4 or IPv6 address"; break;
                case FieldKind::Enum:
                    expected = field == Field::Action ? "ACCEPT or REJECT"
                        : field == Field::LogStatus  ? "OK, NODATA or SKIPDATA"
                        : field == Field::Type       ? "IPv4, IPv6 or EFA"
                                                     : "ingress or egress";
                    break;
                case FieldKind::Text: break;
                }
                *reason = "field " + std::to_string(i + 1) + " (" + std::string(info.name) + "): "
                    + quoted(token) + " is not " + expected;
            }
            return false;
        }
        record.present.set(static_cast<std::size_t>(field));
    }
    if (record.has(Field::Start) && record.has(Field::End) && record.end < record.start) {
        if (reason)
            *reason = "end (" + std::to_string(record.end) + ") is before start ("
                + std::to_string(record.start) + ")";
        return false;
    }
    return true;
}

} // namespace flowscope
