// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_reader.h"

#include "flow_pager.h"

namespace flowscope {

FlowReader::FlowReader(CaseDb &caseDb)
    : m_pager(std::make_unique<FlowPager>(caseDb))
{
}

FlowReader::~FlowReader() = default;

void FlowReader::forEachInTimeOrder(std::int64_t limit, const std::function<bool(const FlowRow &)> &fn)
{
    if (limit == 0)
        return;
    std::int64_t emitted = 0;
    m_pager->forEachFrom(0, [&](const FlowRow &row) { return fn(row) && (limit < 0 || ++emitted < limit); });
}

void FlowReader::forEachMatchingInTimeOrder(std::int64_t limit, const std::function<bool(const EncodedFlow &)> &accept,
                                            const std::optional<std::vector<std::int64_t>> &blocks,
                                            const std::function<bool(const FlowRow &)> &fn)
{
    if (limit == 0)
        return;
    std::int64_t emitted = 0;
    m_pager->forEachMatching(accept, blocks,
                             [&](const FlowRow &row) { return fn(row) && (limit < 0 || ++emitted < limit); });
}

void FlowReader::forEachMatchingInTimeOrder(std::int64_t limit, const RecordTest &test,
                                            const std::optional<std::vector<std::int64_t>> &blocks,
                                            const std::function<bool(const FlowRow &)> &fn)
{
    if (limit == 0)
        return;
    std::int64_t emitted = 0;
    m_pager->forEachMatching(test, blocks,
                             [&](const FlowRow &row) { return fn(row) && (limit < 0 || ++emitted < limit); });
}

std::string fieldText(const FieldValue &value)
{
    if (const auto *number = std::get_if<std::int64_t>(&value))
        return std::to_string(*number);
    if (const auto *text = std::get_if<std::string>(&value))
        return *text;
    return "-";
}

} // namespace flowscope
