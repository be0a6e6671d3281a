// SPDX-License-Identifier: GPL-3.0-or-later
#include "json_value_splitter.h"

namespace flowscope {

void JsonValueSplitter::addText(std::string_view line, std::uint64_t lineNumber, bool endsLine,
                                std::vector<Value> &out)
{
    std::size_t strayBegin = std::string_view::npos;
    auto flushStray = [&](std::size_t end) {
        if (strayBegin != std::string_view::npos) {
            out.push_back({std::string(line.substr(strayBegin, end - strayBegin)), lineNumber});
            strayBegin = std::string_view::npos;
        }
    };
    std::size_t valueBegin = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (m_depth == 0) {
            if (c == '{' || c == '[') {
                flushStray(i);
                m_depth = 1;
                m_inString = false;
                m_escaped = false;
                m_startLine = lineNumber;
                valueBegin = i;
                m_current.clear();
            } else if (c != ' ' && c != '\t' && c != '\r' && c != ',') {
                if (strayBegin == std::string_view::npos)
                    strayBegin = i;
            }
            continue;
        }
        if (m_inString) {
            if (m_escaped)
                m_escaped = false;
            else if (c == '\\')
                m_escaped = true;
            else if (c == '"')
                m_inString = false;
            continue;
        }
        if (c == '"') {
            m_inString = true;
        } else if (c == '{' || c == '[') {
            ++m_depth;
        } else if (c == '}' || c == ']') {
            if (--m_depth == 0) {
                m_current.append(line.substr(valueBegin, i + 1 - valueBegin));
                out.push_back({std::move(m_current), m_startLine});
                m_current.clear();
                valueBegin = i + 1;
            }
        }
    }
    flushStray(line.size());
    if (m_depth > 0 && m_current.size() < kMaxValueSize) {
        m_current.append(line.substr(valueBegin));
        if (endsLine)
            m_current.push_back('\n');
    }
}

} // namespace flowscope
