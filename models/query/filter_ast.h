// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The syntax tree of a display filter (Wireshark-style language over the AWS
// field names). The parser builds it already type-checked; back ends (SQL over
// a case's blocks, Athena SQL) translate it.
//
// Evaluation rules every back end must follow:
// - Absent values: a comparison, set test, text match or flag test on a field
//   that is absent from the record ('-' or not in its format) is false, and
//   `not` negates that result (so `not dstport == 22` is true when dstport is
//   absent).
// - `a != b` means `not a == b` (true for an absent field), and the parser
//   keeps it as CompareOp::Ne only for readability.
// - `addr` (srcaddr or dstaddr) and `port` (srcport or dstport) match when
//   either side matches; `addr != x` is `not addr == x`.
// - `time` is the record's span [start, end]: a comparison holds when some
//   instant of the span satisfies it (== t: start <= t <= end; > t: end > t;
//   >= t: end >= t; < t: start < t; <= t: start <= t).
// - An address value is a range [lo, hi] of one family; == tests membership,
//   and an address of the other family never matches.

#include "format/field_catalog.h"
#include "format/ip_address.h"
#include "interface_attributes.h"
#include "record_marks.h"

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace flowscope {

// What a comparison tests: a catalogue field or one of the shorthands.
enum class FilterTargetKind : std::uint8_t { Field, AnyAddress, AnyPort, TimeSpan };

struct FilterTarget {
    FilterTargetKind kind = FilterTargetKind::Field;
    Field field = Field::Version; // only for FilterTargetKind::Field ('eni' is InterfaceId)
    friend bool operator==(const FilterTarget &, const FilterTarget &) = default;
};

enum class CompareOp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

// Inclusive range of one address family (a single address has lo == hi).
struct AddressRange {
    IpAddress lo, hi;
    friend bool operator==(const AddressRange &, const AddressRange &) = default;
};

struct IntegerRange {
    std::uint64_t lo = 0, hi = 0;
    friend bool operator==(const IntegerRange &, const IntegerRange &) = default;
};

enum class ValueKind : std::uint8_t { Integer, Address, Name, Text, Time };

struct FilterValue {
    ValueKind kind = ValueKind::Integer;
    std::uint64_t integer = 0; // Integer; Name: the enum's numeric code (Action, LogStatus, ...)
    std::int64_t time = 0;     // Time: Unix epoch seconds
    AddressRange address;      // Address
    std::string text;          // Text; Name: the canonical spelling (e.g. "REJECT")
};

struct FilterNode;
using FilterNodePtr = std::unique_ptr<FilterNode>;

struct TrueNode {};
struct OrNode { std::vector<FilterNodePtr> children; };  // flattened, >= 2 children
struct AndNode { std::vector<FilterNodePtr> children; }; // flattened, >= 2 children
struct NotNode { FilterNodePtr child; };
struct CompareNode {
    FilterTarget target;
    CompareOp op = CompareOp::Eq;
    FilterValue value;
};
// `x in {...}`: sorted, non-overlapping, non-adjacent ranges (one of the two is used).
struct InSetNode {
    FilterTarget target;
    std::vector<IntegerRange> integers;
    std::vector<AddressRange> addresses; // sorted by family, then address
};
enum class TextMatch : std::uint8_t { Contains, Matches };
struct TextMatchNode {
    Field field = Field::InterfaceId;
    TextMatch mode = TextMatch::Contains;
    std::string pattern; // Matches: an ECMAScript regular expression, validated
};
// `tcp-flags has syn`: true when all bits of mask are set.
struct HasFlagNode {
    Field field = Field::TcpFlags;
    std::uint8_t mask = 0;
};
// `addr in @name` (or `@name` alone, for `addr`): membership in an IOC list.
// Against a case, the parser resolves the list to its indicators (see
// ioc_indicators.h); without them membership is asked of the caller.
class IocIndicatorSet;
struct IocListNode {
    FilterTarget target;
    std::string list;
    std::shared_ptr<const IocIndicatorSet> indicators; // set when resolved against a case
};

// `security-group == sg-…`, `instance-name contains "web"`: the records whose
// interface-id is one of the interfaces the configuration snapshot gives that
// attribute. Only the record's own interface counts (the interface that
// logged it), not the peer's: the peer's record of the same flow, when its
// interface is logged too, is selected through its own interface-id.
enum class AttributeTest : std::uint8_t { Equals, NotEquals, Contains, Matches };
struct InterfaceAttributeNode {
    InterfaceAttribute attribute = InterfaceAttribute::SecurityGroup;
    AttributeTest test = AttributeTest::Equals;
    std::string value;                     // as written (Matches: a validated regular expression)
    std::vector<std::string> interfaceIds; // resolved when parsed: sorted, unique
};

// `starred`, `tag == "c2"`: the records the analyst starred or tagged (see
// record_marks.h), resolved to their ids when parsed. `tag contains "c"` and
// `matches` select the records holding a tag that passes; `tag != "c2"`, as
// `security-group !=`, the records not tagged c2.
enum class RecordMarkKind : std::uint8_t { Starred, Tag };
struct RecordMarkNode {
    RecordMarkKind kind = RecordMarkKind::Starred;
    AttributeTest test = AttributeTest::Equals; // Tag only
    std::string value;                          // Tag: as written
    std::vector<std::int64_t> records;          // resolved when parsed: sorted, unique
};

struct FilterNode {
    std::variant<TrueNode, OrNode, AndNode, NotNode, CompareNode, InSetNode, TextMatchNode,
                 HasFlagNode, IocListNode, InterfaceAttributeNode, RecordMarkNode>
        node;
};

} // namespace flowscope
