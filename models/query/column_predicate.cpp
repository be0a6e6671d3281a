// SPDX-License-Identifier: GPL-3.0-or-later
#include "column_predicate.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace flowscope {

namespace {

using Bits = BlockMatchBits;

// The records of a block of `size`: the bits a `not` may set.
void allRecords(std::size_t size, Bits &out)
{
    out.fill(0);
    for (std::size_t w = 0; w < size / 64; ++w)
        out[w] = ~std::uint64_t(0);
    if (size % 64)
        out[size / 64] = (std::uint64_t(1) << (size % 64)) - 1;
}

// Bit s of `out`: the record at slot s has `field` and test(its value).
template <typename Value, typename Test>
void testColumn(const std::uint64_t *present, const Value *values, std::size_t size, Test &&test, Bits &out)
{
    out.fill(0);
    for (std::size_t w = 0; w * 64 < size; ++w) {
        if (!present[w])
            continue;
        const std::size_t base = w * 64;
        const std::size_t end = std::min<std::size_t>(64, size - base);
        std::uint64_t bits = 0;
        for (std::size_t b = 0; b < end; ++b)
            bits |= std::uint64_t(test(values[base + b]) ? 1 : 0) << b;
        out[w] = bits & present[w];
    }
}

bool compareNumbers(std::uint64_t value, CompareOp op, std::uint64_t operand)
{
    switch (op) {
    case CompareOp::Eq: return value == operand;
    case CompareOp::Ne: return value != operand;
    case CompareOp::Lt: return value < operand;
    case CompareOp::Le: return value <= operand;
    case CompareOp::Gt: return value > operand;
    case CompareOp::Ge: return value >= operand;
    }
    return false;
}

// Address ranges as the block's column test takes them (see
// BlockColumns::matchAddresses): an IPv4 address as one big-endian word, an
// IPv6 one as two.
std::vector<AddressWordRange> wordRanges(const std::vector<AddressRange> &ranges)
{
    std::vector<AddressWordRange> out;
    for (const AddressRange &range : ranges) {
        const auto words = [](const IpAddress &a) {
            std::uint64_t high = 0, low = 0;
            if (a.isV4()) {
                std::uint32_t word = 0;
                std::memcpy(&word, a.bytes.data(), 4);
                return std::pair<std::uint64_t, std::uint64_t>(__builtin_bswap32(word), 0);
            }
            std::memcpy(&high, a.bytes.data(), 8);
            std::memcpy(&low, a.bytes.data() + 8, 8);
            return std::pair(__builtin_bswap64(high), __builtin_bswap64(low));
        };
        AddressWordRange r;
        r.v6 = !range.lo.isV4();
        std::tie(r.loHigh, r.loLow) = words(range.lo);
        std::tie(r.hiHigh, r.hiLow) = words(range.hi);
        out.push_back(r);
    }
    return out;
}

// The integer and enum fields a block stores as numbers (the record
// predicate's integerOf): any other such field never matches there.
bool isNumberColumn(Field field)
{
    switch (field) {
    case Field::Version:
    case Field::SrcPort:
    case Field::DstPort:
    case Field::Protocol:
    case Field::Packets:
    case Field::Bytes:
    case Field::Start:
    case Field::End:
    case Field::TcpFlags:
    case Field::TrafficPath:
    case Field::EncryptionStatus:
    case Field::Action:
    case Field::LogStatus:
    case Field::Type:
    case Field::FlowDirection: return true;
    default: return false;
    }
}

bool isAddressColumn(Field field)
{
    return field == Field::SrcAddr || field == Field::DstAddr || field == Field::PktSrcAddr || field == Field::PktDstAddr;
}

template <typename Test>
ColumnPredicate numberTest(Field field, Test test)
{
    return [field, test](BlockColumns &columns, Bits &out) {
        testColumn(columns.presence(field), columns.integers(field), columns.size(), test, out);
    };
}

// An address field within any of `ranges`, compared on the column as
// stored.
ColumnPredicate addressRangesTest(Field field, const std::vector<AddressRange> &ranges)
{
    return [field, words = wordRanges(ranges)](BlockColumns &columns, Bits &out) {
        columns.matchAddresses(field, words.data(), words.size(), out);
    };
}

// Either of two tests (`addr`, `port`: either side).
ColumnPredicate either(ColumnPredicate a, ColumnPredicate b)
{
    return [a, b](BlockColumns &columns, Bits &out) {
        Bits other;
        a(columns, out);
        b(columns, other);
        for (std::size_t w = 0; w < out.size(); ++w)
            out[w] |= other[w];
    };
}

ColumnPredicate negation(ColumnPredicate inner)
{
    return [inner](BlockColumns &columns, Bits &out) {
        Bits all;
        allRecords(columns.size(), all);
        inner(columns, out);
        for (std::size_t w = 0; w < out.size(); ++w)
            out[w] = ~out[w] & all[w];
    };
}

class Compiler {
public:
    // False once a part cannot be tested by columns.
    bool ok = true;

