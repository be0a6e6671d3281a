// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_selection.h"

#include "filter_values.h"
#include "ioc_indicators.h"
#include "store/block_codec.h"
#include "store/case_db.h"
#include "store/ephemeral_port_index.h"
#include "store/sqlite_handle.h"
#include "store/stored_address.h"

#include <algorithm>
#include <iterator>
#include <map>

namespace flowscope {

namespace {

using Blocks = std::optional<std::vector<std::int64_t>>; // nothing: all blocks

// Ports from here up are in ephemeral_port_block (see ephemeral_port_index.h).
constexpr std::uint64_t kFirstEphemeral = kFirstEphemeralPort;

// ---- Planning: the filter tree to a tree of set operations over SQL leaves.

BlockPlan allBlocks() { return {}; }

BlockPlan query(const char *sql, std::vector<BlockSqlParameter> parameters = {})
{
    BlockPlan plan;
    plan.kind = BlockPlan::Kind::Query;
    plan.sql = sql;
    plan.parameters = std::move(parameters);
    return plan;
}

// A leaf over a table of chunk sets, with the statement for older cases.
BlockPlan chunkSets(const char *table, const char *sql, const char *legacySql, std::vector<BlockSqlParameter> parameters)
{
    BlockPlan plan = query(sql, std::move(parameters));
    plan.kind = BlockPlan::Kind::ChunkSets;
    plan.table = table;
    plan.legacySql = legacySql;
    return plan;
}

BlockSqlParameter integerParameter(std::int64_t value, std::string meaning = {})
{
    return {BlockSqlParameter::Kind::Integer, value, {}, std::move(meaning)};
}

// Parts that cannot narrow drop out of an intersection; nested ones flatten.
BlockPlan intersect(std::vector<BlockPlan> parts)
{
    BlockPlan plan;
    plan.kind = BlockPlan::Kind::Intersect;
    for (BlockPlan &part : parts) {
        if (part.kind == BlockPlan::Kind::AllBlocks)
            continue;
        if (part.kind == BlockPlan::Kind::Intersect)
            std::move(part.children.begin(), part.children.end(), std::back_inserter(plan.children));
        else
            plan.children.push_back(std::move(part));
    }
    if (plan.children.empty())
        return allBlocks();
    if (plan.children.size() == 1)
        return std::move(plan.children.front());
    return plan;
}

// One part that cannot narrow makes the whole union every block.
BlockPlan unite(std::vector<BlockPlan> parts)
{
    BlockPlan plan;
    plan.kind = BlockPlan::Kind::Union;
    for (BlockPlan &part : parts) {
        if (part.kind == BlockPlan::Kind::AllBlocks)
            return allBlocks();
        if (part.kind == BlockPlan::Kind::Union)
            std::move(part.children.begin(), part.children.end(), std::back_inserter(plan.children));
        else
            plan.children.push_back(std::move(part));
    }
    if (plan.children.empty())
        return allBlocks();
    if (plan.children.size() == 1)
        return std::move(plan.children.front());
    return plan;
}

bool isPortTarget(const FilterTarget &t)
{
    return t.kind == FilterTargetKind::AnyPort
        || (t.kind == FilterTargetKind::Field && (t.field == Field::SrcPort || t.field == Field::DstPort));
}

class Planner {
public:
    BlockPlan plan(const FilterNode &node)
    {
        return std::visit([this](const auto &n) { return planNode(n); }, node.node);
    }

private:
    template <typename Node>
    BlockPlan planNode(const Node &) { return allBlocks(); } // cannot narrow

    BlockPlan planNode(const AndNode &n)
    {
        std::vector<BlockPlan> parts;
        for (const auto &child : n.children)
            parts.push_back(plan(*child));
        return intersect(std::move(parts));
    }

    BlockPlan planNode(const OrNode &n)
    {
        std::vector<BlockPlan> parts;
        for (const auto &child : n.children)
            parts.push_back(plan(*child));
        return unite(std::move(parts));
    }

