// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_writer.h"


#include <algorithm>
#include <array>

namespace flowscope {

namespace {

std::string interfaceInsertSql()
{
    std::string columns = "id";
    std::string values = "?";
    for (Field f : kInterfaceFields) {
        std::string name(fieldInfo(f).name);
        for (char &c : name)
            if (c == '-')
                c = '_';
        columns += ", " + name;
        values += ", ?";
    }
    return "INSERT INTO interface(" + columns + ") VALUES(" + values + ")";
}

constexpr const char *kFileColumns =
    "path, size, sha256, delivery, log_format, records, errors, truncated, first_start, last_end, max_duration,"
    " imported_at, duplicate_records";

constexpr std::size_t kSortRun = 16 * kBlockCapacity; // about 10 MB of records

} // namespace

FlowWriter::FlowWriter(sqlite3 *db)
    : m_db(db)
    , m_insertBlock(db, "INSERT INTO flow_block(id, file_id, records, start_min, start_max, end_max, undated,"
                        " rejects, ephemeral_ports, data) VALUES(?,?,?,?,?,?,?,?,?,?)")
    , m_derived(db, {}, &m_buffers)
    , m_insertString(db, "INSERT INTO dictionary(id, value) VALUES(?, ?)")
    , m_insertInterface(db, interfaceInsertSql())
    , m_insertError(db, "INSERT INTO import_error(file_id, path, line, reason, logged_at)"
                        " VALUES(?, ?, ?, ?, strftime('%s','now'))")
{
}

bool FlowWriter::hasFileOfSize(std::uint64_t size)
{
    Statement statement(m_db, "SELECT 1 FROM source_file WHERE size = ? LIMIT 1");
    statement.bind(1, static_cast<std::int64_t>(size));
    return statement.step();
}

std::optional<std::string> FlowWriter::fileWithSha256(const std::string &sha256)
{
    Statement statement(m_db, "SELECT path FROM source_file WHERE sha256 = ?");
    statement.bind(1, sha256);
    if (statement.step())
        return statement.text(0);
    return std::nullopt;
}

void FlowWriter::bindFile(Statement &statement, const SourceFileRow &row)
{
    statement.bind(1, row.path);
    statement.bind(2, static_cast<std::int64_t>(row.size));
    statement.bind(3, row.sha256);
    statement.bind(4, row.delivery);
    statement.bind(5, row.logFormat);
    statement.bind(6, static_cast<std::int64_t>(row.records));
    statement.bind(7, static_cast<std::int64_t>(row.errors));
    statement.bind(8, row.truncated ? 1 : 0);
    statement.bindOptional(9, row.firstStart.has_value(), row.firstStart.value_or(0));
    statement.bindOptional(10, row.lastEnd.has_value(), row.lastEnd.value_or(0));
    statement.bindOptional(11, row.maxDuration.has_value(), row.maxDuration.value_or(0));
    statement.bind(12, row.importedAt);
    statement.bind(13, static_cast<std::int64_t>(row.duplicateRecords));
}

std::int64_t FlowWriter::insertFile(const SourceFileRow &row)
{
    Statement statement(m_db, std::string("INSERT INTO source_file(") + kFileColumns
                                  + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    bindFile(statement, row);
    statement.exec();
    return sqlite3_last_insert_rowid(m_db);
}

void FlowWriter::updateFile(std::int64_t fileId, const SourceFileRow &row)
{
    Statement statement(m_db, "UPDATE source_file SET path=?, size=?, sha256=?, delivery=?, log_format=?, records=?,"
                              " errors=?, truncated=?, first_start=?, last_end=?, max_duration=?, imported_at=?,"
                              " duplicate_records=? WHERE id=?");
    bindFile(statement, row);
    statement.bind(14, fileId);
    statement.exec();
}

void FlowWriter::insertStrings(const std::vector<std::pair<std::uint32_t, std::string>> &entries)
{
    for (const auto &[id, value] : entries) {
        m_insertString.bind(1, static_cast<std::int64_t>(id));
        m_insertString.bindStatic(2, value);
        m_insertString.exec();
    }
}

void FlowWriter::insertInterfaces(const std::vector<std::pair<std::uint32_t, InterfaceKey>> &entries)
{
    for (const auto &[id, key] : entries) {
        m_insertInterface.bind(1, static_cast<std::int64_t>(id));
        for (std::size_t i = 0; i < key.size(); ++i)
            m_insertInterface.bindOptional(static_cast<int>(i) + 2, key[i] != 0, key[i]);
        m_insertInterface.exec();
    }
}

void FlowWriter::addFlows(std::int64_t fileId, std::vector<EncodedFlow> &flows)
{
    if (flows.empty())
        return;
    m_pendingRecords += flows.size();
    m_pending.push_back(std::move(flows));
    flows.clear();
    if (m_pendingRecords >= kSortRun)
        writePending(fileId);
}

void FlowWriter::finishFlows(std::int64_t fileId)
{
    writePending(fileId);
    m_derived.flush();
    m_nextBlock = 0;
}

void FlowWriter::writePending(std::int64_t fileId)
{
    // Sorting a run of many blocks before cutting it makes its blocks cover
    // disjoint times: a time-ordered read then decodes few blocks at once.
    // Sorts small keys rather than whole records (lines are unique in a file,
    // so the order is total), then gathers each block.
    struct SortKey {
        std::int64_t key;
        std::uint64_t line;
        std::uint32_t batch;
        std::uint32_t index;
    };
    std::vector<SortKey> order;
    order.reserve(m_pendingRecords);
    for (std::size_t b = 0; b < m_pending.size(); ++b)
        for (std::size_t i = 0; i < m_pending[b].size(); ++i)
            order.push_back({sortStart(m_pending[b][i]), m_pending[b][i].line, static_cast<std::uint32_t>(b),
                             static_cast<std::uint32_t>(i)});
    std::sort(order.begin(), order.end(), [](const SortKey &a, const SortKey &b) {
        return a.key != b.key ? a.key < b.key : a.line < b.line;
    });
    for (std::size_t first = 0; first < order.size(); first += kBlockCapacity) {
        // The derived tables take each block's rows over and give the buffer back.
        std::vector<EncodedFlow> block = m_buffers.take(kBlockCapacity);
        const std::size_t last = std::min(first + kBlockCapacity, order.size());
        for (std::size_t i = first; i < last; ++i)
            block.push_back(m_pending[order[i].batch][order[i].index]);
        writeBlock(fileId, block);
    }
    for (std::vector<EncodedFlow> &batch : m_pending)
        m_buffers.give(std::move(batch));
    m_pending.clear();
    m_pendingRecords = 0;
}

void FlowWriter::discardFlows()
{
    m_pending.clear();
    m_pendingRecords = 0;
    m_derived.discard();
    m_nextBlock = 0;
}

void FlowWriter::writeBlock(std::int64_t fileId, std::vector<EncodedFlow> &rows)
{
    if (m_nextBlock == 0)
        m_nextBlock = queryInt(m_db, "SELECT max(id) FROM flow_block", 0) + 1;
    const std::int64_t block = m_nextBlock++;

    std::optional<std::int64_t> startMin, startMax, endMax;
    std::int64_t rejects = 0;
    std::int64_t undated = 0; // records without a start: they sort first
    for (const EncodedFlow &f : rows) {
        if (f.has(Field::Start)) {
            startMin = std::min(startMin.value_or(f.start), f.start);
            startMax = std::max(startMax.value_or(f.start), f.start);
        } else {
            ++undated;
        }
        if (f.has(Field::End))
            endMax = std::max(endMax.value_or(f.end), f.end);
        if (f.has(Field::Action) && f.action == Action::Reject)
            ++rejects;
    }
    const std::string data = encodeBlock(rows);

    Statement &s = m_insertBlock;
    s.bind(1, block);
    s.bind(2, fileId);
    s.bind(3, static_cast<std::int64_t>(rows.size()));
    s.bindOptional(4, startMin.has_value(), startMin.value_or(0));
    s.bindOptional(5, startMax.has_value(), startMax.value_or(0));
    s.bindOptional(6, endMax.has_value(), endMax.value_or(0));
    s.bind(7, undated);
    s.bind(8, rejects);
    // The bitmap of ephemeral port groups of format 2 cases: empty since
    // ephemeral_port_block replaced it.
    s.bindBlobStatic(9, "", 0);
    s.bindBlobStatic(10, data.data(), static_cast<int>(data.size()));
    s.exec();

    // The block indexes, rollups and coverage (see derived_tables.h), which
    // take the rows over.
    m_derived.addBlock(block, rows);
}

void FlowWriter::insertError(std::int64_t fileId, const std::string &path, std::uint64_t line, const std::string &reason)
{
    m_insertError.bindOptional(1, fileId != 0, fileId);
    m_insertError.bind(2, path);
    m_insertError.bindOptional(3, line != 0, static_cast<std::int64_t>(line));
    m_insertError.bind(4, reason);
    m_insertError.exec();
}

} // namespace flowscope
