// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A filter as a test of one stored record, following the evaluation rules of
// filter_ast.h. The in-memory back end: it decides for each record of the
// blocks a scan visits (an index preselection of those blocks is the other half).

#include "filter_ast.h"
#include "store/encoded_flow.h"

#include <functional>
#include <string_view>

namespace flowscope {

class StringDictionary;
class InterfaceDictionary;

// Whether a record's value is in an IOC list (lists come from the case).
using IocMembership = std::function<bool(std::string_view list, std::string_view value)>;

using RecordPredicate = std::function<bool(const EncodedFlow &)>;

// The dictionaries resolve text fields and must outlive the predicate.
RecordPredicate compileRecordPredicate(const FilterNode &filter, const StringDictionary &strings,
                                       const InterfaceDictionary &interfaces, IocMembership iocLists = {});

} // namespace flowscope
