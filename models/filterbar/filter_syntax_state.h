// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a display filter stands while it is typed: empty, intermediate (not
// finished but could become valid by typing on: `dstport ==`, `(addr ==
// 1.2.3.4`, `protoc`, `addr == 10.0.`), invalid, or valid.

#include "query/filter_error.h"

#include <QString>

#include <functional>
#include <optional>

namespace flowscope {

class InterfaceAttributes;
class RecordMarks;

enum class FilterSyntaxState { Empty, Intermediate, Invalid, Valid };

struct FilterSyntax {
    FilterSyntaxState state = FilterSyntaxState::Empty;
    std::optional<FilterError> error; // for Intermediate and Invalid; positions are UTF-8 bytes
};

// `iocListExists` answers whether `@name` names a list; unset means none does.
// `interfaceAttributes` answers security-group and the other snapshot fields;
// without it they are an error. `recordMarks` answers `starred` and `tag`
// (an error without it).
FilterSyntax checkFilterSyntax(const QString &expression,
                               const std::function<bool(const QString &)> &iocListExists = {},
                               const InterfaceAttributes *interfaceAttributes = nullptr,
                               const RecordMarks *recordMarks = nullptr);

inline FilterSyntaxState filterSyntaxState(const QString &expression,
                                           const std::function<bool(const QString &)> &iocListExists = {})
{
    return checkFilterSyntax(expression, iocListExists).state;
}

// "empty", "intermediate", "invalid", "valid": for properties and style sheets.
QString filterSyntaxStateName(FilterSyntaxState state);

} // namespace flowscope