    BlockPlan planNode(const CompareNode &n)
    {
        const FilterValue &v = n.value;
        if (n.target.kind == FilterTargetKind::TimeSpan
            || (n.target.kind == FilterTargetKind::Field && (n.target.field == Field::Start || n.target.field == Field::End)))
            return timeBlocks(n);
        if (n.op != CompareOp::Eq)
            return allBlocks();
        if (v.kind == ValueKind::Address)
            return addressBlocks({v.address});
        if (isPortTarget(n.target) && v.kind == ValueKind::Integer)
            return portBlocks({{v.integer, v.integer}});
        if (n.target.kind == FilterTargetKind::Field && n.target.field == Field::InterfaceId && v.kind == ValueKind::Text)
            return chunkSets("interface_block",
                             "SELECT b.chunk, b.blocks FROM interface_block b JOIN interface i ON i.id = b.interface"
                             " JOIN dictionary d ON d.id = i.interface_id WHERE d.value = ?",
                             "SELECT b.block FROM block_interface b JOIN interface i ON i.id = b.interface"
                             " JOIN dictionary d ON d.id = i.interface_id WHERE d.value = ?",
                             {{BlockSqlParameter::Kind::Text, 0, v.text, {}}});
        if (n.target.kind == FilterTargetKind::Field && n.target.field == Field::Action && v.kind == ValueKind::Name
            && v.integer == 1)
            return query("SELECT id FROM flow_block WHERE rejects > 0");
        return allBlocks();
    }

    // The blocks holding the records named (block = id >> 12); `!=` cannot narrow.
    BlockPlan planNode(const RecordMarkNode &n)
    {
        if (n.test == AttributeTest::NotEquals)
            return allBlocks();
        BlockPlan plan;
        plan.kind = BlockPlan::Kind::Listed;
        for (const std::int64_t record : n.records)
            plan.blocks.push_back(record >> kBlockShift);
        plan.blocks.erase(std::unique(plan.blocks.begin(), plan.blocks.end()), plan.blocks.end()); // ids sorted
        return plan;
    }

    // The blocks of the node's interfaces; `!=` cannot narrow.
    BlockPlan planNode(const InterfaceAttributeNode &n)
    {
        if (n.test == AttributeTest::NotEquals)
            return allBlocks();
        if (n.interfaceIds.empty())
            return query("SELECT id FROM flow_block WHERE 0");
        std::string marks;
        std::vector<BlockSqlParameter> ids;
        for (const std::string &id : n.interfaceIds) {
            marks += marks.empty() ? "?" : ", ?";
            ids.push_back({BlockSqlParameter::Kind::Text, 0, id, {}});
        }
        BlockPlan plan = chunkSets("interface_block", "", "", std::move(ids));
        plan.sql = "SELECT b.chunk, b.blocks FROM interface_block b JOIN interface i ON i.id = b.interface"
                   " JOIN dictionary d ON d.id = i.interface_id WHERE d.value IN (" + marks + ")";
        plan.legacySql = "SELECT b.block FROM block_interface b JOIN interface i ON i.id = b.interface"
                         " JOIN dictionary d ON d.id = i.interface_id WHERE d.value IN (" + marks + ")";
        return plan;
    }

    // The list's indicators, whatever their ports: the ranges they cover.
    BlockPlan planNode(const IocListNode &n)
    {
        if (!n.indicators)
            return allBlocks();
        if (n.indicators->empty())
            return query("SELECT id FROM flow_block WHERE 0");
        BlockPlan plan;
        plan.kind = BlockPlan::Kind::AddressRanges;
        plan.table = "address_block";
        plan.sql = "SELECT chunk, blocks FROM address_block WHERE address BETWEEN ? AND ?";
        plan.legacySql = "SELECT block FROM block_address WHERE address BETWEEN ? AND ?";
        plan.addresses = n.indicators->coveredRanges();
        return plan;
    }