    ColumnPredicate compile(const FilterNode &node)
    {
        return std::visit([this](const auto &n) { return compileNode(n); }, node.node);
    }

private:
    ColumnPredicate unsupported()
    {
        ok = false;
        return {};
    }

    ColumnPredicate compileNode(const TrueNode &)
    {
        return [](BlockColumns &columns, Bits &out) { allRecords(columns.size(), out); };
    }

    // What decoding a node's columns costs, roughly: an address column is
    // several times a number column.
    static int costOf(const FilterNode &node)
    {
        return std::visit(
            [](const auto &n) -> int {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, OrNode> || std::is_same_v<T, AndNode>) {
                    int cost = 0;
                    for (const auto &child : n.children)
                        cost += costOf(*child);
                    return cost;
                } else if constexpr (std::is_same_v<T, NotNode>) {
                    return costOf(*n.child);
                } else if constexpr (std::is_same_v<T, CompareNode> || std::is_same_v<T, InSetNode>) {
                    if (n.target.kind == FilterTargetKind::AnyAddress)
                        return 8;
                    if (n.target.kind == FilterTargetKind::Field && isAddressColumn(n.target.field))
                        return 4;
                    return n.target.kind == FilterTargetKind::Field ? 1 : 2;
                } else {
                    return 1;
                }
            },
            node.node);
    }

    // Cheap parts first: an `and` stops when nothing is left, before the
    // costlier columns are decoded.
    std::vector<ColumnPredicate> compileAll(const std::vector<FilterNodePtr> &children)
    {
        std::vector<const FilterNode *> order;
        for (const auto &child : children)
            order.push_back(child.get());
        std::stable_sort(order.begin(), order.end(),
                         [](const FilterNode *a, const FilterNode *b) { return costOf(*a) < costOf(*b); });
        std::vector<ColumnPredicate> parts;
        for (const FilterNode *child : order)
            parts.push_back(compile(*child));
        return parts;
    }

    ColumnPredicate compileNode(const AndNode &n)
    {
        return [parts = compileAll(n.children)](BlockColumns &columns, Bits &out) {
            Bits part;
            bool first = true;
            for (const ColumnPredicate &p : parts) {
                p(columns, first ? out : part);
                bool any = false;
                for (std::size_t w = 0; w < out.size(); ++w) {
                    if (!first)
                        out[w] &= part[w];
                    any = any || out[w];
                }
                first = false;
                if (!any)
                    return; // nothing left: the other columns need no decoding
            }
        };
    }

    ColumnPredicate compileNode(const OrNode &n)
    {
        return [parts = compileAll(n.children)](BlockColumns &columns, Bits &out) {
            Bits part;
            out.fill(0);
            for (const ColumnPredicate &p : parts) {
                p(columns, part);
                for (std::size_t w = 0; w < out.size(); ++w)
                    out[w] |= part[w];
            }
        };
    }

    ColumnPredicate compileNode(const NotNode &n) { return negation(compile(*n.child)); }

