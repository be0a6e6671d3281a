// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads records back from a case, decoded to the AWS field values, with the
// file and line each came from.

#include "format/field_catalog.h"
#include "record_test.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace flowscope {

class CaseDb;
class FlowPager;
struct EncodedFlow;

// Absent (the record had '-' or its format lacks the field), a number, or text.
using FieldValue = std::variant<std::monostate, std::int64_t, std::string>;

struct FlowRow {
    std::int64_t id = 0;
    std::array<FieldValue, kFieldCount> values;
    std::string file;
    std::uint64_t line = 0;

    const FieldValue &value(Field f) const { return values[static_cast<std::size_t>(f)]; }
};

class FlowReader {
public:
    explicit FlowReader(CaseDb &caseDb);
    ~FlowReader();

    // Calls fn for up to `limit` records in time order (start, then id);
    // stops early when fn returns false. limit < 0: no limit.
    void forEachInTimeOrder(std::int64_t limit, const std::function<bool(const FlowRow &)> &fn);
    // The same for the records `accept` keeps, looking only into `blocks` when given.
    void forEachMatchingInTimeOrder(std::int64_t limit, const std::function<bool(const EncodedFlow &)> &accept,
                                    const std::optional<std::vector<std::int64_t>> &blocks,
                                    const std::function<bool(const FlowRow &)> &fn);
    // The same with a filter's test on its own columns (see FlowPager).
    void forEachMatchingInTimeOrder(std::int64_t limit, const RecordTest &test,
                                    const std::optional<std::vector<std::int64_t>> &blocks,
                                    const std::function<bool(const FlowRow &)> &fn);

private:
    std::unique_ptr<FlowPager> m_pager;
};

// Text of a value as the AWS record would show it ('-' when absent).
std::string fieldText(const FieldValue &value);

} // namespace flowscope
