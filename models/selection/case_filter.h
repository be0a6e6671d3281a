// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A display filter made ready to run against one open case: parsed, its text
// values resolved through the case's dictionaries, its index preselection of
// blocks chosen. Every consumer (the table, statistics, the CLI) evaluates a
// filter through this one object, so they cannot disagree.

#include "query/filter_error.h"
#include "query/filter_fields.h"
#include "query/column_predicate.h"
#include "query/filter_parser.h"
#include "query/record_predicate.h"
#include "store/block_codec.h"
#include "store/dictionaries.h"
#include "store/record_test.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace flowscope {

class CaseDb;

// The block columns that hold `fields`.
ColumnMask columnsOf(const FieldSet &fields);

class CaseFilter {
public:
    // The filter, or the parse error. Throws StoreError when the case cannot be read.
    // `@name` reads the case's IOC lists unless options or iocLists answer for them.
    static std::variant<std::shared_ptr<const CaseFilter>, FilterError>
    compile(CaseDb &caseDb, std::string_view expression, const FilterParseOptions &options = {},
            IocMembership iocLists = {});

    const std::string &expression() const { return m_expression; }
    // True for the empty filter: every record, no scan needed to count.
    bool matchesEverything() const { return m_everything; }
    const RecordPredicate &predicate() const { return m_predicate; }
    // The same test a column at a time over a block, when the filter reads
    // only fields a block stores as numbers or addresses (nothing for the
    // empty filter).
    const std::optional<ColumnPredicate> &columnPredicate() const { return m_columnPredicate; }
    // The record fields the filter reads (none for the empty filter).
    FieldSet fieldsRead() const { return m_root ? fieldsReadBy(*m_root) : FieldSet(); }
    // The block columns the predicate reads: a scan that only tests the
    // filter decodes these (see block_codec.h).
    ColumnMask columnsRead() const { return columnsOf(fieldsRead()); }
    // The test as a filtered scan of blocks runs it: on the columns the
    // filter reads, a column at a time where it can (no test for the empty
    // filter). The filter must outlive it.
    RecordTest recordTest() const;
    // The time window the filter's top-level `time` conditions leave.
    TimeWindow timeWindow() const { return m_root ? timeWindowOf(*m_root) : TimeWindow(); }
    // The parsed filter (TrueNode for the empty one).
    const FilterNode &root() const { return *m_root; }
    // The blocks that may hold a match (all when nothing).
    const std::optional<std::vector<std::int64_t>> &blocks() const { return m_blocks; }

    CaseFilter(const CaseFilter &) = delete;
    CaseFilter &operator=(const CaseFilter &) = delete;

private:
    CaseFilter() = default;

    std::string m_expression;
    bool m_everything = false;
    FilterNodePtr m_root;
    // The predicate refers to these: they live as long as it does.
    StringDictionary m_strings;
    InterfaceDictionary m_interfaces;
    RecordPredicate m_predicate;
    std::optional<ColumnPredicate> m_columnPredicate;
    std::optional<std::vector<std::int64_t>> m_blocks;
};

} // namespace flowscope
