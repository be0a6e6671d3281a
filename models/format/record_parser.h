// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Decodes one flow-log line into a FlowRecord according to a LogFormat.
// The hot path of every import: no allocation on success.

#include "flow_record.h"
#include "log_format.h"

#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

class RecordParser {
public:
    explicit RecordParser(LogFormat format);

    const LogFormat &format() const { return m_format; }

    // Parses `line` (without its newline; a trailing CR, extra blanks between
    // fields and a trailing '#' comment are tolerated). On failure returns
    // false and sets *reason; `record` is then unspecified.
    bool parse(std::string_view line, FlowRecord &record, std::string *reason) const;

private:
    // What to do with the token at one position of the format, worked out once.
    struct Step {
        Field field;
        FieldKind kind;
        std::int8_t textSlot; // for FieldKind::Text
        std::uint64_t maxValue; // for FieldKind::Integer
    };
    // One pass over the line for the records that parse (nearly all of them);
    // false on anything else, which parseChecked() then goes over again to
    // say what is wrong. Both give the same record for a line that parses.
    bool parseFast(std::string_view line, FlowRecord &record) const;
    bool parseChecked(std::string_view line, FlowRecord &record, std::string *reason) const;

    LogFormat m_format;
    std::vector<Step> m_steps; // by position in the format
};

// Decoders shared with the filter language: each returns false on bad text.
bool parseUnsigned(std::string_view token, std::uint64_t maxValue, std::uint64_t &out);
bool parseAction(std::string_view token, Action &out);
bool parseLogStatus(std::string_view token, LogStatus &out);
bool parseTrafficType(std::string_view token, TrafficType &out);
bool parseFlowDirection(std::string_view token, FlowDirection &out);

} // namespace flowscope
