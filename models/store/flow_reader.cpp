// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_reader.h"

#include "case_db.h"
#include "dictionaries.h"
#include "format/flow_record.h"
#include "sqlite_handle.h"
#include "block_codec.h"

#include <algorithm>
#include <queue>

namespace flowscope {

namespace {

// One block being merged: its records in block order, and the next one.
struct OpenBlock {
    std::int64_t id;
    std::string file;
    std::vector<EncodedFlow> rows;
    std::size_t next = 0;
    std::int64_t key() const { return sortStart(rows[next]); }
};

} // namespace

class FlowReader::Decoder {
public:
    explicit Decoder(sqlite3 *db)
    {
        m_strings.load(db);
        m_interfaces.load(db, m_strings);
    }

    void decode(const EncodedFlow &f, std::int64_t id, const std::string &file, FlowRow &row) const
    {
        row.values.fill(std::monostate{});
        row.id = id;
        row.file = file;
        row.line = f.line;
        auto set = [&](Field field, FieldValue value) {
            if (f.has(field))
                row.values[static_cast<std::size_t>(field)] = std::move(value);
        };
        auto setText = [&](Field field, std::uint32_t textId) {
            if (textId != 0)
                row.values[static_cast<std::size_t>(field)] = m_strings.value(textId);
        };
        set(Field::Version, std::int64_t(f.version));
        set(Field::SrcAddr, f.srcAddr.toString());
        set(Field::DstAddr, f.dstAddr.toString());
        set(Field::SrcPort, std::int64_t(f.srcPort));
        set(Field::DstPort, std::int64_t(f.dstPort));
        set(Field::Protocol, std::int64_t(f.protocol));
        set(Field::Packets, static_cast<std::int64_t>(f.packets));
        set(Field::Bytes, static_cast<std::int64_t>(f.bytes));
        set(Field::Start, f.start);
        set(Field::End, f.end);
        set(Field::Action, std::string(actionName(f.action)));
        set(Field::LogStatus, std::string(logStatusName(f.logStatus)));
        set(Field::TcpFlags, std::int64_t(f.tcpFlags));
        set(Field::Type, std::string(trafficTypeName(f.type)));
        set(Field::PktSrcAddr, f.pktSrcAddr.toString());
        set(Field::PktDstAddr, f.pktDstAddr.toString());
        set(Field::FlowDirection, std::string(flowDirectionName(f.direction)));
        set(Field::TrafficPath, std::int64_t(f.trafficPath));
        set(Field::EncryptionStatus, std::int64_t(f.encryptionStatus));
        if (f.interface >= 1 && f.interface <= m_interfaces.size()) {
            const InterfaceKey &key = m_interfaces.key(f.interface);
            for (std::size_t i = 0; i < kInterfaceFields.size(); ++i)
                setText(kInterfaceFields[i], key[i]);
        }
        setText(Field::PktSrcAwsService, f.pktSrcService);
        setText(Field::PktDstAwsService, f.pktDstService);
        setText(Field::RejectReason, f.rejectReason);
    }

private:
    StringDictionary m_strings;
    InterfaceDictionary m_interfaces;
};

FlowReader::FlowReader(CaseDb &caseDb)
    : m_decoder(std::make_unique<Decoder>(caseDb.handle()))
    , m_case(caseDb)
{
}

FlowReader::~FlowReader() = default;

void FlowReader::forEachInTimeOrder(std::int64_t limit, const std::function<bool(const FlowRow &)> &fn)
{
    // Each block is sorted by start: merge them, opening a block only when
    // the merge reaches its first start, so memory holds the overlapping
    // blocks and no more.
    Statement blocks(m_case.handle(), "SELECT b.id, coalesce(b.start_min, -9223372036854775808), f.path, b.data"
                                      " FROM flow_block b JOIN source_file f ON f.id = b.file_id"
                                      " ORDER BY b.start_min, b.id");
    auto later = [](const OpenBlock *a, const OpenBlock *b) {
        return a->key() != b->key() ? a->key() > b->key() : recordId(a->id, a->next) > recordId(b->id, b->next);
    };
    std::vector<std::unique_ptr<OpenBlock>> owned;
    std::priority_queue<OpenBlock *, std::vector<OpenBlock *>, decltype(later)> heap(later);
    bool moreBlocks = blocks.step();
    auto openNextBlock = [&] {
        auto block = std::make_unique<OpenBlock>();
        block->id = blocks.int64(0);
        block->file = blocks.text(2);
        block->rows = decodeBlock(blocks.blob(3));
        if (!block->rows.empty()) {
            heap.push(block.get());
            owned.push_back(std::move(block));
        }
        moreBlocks = blocks.step();
    };
    FlowRow row;
    std::int64_t emitted = 0;
    while (limit < 0 || emitted < limit) {
        if (heap.empty()) {
            if (!moreBlocks)
                break;
            openNextBlock();
            continue;
        }
        // A block not yet open may hold a smaller record only if it starts
        // no later than the smallest record at hand.
        while (moreBlocks && blocks.int64(1) <= heap.top()->key())
            openNextBlock();
        OpenBlock *top = heap.top();
        heap.pop();
        m_decoder->decode(top->rows[top->next], recordId(top->id, top->next), top->file, row);
        ++emitted;
        if (!fn(row))
            break;
        if (++top->next < top->rows.size()) {
            heap.push(top);
        } else {
            // Done with it: free its records.
            std::vector<EncodedFlow>().swap(top->rows);
        }
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
