// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Splits a filter expression into tokens. Values are lexed as generic words
// (runs of letters, digits and _ . : / - +, stopping before "..") so that
// hyphenated field names, addresses, CIDRs, times and sizes are one token
// each; the parser interprets a word by the field it is compared with.

#include "filter_error.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

enum class FilterTokenType : std::uint8_t {
    End, Word, String, IocRef,
    LParen, RParen, LBrace, RBrace, Comma, DotDot,
    Eq, Ne, Lt, Le, Gt, Ge, Bang, AndAnd, OrOr,
    Error // lexing stopped here; LexedFilter::error says why
};

struct FilterToken {
    FilterTokenType type = FilterTokenType::End;
    std::size_t position = 0;
    std::size_t length = 0;
    std::string text; // Word: as typed; String: unescaped; IocRef: the name without '@'
};

struct LexedFilter {
    std::vector<FilterToken> tokens; // ends with End or Error
    std::optional<FilterError> error; // set when the last token is Error
};

LexedFilter lexFilter(std::string_view expression);

} // namespace flowscope
