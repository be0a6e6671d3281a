// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns one input file into record texts: detects the delivery, consumes the
// header line, unwraps CloudWatch export prefixes and JSON envelopes, and
// keeps the parser that fits the current format.

#include "delivery.h"
#include "json_value_splitter.h"
#include "line_reader.h"
#include "format/record_parser.h"

#include <deque>
#include <optional>
#include <string>

namespace flowscope {

struct SourceItem {
    enum class Kind { Record, Issue };
    Kind kind = Kind::Record;
    // Line number; in a JSON document holding several events, the line it
    // starts on for the first and the following numbers for the others.
    std::uint64_t number = 0;
    std::string_view text; // Record: the record text
    std::string reason;    // Issue: what is wrong
};

class RecordSource {
public:
    // `logFormat` is the flow log's format for headerless input; a header in
    // the file always wins. Without it, headerless input is the default format.
    RecordSource(std::filesystem::path path, std::optional<LogFormat> logFormat);

    bool open(); // false with error() when the file cannot be read at all
    bool next(SourceItem &item);

    // A record that failed to parse may be a new header (concatenated objects):
    // adopt it and return true.
    bool adoptHeader(std::string_view line);

    Delivery delivery() const { return m_delivery; }
    const RecordParser &parser() const { return m_parser; }
    // The format of the file: its header, the given format, or the default.
    const LogFormat &format() const { return m_parser.format(); }
    bool sawAnyLine() const { return m_sawAnyLine; }
    bool isJson() const { return m_delivery == Delivery::JsonLines || m_delivery == Delivery::CloudWatchJson; }
    // JSON input of which no value has a flow-log shape (a 'message', 'events'
    // or 'logEvents'): "not a flow log (a JSON document with SecurityGroups)".
    // Empty when the input is not JSON or some value has the shape.
    std::string notFlowLogReason() const;
    const LineReader &reader() const { return m_reader; }
    const std::string &error() const { return m_reader.error(); }

private:
    bool nextJson(SourceItem &item);
    void detect(std::string_view firstLine);
    std::uint64_t nextNumber(std::uint64_t startLine);
    void collectMessages(const std::string &json, std::uint64_t startLine);
    void startJson();
    void addJsonText(std::string_view text, std::uint64_t number, bool endsLine);

    LineReader m_reader;
    std::optional<LogFormat> m_givenFormat;
    RecordParser m_parser;
    Delivery m_delivery = Delivery::PlainText;
    bool m_detected = false;
    bool m_sawAnyLine = false;
    JsonValueSplitter m_splitter;
    // JSON deliveries: decoded messages waiting to be returned, and issues.
    struct Pending {
        std::uint64_t number;
        std::string text;
        std::string reason; // non-empty: an issue
    };
    std::deque<Pending> m_pending;
    Pending m_current;
    std::uint64_t m_lastNumber = 0;
    // What the JSON values looked like, to tell a flow log from other JSON.
    std::uint64_t m_jsonValues = 0;
    std::uint64_t m_flowShapedValues = 0;
    std::string m_firstValueShape; // e.g. "with SecurityGroups" or "array ..."
    bool m_firstValueIsArray = false;
};

} // namespace flowscope
