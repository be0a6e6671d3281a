// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_values.h"

#include "query/filter_values.h"
#include "store/block_postings.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/sqlite_handle.h"
#include "store/stored_address.h"
#include "tasks/background_connection.h"
#include "tasks/query_interrupt.h"
#include "tasks/work_pools.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <unordered_map>

namespace flowscope {

namespace {

// The interface table's columns, in the order of kInterfaceFields.
constexpr std::array<const char *, kInterfaceFields.size()> kInterfaceColumns{
    "interface_id", "account_id", "vpc_id", "subnet_id", "instance_id", "region", "az_id",
    "sublocation_type", "sublocation_id", "ecs_cluster_arn", "ecs_cluster_name",
    "ecs_container_instance_arn", "ecs_container_instance_id", "ecs_container_id",
    "ecs_second_container_id", "ecs_service_name", "ecs_task_definition_arn", "ecs_task_arn",
    "ecs_task_id", "resource_id"};

// Checking the flag on every row would cost more than the rows.
constexpr int kCancelCheckRows = 4096;

bool cancelled(const std::atomic_bool *cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

// Keeps the `limit` most common keys while a grouped query streams by, so a
// case with millions of distinct addresses is never sorted whole.
template <typename Key, typename Less>
class TopValues {
public:
    TopValues(std::size_t limit, Less less)
        : m_limit(limit)
        , m_less(less)
    {
    }

    void add(std::int64_t count, Key key)
    {
        if (m_limit == 0)
            return;
        Entry entry{count, std::move(key)};
        if (m_heap.size() < m_limit) {
            m_heap.push_back(std::move(entry));
            std::push_heap(m_heap.begin(), m_heap.end(), worseFirst());
        } else if (worseFirst()(entry, m_heap.front())) {
            std::pop_heap(m_heap.begin(), m_heap.end(), worseFirst());
            m_heap.back() = std::move(entry);
            std::push_heap(m_heap.begin(), m_heap.end(), worseFirst());
        }
    }

    // Most common first; equal counts in key order, so results are stable.
    std::vector<Key> take()
    {
        std::sort(m_heap.begin(), m_heap.end(), worseFirst());
        std::vector<Key> keys;
        keys.reserve(m_heap.size());
        for (auto &entry : m_heap)
            keys.push_back(std::move(entry.key));
        m_heap.clear();
        return keys;
    }

private:
    struct Entry {
        std::int64_t count;
        Key key;
    };
    // "a ranks above b": the heap's front is then the weakest entry kept.
    auto worseFirst() const
    {
        return [this](const Entry &a, const Entry &b) {
            if (a.count != b.count)
                return a.count > b.count;
            return m_less(a.key, b.key);
        };
    }

    std::size_t m_limit;
    Less m_less;
    std::vector<Entry> m_heap;
};

template <typename Key, typename Less>
TopValues<Key, Less> topValues(int limit, Less less)
{
    return TopValues<Key, Less>(static_cast<std::size_t>(std::max(0, limit)), less);
}

// A key of a block index: an integer, or a blob (an IPv6 address).
struct IndexKey {
    bool isBlob = false;
    std::int64_t integer = 0;
    std::string blob;
    friend bool operator==(const IndexKey &, const IndexKey &) = default;
};

IndexKey indexKeyOf(const Statement &statement)
{
    if (statement.columnType(0) == SQLITE_INTEGER)
        return {false, statement.int64(0), {}};
    return {true, 0, std::string(statement.blob(0))};
}

// Calls fn(key, blocks) once per key of a block index with the number of
// blocks holding it: from the per-chunk sets of schema 4 (a key's rows are
// consecutive), or from the row per block of a case of schema 3 or older
// read as it is. False when cancelled.
template <typename Fn>
bool forEachKeyBlockCount(sqlite3 *db, const BlockPostingsTable &postings, const char *legacyTable,
                          const std::atomic_bool *cancel, Fn &&fn)
{
    const bool sets = queryInt(db, std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '")
                                       + postings.table + "'")
        > 0;
    const std::string key = postings.keyColumn;
    Statement statement(db, sets ? "SELECT " + key + ", blocks FROM " + postings.table
                                 : "SELECT " + key + ", count(*) FROM " + legacyTable + " GROUP BY " + key);
    IndexKey previous;
    std::int64_t blocks = 0;
    bool any = false;
    for (int row = 0; statement.step(); ++row) {
        if (row % kCancelCheckRows == 0 && cancelled(cancel))
            return false;
        IndexKey current = indexKeyOf(statement);
        if (any && !(current == previous)) {
            fn(previous, blocks);
            blocks = 0;
        }
        blocks += sets ? countStoredChunkBlocks(statement.blob(1)) : statement.int64(1);
        previous = std::move(current);
        any = true;
    }
    if (any)
        fn(previous, blocks);
    return true;
}

QStringList topAddresses(sqlite3 *db, int limit, const std::atomic_bool *cancel)
{
    auto top = topValues<IpAddress>(limit, [](const IpAddress &a, const IpAddress &b) { return addressLess(a, b); });
    forEachKeyBlockCount(db, kAddressPostings, "block_address", cancel, [&](const IndexKey &key, std::int64_t blocks) {
        if (!key.isBlob)
            top.add(blocks, ipv4FromStored(key.integer));
        else if (const auto v6 = ipv6FromStored(key.blob))
            top.add(blocks, *v6);
    });
    QStringList out;
    for (const IpAddress &address : top.take())
        out << QString::fromStdString(address.toString());
    return out;
}

QStringList topPorts(sqlite3 *db, int limit, const std::atomic_bool *cancel)
{
    // This index holds the ports below the ephemeral range: the services.
    auto top = topValues<std::int64_t>(limit, std::less<std::int64_t>());
    forEachKeyBlockCount(db, kPortPostings, "block_port", cancel,
                         [&](const IndexKey &key, std::int64_t blocks) { top.add(blocks, key.integer); });
    QStringList out;
    for (std::int64_t port : top.take())
        out << QString::number(port);
    return out;
}

// Interface contexts are few (one per ENI and its tags), their blocks many:
// the blocks are counted once per context, then summed per field value.
std::map<Field, QStringList> topInterfaceValues(sqlite3 *db, int limit, const std::atomic_bool *cancel)
{
    std::unordered_map<std::int64_t, std::int64_t> blocksOfContext;
    if (!forEachKeyBlockCount(db, kInterfacePostings, "block_interface", cancel,
                              [&](const IndexKey &key, std::int64_t blocks) { blocksOfContext[key.integer] = blocks; }))
        return {};
    std::string sql = "SELECT id";
    for (const char *column : kInterfaceColumns)
        sql += std::string(", ") + column;
    sql += " FROM interface";
    std::array<std::unordered_map<std::int64_t, std::int64_t>, kInterfaceFields.size()> blocksOfValue;
    Statement contexts(db, sql);
    while (contexts.step()) {
        const auto found = blocksOfContext.find(contexts.int64(0));
        const std::int64_t blocks = found == blocksOfContext.end() ? 0 : found->second;
        for (std::size_t i = 0; i < kInterfaceFields.size(); ++i)
            if (!contexts.isNull(static_cast<int>(i) + 1) && contexts.int64(static_cast<int>(i) + 1) != 0)
                blocksOfValue[i][contexts.int64(static_cast<int>(i) + 1)] += blocks;
    }
    std::map<Field, QStringList> out;
    Statement lookup(db, "SELECT value FROM dictionary WHERE id = ?");
    for (std::size_t i = 0; i < kInterfaceFields.size(); ++i) {
        auto top = topValues<std::int64_t>(limit, std::less<std::int64_t>());
        for (const auto &[id, blocks] : blocksOfValue[i])
            top.add(blocks, id);
        QStringList values;
        for (std::int64_t id : top.take()) {
            lookup.bind(1, id);
            if (lookup.step())
                values << QString::fromStdString(lookup.text(0));
            lookup.reset();
        }
        if (!values.isEmpty())
            out.emplace(kInterfaceFields[i], std::move(values));
    }
    return out;
}

} // namespace

QStringList CaseValues::textValues(Field field) const
{
    const auto found = text.find(field);
    return found == text.end() ? QStringList() : found->second;
}

CaseValues loadCaseValues(CaseDb &caseDb, int limit, const std::atomic_bool *cancel)
{
    CaseValues values;
    sqlite3 *db = caseDb.handle();
    values.text = topInterfaceValues(db, limit, cancel);
    if (!cancelled(cancel))
        values.ports = topPorts(db, limit, cancel);
    if (!cancelled(cancel))
        values.addresses = topAddresses(db, limit, cancel);
    return values;
}

QFuture<CaseValues> loadCaseValuesAsync(const QString &casePath, int limit, std::shared_ptr<std::atomic_bool> cancel)
{
    return QtConcurrent::run(lookupPool(), [casePath, limit, cancel]() -> CaseValues {
        if (casePath.isEmpty())
            return {};
        try {
            auto caseDb = openForBackgroundReads(casePath.toStdString());
            // A GROUP BY that sorts yields its first row only at the end: stop inside it too.
            const QueryInterrupt interrupt(*caseDb, [cancel] { return cancel && cancel->load(); });
            return loadCaseValues(*caseDb, limit, cancel.get());
        } catch (const std::exception &) {
            // Completion is a convenience: a case that cannot be read offers nothing.
            return {};
        }
    });
}

} // namespace flowscope