    ColumnPredicate compileNode(const CompareNode &n)
    {
        if (n.op == CompareOp::Ne) {
            // `a != b` is `not a == b`: true when a is absent.
            CompareNode equal = n;
            equal.op = CompareOp::Eq;
            return negation(compileNode(equal));
        }
        const FilterValue &v = n.value;
        const CompareOp op = n.op;
        switch (n.target.kind) {
        case FilterTargetKind::AnyAddress:
            return either(addressRangesTest(Field::SrcAddr, {v.address}), addressRangesTest(Field::DstAddr, {v.address}));
        case FilterTargetKind::AnyPort: {
            const auto test = [op, operand = v.integer](std::uint64_t value) { return compareNumbers(value, op, operand); };
            return either(numberTest(Field::SrcPort, test), numberTest(Field::DstPort, test));
        }
        case FilterTargetKind::TimeSpan: {
            const std::int64_t t = v.kind == ValueKind::Time ? v.time : static_cast<std::int64_t>(v.integer);
            return [op, t](BlockColumns &columns, Bits &out) {
                const std::uint64_t *hasStart = columns.presence(Field::Start);
                const std::uint64_t *hasEnd = columns.presence(Field::End);
                const std::uint64_t *starts = columns.integers(Field::Start);
                const std::uint64_t *ends = columns.integers(Field::End);
                Bits both;
                for (std::size_t w = 0; w < both.size(); ++w)
                    both[w] = hasStart[w] & hasEnd[w];
                // The start is the value tested; its slot gives the end.
                testColumn(both.data(), starts, columns.size(), [&](const std::uint64_t &startValue) {
                    const auto start = static_cast<std::int64_t>(startValue);
                    const auto end = static_cast<std::int64_t>(ends[&startValue - starts]);
                    switch (op) {
                    case CompareOp::Eq: return start <= t && t <= end;
                    case CompareOp::Gt: return end > t;
                    case CompareOp::Ge: return end >= t;
                    case CompareOp::Lt: return start < t;
                    case CompareOp::Le: return start <= t;
                    case CompareOp::Ne: break;
                    }
                    return false;
                }, out);
            };
        }
        case FilterTargetKind::Field: break;
        }
        const Field field = n.target.field;
        if (isAddressColumn(field))
            return addressRangesTest(field, {v.address});
        if (!isNumberColumn(field))
            return unsupported();
        const std::uint64_t operand = v.kind == ValueKind::Time ? static_cast<std::uint64_t>(v.time) : v.integer;
        if (op == CompareOp::Eq)
            return numberTest(field, [operand](std::uint64_t value) { return value == operand; });
        return numberTest(field, [op, operand](std::uint64_t value) { return compareNumbers(value, op, operand); });
    }

    ColumnPredicate compileNode(const InSetNode &n)
    {
        if (!n.addresses.empty()) {
            if (n.target.kind == FilterTargetKind::AnyAddress)
                return either(addressRangesTest(Field::SrcAddr, n.addresses), addressRangesTest(Field::DstAddr, n.addresses));
            if (n.target.kind != FilterTargetKind::Field || !isAddressColumn(n.target.field))
                return unsupported();
            return addressRangesTest(n.target.field, n.addresses);
        }
        const auto test = [ranges = n.integers](std::uint64_t value) {
            // Ranges are sorted and disjoint: the one that may hold value is found by its start.
            auto it = std::upper_bound(ranges.begin(), ranges.end(), value,
                                       [](std::uint64_t x, const IntegerRange &r) { return x < r.lo; });
            return it != ranges.begin() && value <= std::prev(it)->hi;
        };
        if (n.target.kind == FilterTargetKind::AnyPort)
            return either(numberTest(Field::SrcPort, test), numberTest(Field::DstPort, test));
        if (n.target.kind != FilterTargetKind::Field || !isNumberColumn(n.target.field))
            return unsupported();
        return numberTest(n.target.field, test);
    }

    ColumnPredicate compileNode(const HasFlagNode &n)
    {
        if (!isNumberColumn(n.field))
            return unsupported();
        return numberTest(n.field, [mask = n.mask](std::uint64_t value) { return (value & mask) == mask; });
    }

    ColumnPredicate compileNode(const TextMatchNode &) { return unsupported(); }
    ColumnPredicate compileNode(const IocListNode &) { return unsupported(); }
    // The snapshot's interface sets are tested record by record.
    ColumnPredicate compileNode(const InterfaceAttributeNode &) { return unsupported(); }
    // A block's columns do not say which block they are: records carry their ids.
    ColumnPredicate compileNode(const RecordMarkNode &) { return unsupported(); }
};

} // namespace

std::optional<ColumnPredicate> compileColumnPredicate(const FilterNode &filter)
{
    Compiler compiler;
    ColumnPredicate predicate = compiler.compile(filter);
    if (!compiler.ok)
        return std::nullopt;
    return predicate;
}

} // namespace flowscope
