// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_error.h"

#include <algorithm>

namespace flowscope {
namespace {

std::size_t columns(std::string_view text)
{
    // UTF-8 continuation bytes do not start a new column.
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

} // namespace

std::string renderFilterError(std::string_view expression, const FilterError &error)
{
    std::string line(expression);
    // A newline or tab in the echo would misalign the caret.
    std::replace_if(line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    const std::size_t position = std::min(error.position, expression.size());
    const std::size_t length = std::min(error.length, expression.size() - position);
    const std::size_t width = std::max<std::size_t>(1, columns(expression.substr(position, length)));
    std::string out = line;
    out += '\n';
    out.append(columns(expression.substr(0, position)), ' ');
    out += '^';
    out.append(width - 1, '~');
    out += '\n';
    out += error.message;
    return out;
}

} // namespace flowscope
