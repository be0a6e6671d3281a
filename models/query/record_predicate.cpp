// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_predicate.h"

#include "ioc_indicators.h"
#include "store/dictionaries.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <regex>
#include <type_traits>

namespace flowscope {

namespace {

using Predicate = RecordPredicate;

std::optional<std::uint64_t> integerOf(const EncodedFlow &f, Field field)
{
    if (!f.has(field))
        return std::nullopt;
    switch (field) {
    case Field::Version: return f.version;
    case Field::SrcPort: return f.srcPort;
    case Field::DstPort: return f.dstPort;
    case Field::Protocol: return f.protocol;
    case Field::Packets: return f.packets;
    case Field::Bytes: return f.bytes;
    case Field::Start: return static_cast<std::uint64_t>(f.start);
    case Field::End: return static_cast<std::uint64_t>(f.end);
    case Field::TcpFlags: return f.tcpFlags;
    case Field::TrafficPath: return f.trafficPath;
    case Field::EncryptionStatus: return f.encryptionStatus;
    case Field::Action: return static_cast<std::uint64_t>(f.action);
    case Field::LogStatus: return static_cast<std::uint64_t>(f.logStatus);
    case Field::Type: return static_cast<std::uint64_t>(f.type);
    case Field::FlowDirection: return static_cast<std::uint64_t>(f.direction);
    default: return std::nullopt;
    }
}

const IpAddress *addressOf(const EncodedFlow &f, Field field)
{
    if (!f.has(field))
        return nullptr;
    switch (field) {
    case Field::SrcAddr: return &f.srcAddr;
    case Field::DstAddr: return &f.dstAddr;
    case Field::PktSrcAddr: return &f.pktSrcAddr;
    case Field::PktDstAddr: return &f.pktDstAddr;
    default: return nullptr;
    }
}

int compareAddresses(const IpAddress &a, const IpAddress &b)
{
    return std::memcmp(a.bytes.data(), b.bytes.data(), a.isV4() ? 4 : 16);
}

bool inRange(const IpAddress &a, const AddressRange &range)
{
    return a.family == range.lo.family && compareAddresses(a, range.lo) >= 0 && compareAddresses(a, range.hi) <= 0;
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

// A comparison of the unsigned field `Member` (as integerOf gives it).
template <auto Member>
RecordPredicate memberTest(Field field, CompareOp op, std::uint64_t operand)
{
    const std::uint64_t bit = std::uint64_t(1) << static_cast<unsigned>(field);
    if (op == CompareOp::Eq)
        return [bit, operand](const EncodedFlow &f) {
            return (f.present & bit) != 0 && static_cast<std::uint64_t>(f.*Member) == operand;
        };
    return [bit, op, operand](const EncodedFlow &f) {
        return (f.present & bit) != 0 && compareNumbers(static_cast<std::uint64_t>(f.*Member), op, operand);
    };
}

// Text of a record's text field, resolved through the dictionaries.
class TextResolver {
public:
    TextResolver(const StringDictionary &strings, const InterfaceDictionary &interfaces)
        : m_strings(strings)
        , m_interfaces(interfaces)
    {
    }
    // Empty when absent.
    std::string_view text(const EncodedFlow &f, Field field) const
    {
        std::uint32_t id = 0;
        switch (field) {
        case Field::PktSrcAwsService: id = f.pktSrcService; break;
        case Field::PktDstAwsService: id = f.pktDstService; break;
        case Field::RejectReason: id = f.rejectReason; break;
        default: {
            const auto slot = std::find(kInterfaceFields.begin(), kInterfaceFields.end(), field);
            if (slot == kInterfaceFields.end() || f.interface == 0 || f.interface > m_interfaces.size())
                return {};
            id = m_interfaces.key(f.interface)[static_cast<std::size_t>(slot - kInterfaceFields.begin())];
        }
        }
        return id == 0 ? std::string_view() : std::string_view(m_strings.value(id));
    }

private:
    const StringDictionary &m_strings;
    const InterfaceDictionary &m_interfaces;
};

class Compiler {
public:
    Compiler(const StringDictionary &strings, const InterfaceDictionary &interfaces, IocMembership iocLists)
        : m_text(strings, interfaces)
        , m_strings(strings)
        , m_interfaces(interfaces)
        , m_iocLists(std::move(iocLists))
    {
    }

    Predicate compile(const FilterNode &node)
    {
        return std::visit([this](const auto &n) { return compileNode(n); }, node.node);
    }

private:
    Predicate compileNode(const TrueNode &) { return [](const EncodedFlow &) { return true; }; }

    // What testing a node costs, roughly: `and` and `or` test their cheap
    // parts first (tests have no side effects, so the order cannot change an
    // answer), so `addr == 10.0.0.0/8 and action == reject` compares
    // addresses only for the rejects.
    static int costOf(const FilterNode &node)
    {
        return std::visit(
            [](const auto &n) -> int {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, TrueNode>) {
                    return 0;
                } else if constexpr (std::is_same_v<T, OrNode> || std::is_same_v<T, AndNode>) {
                    int cost = 0;
                    for (const auto &child : n.children)
                        cost += costOf(*child);
                    return cost;
                } else if constexpr (std::is_same_v<T, NotNode>) {
                    return costOf(*n.child);
                } else if constexpr (std::is_same_v<T, TextMatchNode>) {
                    return n.mode == TextMatch::Contains ? 4 : 8;
                } else if constexpr (std::is_same_v<T, IocListNode>) {
                    return 8;
                } else if constexpr (std::is_same_v<T, InterfaceAttributeNode> || std::is_same_v<T, RecordMarkNode>) {
                    return 1;
                } else if constexpr (std::is_same_v<T, HasFlagNode>) {
                    return 1;
                } else {
                    if (n.target.kind == FilterTargetKind::AnyAddress)
                        return 3;
                    if (n.target.kind != FilterTargetKind::Field)
                        return 2;
                    switch (fieldInfo(n.target.field).kind) {
                    case FieldKind::Address: return 2;
                    case FieldKind::Text: return 4;
                    case FieldKind::Integer:
                    case FieldKind::Enum: return 1;
                    }
                    return 1;
                }
            },
            node.node);
    }

    std::vector<Predicate> compileCheapestFirst(const std::vector<FilterNodePtr> &children)
    {
        std::vector<const FilterNode *> order;
        for (const auto &child : children)
            order.push_back(child.get());
        std::stable_sort(order.begin(), order.end(),
                         [](const FilterNode *a, const FilterNode *b) { return costOf(*a) < costOf(*b); });
        std::vector<Predicate> parts;
        for (const FilterNode *child : order)
            parts.push_back(compile(*child));
        return parts;
    }

    Predicate compileNode(const OrNode &n)
    {
        std::vector<Predicate> parts = compileCheapestFirst(n.children);
        return [parts](const EncodedFlow &f) {
            return std::any_of(parts.begin(), parts.end(), [&](const Predicate &p) { return p(f); });
        };
    }

    Predicate compileNode(const AndNode &n)
    {
        std::vector<Predicate> parts = compileCheapestFirst(n.children);
        return [parts](const EncodedFlow &f) {
            return std::all_of(parts.begin(), parts.end(), [&](const Predicate &p) { return p(f); });
        };
    }

    Predicate compileNode(const NotNode &n)
    {
        Predicate inner = compile(*n.child);
        return [inner](const EncodedFlow &f) { return !inner(f); };
    }

    Predicate compileNode(const CompareNode &n)
    {
        if (n.op == CompareOp::Ne) {
            // `a != b` is `not a == b`: true when a is absent.
            CompareNode equal = n;
            equal.op = CompareOp::Eq;
            Predicate eq = compileNode(equal);
            return [eq](const EncodedFlow &f) { return !eq(f); };
        }
        const FilterValue &v = n.value;
        switch (n.target.kind) {
        case FilterTargetKind::AnyAddress:
            return [range = v.address](const EncodedFlow &f) {
                return (f.has(Field::SrcAddr) && inRange(f.srcAddr, range))
                    || (f.has(Field::DstAddr) && inRange(f.dstAddr, range));
            };
        case FilterTargetKind::AnyPort:
            return [op = n.op, value = v.integer](const EncodedFlow &f) {
                return (f.has(Field::SrcPort) && compareNumbers(f.srcPort, op, value))
                    || (f.has(Field::DstPort) && compareNumbers(f.dstPort, op, value));
            };
        case FilterTargetKind::TimeSpan:
            return [op = n.op, t = v.kind == ValueKind::Time ? v.time : static_cast<std::int64_t>(v.integer)](
                       const EncodedFlow &f) {
                if (!f.has(Field::Start) || !f.has(Field::End))
                    return false;
                switch (op) {
                case CompareOp::Eq: return f.start <= t && t <= f.end;
                case CompareOp::Gt: return f.end > t;
                case CompareOp::Ge: return f.end >= t;
                case CompareOp::Lt: return f.start < t;
                case CompareOp::Le: return f.start <= t;
                case CompareOp::Ne: break;
                }
                return false;
            };
        case FilterTargetKind::Field: break;
        }
        const Field field = n.target.field;
        switch (fieldInfo(field).kind) {
        case FieldKind::Address:
            return [field, range = v.address](const EncodedFlow &f) {
                const IpAddress *a = addressOf(f, field);
                return a && inRange(*a, range);
            };
        case FieldKind::Text:
            return [this, field, text = v.text](const EncodedFlow &f) {
                const std::string_view value = m_text.text(f, field);
                return !value.empty() && value == text;
            };
        case FieldKind::Integer:
        case FieldKind::Enum: {
            const std::uint64_t operand = v.kind == ValueKind::Time ? static_cast<std::uint64_t>(v.time) : v.integer;
            // The fields counts test most read their member directly: a
            // scan calls this for every record of every candidate block.
            switch (field) {
            case Field::SrcPort: return memberTest<&EncodedFlow::srcPort>(field, n.op, operand);
            case Field::DstPort: return memberTest<&EncodedFlow::dstPort>(field, n.op, operand);
            case Field::Protocol: return memberTest<&EncodedFlow::protocol>(field, n.op, operand);
            case Field::Packets: return memberTest<&EncodedFlow::packets>(field, n.op, operand);
            case Field::Bytes: return memberTest<&EncodedFlow::bytes>(field, n.op, operand);
            case Field::Action: return memberTest<&EncodedFlow::action>(field, n.op, operand);
            case Field::LogStatus: return memberTest<&EncodedFlow::logStatus>(field, n.op, operand);
            default: break;
            }
            return [field, op = n.op, operand](const EncodedFlow &f) {
                const auto value = integerOf(f, field);
                return value && compareNumbers(*value, op, operand);
            };
        }
        }
        return [](const EncodedFlow &) { return false; };
    }

    Predicate compileNode(const InSetNode &n)
    {
        if (!n.addresses.empty()) {
            auto inAny = [ranges = n.addresses](const IpAddress &a) {
                return std::any_of(ranges.begin(), ranges.end(), [&](const AddressRange &r) { return inRange(a, r); });
            };
            if (n.target.kind == FilterTargetKind::AnyAddress)
                return [inAny](const EncodedFlow &f) {
                    return (f.has(Field::SrcAddr) && inAny(f.srcAddr)) || (f.has(Field::DstAddr) && inAny(f.dstAddr));
                };
            return [inAny, field = n.target.field](const EncodedFlow &f) {
                const IpAddress *a = addressOf(f, field);
                return a && inAny(*a);
            };
        }
        auto inAny = [ranges = n.integers](std::uint64_t value) {
            // Ranges are sorted and disjoint: the one that may hold value is found by its start.
            auto it = std::upper_bound(ranges.begin(), ranges.end(), value,
                                       [](std::uint64_t v, const IntegerRange &r) { return v < r.lo; });
            return it != ranges.begin() && value <= std::prev(it)->hi;
        };
        if (n.target.kind == FilterTargetKind::AnyPort)
            return [inAny](const EncodedFlow &f) {
                return (f.has(Field::SrcPort) && inAny(f.srcPort)) || (f.has(Field::DstPort) && inAny(f.dstPort));
            };
        return [inAny, field = n.target.field](const EncodedFlow &f) {
            const auto value = integerOf(f, field);
            return value && inAny(*value);
        };
    }

    Predicate compileNode(const TextMatchNode &n)
    {
        if (n.mode == TextMatch::Contains)
            return [this, field = n.field, pattern = n.pattern](const EncodedFlow &f) {
                const std::string_view value = m_text.text(f, field);
                return !value.empty() && value.find(pattern) != std::string_view::npos;
            };
        auto regex = std::make_shared<std::regex>(n.pattern, std::regex::ECMAScript);
        return [this, field = n.field, regex](const EncodedFlow &f) {
            const std::string_view value = m_text.text(f, field);
            return !value.empty() && std::regex_search(value.begin(), value.end(), *regex);
        };
    }

    Predicate compileNode(const HasFlagNode &n)
    {
        return [field = n.field, mask = n.mask](const EncodedFlow &f) {
            const auto value = integerOf(f, field);
            return value && (*value & mask) == mask;
        };
    }

    Predicate compileNode(const IocListNode &n)
    {
        if (n.indicators)
            return compileIndicators(n);
        return [this, target = n.target, list = n.list](const EncodedFlow &f) {
            if (!m_iocLists)
                return false;
            auto member = [&](std::string_view value) { return !value.empty() && m_iocLists(list, value); };
            if (target.kind == FilterTargetKind::AnyAddress)
                return (f.has(Field::SrcAddr) && member(f.srcAddr.toString()))
                    || (f.has(Field::DstAddr) && member(f.dstAddr.toString()));
            if (const IpAddress *a = addressOf(f, target.field))
                return member(a->toString());
            return member(m_text.text(f, target.field));
        };
    }

    // A side matches when its address is in an indicator's range and, for an
    // indicator with a port, the same side's port is that port.
    static Predicate compileIndicators(const IocListNode &n)
    {
        const auto side = [](const EncodedFlow &f, const IocIndicatorSet &set, Field address, Field port) {
            const IpAddress *a = addressOf(f, address);
            if (!a)
                return false;
            const auto p = integerOf(f, port);
            return set.matches(*a, p ? std::optional<std::uint16_t>(static_cast<std::uint16_t>(*p)) : std::nullopt);
        };
        const FilterTarget target = n.target;
        return [set = n.indicators, target, side](const EncodedFlow &f) {
            if (target.kind == FilterTargetKind::AnyAddress)
                return side(f, *set, Field::SrcAddr, Field::SrcPort) || side(f, *set, Field::DstAddr, Field::DstPort);
            const bool source = target.field == Field::SrcAddr || target.field == Field::PktSrcAddr;
            return side(f, *set, target.field, source ? Field::SrcPort : Field::DstPort);
        };
    }

    // Which interface contexts of the case have one of the node's interface
    // ids, by context id: the test is then one look-up per record.
    // A binary search of the ids resolved when parsed; a record read without
    // its id (-1) is never marked.
    Predicate compileNode(const RecordMarkNode &n)
    {
        auto records = std::make_shared<const std::vector<std::int64_t>>(n.records);
        const bool negated = n.test == AttributeTest::NotEquals;
        return [records, negated](const EncodedFlow &f) {
            const bool member = f.id >= 0 && std::binary_search(records->begin(), records->end(), f.id);
            return member != negated;
        };
    }

    Predicate compileNode(const InterfaceAttributeNode &n)
    {
        auto chosen = std::make_shared<std::vector<bool>>(m_interfaces.size() + 1, false);
        const auto slot = static_cast<std::size_t>(
            std::find(kInterfaceFields.begin(), kInterfaceFields.end(), Field::InterfaceId) - kInterfaceFields.begin());
        for (std::uint32_t id = 1; id <= m_interfaces.size(); ++id) {
            const std::uint32_t text = m_interfaces.key(id)[slot];
            if (text != 0 && std::binary_search(n.interfaceIds.begin(), n.interfaceIds.end(), m_strings.value(text)))
                (*chosen)[id] = true;
        }
        const bool negated = n.test == AttributeTest::NotEquals;
        return [chosen, negated](const EncodedFlow &f) {
            const bool member = f.has(Field::InterfaceId) && f.interface != 0 && f.interface < chosen->size()
                && (*chosen)[f.interface];
            return member != negated;
        };
    }

    TextResolver m_text;
    const StringDictionary &m_strings;
    const InterfaceDictionary &m_interfaces;
    IocMembership m_iocLists;
};

} // namespace

RecordPredicate compileRecordPredicate(const FilterNode &filter, const StringDictionary &strings,
                                       const InterfaceDictionary &interfaces, IocMembership iocLists)
{
    // The compiler holds the resolver the closures use: keep it alive with them.
    auto compiler = std::make_shared<Compiler>(strings, interfaces, std::move(iocLists));
    RecordPredicate predicate = compiler->compile(filter);
    return [compiler, predicate](const EncodedFlow &f) { return predicate(f); };
}

} // namespace flowscope
