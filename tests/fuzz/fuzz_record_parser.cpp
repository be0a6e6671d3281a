// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the format layer. The input is read like a flow-log
// object: the first line is a header / format-string candidate for
// LogFormat::parse, every line is a record candidate for RecordParser (with
// that format when it parsed, and always with the default v2 format).
// Besides "no crash, no sanitizer report" it checks the invariants callers
// rely on and aborts when one breaks.

#include "format/ip_address.h"
#include "format/log_format.h"
#include "format/record_parser.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

using namespace flowscope;

// assert() vanishes under NDEBUG; a fuzzer check must not.
#define FUZZ_CHECK(cond)                                                                                 \
    do {                                                                                                 \
        if (!(cond)) {                                                                                   \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);     \
            std::abort();                                                                                \
        }                                                                                                \
    } while (0)

namespace {

bool isBlankByte(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The decoded value in canonical text, "-" when absent; used to rebuild a line.
std::string render(const FlowRecord &r, Field f)
{
    if (!r.has(f))
        return "-";
    switch (f) {
    case Field::Version: return std::to_string(r.version);
    case Field::SrcPort: return std::to_string(r.srcPort);
    case Field::DstPort: return std::to_string(r.dstPort);
    case Field::Protocol: return std::to_string(r.protocol);
    case Field::Packets: return std::to_string(r.packets);
    case Field::Bytes: return std::to_string(r.bytes);
    case Field::Start: return std::to_string(r.start);
    case Field::End: return std::to_string(r.end);
    case Field::TcpFlags: return std::to_string(r.tcpFlags);
    case Field::TrafficPath: return std::to_string(r.trafficPath);
    case Field::EncryptionStatus: return std::to_string(r.encryptionStatus);
    case Field::SrcAddr: return r.srcAddr.toString();
    case Field::DstAddr: return r.dstAddr.toString();
    case Field::PktSrcAddr: return r.pktSrcAddr.toString();
    case Field::PktDstAddr: return r.pktDstAddr.toString();
    case Field::Action: return std::string(actionName(r.action));
    case Field::LogStatus: return std::string(logStatusName(r.logStatus));
    case Field::Type: return std::string(trafficTypeName(r.type));
    case Field::FlowDirection: return std::string(flowDirectionName(r.direction));
    default: break;
    }
    FUZZ_CHECK(fieldInfo(f).kind == FieldKind::Text);
    return std::string(r.textOf(f));
}

void checkAddress(const IpAddress &address)
{
    const std::string text = address.toString();
    FUZZ_CHECK(!text.empty());
    const auto again = IpAddress::parse(text);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == address);
    FUZZ_CHECK(again->toString() == text);
}

void checkFormat(const LogFormat &format)
{
    FUZZ_CHECK(!format.isEmpty());
    FUZZ_CHECK(format.fields().size() <= static_cast<std::size_t>(kFieldCount));
    int newest = 2;
    std::vector<bool> seen(kFieldCount, false);
    for (Field f : format.fields()) {
        const auto index = static_cast<std::size_t>(f);
        FUZZ_CHECK(index < seen.size());
        FUZZ_CHECK(!seen[index]); // parse() rejects duplicates
        seen[index] = true;
        newest = std::max(newest, fieldInfo(f).version);
    }
    FUZZ_CHECK(format.version() == newest);
    FUZZ_CHECK(format.version() >= 2 && format.version() <= 8);

    std::string error;
    FUZZ_CHECK(LogFormat::parse(format.headerLine(), &error) == format);
    FUZZ_CHECK(LogFormat::parse(format.formatString(), &error) == format);
    FUZZ_CHECK(LogFormat::looksLikeHeader(format.headerLine()));
    FUZZ_CHECK(!LogFormat::looksLikeHeader(format.formatString()));
}

void checkRecord(const RecordParser &parser, std::string_view line, const FlowRecord &r)
{
    const LogFormat &format = parser.format();
    if (r.has(Field::Start) && r.has(Field::End))
        FUZZ_CHECK(r.end >= r.start);
    if (r.has(Field::Start))
        FUZZ_CHECK(r.start >= 0);
    if (r.has(Field::End))
        FUZZ_CHECK(r.end >= 0);
    if (r.has(Field::EncryptionStatus))
        FUZZ_CHECK(r.encryptionStatus <= 3);

    for (const auto &info : allFields()) {
        if (!format.contains(info.field)) {
            FUZZ_CHECK(!r.has(info.field)); // nothing outside the format
            continue;
        }
        if (info.kind == FieldKind::Text) {
            const std::string_view text = r.textOf(info.field);
            if (!r.has(info.field)) {
                FUZZ_CHECK(text.empty());
                continue;
            }
            // A zero-copy view of one whole token of the line.
            FUZZ_CHECK(!text.empty());
            FUZZ_CHECK(text != "-");
            FUZZ_CHECK(text.data() >= line.data());
            FUZZ_CHECK(text.data() + text.size() <= line.data() + line.size());
            for (char c : text)
                FUZZ_CHECK(!isBlankByte(c));
        }
    }
    if (r.has(Field::SrcAddr))
        checkAddress(r.srcAddr);
    if (r.has(Field::DstAddr))
        checkAddress(r.dstAddr);
    if (r.has(Field::PktSrcAddr))
        checkAddress(r.pktSrcAddr);
    if (r.has(Field::PktDstAddr))
        checkAddress(r.pktDstAddr);

    // Printing the decoded values and parsing them again gives the same record.
    std::string rebuilt;
    for (Field f : format.fields()) {
        if (!rebuilt.empty())
            rebuilt += ' ';
        rebuilt += render(r, f);
    }
    FlowRecord again;
    std::string reason;
    FUZZ_CHECK(parser.parse(rebuilt, again, &reason));
    FUZZ_CHECK(again.present == r.present);
    for (Field f : format.fields())
        FUZZ_CHECK(render(again, f) == render(r, f));
}

void parseLine(const RecordParser &parser, std::string_view line)
{
    FlowRecord record;
    std::string reason;
    if (parser.parse(line, record, &reason)) {
        checkRecord(parser, line, record);
    } else {
        FUZZ_CHECK(!reason.empty());
        // Without a reason pointer the verdict is the same.
        FlowRecord other;
        FUZZ_CHECK(!parser.parse(line, other, nullptr));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    std::vector<std::string_view> lines;
    for (std::size_t begin = 0; begin <= input.size();) {
        std::size_t end = input.find('\n', begin);
        if (end == std::string_view::npos)
            end = input.size();
        lines.push_back(input.substr(begin, end - begin));
        begin = end + 1;
    }

    static const RecordParser defaultParser(LogFormat::defaultV2());

    std::string error;
    const LogFormat format = LogFormat::parse(lines.front(), &error);
    if (format.isEmpty())
        FUZZ_CHECK(!error.empty());
    else
        checkFormat(format);
    const RecordParser parser(format);

    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        parseLine(defaultParser, line);
        if (i > 0 && !format.isEmpty())
            parseLine(parser, line);
        // Every token is also an address candidate.
        std::size_t pos = 0;
        while (pos < line.size()) {
            while (pos < line.size() && isBlankByte(line[pos]))
                ++pos;
            const std::size_t begin = pos;
            while (pos < line.size() && !isBlankByte(line[pos]))
                ++pos;
            if (pos == begin)
                continue;
            const std::string_view token = line.substr(begin, pos - begin);
            if (const auto address = IpAddress::parse(token)) {
                checkAddress(*address);
                FUZZ_CHECK(token.find('\0') == std::string_view::npos);
                // IPv4 text is strict (no leading zeros), so it is already canonical.
                if (address->isV4())
                    FUZZ_CHECK(address->toString() == token);
            }
        }
    }
    return 0;
}
