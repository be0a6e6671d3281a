// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_writer.h"

#include "stored_address.h"

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

constexpr const char *kInsertFlowSql =
    "INSERT INTO flow(id, start, end_delta, action, src, dst, src_port, dst_port, protocol, packets, bytes,"
    " interface, log_status, tcp_flags, type, direction, traffic_path, pkt_src, pkt_dst, pkt_src_service,"
    " pkt_dst_service, reject_reason, version, encryption_status)"
    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

constexpr const char *kFileColumns =
    "path, size, sha256, delivery, log_format, records, errors, truncated, first_start, last_end, max_duration,"
    " imported_at, row_base, row_last";

} // namespace

FlowWriter::FlowWriter(sqlite3 *db)
    : m_db(db)
    , m_insertFlow(db, kInsertFlowSql)
    , m_insertString(db, "INSERT INTO dictionary(id, value) VALUES(?, ?)")
    , m_insertInterface(db, interfaceInsertSql())
    , m_insertError(db, "INSERT INTO import_error(file_id, path, line, reason, logged_at)"
                        " VALUES(?, ?, ?, ?, strftime('%s','now'))")
    , m_upsertRollup(db, "INSERT INTO rollup_minute(minute, interface, action, log_status, flows, packets, bytes)"
                         " VALUES(?,?,?,?,?,?,?) ON CONFLICT DO UPDATE SET flows = flows + excluded.flows,"
                         " packets = packets + excluded.packets, bytes = bytes + excluded.bytes")
{
}

std::int64_t FlowWriter::nextRowBase()
{
    const std::int64_t lastFile = queryInt(m_db, "SELECT max(row_last) FROM source_file", 0);
    const std::int64_t lastFlow = queryInt(m_db, "SELECT max(id) FROM flow", 0);
    return std::max(lastFile, lastFlow) + 1;
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
    statement.bind(13, row.rowBase);
    statement.bind(14, row.rowLast);
}

std::int64_t FlowWriter::insertFile(const SourceFileRow &row)
{
    Statement statement(m_db, std::string("INSERT INTO source_file(") + kFileColumns
                                  + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    bindFile(statement, row);
    statement.exec();
    return sqlite3_last_insert_rowid(m_db);
}

void FlowWriter::updateFile(std::int64_t fileId, const SourceFileRow &row)
{
    Statement statement(m_db, "UPDATE source_file SET path=?, size=?, sha256=?, delivery=?, log_format=?, records=?,"
                              " errors=?, truncated=?, first_start=?, last_end=?, max_duration=?, imported_at=?,"
                              " row_base=?, row_last=? WHERE id=?");
    bindFile(statement, row);
    statement.bind(15, fileId);
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

void FlowWriter::bindAddress(int index, bool present, const IpAddress &address)
{
    if (!present)
        m_insertFlow.bindNull(index);
    else if (address.isV4())
        m_insertFlow.bind(index, storedIpv4(address.v4()));
    else
        m_insertFlow.bindBlobStatic(index, address.bytes.data(), 16);
}

void FlowWriter::insertFlows(const std::vector<EncodedFlow> &flows, std::int64_t rowBase)
{
    Statement &s = m_insertFlow;
    for (const EncodedFlow &f : flows) {
        const bool hasStart = f.has(Field::Start);
        const bool hasEnd = f.has(Field::End);
        s.bind(1, rowBase + static_cast<std::int64_t>(f.line));
        s.bindOptional(2, hasStart, f.start);
        // end is stored as its distance from start (small), or whole without a start.
        s.bindOptional(3, hasEnd, hasStart ? f.end - f.start : f.end);
        s.bindOptional(4, f.has(Field::Action), static_cast<std::int64_t>(f.action));
        bindAddress(5, f.has(Field::SrcAddr), f.srcAddr);
        bindAddress(6, f.has(Field::DstAddr), f.dstAddr);
        s.bindOptional(7, f.has(Field::SrcPort), f.srcPort);
        s.bindOptional(8, f.has(Field::DstPort), f.dstPort);
        s.bindOptional(9, f.has(Field::Protocol), f.protocol);
        s.bindOptional(10, f.has(Field::Packets), static_cast<std::int64_t>(f.packets));
        s.bindOptional(11, f.has(Field::Bytes), static_cast<std::int64_t>(f.bytes));
        s.bindOptional(12, f.interface != 0, f.interface);
        s.bindOptional(13, f.has(Field::LogStatus), static_cast<std::int64_t>(f.logStatus));
        s.bindOptional(14, f.has(Field::TcpFlags), f.tcpFlags);
        s.bindOptional(15, f.has(Field::Type), static_cast<std::int64_t>(f.type));
        s.bindOptional(16, f.has(Field::FlowDirection), static_cast<std::int64_t>(f.direction));
        s.bindOptional(17, f.has(Field::TrafficPath), f.trafficPath);
        bindAddress(18, f.has(Field::PktSrcAddr), f.pktSrcAddr);
        bindAddress(19, f.has(Field::PktDstAddr), f.pktDstAddr);
        s.bindOptional(20, f.pktSrcService != 0, f.pktSrcService);
        s.bindOptional(21, f.pktDstService != 0, f.pktDstService);
        s.bindOptional(22, f.rejectReason != 0, f.rejectReason);
        s.bindOptional(23, f.has(Field::Version), f.version);
        s.bindOptional(24, f.has(Field::EncryptionStatus), f.encryptionStatus);
        s.exec();
    }
}

void FlowWriter::insertError(std::int64_t fileId, const std::string &path, std::uint64_t line, const std::string &reason)
{
    m_insertError.bindOptional(1, fileId != 0, fileId);
    m_insertError.bind(2, path);
    m_insertError.bindOptional(3, line != 0, static_cast<std::int64_t>(line));
    m_insertError.bind(4, reason);
    m_insertError.exec();
}

void FlowWriter::addRollup(const MinuteRollup &rollup)
{
    Statement &s = m_upsertRollup;
    for (const auto &[key, totals] : rollup.totals()) {
        s.bind(1, key.minute);
        s.bind(2, static_cast<std::int64_t>(key.interface));
        s.bind(3, key.action);
        s.bind(4, key.logStatus);
        s.bind(5, totals.flows);
        s.bind(6, totals.packets);
        s.bind(7, totals.bytes);
        s.exec();
    }
}

} // namespace flowscope
