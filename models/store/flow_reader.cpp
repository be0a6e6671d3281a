// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_reader.h"

#include "case_db.h"
#include "dictionaries.h"
#include "format/flow_record.h"
#include "sqlite_handle.h"
#include "stored_address.h"

#include <algorithm>

namespace flowscope {

namespace {

constexpr const char *kSelectColumns =
    "SELECT id, start, end_delta, action, src, dst, src_port, dst_port, protocol, packets, bytes, interface,"
    " log_status, tcp_flags, type, direction, traffic_path, pkt_src, pkt_dst, pkt_src_service, pkt_dst_service,"
    " reject_reason, version, encryption_status FROM flow";

struct FileSpan {
    std::int64_t rowBase;
    std::int64_t rowLast;
    std::string path;
};

} // namespace

class FlowReader::Decoder {
public:
    explicit Decoder(sqlite3 *db)
    {
        m_strings.load(db);
        m_interfaces.load(db, m_strings);
        Statement files(db, "SELECT row_base, row_last, path FROM source_file ORDER BY row_base");
        while (files.step())
            m_files.push_back({files.int64(0), files.int64(1), files.text(2)});
    }

    void decode(const Statement &s, FlowRow &row) const
    {
        row.values.fill(std::monostate{});
        row.id = s.int64(0);
        auto setInt = [&](Field f, int column) {
            if (!s.isNull(column))
                row.values[static_cast<std::size_t>(f)] = s.int64(column);
        };
        auto setText = [&](Field f, std::uint32_t id) {
            if (id != 0)
                row.values[static_cast<std::size_t>(f)] = m_strings.value(id);
        };
        auto setAddress = [&](Field f, int column) {
            if (s.columnType(column) == SQLITE_INTEGER)
                row.values[static_cast<std::size_t>(f)] = ipv4FromStored(s.int64(column)).toString();
            else if (s.columnType(column) == SQLITE_BLOB)
                if (const auto address = ipv6FromStored(s.blob(column)))
                    row.values[static_cast<std::size_t>(f)] = address->toString();
        };
        auto setEnum = [&](Field f, int column, auto name) {
            if (!s.isNull(column))
                row.values[static_cast<std::size_t>(f)] = std::string(name(s.int64(column)));
        };
        setInt(Field::Start, 1);
        if (!s.isNull(2))
            row.values[static_cast<std::size_t>(Field::End)] = s.isNull(1) ? s.int64(2) : s.int64(1) + s.int64(2);
        setEnum(Field::Action, 3, [](std::int64_t v) { return actionName(static_cast<Action>(v)); });
        setAddress(Field::SrcAddr, 4);
        setAddress(Field::DstAddr, 5);
        setInt(Field::SrcPort, 6);
        setInt(Field::DstPort, 7);
        setInt(Field::Protocol, 8);
        setInt(Field::Packets, 9);
        setInt(Field::Bytes, 10);
        if (!s.isNull(11)) {
            const auto interface = static_cast<std::uint32_t>(s.int64(11));
            if (interface >= 1 && interface <= m_interfaces.size()) {
                const InterfaceKey &key = m_interfaces.key(interface);
                for (std::size_t i = 0; i < kInterfaceFields.size(); ++i)
                    setText(kInterfaceFields[i], key[i]);
            }
        }
        setEnum(Field::LogStatus, 12, [](std::int64_t v) { return logStatusName(static_cast<LogStatus>(v)); });
        setInt(Field::TcpFlags, 13);
        setEnum(Field::Type, 14, [](std::int64_t v) { return trafficTypeName(static_cast<TrafficType>(v)); });
        setEnum(Field::FlowDirection, 15, [](std::int64_t v) { return flowDirectionName(static_cast<FlowDirection>(v)); });
        setInt(Field::TrafficPath, 16);
        setAddress(Field::PktSrcAddr, 17);
        setAddress(Field::PktDstAddr, 18);
        setText(Field::PktSrcAwsService, static_cast<std::uint32_t>(s.int64(19)));
        setText(Field::PktDstAwsService, static_cast<std::uint32_t>(s.int64(20)));
        setText(Field::RejectReason, static_cast<std::uint32_t>(s.int64(21)));
        setInt(Field::Version, 22);
        setInt(Field::EncryptionStatus, 23);

        // Provenance: the file whose id range holds this record.
        const auto it = std::upper_bound(m_files.begin(), m_files.end(), row.id,
                                         [](std::int64_t id, const FileSpan &span) { return id < span.rowBase; });
        if (it != m_files.begin() && row.id <= std::prev(it)->rowLast) {
            row.file = std::prev(it)->path;
            row.line = static_cast<std::uint64_t>(row.id - std::prev(it)->rowBase);
        } else {
            row.file.clear();
            row.line = 0;
        }
    }

private:
    StringDictionary m_strings;
    InterfaceDictionary m_interfaces;
    std::vector<FileSpan> m_files;
};

FlowReader::FlowReader(CaseDb &caseDb)
    : m_decoder(std::make_unique<Decoder>(caseDb.handle()))
    , m_case(caseDb)
{
}

FlowReader::~FlowReader() = default;

void FlowReader::forEachInTimeOrder(std::int64_t limit, const std::function<bool(const FlowRow &)> &fn)
{
    Statement statement(m_case.handle(), std::string(kSelectColumns) + " ORDER BY start, id LIMIT ?");
    statement.bind(1, limit);
    FlowRow row;
    while (statement.step()) {
        m_decoder->decode(statement, row);
        if (!fn(row))
            break;
    }
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
