// SPDX-License-Identifier: GPL-3.0-or-later
#include "athena_sql.h"

#include "filter_values.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <limits>
#include <regex>
#include <set>

namespace flowscope {

namespace {

// Trino's reserved words (the ones a column or table name could collide with
// must be quoted; quoting any of them is harmless).
constexpr std::string_view kReserved[] = {
    "alter", "and", "as", "between", "by", "case", "cast", "constraint", "create", "cross", "cube",
    "current_catalog", "current_date", "current_path", "current_role", "current_schema", "current_time",
    "current_timestamp", "current_user", "date", "deallocate", "delete", "describe", "distinct", "drop", "else",
    "end", "escape", "except", "execute", "exists", "extract", "false", "first", "for", "from", "full", "group",
    "grouping", "having", "in", "inner", "insert", "intersect", "into", "is", "join", "json_array", "json_exists",
    "json_object", "json_query", "json_table", "json_value", "last", "left", "like", "listagg", "localtime",
    "localtimestamp", "natural", "normalize", "not", "null", "of", "on", "or", "order", "outer", "prepare",
    "recursive", "right", "rollup", "select", "skip", "table", "then", "trim", "true", "uescape", "union",
    "unnest", "using", "values", "when", "where", "with"};

bool isReserved(std::string_view name)
{
    return std::find(std::begin(kReserved), std::end(kReserved), name) != std::end(kReserved);
}

// How tightly an expression binds, to place parentheses.
enum class Prec : std::uint8_t { Atom, Compare, Not, And, Or };

struct Sql {
    std::string text;
    Prec prec = Prec::Atom;
    bool nullable = true; // may be NULL (an absent value); never NULL when false
};

Sql literal(const char *text) { return {text, Prec::Atom, false}; }

std::string operand(const Sql &s, Prec parent)
{
    // Nested AND/OR are always parenthesised, for readability.
    const bool wrap = s.prec >= Prec::And || (parent == Prec::Not && s.prec != Prec::Atom);
    return wrap ? "(" + s.text + ")" : s.text;
}

Sql join(std::vector<Sql> parts, Prec prec)
{
    if (parts.size() == 1)
        return std::move(parts.front());
    Sql out{{}, prec, false};
    for (const Sql &part : parts) {
        if (!out.text.empty())
            out.text += prec == Prec::And ? " AND " : " OR ";
        out.text += part.prec == prec ? part.text : operand(part, prec); // a OR (b OR c) is a OR b OR c
        out.nullable = out.nullable || part.nullable;
    }
    return out;
}

Sql anyOf(std::vector<Sql> parts) { return parts.empty() ? literal("FALSE") : join(std::move(parts), Prec::Or); }

// `not`: TRUE exactly when the operand is not TRUE (FALSE or NULL).
Sql negate(const Sql &s)
{
    if (s.nullable)
        return {"NOT COALESCE(" + s.text + ", false)", Prec::Not, false};
    return {"NOT " + operand(s, Prec::Not), Prec::Not, false};
}

Sql compare(const std::string &column, std::string_view op, const std::string &value)
{
    return {column + " " + std::string(op) + " " + value, Prec::Compare, true};
}

std::string_view opText(CompareOp op)
{
    switch (op) {
    case CompareOp::Eq: return "=";
    case CompareOp::Ne: return "<>";
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::Ge: return ">=";
    }
    return "=";
}

std::int64_t timeOf(const FilterValue &v) { return v.kind == ValueKind::Time ? v.time : static_cast<std::int64_t>(v.integer); }

std::string ipLiteral(const IpAddress &a) { return "IPADDRESS '" + a.toString() + "'"; }

int compareV6(const IpAddress &a, const IpAddress &b) { return std::memcmp(a.bytes.data(), b.bytes.data(), 16); }

IpAddress v6(std::initializer_list<std::pair<int, std::uint8_t>> bytes)
{
    IpAddress a;
    a.family = IpAddress::Family::V6;
    for (const auto &[i, b] : bytes)
        a.bytes[static_cast<std::size_t>(i)] = b;
    return a;
}

// Trino keeps IPv4 addresses as ::ffff:a.b.c.d: IPv6 ranges leave that block
// out so that, as in the record predicate, they never hold an IPv4 address.
std::vector<AddressRange> withoutMappedIpv4(const std::vector<AddressRange> &ranges)
{
    static const IpAddress mappedLo = v6({{10, 0xff}, {11, 0xff}});
    static const IpAddress mappedHi = v6({{10, 0xff}, {11, 0xff}, {12, 0xff}, {13, 0xff}, {14, 0xff}, {15, 0xff}});
    static const IpAddress below = v6({{10, 0xff}, {11, 0xfe}, {12, 0xff}, {13, 0xff}, {14, 0xff}, {15, 0xff}});
    static const IpAddress above = v6({{9, 0x01}});
    std::vector<AddressRange> out;
    for (const AddressRange &r : ranges) {
        if (r.lo.isV4() || compareV6(r.hi, mappedLo) < 0 || compareV6(r.lo, mappedHi) > 0) {
            out.push_back(r);
            continue;
        }
        if (compareV6(r.lo, mappedLo) < 0)
            out.push_back({r.lo, below});
        if (compareV6(r.hi, mappedHi) > 0)
            out.push_back({above, r.hi});
    }
    return out;
}

// Whether the record predicate's regex would match the text "-".
bool regexMatchesDash(const std::string &pattern)
{
    try {
        return std::regex_search("-", std::regex(pattern, std::regex::ECMAScript));
    } catch (const std::regex_error &) {
        return true; // the parser validated it; guard anyway
    }
}

// Database and table names are always quoted: they come from the user.
std::string quotedIdentifier(std::string_view name)
{
    std::string out = "\"";
    for (const char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

std::string iocTableName(const AthenaSqlOptions &options, std::string_view list)
{
    std::string name = options.iocTablePrefix;
    for (const char c : list)
        name += c == '-' || c == '.' ? '_' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return quotedIdentifier(options.iocDatabase.empty() ? options.database : options.iocDatabase) + "."
        + quotedIdentifier(name);
}

class Translator {
public:
    explicit Translator(const AthenaSqlOptions &options)
        : m_options(options)
    {
    }

    Sql translate(const FilterNode &node)
    {
        return std::visit([this](const auto &n) { return on(n); }, node.node);
    }

    bool usesRegex() const { return m_usesRegex; }
    const std::string &markTerm() const { return m_markTerm; }

private:
    Sql on(const TrueNode &) { return literal("TRUE"); }

    Sql on(const AndNode &n)
    {
        std::vector<Sql> parts;
        for (const auto &child : n.children)
            parts.push_back(translate(*child));
        return join(std::move(parts), Prec::And);
    }

    Sql on(const OrNode &n)
    {
        std::vector<Sql> parts;
        for (const auto &child : n.children)
            parts.push_back(translate(*child));
        return join(std::move(parts), Prec::Or);
    }

    Sql on(const NotNode &n) { return negate(translate(*n.child)); }

    Sql on(const CompareNode &n)
    {
        if (n.op == CompareOp::Ne) {
            CompareNode equal = n;
            equal.op = CompareOp::Eq;
            return negate(on(equal)); // `a != b` is `not a == b`
        }
        const FilterValue &v = n.value;
        const std::string_view op = opText(n.op);
        switch (n.target.kind) {
        case FilterTargetKind::AnyAddress:
            return anyOf({addressTest(athenaColumn(Field::SrcAddr), {v.address}),
                          addressTest(athenaColumn(Field::DstAddr), {v.address})});
        case FilterTargetKind::AnyPort:
            return anyOf({compare(athenaColumn(Field::SrcPort), op, std::to_string(v.integer)),
                          compare(athenaColumn(Field::DstPort), op, std::to_string(v.integer))});
        case FilterTargetKind::TimeSpan: {
            const std::string t = std::to_string(timeOf(v));
            const std::string start = athenaColumn(Field::Start), end = athenaColumn(Field::End);
            switch (n.op) {
            case CompareOp::Eq: return join({compare(start, "<=", t), compare(end, ">=", t)}, Prec::And);
            case CompareOp::Gt:
            case CompareOp::Ge: return compare(end, op, t);
            case CompareOp::Lt:
            case CompareOp::Le: return compare(start, op, t);
            case CompareOp::Ne: break;
            }
            return literal("FALSE");
        }
        case FilterTargetKind::Field: break;
        }
        const std::string column = athenaColumn(n.target.field);
        switch (fieldInfo(n.target.field).kind) {
        case FieldKind::Address: return addressTest(column, {v.address});
        case FieldKind::Text:
            // '-' is how the log spells an absent value: it never equals anything.
            if (v.text.empty() || v.text == "-")
                return literal("FALSE");
            return compare(column, op, athenaString(v.text));
        case FieldKind::Enum: return compare(column, op, athenaString(v.text));
        case FieldKind::Integer: break;
        }
        if (v.kind == ValueKind::Time)
            return compare(column, op, std::to_string(v.time));
        return compare(column, op, std::to_string(v.integer));
    }

    Sql on(const InSetNode &n)
    {
        if (!n.addresses.empty()) {
            if (n.target.kind == FilterTargetKind::AnyAddress)
                return anyOf({addressTest(athenaColumn(Field::SrcAddr), n.addresses),
                              addressTest(athenaColumn(Field::DstAddr), n.addresses)});
            return addressTest(athenaColumn(n.target.field), n.addresses);
        }
        if (n.target.kind == FilterTargetKind::AnyPort)
            return anyOf({integerSetTest(athenaColumn(Field::SrcPort), n.integers),
                          integerSetTest(athenaColumn(Field::DstPort), n.integers)});
        return integerSetTest(athenaColumn(n.target.field), n.integers);
    }

    Sql on(const TextMatchNode &n)
    {
        const std::string column = athenaColumn(n.field);
        Sql test;
        bool dash = false; // whether the test alone would match the '-' of an absent value
        if (n.mode == TextMatch::Contains) {
            if (n.pattern.empty())
                return compare(column, "<>", "'-'");
            test = {"strpos(" + column + ", " + athenaString(n.pattern) + ") > 0", Prec::Compare, true};
            dash = n.pattern == "-";
        } else {
            m_usesRegex = true;
            test = {"regexp_like(" + column + ", " + athenaString(n.pattern) + ")", Prec::Atom, true};
            dash = regexMatchesDash(n.pattern);
        }
        return dash ? join({compare(column, "<>", "'-'"), test}, Prec::And) : test;
    }

    Sql on(const HasFlagNode &n)
    {
        const std::string mask = std::to_string(n.mask);
        return compare("bitwise_and(" + athenaColumn(n.field) + ", " + mask + ")", "=", mask);
    }

    // The interface ids the snapshot resolved, spelled out: Athena has no snapshot.
    Sql on(const InterfaceAttributeNode &n)
    {
        Sql test = literal("FALSE");
        if (!n.interfaceIds.empty()) {
            std::string list;
            for (const std::string &id : n.interfaceIds)
                list += (list.empty() ? "" : ", ") + athenaString(id);
            test = {athenaColumn(Field::InterfaceId) + " IN (" + list + ")", Prec::Compare, true};
        }
        return n.test == AttributeTest::NotEquals ? negate(test) : test;
    }

    // Stars and tags name records of this case by id: Athena's table has no such ids.
    Sql on(const RecordMarkNode &n)
    {
        m_markTerm = n.kind == RecordMarkKind::Starred ? "starred" : "tag";
        return literal("FALSE");
    }

    Sql on(const IocListNode &n)
    {
        const std::string table = iocTableName(m_options, n.list);
        const std::string value = athenaIdentifier(m_options.iocValueColumn);
        // Addresses compare as ipaddress, so the spelling of an IPv6 address
        // in the list does not matter.
        auto member = [&](Field field) -> Sql {
            if (fieldInfo(field).kind == FieldKind::Address)
                return {"try_cast(" + athenaColumn(field) + " AS ipaddress) IN (SELECT try_cast(" + value
                            + " AS ipaddress) FROM " + table + ")",
                        Prec::Compare, true};
            return {athenaColumn(field) + " IN (SELECT " + value + " FROM " + table + ")", Prec::Compare, true};
        };
        if (n.target.kind == FilterTargetKind::AnyAddress)
            return anyOf({member(Field::SrcAddr), member(Field::DstAddr)});
        return member(n.target.field);
    }

    static Sql addressTest(const std::string &column, const std::vector<AddressRange> &ranges)
    {
        const std::string cast = "try_cast(" + column + " AS ipaddress)";
        std::vector<std::string> singles;
        std::vector<Sql> terms;
        for (const AddressRange &r : withoutMappedIpv4(ranges)) {
            if (r.lo == r.hi)
                singles.push_back(ipLiteral(r.lo));
            else
                terms.push_back({cast + " BETWEEN " + ipLiteral(r.lo) + " AND " + ipLiteral(r.hi), Prec::Compare, true});
        }
        if (singles.size() == 1)
            terms.insert(terms.begin(), compare(cast, "=", singles.front()));
        else if (!singles.empty())
            terms.insert(terms.begin(), {cast + " IN (" + joined(singles) + ")", Prec::Compare, true});
        return anyOf(std::move(terms));
    }

    static Sql integerSetTest(const std::string &column, const std::vector<IntegerRange> &ranges)
    {
        std::vector<std::string> singles;
        std::vector<Sql> terms;
        for (const IntegerRange &r : ranges) {
            if (r.lo == r.hi)
                singles.push_back(std::to_string(r.lo));
            else
                terms.push_back({column + " BETWEEN " + std::to_string(r.lo) + " AND " + std::to_string(r.hi),
                                 Prec::Compare, true});
        }
        if (singles.size() == 1)
            terms.insert(terms.begin(), compare(column, "=", singles.front()));
        else if (!singles.empty())
            terms.insert(terms.begin(), {column + " IN (" + joined(singles) + ")", Prec::Compare, true});
        return anyOf(std::move(terms));
    }

    static std::string joined(const std::vector<std::string> &items)
    {
        std::string out;
        for (const std::string &item : items) {
            if (!out.empty())
                out += ", ";
            out += item;
        }
        return out;
    }

    const AthenaSqlOptions &m_options;
    bool m_usesRegex = false;
    std::string m_markTerm; // `starred` or `tag` met: no query can be made
};

// ---- Partition bounds every match must meet.

struct Bounds {
    std::optional<std::int64_t> minEnd;   // every match ends at or after this
    std::optional<std::int64_t> maxStart; // every match starts at or before this
    std::optional<std::set<std::string>> accounts, regions;
};

std::int64_t saturatingAdd(std::int64_t a, std::int64_t b)
{
    if (b > 0 && a > std::numeric_limits<std::int64_t>::max() - b)
        return std::numeric_limits<std::int64_t>::max();
    if (b < 0 && a < std::numeric_limits<std::int64_t>::min() - b)
        return std::numeric_limits<std::int64_t>::min();
    return a + b;
}

// Under `and` a bound from any part holds; two bounds combine.
template <typename T, typename Pick>
std::optional<T> both(const std::optional<T> &a, const std::optional<T> &b, Pick pick)
{
    if (a && b)
        return pick(*a, *b);
    return a ? a : b;
}

// Under `or` only a bound that every part has holds, widened to cover all.
template <typename T, typename Pick>
std::optional<T> either(const std::optional<T> &a, const std::optional<T> &b, Pick pick)
{
    if (a && b)
        return pick(*a, *b);
    return std::nullopt;
}

std::set<std::string> intersection(const std::set<std::string> &a, const std::set<std::string> &b)
{
    std::set<std::string> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
    return out;
}

std::set<std::string> unionOf(std::set<std::string> a, const std::set<std::string> &b)
{
    a.insert(b.begin(), b.end());
    return a;
}

Bounds boundsOf(const FilterNode &node);

// Time bounds from one comparison on time, start or end: since start <= end
// on every record, the same bounds hold for all three (start > t gives
// end > t, end < t gives start < t, and == t gives both).
Bounds timeBounds(CompareOp op, std::int64_t t)
{
    Bounds b;
    switch (op) {
    case CompareOp::Eq:
        b.minEnd = t;
        b.maxStart = t;
        break;
    case CompareOp::Gt: b.minEnd = saturatingAdd(t, 1); break;
    case CompareOp::Ge: b.minEnd = t; break;
    case CompareOp::Lt: b.maxStart = saturatingAdd(t, -1); break;
    case CompareOp::Le: b.maxStart = t; break;
    case CompareOp::Ne: break;
    }
    return b;
}

Bounds boundsOfNode(const AndNode &n)
{
    Bounds out;
    for (const auto &child : n.children) {
        const Bounds b = boundsOf(*child);
        out.minEnd = both(out.minEnd, b.minEnd, [](auto x, auto y) { return std::max(x, y); });
        out.maxStart = both(out.maxStart, b.maxStart, [](auto x, auto y) { return std::min(x, y); });
        out.accounts = both(out.accounts, b.accounts, intersection);
        out.regions = both(out.regions, b.regions, intersection);
    }
    return out;
}

Bounds boundsOfNode(const OrNode &n)
{
    Bounds out = boundsOf(*n.children.front());
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const Bounds b = boundsOf(*n.children[i]);
        out.minEnd = either(out.minEnd, b.minEnd, [](auto x, auto y) { return std::min(x, y); });
        out.maxStart = either(out.maxStart, b.maxStart, [](auto x, auto y) { return std::max(x, y); });
        out.accounts = either(out.accounts, b.accounts, unionOf);
        out.regions = either(out.regions, b.regions, unionOf);
    }
    return out;
}

Bounds boundsOfNode(const CompareNode &n)
{
    if (n.target.kind == FilterTargetKind::TimeSpan
        || (n.target.kind == FilterTargetKind::Field && (n.target.field == Field::Start || n.target.field == Field::End)))
        return timeBounds(n.op, timeOf(n.value));
    Bounds b;
    if (n.op == CompareOp::Eq && n.target.kind == FilterTargetKind::Field && n.value.kind == ValueKind::Text
        && !n.value.text.empty() && n.value.text != "-") {
        if (n.target.field == Field::AccountId)
            b.accounts = std::set<std::string>{n.value.text};
        else if (n.target.field == Field::Region)
            b.regions = std::set<std::string>{n.value.text};
    }
    return b;
}

Bounds boundsOfNode(const InSetNode &n)
{
    Bounds b;
    if (n.target.kind == FilterTargetKind::Field && (n.target.field == Field::Start || n.target.field == Field::End)
        && !n.integers.empty()) {
        b.minEnd = static_cast<std::int64_t>(n.integers.front().lo);
        b.maxStart = static_cast<std::int64_t>(n.integers.back().hi);
    }
    return b;
}

template <typename Node>
Bounds boundsOfNode(const Node &) { return {}; } // `not`, text tests...: no bound

Bounds boundsOf(const FilterNode &node)
{
    return std::visit([](const auto &n) { return boundsOfNode(n); }, node.node);
}

constexpr std::int64_t kLastFormattableTime = 253402300799; // 9999-12-31T23:59:59Z

// The day partition value holding time t, or nothing outside years 1970..9999.
std::optional<std::string> dayValue(std::int64_t t, const AthenaSqlOptions &options)
{
    if (t < 0 || t > kLastFormattableTime)
        return std::nullopt;
    const std::string iso = formatFilterTime(t); // 2026-03-10T02:00:00Z
    const std::string y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
    if (options.dayIsDate)
        return "DATE '" + y + "-" + m + "-" + d + "'";
    std::string out;
    const std::string &f = options.dayFormat;
    for (std::size_t i = 0; i < f.size();) {
        if (f.compare(i, 4, "yyyy") == 0) {
            out += y;
            i += 4;
        } else if (f.compare(i, 2, "MM") == 0) {
            out += m;
            i += 2;
        } else if (f.compare(i, 2, "dd") == 0) {
            out += d;
            i += 2;
        } else {
            out += f[i++];
        }
    }
    return athenaString(out);
}

std::string valueList(const std::string &column, const std::set<std::string> &values)
{
    if (values.size() == 1)
        return column + " = " + athenaString(*values.begin());
    std::string out = column + " IN (";
    bool first = true;
    for (const std::string &v : values) {
        out += (first ? "" : ", ") + athenaString(v);
        first = false;
    }
    return out + ")";
}

// Partition predicates, and notes on what could not be bounded.
std::vector<std::string> partitionPredicates(const FilterNode &filter, const AthenaSqlOptions &options,
                                             std::vector<std::string> &notes)
{
    const Bounds b = boundsOf(filter);
    std::vector<std::string> out;
    if (!options.accountPartition.empty() && options.accountIdNarrowsPartition && b.accounts && !b.accounts->empty())
        out.push_back(valueList(athenaIdentifier(options.accountPartition), *b.accounts));
    // With the AWS DDL the region partition is the region column: the filter
    // already tests it.
    if (!options.regionPartition.empty() && options.regionPartition != fieldInfo(Field::Region).name && b.regions
        && !b.regions->empty())
        out.push_back(valueList(athenaIdentifier(options.regionPartition), *b.regions));
    if (options.dayPartition.empty())
        return out;
    const std::string day = athenaIdentifier(options.dayPartition);
    const std::optional<std::string> first = b.minEnd ? dayValue(std::max<std::int64_t>(*b.minEnd, 0), options) : std::nullopt;
    const std::optional<std::string> last
        = b.maxStart ? dayValue(saturatingAdd(*b.maxStart, std::max<std::int64_t>(options.deliveryLagSeconds, 0)), options)
                     : std::nullopt;
    if (first && last)
        out.push_back(*first == *last ? day + " = " + *first : day + " BETWEEN " + *first + " AND " + *last);
    else if (first)
        out.push_back(day + " >= " + *first);
    else if (last)
        out.push_back(day + " <= " + *last);
    if (!first && !last)
        notes.push_back("the filter has no time bounds, so Athena reads every " + options.dayPartition
                        + " partition (add e.g. time >= 2026-03-10T00:00Z and time < 2026-03-11T00:00Z)");
    else if (!first)
        notes.push_back("the filter has no lower time bound, so Athena reads every earlier " + options.dayPartition
                        + " partition");
    else if (!last)
        notes.push_back("the filter has no upper time bound, so Athena reads every later " + options.dayPartition
                        + " partition");
    return out;
}

} // namespace

std::string athenaIdentifier(std::string_view name)
{
    bool plain = !name.empty() && !(name.front() >= '0' && name.front() <= '9') && !isReserved(name);
    for (const char c : name)
        plain = plain && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    return plain ? std::string(name) : quotedIdentifier(name);
}

std::string athenaString(std::string_view text)
{
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'')
            out += '\'';
        out += c;
    }
    return out + '\'';
}