    BlockPlan planNode(const InSetNode &n)
    {
        if (!n.addresses.empty())
            return addressBlocks(n.addresses);
        if (isPortTarget(n.target))
            return portBlocks(n.integers);
        return allBlocks();
    }

    static BlockPlan addressBlocks(const std::vector<AddressRange> &ranges)
    {
        std::vector<BlockPlan> parts;
        for (const AddressRange &range : ranges) {
            std::vector<BlockSqlParameter> bounds = addressBounds(range);
            parts.push_back(chunkSets("address_block", "SELECT chunk, blocks FROM address_block WHERE address BETWEEN ? AND ?",
                                      "SELECT block FROM block_address WHERE address BETWEEN ? AND ?",
                                      std::move(bounds)));
        }
        return unite(std::move(parts));
    }

    // Ports below 32768 from block_port, higher ones from the ephemeral port
    // index; both hold a port whichever side of a record it is on.
    static BlockPlan portBlocks(const std::vector<IntegerRange> &ranges)
    {
        std::vector<BlockPlan> parts;
        for (const IntegerRange &range : ranges) {
            if (range.lo < kFirstEphemeral)
                parts.push_back(chunkSets("port_block", "SELECT chunk, blocks FROM port_block WHERE port BETWEEN ? AND ?",
                                          "SELECT block FROM block_port WHERE port BETWEEN ? AND ?",
                                          {integerParameter(static_cast<std::int64_t>(range.lo)),
                                           integerParameter(static_cast<std::int64_t>(
                                               std::min(range.hi, kFirstEphemeral - 1)))}));
            if (range.hi >= kFirstEphemeral) {
                const IntegerRange ephemeral{std::max(range.lo, kFirstEphemeral),
                                             std::min<std::uint64_t>(range.hi, 65535)};
                BlockPlan plan = query("SELECT chunk, blocks FROM ephemeral_port_block WHERE port BETWEEN ? AND ?",
                                       {integerParameter(static_cast<std::int64_t>(ephemeral.lo)),
                                        integerParameter(static_cast<std::int64_t>(ephemeral.hi))});
                plan.kind = BlockPlan::Kind::EphemeralPorts;
                plan.ports = {ephemeral};
                parts.push_back(std::move(plan));
            }
        }
        return unite(std::move(parts));
    }

