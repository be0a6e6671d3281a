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
// Called from every thread that tests records: it must be safe to call
// concurrently.
using IocMembership = std::function<bool(std::string_view list, std::string_view value)>;

// Reads only the dictionaries and its own constants, so several threads may
// test records with one predicate at once.
using RecordPredicate = std::function<bool(const EncodedFlow &)>;

// The dictionaries resolve text fields and must outlive the predicate.
RecordPredicate compileRecordPredicate(const FilterNode &filter, const StringDictionary &strings,
                                       const InterfaceDictionary &interfaces, IocMembership iocLists = {});

} // namespace flowscope
