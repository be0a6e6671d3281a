// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_sort.h"

#include "case_filter.h"
#include "sort_key.h"
#include "store/block_codec.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <algorithm>

namespace flowscope {

namespace {

// Every entry while there are at most `fullSort`; past that, a heap of the
// best `top` with the worst kept on top to be displaced.
class BoundedSelection {
public:
    BoundedSelection(const SortEntryOrder &order, const RecordSortLimits &limits, std::int64_t candidates)
        : m_order(order)
        , m_full(std::max<std::int64_t>(limits.fullSort, 0))
        , m_top(std::min<std::size_t>(limits.top, static_cast<std::size_t>(m_full)))
        , m_headRows(limits.headRows)
        , m_headOrder{order}
    {
        // Never more than the bound, and no doubling past it.
        m_entries.reserve(static_cast<std::size_t>(std::min(candidates, m_full + 1)));
    }

    void add(const SortEntry &entry, const EncodedFlow &flow)
    {
        ++m_matches;
        addToHead(entry, flow);
        if (!m_heap) {
            m_entries.push_back(entry);
            if (static_cast<std::int64_t>(m_entries.size()) > m_full)
                keepTop();
            return;
        }
        if (m_top == 0 || !m_order(entry, m_entries.front()))
            return;
        std::pop_heap(m_entries.begin(), m_entries.end(), m_order);
        m_entries.back() = entry;
        std::push_heap(m_entries.begin(), m_entries.end(), m_order);
    }

    SortedRecords finish()
    {
        std::sort(m_entries.begin(), m_entries.end(), m_order);
        SortedRecords sorted;
        sorted.matches = m_matches;
        sorted.ids.reserve(m_entries.size());
        for (const SortEntry &entry : m_entries)
            sorted.ids.push_back(entry.id);
        // The head holds the best of all matches, as the order's first rows are.
        std::sort(m_head.begin(), m_head.end(), m_headOrder);
        m_head.resize(std::min(m_head.size(), sorted.ids.size()));
        for (auto &[entry, flow] : m_head)
            sorted.head.push_back(flow);
        return sorted;
    }

private:
    using HeadRow = std::pair<SortEntry, EncodedFlow>;
    struct HeadOrder {
        SortEntryOrder order;
        bool operator()(const HeadRow &a, const HeadRow &b) const { return order(a.first, b.first); }
    };

    void addToHead(const SortEntry &entry, const EncodedFlow &flow)
    {
        if (m_headRows == 0)
            return;
        if (m_head.size() < m_headRows) {
            m_head.emplace_back(entry, flow);
            std::push_heap(m_head.begin(), m_head.end(), m_headOrder);
        } else if (m_order(entry, m_head.front().first)) {
            std::pop_heap(m_head.begin(), m_head.end(), m_headOrder);
            m_head.back() = {entry, flow};
            std::push_heap(m_head.begin(), m_head.end(), m_headOrder);
        }
    }

    void keepTop()
    {
        if (m_top < m_entries.size())
            std::nth_element(m_entries.begin(), m_entries.begin() + static_cast<std::ptrdiff_t>(m_top),
                             m_entries.end(), m_order);
        m_entries.resize(m_top);
        m_entries.shrink_to_fit();
        std::make_heap(m_entries.begin(), m_entries.end(), m_order);
        m_heap = true;
    }

    SortEntryOrder m_order;
    std::int64_t m_full;
    std::size_t m_top;
    std::size_t m_headRows;
    HeadOrder m_headOrder;
    std::vector<HeadRow> m_head; // a heap, the last of the best on top
    std::vector<SortEntry> m_entries;
    std::int64_t m_matches = 0;
    bool m_heap = false;
};

// Records in the blocks the scan will read: what the selection may hold.
std::int64_t candidateRecords(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks)
{
    if (!blocks)
        return queryInt(caseDb.handle(), "SELECT coalesce(sum(records), 0) FROM flow_block");
    Statement statement(caseDb.handle(), "SELECT records FROM flow_block WHERE id = ?");
    std::int64_t records = 0;
    for (const std::int64_t block : *blocks) {
        statement.reset();
        statement.bind(1, block);
        if (statement.step())
            records += statement.int64(0);
    }
    return records;
}

} // namespace

SortedRecords sortRecords(CaseDb &caseDb, const CaseFilter &filter, const RecordSortSpec &spec,
                          const RecordSortLimits &limits, const std::function<bool()> &cancelled)
{
    const SortKeyReader keys(caseDb.handle(), spec.field);
    BoundedSelection selection(SortEntryOrder{spec.descending}, limits, candidateRecords(caseDb, filter.blocks()));
    const RecordPredicate *accept = filter.matchesEverything() ? nullptr : &filter.predicate();
    std::int64_t blockId = -1;
    scanRecords(caseDb, filter.blocks(), [&](const EncodedFlow &flow, std::int64_t id) {
        if (const std::int64_t thisBlock = id >> kBlockShift; thisBlock != blockId) {
            blockId = thisBlock;
            if (cancelled && cancelled())
                throw RecordSortCancelled();
        }
        if (!accept || (*accept)(flow))
            selection.add(keys.entry(flow, id), flow);
    });
    if (cancelled && cancelled())
        throw RecordSortCancelled();
    SortedRecords sorted = selection.finish();
    sorted.caseRecords = candidateRecords(caseDb, std::nullopt);
    return sorted;
}

std::optional<RecordSortSpec> parseRecordSortSpec(std::string_view text)
{
    RecordSortSpec spec;
    if (const auto colon = text.find(':'); colon != std::string_view::npos) {
        const std::string_view direction = text.substr(colon + 1);
        if (direction == "desc")
            spec.descending = true;
        else if (direction != "asc")
            return std::nullopt;
        text = text.substr(0, colon);
    }
    const auto field = fieldByName(text);
    if (!field)
        return std::nullopt;
    spec.field = *field;
    return spec;
}

} // namespace flowscope
