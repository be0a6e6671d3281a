// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Parses and type-checks a display filter against the field catalogue.
//
//   expr    := or
//   or      := and (("or" | "||") and)*
//   and     := unary (("and" | "&&") unary)*
//   unary   := ("not" | "!") unary | primary
//   primary := "(" expr ")" | "true" | "@" list | target test
//   test    := cmpop value | "in" (set | @list) | "contains" text
//            | "matches" text | "has" flagname
//   set     := "{" item ("," item)* "}"      item := value (".." value)?
//
// `@list` alone is `addr in @list`.
// Targets are AWS field names (v2..v8) and the shorthands addr, port, eni
// (interface-id) and time ([start, end]). An empty expression is `true`.
// security-group, instance-name, subnet-name and vpc-name test what the
// configuration snapshot says about the record's interface (==, !=,
// contains, matches), resolved to interface ids while parsing; `starred`
// and `tag` (==, !=, contains, matches) what the analyst marked, resolved to
// record ids.

#include "filter_ast.h"
#include "filter_error.h"
#include "ioc_indicators.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

namespace flowscope {

struct FilterParseOptions {
    // Whether an IOC list named by `@name` exists; unset means none does.
    std::function<bool(std::string_view)> iocListExists;
    // A case's IOC lists by name (null for an unknown one): when set, it
    // replaces iocListExists and the lists' indicators go into the tree, so
    // only address fields can be tested against them.
    IocListResolver iocLists;
    // What a configuration snapshot says about interfaces, for security-group,
    // instance-name, subnet-name and vpc-name; without it those fields are an
    // error. Must outlive the parse only (the tree keeps the interface ids).
    const InterfaceAttributes *interfaceAttributes = nullptr;
    // The analyst's stars and tags, for `starred` and `tag`; without it
    // those terms are an error. Must outlive the parse only.
    const RecordMarks *recordMarks = nullptr;
    // Parentheses and `not` nest at most this deep (keeps recursion bounded).
    std::size_t maxDepth = 256;
};

struct FilterParseResult {
    FilterNodePtr root;               // set on success
    std::optional<FilterError> error; // set on failure
    bool ok() const { return root != nullptr; }
};

FilterParseResult parseFilter(std::string_view expression, const FilterParseOptions &options = {});

} // namespace flowscope
