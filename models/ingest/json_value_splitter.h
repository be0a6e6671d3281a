// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Finds the top-level JSON values in a stream of lines (one value per line,
// several per line, or one value over many lines), without parsing them:
// it only tracks nesting, strings and escapes. Each complete value is then
// handed to a real JSON parser.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

class JsonValueSplitter {
public:
    struct Value {
        std::string text;
        std::uint64_t startLine;
    };

    // Feeds one line; complete values are appended to `out`. Text outside any
    // value that is not white space is returned as a stray value so the caller
    // can report it.
    void addLine(std::string_view line, std::uint64_t lineNumber, std::vector<Value> &out)
    {
        addText(line, lineNumber, true, out);
    }
    // Feeds a piece of a line (see LineReader::nextPiece): a line of any
    // length may hold one value, as `jq -c` and the SDKs write documents.
    void addText(std::string_view text, std::uint64_t lineNumber, bool endsLine, std::vector<Value> &out);
    // Whatever is left open at the end of input (a truncated value).
    bool hasOpenValue() const { return m_depth > 0; }
    std::uint64_t openValueLine() const { return m_startLine; }
    std::size_t openValueSize() const { return m_current.size(); }

    // Refuses to buffer a single value beyond this size.
    static constexpr std::size_t kMaxValueSize = std::size_t(1) << 30;

private:
    std::string m_current;
    std::uint64_t m_startLine = 0;
    int m_depth = 0;
    bool m_inString = false;
    bool m_escaped = false;
};

} // namespace flowscope
