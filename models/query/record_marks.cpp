// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_marks.h"

#include "filter_lexer.h"

#include <algorithm>

namespace flowscope {

bool namesRecordMarks(std::string_view expression)
{
    const auto is = [](std::string_view word, std::string_view name) {
        return word.size() == name.size()
            && std::equal(word.begin(), word.end(), name.begin(), [](char a, char b) {
                   return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
               });
    };
    const LexedFilter lexed = lexFilter(expression);
    return std::any_of(lexed.tokens.begin(), lexed.tokens.end(), [&](const FilterToken &token) {
        return token.type == FilterTokenType::Word && (is(token.text, "starred") || is(token.text, "tag"));
    });
}

} // namespace flowscope
