// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_selection.h"

#include "store/case_db.h"
#include "store/sqlite_handle.h"
#include "store/stored_address.h"

#include <algorithm>
#include <iterator>

namespace flowscope {

namespace {

using Blocks = std::optional<std::vector<std::int64_t>>; // nothing: all blocks

constexpr std::uint64_t kFirstEphemeralPort = 32768; // see FlowWriter: higher ports are in a bitmap

std::vector<std::int64_t> sortedUnique(std::vector<std::int64_t> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

class Selector {
public:
    explicit Selector(CaseDb &caseDb)
        : m_db(caseDb.handle())
    {
    }

    Blocks select(const FilterNode &node)
    {
        return std::visit([this](const auto &n) { return selectNode(n); }, node.node);
    }

private:
    template <typename Node>
    Blocks selectNode(const Node &) { return std::nullopt; } // cannot narrow: all blocks

    Blocks selectNode(const AndNode &n)
    {
        Blocks result;
        for (const auto &child : n.children) {
            Blocks part = select(*child);
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

    Blocks selectNode(const OrNode &n)
    {
        std::vector<std::int64_t> all;
        for (const auto &child : n.children) {
            Blocks part = select(*child);
            if (!part)
                return std::nullopt;
            all.insert(all.end(), part->begin(), part->end());
        }
        return sortedUnique(std::move(all));
    }

    Blocks selectNode(const CompareNode &n)
    {
        const FilterValue &v = n.value;
        if (n.target.kind == FilterTargetKind::TimeSpan
            || (n.target.kind == FilterTargetKind::Field && (n.target.field == Field::Start || n.target.field == Field::End)))
            return timeBlocks(n);
        if (n.op != CompareOp::Eq)
            return std::nullopt;
        if (v.kind == ValueKind::Address)
            return addressBlocks({v.address});
        if (isPortTarget(n.target) && v.kind == ValueKind::Integer)
            return portBlocks({{v.integer, v.integer}});
        if (n.target.kind == FilterTargetKind::Field && n.target.field == Field::InterfaceId && v.kind == ValueKind::Text)
            return interfaceBlocks(v.text);
        if (n.target.kind == FilterTargetKind::Field && n.target.field == Field::Action && v.kind == ValueKind::Name
            && v.integer == 1)
            return query("SELECT id FROM flow_block WHERE rejects > 0", {});
        return std::nullopt;
    }

    Blocks selectNode(const InSetNode &n)
    {
        if (!n.addresses.empty())
            return addressBlocks(n.addresses);
        if (isPortTarget(n.target))
            return portBlocks(n.integers);
        return std::nullopt;
    }

    static bool isPortTarget(const FilterTarget &t)
    {
        return t.kind == FilterTargetKind::AnyPort
            || (t.kind == FilterTargetKind::Field && (t.field == Field::SrcPort || t.field == Field::DstPort));
    }

    // Runs SQL returning block ids; `bind` binds its parameters.
    template <typename Bind>
    std::vector<std::int64_t> ids(const char *sql, Bind &&bind)
    {
        Statement statement(m_db, sql);
        bind(statement);
        std::vector<std::int64_t> out;
        while (statement.step())
            out.push_back(statement.int64(0));
        return out;
    }

    Blocks query(const char *sql, std::nullptr_t)
    {
        return sortedUnique(ids(sql, [](Statement &) {}));
    }

    Blocks addressBlocks(const std::vector<AddressRange> &ranges)
    {
        std::vector<std::int64_t> all;
        for (const AddressRange &range : ranges) {
            auto found = ids("SELECT block FROM block_address WHERE address BETWEEN ? AND ?", [&](Statement &s) {
                if (range.lo.isV4()) {
                    s.bind(1, storedIpv4(range.lo.v4()));
                    s.bind(2, storedIpv4(range.hi.v4()));
                } else {
                    s.bindBlobStatic(1, range.lo.bytes.data(), 16);
                    s.bindBlobStatic(2, range.hi.bytes.data(), 16);
                }
            });
            all.insert(all.end(), found.begin(), found.end());
        }
        return sortedUnique(std::move(all));
    }

    Blocks portBlocks(const std::vector<IntegerRange> &ranges)
    {
        std::vector<std::int64_t> all;
        bool ephemeral = false;
        for (const IntegerRange &range : ranges) {
            if (range.lo < kFirstEphemeralPort) {
                auto found = ids("SELECT block FROM block_port WHERE port BETWEEN ? AND ?", [&](Statement &s) {
                    s.bind(1, static_cast<std::int64_t>(range.lo));
                    s.bind(2, static_cast<std::int64_t>(std::min(range.hi, kFirstEphemeralPort - 1)));
                });
                all.insert(all.end(), found.begin(), found.end());
            }
            ephemeral = ephemeral || range.hi >= kFirstEphemeralPort;
        }
        if (ephemeral) {
            // Ports from 32768 up: the blocks whose bitmap has the port's group of eight.
            Statement blocks(m_db, "SELECT id, ephemeral_ports FROM flow_block");
            while (blocks.step()) {
                const std::string_view bitmap = blocks.blob(1);
                auto hasGroup = [&](std::uint64_t group) {
                    return (group >> 3) < bitmap.size() && (static_cast<unsigned char>(bitmap[group >> 3]) >> (group & 7)) & 1U;
                };
                for (const IntegerRange &range : ranges) {
                    if (range.hi < kFirstEphemeralPort)
                        continue;
                    const std::uint64_t first = (std::max(range.lo, kFirstEphemeralPort) - kFirstEphemeralPort) >> 3;
                    const std::uint64_t last = (std::min<std::uint64_t>(range.hi, 65535) - kFirstEphemeralPort) >> 3;
                    bool any = false;
                    for (std::uint64_t g = first; g <= last && !any; ++g)
                        any = hasGroup(g);
                    if (any) {
                        all.push_back(blocks.int64(0));
                        break;
                    }
                }
            }
        }
        return sortedUnique(std::move(all));
    }

    Blocks interfaceBlocks(const std::string &eni)
    {
        return sortedUnique(ids("SELECT b.block FROM block_interface b JOIN interface i ON i.id = b.interface"
                                " JOIN dictionary d ON d.id = i.interface_id WHERE d.value = ?",
                                [&](Statement &s) { s.bind(1, eni); }));
    }

    Blocks timeBlocks(const CompareNode &n)
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
            sql = onEnd ? "SELECT id FROM flow_block WHERE start_min <= ?1" : "SELECT id FROM flow_block WHERE start_min <= ?1";
            break;
        case CompareOp::Ne: return std::nullopt;
        }
        return sortedUnique(ids(sql, [&](Statement &s) { s.bind(1, t); }));
    }

    sqlite3 *m_db;
};

} // namespace

std::optional<std::vector<std::int64_t>> selectBlocks(CaseDb &caseDb, const FilterNode &filter)
{
    return Selector(caseDb).select(filter);
}

} // namespace flowscope