    static BlockPlan timeBlocks(const CompareNode &n)
    {
        const std::int64_t t = n.value.kind == ValueKind::Time ? n.value.time : static_cast<std::int64_t>(n.value.integer);
        const bool span = n.target.kind == FilterTargetKind::TimeSpan;
        const bool onEnd = !span && n.target.field == Field::End;
        // What a block's bounds must allow for any of its records to match.
        const char *sql = nullptr;
        switch (n.op) {
        case CompareOp::Eq:
            sql = span ? "SELECT id FROM flow_block WHERE start_min <= ?1 AND end_max >= ?1"
                : onEnd ? "SELECT id FROM flow_block WHERE end_max >= ?1"
                        : "SELECT id FROM flow_block WHERE start_min <= ?1 AND start_max >= ?1";
            break;
        case CompareOp::Gt:
        case CompareOp::Ge:
            sql = span || onEnd ? "SELECT id FROM flow_block WHERE end_max >= ?1" : "SELECT id FROM flow_block WHERE start_max >= ?1";
            break;
        case CompareOp::Lt:
        case CompareOp::Le:
            // A record's start is at or before its end, so start_min bounds both.
            sql = "SELECT id FROM flow_block WHERE start_min <= ?1";
            break;
        case CompareOp::Ne: return allBlocks();
        }
        return query(sql, {integerParameter(t, t >= 0 ? formatFilterTime(t) : std::string())});
    }
};

// ---- Running a plan against a case.

} // namespace

std::vector<BlockSqlParameter> addressBounds(const AddressRange &range)
{
    std::vector<BlockSqlParameter> bounds;
    for (const IpAddress &a : {range.lo, range.hi}) {
        if (a.isV4())
            bounds.push_back({BlockSqlParameter::Kind::Integer, storedIpv4(a.v4()), {}, a.toString()});
        else
            bounds.push_back({BlockSqlParameter::Kind::Blob, 0,
                              std::string(reinterpret_cast<const char *>(a.bytes.data()), 16), a.toString()});
    }
    return bounds;
}

namespace {

std::vector<std::int64_t> sortedUnique(std::vector<std::int64_t> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

class Runner {
public:
    explicit Runner(CaseDb &caseDb)
        : m_db(caseDb.handle())
    {
    }

    Blocks run(const BlockPlan &plan)
    {
        switch (plan.kind) {
        case BlockPlan::Kind::AllBlocks: return std::nullopt;
        case BlockPlan::Kind::Intersect: return intersection(plan.children);
        case BlockPlan::Kind::Union: return unionOf(plan.children);
        case BlockPlan::Kind::Query: return queryBlocks(plan);
        case BlockPlan::Kind::EphemeralPorts: return ephemeralBlocks(plan);
        case BlockPlan::Kind::ChunkSets: return chunkSetBlocks(plan);
        case BlockPlan::Kind::AddressRanges: return addressRangeBlocks(plan);
        case BlockPlan::Kind::Listed: return plan.blocks;
        }
        return std::nullopt;
    }

private:
    Blocks intersection(const std::vector<BlockPlan> &parts)
    {
        Blocks result;
        for (const BlockPlan &child : parts) {
            Blocks part = run(child);
            if (!part)
                continue;
            if (!result) {
                result = std::move(part);
                continue;
            }
            std::vector<std::int64_t> both;
            std::set_intersection(result->begin(), result->end(), part->begin(), part->end(), std::back_inserter(both));
            result = std::move(both);
        }
        return result;
    }

    Blocks unionOf(const std::vector<BlockPlan> &parts)
    {
        std::vector<std::int64_t> all;
        for (const BlockPlan &child : parts) {
            Blocks part = run(child);
            if (!part)
                return std::nullopt;
            all.insert(all.end(), part->begin(), part->end());
        }
        return sortedUnique(std::move(all));
    }

    Blocks queryBlocks(const BlockPlan &plan) { return queryBlocks(plan.sql, plan.parameters); }

    Blocks queryBlocks(const std::string &sql, const std::vector<BlockSqlParameter> &parameters)
    {
        Statement statement(m_db, sql.c_str());
        bindAll(statement, parameters);
        std::vector<std::int64_t> out;
        while (statement.step())
            out.push_back(statement.int64(0));
        return sortedUnique(std::move(out));
    }

    static void bindAll(Statement &statement, const std::vector<BlockSqlParameter> &parameters)
    {
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            const BlockSqlParameter &p = parameters[i];
            const int index = static_cast<int>(i) + 1;
            switch (p.kind) {
            case BlockSqlParameter::Kind::Integer: statement.bind(index, p.integer); break;
            case BlockSqlParameter::Kind::Text: statement.bind(index, std::string_view(p.bytes)); break;
            case BlockSqlParameter::Kind::Blob:
                statement.bindBlobStatic(index, p.bytes.data(), static_cast<int>(p.bytes.size()));
                break;
            }
        }
    }

    Blocks chunkSetBlocks(const BlockPlan &plan)
    {
        if (!hasTable(plan.table))
            return queryBlocks(plan.legacySql, plan.parameters);
        Statement rows(m_db, plan.sql.c_str());
        bindAll(rows, plan.parameters);
        return blocksOfChunkRows(rows);
    }

    // One statement for every range: a list of 100,000 blocks costs one
    // prepare and 100,000 index range scans.
    Blocks addressRangeBlocks(const BlockPlan &plan)
    {
        const bool legacy = !hasTable(plan.table);
        Statement rows(m_db, (legacy ? plan.legacySql : plan.sql).c_str());
        std::map<std::int64_t, ChunkBlocks> chunks;
        std::vector<std::int64_t> legacyBlocks;
        for (const AddressRange &range : plan.addresses) {
            const std::vector<BlockSqlParameter> bounds = addressBounds(range); // bound without a copy
            bindAll(rows, bounds);
            while (rows.step()) {
                if (legacy) {
                    legacyBlocks.push_back(rows.int64(0));
                    continue;
                }
                auto [it, added] = chunks.try_emplace(rows.int64(0));
                if (added)
                    it->second.fill(0);
                addStoredChunkBlocks(rows.blob(1), it->second);
            }
            rows.reset();
        }
        if (legacy)
            return sortedUnique(std::move(legacyBlocks));
        std::vector<std::int64_t> out;
        for (const auto &[chunk, blocks] : chunks)
            forEachBlockIn(chunk, blocks, [&](std::int64_t block) { out.push_back(block); });
        return out;
    }

    // Rows of (chunk, blocks): rows of many keys may name the same chunk,
    // so their sets join first.
    static std::vector<std::int64_t> blocksOfChunkRows(Statement &rows)
    {
        std::map<std::int64_t, ChunkBlocks> chunks;
        while (rows.step()) {
            auto [it, added] = chunks.try_emplace(rows.int64(0));
            if (added)
                it->second.fill(0);
            addStoredChunkBlocks(rows.blob(1), it->second);
        }
        std::vector<std::int64_t> out;
        for (const auto &[chunk, blocks] : chunks)
            forEachBlockIn(chunk, blocks, [&](std::int64_t block) { out.push_back(block); });
        return out; // chunks in order, blocks in order within each
    }

    bool hasTable(const std::string &name)
    {
        const auto known = m_tables.find(name);
        if (known != m_tables.end())
            return known->second;
        Statement statement(m_db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?");
        statement.bind(1, std::string_view(name));
        statement.step();
        return m_tables[name] = statement.int64(0) > 0;
    }

    Blocks ephemeralBlocks(const BlockPlan &plan)
    {
        if (!hasTable("ephemeral_port_block"))
            return ephemeralGroupBlocks(plan.ports);
        Statement rows(m_db, plan.sql.c_str());
        bindAll(rows, plan.parameters);
        return blocksOfChunkRows(rows);
    }

    // A case of format 2: the blocks whose bitmap of ephemeral port groups
    // (eight ports a bit) has a group that meets one of the ranges.
    Blocks ephemeralGroupBlocks(const std::vector<IntegerRange> &ranges)
    {
        std::vector<std::int64_t> out;
        Statement blocks(m_db, "SELECT id, ephemeral_ports FROM flow_block");
        while (blocks.step()) {
            const std::string_view bitmap = blocks.blob(1);
            auto hasGroup = [&](std::uint64_t group) {
                return (group >> 3) < bitmap.size() && (static_cast<unsigned char>(bitmap[group >> 3]) >> (group & 7)) & 1U;
            };
            for (const IntegerRange &range : ranges) {
                const std::uint64_t first = (std::max(range.lo, kFirstEphemeral) - kFirstEphemeral) >> 3;
                const std::uint64_t last = (std::min<std::uint64_t>(range.hi, 65535) - kFirstEphemeral) >> 3;
                bool any = false;
                for (std::uint64_t g = first; g <= last && !any; ++g)
                    any = hasGroup(g);
                if (any) {
                    out.push_back(blocks.int64(0));
                    break;
                }
            }
        }
        return sortedUnique(std::move(out));
    }

    sqlite3 *m_db;
    std::map<std::string, bool> m_tables;
};

// ---- Describing a plan.

std::string describeValue(const BlockSqlParameter &p)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    switch (p.kind) {
    case BlockSqlParameter::Kind::Integer: out = std::to_string(p.integer); break;
    case BlockSqlParameter::Kind::Text:
        // Double-quoted with escapes, so what was bound is unambiguous even
        // when it looks like SQL.
        out = "\"";
        for (const char c : p.bytes) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (u < 0x20 || u == 0x7f) {
                out += "\\x";
                out += kHex[u >> 4];
                out += kHex[u & 15];
            } else {
                out += c;
            }
        }
        out += '"';
        break;
    case BlockSqlParameter::Kind::Blob:
        out = "x'";
        for (const char c : p.bytes) {
            out += kHex[static_cast<unsigned char>(c) >> 4];
            out += kHex[static_cast<unsigned char>(c) & 15];
        }
        out += '\'';
        break;
    }
    if (!p.meaning.empty())
        out += " (" + p.meaning + ")";
    return out;
}

std::string portList(const std::vector<IntegerRange> &ranges)
{
    std::string out;
    for (const IntegerRange &r : ranges) {
        if (!out.empty())
            out += ", ";
        out += std::to_string(r.lo);
        if (r.hi != r.lo)
            out += ".." + std::to_string(r.hi);
    }
    return out;
}

void describe(const BlockPlan &plan, std::size_t indent, std::string &out)
{
    const std::string pad(indent, ' ');
    switch (plan.kind) {
    case BlockPlan::Kind::AllBlocks: out += pad + "every block\n"; return;
    case BlockPlan::Kind::Listed:
        out += pad + "the " + std::to_string(plan.blocks.size()) + " blocks of the records named by id\n";
        return;
    case BlockPlan::Kind::Intersect:
    case BlockPlan::Kind::Union:
        out += pad + (plan.kind == BlockPlan::Kind::Intersect ? "blocks in all of:\n" : "blocks in any of:\n");
        for (const BlockPlan &child : plan.children)
            describe(child, indent + 2, out);
        return;
    case BlockPlan::Kind::Query:
    case BlockPlan::Kind::EphemeralPorts:
    case BlockPlan::Kind::ChunkSets:
        out += pad + plan.sql + '\n';
        for (std::size_t i = 0; i < plan.parameters.size(); ++i)
            out += pad + "  ?" + std::to_string(i + 1) + " = " + describeValue(plan.parameters[i]) + '\n';
        if (plan.kind == BlockPlan::Kind::EphemeralPorts)
            out += pad + "  keeping the blocks each row lists (format 2 read-only: blocks whose port-group bitmap has "
                + portList(plan.ports) + ")\n";
        if (plan.kind == BlockPlan::Kind::ChunkSets)
            out += pad + "  keeping the blocks each row lists\n";
        return;
    case BlockPlan::Kind::AddressRanges:
        out += pad + plan.sql + '\n';
        out += pad + "  run for each of the " + std::to_string(plan.addresses.size())
            + " address ranges the IOC list covers, keeping the blocks each row lists\n";
        return;
    }
}

} // namespace

BlockPlan planBlockSelection(const FilterNode &filter) { return Planner().plan(filter); }

std::optional<std::vector<std::int64_t>> runBlockPlan(CaseDb &caseDb, const BlockPlan &plan)
{
    return Runner(caseDb).run(plan);
}

std::string describeBlockPlan(const BlockPlan &plan)
{
    if (plan.kind == BlockPlan::Kind::AllBlocks)
        return "index preselection: none, the filter cannot narrow blocks (every block is scanned)\n";
    std::string out = "index preselection:\n";
    describe(plan, 2, out);
    return out;
}

std::string describeBlockSelection(const FilterNode &filter) { return describeBlockPlan(planBlockSelection(filter)); }

std::optional<std::vector<std::int64_t>> selectBlocks(CaseDb &caseDb, const FilterNode &filter)
{
    return runBlockPlan(caseDb, planBlockSelection(filter));
}

} // namespace flowscope