std::string athenaColumn(Field field)
{
    std::string name(fieldInfo(field).name);
    std::replace(name.begin(), name.end(), '-', '_');
    return athenaIdentifier(name);
}

AthenaSqlResult toAthenaSql(const FilterNode &filter, const AthenaSqlOptions &options)
{
    AthenaSqlResult result;
    std::vector<Sql> conditions;
    for (std::string &p : partitionPredicates(filter, options, result.notes))
        conditions.push_back({std::move(p), Prec::Compare, true});

    // A top-level `and` gives one condition a line.
    Translator translator(options);
    auto add = [&](const FilterNode &node) {
        if (!std::holds_alternative<TrueNode>(node.node))
            conditions.push_back(translator.translate(node));
    };
    if (const auto *all = std::get_if<AndNode>(&filter.node)) {
        for (const auto &child : all->children)
            add(*child);
    } else {
        add(filter);
    }
    if (!translator.markTerm().empty()) {
        result.error = "'" + translator.markTerm() + "' names records of this case by id, which the Athena table "
                       "does not hold: filter on the records' fields instead";
        return result;
    }
    if (translator.usesRegex())
        result.notes.push_back("'matches' runs as a Java regular expression in Athena (ECMAScript here); "
                               "exotic syntax may differ");

    std::string sql = "SELECT *\nFROM " + quotedIdentifier(options.database) + "." + quotedIdentifier(options.table);
    // Even a lone OR keeps its parentheses, so a condition added by hand
    // cannot bind into it.
    for (std::size_t i = 0; i < conditions.size(); ++i)
        sql += (i == 0 ? "\nWHERE " : "\n  AND ") + operand(conditions[i], Prec::And);
    if (options.limit)
        sql += "\nLIMIT " + std::to_string(*options.limit);
    sql += '\n';
    if (sql.size() > options.maxQueryBytes) {
        result.error = "the Athena query would be " + std::to_string(sql.size()) + " bytes, over Athena's limit of "
            + std::to_string(options.maxQueryBytes) + " bytes: put long sets of values in an IOC list table and "
              "test them with 'in @name'";
        return result;
    }
    result.sql = std::move(sql);
    return result;
}

} // namespace flowscope
