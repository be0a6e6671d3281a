// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small helpers for space-separated flow-log text: no allocation, no locale.

#include <string_view>

namespace flowscope {

inline bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Strips a trailing CR and surrounding blanks.
inline std::string_view trimLine(std::string_view line)
{
    while (!line.empty() && isBlank(line.back()))
        line.remove_suffix(1);
    while (!line.empty() && isBlank(line.front()))
        line.remove_prefix(1);
    return line;
}

// Calls fn(token) for each run of non-blank characters.
template <typename Fn>
void forEachToken(std::string_view line, Fn &&fn)
{
    std::size_t i = 0;
    const std::size_t n = line.size();
    while (i < n) {
        while (i < n && isBlank(line[i]))
            ++i;
        if (i >= n)
            break;
        const std::size_t begin = i;
        while (i < n && !isBlank(line[i]))
            ++i;
        fn(line.substr(begin, i - begin));
    }
}

} // namespace flowscope
