// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_parser.h"

#include "filter_canonical.h"
#include "filter_lexer.h"
#include "filter_values.h"

#include <algorithm>
#include <limits>
#include <regex>

namespace flowscope {
namespace {

using TT = FilterTokenType;

// std::regex compiles recursively; a bound keeps hostile patterns from
// exhausting the stack.
constexpr std::size_t kMaxRegexLength = 1000;

enum class ValueClass : std::uint8_t { Integer, Address, Enum, Text, Time };

struct Target {
    FilterTarget target;
    ValueClass cls = ValueClass::Integer;
    std::uint64_t maxValue = 0;
    bool allowUnits = false;
    std::string name;
};

bool equalsNoCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto low = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
               return low(x) == low(y);
           });
}

bool isKeyword(const FilterToken &tok, std::string_view keyword)
{
    return tok.type == TT::Word && equalsNoCase(tok.text, keyword);
}

bool isAnyKeyword(const FilterToken &tok)
{
    for (std::string_view k : {"and", "or", "not", "in", "contains", "matches", "has", "true"})
        if (isKeyword(tok, k))
            return true;
    return false;
}

std::optional<Target> resolveTarget(std::string_view word)
{
    Target t;
    if (equalsNoCase(word, "addr")) {
        t.target.kind = FilterTargetKind::AnyAddress;
        t.cls = ValueClass::Address;
    } else if (equalsNoCase(word, "port")) {
        t.target.kind = FilterTargetKind::AnyPort;
        t.maxValue = 65535;
    } else if (equalsNoCase(word, "time")) {
        t.target.kind = FilterTargetKind::TimeSpan;
        t.cls = ValueClass::Time;
        t.maxValue = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    } else {
        std::optional<Field> field = equalsNoCase(word, "eni") ? Field::InterfaceId : fieldByName(word);
        if (!field)
            return std::nullopt;
        const FieldInfo &info = fieldInfo(*field);
        t.target.field = *field;
        t.maxValue = info.maxValue;
        t.allowUnits = *field == Field::Bytes;
        switch (info.kind) {
        case FieldKind::Integer:
            t.cls = *field == Field::Start || *field == Field::End ? ValueClass::Time : ValueClass::Integer;
            break;
        case FieldKind::Address: t.cls = ValueClass::Address; break;
        case FieldKind::Enum: t.cls = ValueClass::Enum; break;
        case FieldKind::Text: t.cls = ValueClass::Text; break;
        }
    }
    t.name = targetName(t.target);
    return t;
}

std::string_view className(ValueClass c)
{
    switch (c) {
    case ValueClass::Integer: return "an integer field";
    case ValueClass::Address: return "an address field";
    case ValueClass::Enum: return "a named-value field";
    case ValueClass::Text: return "a text field";
    case ValueClass::Time: return "a time field";
    }
    return {};
}

std::string expectedValue(const Target &t)
{
    switch (t.cls) {
    case ValueClass::Integer:
        return t.target.field == Field::Protocol && t.target.kind == FilterTargetKind::Field
            ? "expected a protocol number or name (tcp, udp, icmp, icmpv6, esp, gre, ...) for protocol"
            : "expected a number for " + t.name;
    case ValueClass::Address: return "expected an address or CIDR for " + t.name;
    case ValueClass::Enum: return "expected a name for " + t.name;
    case ValueClass::Text: return "expected a string for " + t.name;
    case ValueClass::Time: return "expected a time (ISO 8601 with a zone, or epoch seconds) for " + t.name;
    }
    return {};
}

void appendFlattened(std::vector<FilterNodePtr> &children, FilterNodePtr child, bool isOr)
{
    if (isOr && std::holds_alternative<OrNode>(child->node)) {
        for (auto &c : std::get<OrNode>(child->node).children)
            children.push_back(std::move(c));
    } else if (!isOr && std::holds_alternative<AndNode>(child->node)) {
        for (auto &c : std::get<AndNode>(child->node).children)
            children.push_back(std::move(c));
    } else {
        children.push_back(std::move(child));
    }
}

template<typename T>
FilterNodePtr makeNode(T value)
{
    auto node = std::make_unique<FilterNode>();
    node->node = std::move(value);
    return node;
}

void normaliseIntegers(std::vector<IntegerRange> &ranges)
{
    std::sort(ranges.begin(), ranges.end(), [](const auto &a, const auto &b) { return a.lo < b.lo; });
    std::vector<IntegerRange> merged;
    for (const auto &r : ranges) {
        if (!merged.empty()
            && (merged.back().hi == std::numeric_limits<std::uint64_t>::max() || r.lo <= merged.back().hi + 1))
            merged.back().hi = std::max(merged.back().hi, r.hi);
        else
            merged.push_back(r);
    }
    ranges = std::move(merged);
}

void normaliseAddresses(std::vector<AddressRange> &ranges)
{
    std::sort(ranges.begin(), ranges.end(), [](const auto &a, const auto &b) { return addressLess(a.lo, b.lo); });
    std::vector<AddressRange> merged;
    for (const auto &r : ranges) {
        if (!merged.empty() && merged.back().hi.family == r.lo.family) {
            IpAddress after;
            const bool last = !nextAddress(merged.back().hi, after);
            if (last || !addressLess(after, r.lo)) {
                if (addressLess(merged.back().hi, r.hi))
                    merged.back().hi = r.hi;
                continue;
            }
        }
        merged.push_back(r);
    }
    ranges = std::move(merged);
}

class Parser {
public:
    Parser(std::string_view expression, const LexedFilter &lexed, const FilterParseOptions &options)
        : m_expression(expression), m_lexed(lexed), m_options(options)
    {
    }

    FilterParseResult run()
    {
        FilterParseResult result;
        if (peek().type == TT::End) {
            result.root = makeNode(TrueNode{});
            return result;
        }
        FilterNodePtr root = parseOr();
        if (root && peek().type != TT::End)
            fail(peek(), peek().type == TT::RParen ? "unmatched ')'"
                                                   : "expected 'and', 'or' or the end of the filter");
        if (m_error)
            result.error = std::move(m_error);
        else
            result.root = std::move(root);
        return result;
    }

private:
    const FilterToken &peek() const { return m_lexed.tokens[m_pos]; }
    const FilterToken &take() { return m_lexed.tokens[m_pos++]; }

    // Records the first error; at the end of input it is Incomplete, at a
    // lexing error the lexer's own error wins.
    std::nullptr_t fail(const FilterToken &tok, std::string message)
    {
        if (m_error)
            return nullptr;
        if (tok.type == TT::Error) {
            m_error = m_lexed.error;
            return nullptr;
        }
        FilterError e;
        e.kind = tok.type == TT::End ? FilterError::Kind::Incomplete : FilterError::Kind::Invalid;
        e.position = tok.position;
        e.length = tok.length;
        e.token = std::string(m_expression.substr(tok.position, tok.length)); // as typed, quotes included
        e.message = std::move(message);
        m_error = std::move(e);
        return nullptr;
    }

    bool enter(const FilterToken &tok)
    {
        if (++m_depth <= m_options.maxDepth)
            return true;
        fail(tok, "nesting deeper than " + std::to_string(m_options.maxDepth) + " levels of '(' or 'not'");
        return false;
    }

    FilterNodePtr parseOr()
    {
        FilterNodePtr first = parseAnd();
        if (!first)
            return nullptr;
        if (!isOr(peek()))
            return first;
        OrNode node;
        appendFlattened(node.children, std::move(first), true);
        while (isOr(peek())) {
            take();
            FilterNodePtr next = parseAnd();
            if (!next)
                return nullptr;
            appendFlattened(node.children, std::move(next), true);
        }
        return makeNode(std::move(node));
    }

    FilterNodePtr parseAnd()
    {
        FilterNodePtr first = parseUnary();
        if (!first)
            return nullptr;
        if (!isAnd(peek()))
            return first;
        AndNode node;
        appendFlattened(node.children, std::move(first), false);
        while (isAnd(peek())) {
            take();
            FilterNodePtr next = parseUnary();
            if (!next)
                return nullptr;
            appendFlattened(node.children, std::move(next), false);
        }
        return makeNode(std::move(node));
    }

    static bool isOr(const FilterToken &t) { return t.type == TT::OrOr || isKeyword(t, "or"); }
    static bool isAnd(const FilterToken &t) { return t.type == TT::AndAnd || isKeyword(t, "and"); }

    FilterNodePtr parseUnary()
    {
        const FilterToken &tok = peek();
        if (tok.type != TT::Bang && !isKeyword(tok, "not"))
            return parsePrimary();
        if (!enter(tok))
            return nullptr;
        take();
        FilterNodePtr child = parseUnary();
        --m_depth;
        if (!child)
            return nullptr;
        return makeNode(NotNode{std::move(child)});
    }

    FilterNodePtr parsePrimary()
    {
        const FilterToken &tok = peek();
        if (tok.type == TT::LParen) {
            if (!enter(tok))
                return nullptr;
            take();
            FilterNodePtr inner = parseOr();
            if (!inner)
                return nullptr;
            if (peek().type != TT::RParen)
                return fail(peek(), "expected ')' to close the '(' at position " + std::to_string(tok.position));
            take();
            --m_depth;
            return inner;
        }
        if (tok.type == TT::IocRef)
            return parseIocList(Target{FilterTarget{FilterTargetKind::AnyAddress, Field::Version}, ValueClass::Address, 0,
                                       false, "addr"});
        if (tok.type != TT::Word || (isAnyKeyword(tok) && !isKeyword(tok, "true")))
            return fail(tok, "expected a field name, 'not' or '('");
        if (isKeyword(tok, "true")) {
            take();
            return makeNode(TrueNode{});
        }
        if (const auto attribute = interfaceAttributeByName(tok.text))
            return parseInterfaceAttribute(*attribute);
        if (equalsLower(tok.text, "starred"))
            return parseStarred();
        if (equalsLower(tok.text, "tag"))
            return parseTag();
        const std::optional<Target> target = resolveTarget(tok.text);
        if (!target)
            return fail(tok, "unknown field '" + tok.text + "': expected an AWS flow-log field name "
                                                             "or addr, port, eni, time");
        take();
        const FilterToken &op = peek();
        switch (op.type) {
        case TT::Eq: return parseCompare(*target, CompareOp::Eq);
        case TT::Ne: return parseCompare(*target, CompareOp::Ne);
        case TT::Lt: return parseCompare(*target, CompareOp::Lt);
        case TT::Le: return parseCompare(*target, CompareOp::Le);
        case TT::Gt: return parseCompare(*target, CompareOp::Gt);
        case TT::Ge: return parseCompare(*target, CompareOp::Ge);
        default: break;
        }
        if (isKeyword(op, "in"))
            return parseIn(*target);
        if (isKeyword(op, "contains"))
            return parseTextMatch(*target, TextMatch::Contains);
        if (isKeyword(op, "matches"))
            return parseTextMatch(*target, TextMatch::Matches);
        if (isKeyword(op, "has"))
            return parseHas(*target);
        return fail(op, "expected an operator after " + target->name
                            + " (==, !=, <, <=, >, >=, in, contains, matches, has)");
    }

    FilterNodePtr parseCompare(const Target &target, CompareOp op)
    {
        const FilterToken &opTok = take();
        const bool ordering = op != CompareOp::Eq && op != CompareOp::Ne;
        if (ordering && target.cls != ValueClass::Integer && target.cls != ValueClass::Time) {
            std::string message = "'" + opTok.text + "' compares numbers and times, but " + target.name + " is "
                + std::string(className(target.cls));
            if (target.cls == ValueClass::Address)
                message += " (use == with a CIDR, or 'in {lo..hi}')";
            return fail(opTok, message);
        }
        CompareNode node{target.target, op, {}};
        if (!parseValue(target, node.value))
            return nullptr;
        return makeNode(std::move(node));
    }

    bool parseValue(const Target &target, FilterValue &value)
    {
        const FilterToken &tok = peek();
        const bool quoted = tok.type == TT::String;
        if (tok.type == TT::IocRef) {
            fail(tok, "an IOC list is tested with 'in @" + tok.text + "'");
            return false;
        }
        if (tok.type != TT::Word && !(quoted && (target.cls == ValueClass::Text || target.cls == ValueClass::Enum))) {
            fail(tok, expectedValue(target));
            return false;
        }
        std::string error;
        switch (target.cls) {
        case ValueClass::Integer:
            value.kind = ValueKind::Integer;
            if (target.target.kind == FilterTargetKind::Field && target.target.field == Field::Protocol
                && protocolByName(tok.text, value.integer))
                break;
            if (!parseFilterInteger(tok.text, target.maxValue, target.allowUnits, value.integer, error)) {
                fail(tok, (error.rfind("out of range", 0) == 0 ? tok.text + " is " + error : error) + " for "
                             + target.name);
                return false;
            }
            break;
        case ValueClass::Time:
            value.kind = ValueKind::Time;
            if (!parseFilterTime(tok.text, value.time, error)) {
                fail(tok, error + " for " + target.name);
                return false;
            }
            break;
        case ValueClass::Address:
            value.kind = ValueKind::Address;
            if (!parseFilterAddress(tok.text, value.address, error)) {
                fail(tok, error);
                return false;
            }
            break;
        case ValueClass::Enum:
            value.kind = ValueKind::Name;
            if (!enumValueByName(target.target.field, tok.text, value.integer, value.text, error)) {
                fail(tok, error + " for " + target.name);
                return false;
            }
            break;
        case ValueClass::Text:
            value.kind = ValueKind::Text;
            value.text = tok.text;
            break;
        }
        take();
        return true;
    }

    // At an IocRef token.
    FilterNodePtr parseIocList(const Target &target)
    {
        const FilterToken &tok = peek();
        if (target.cls != ValueClass::Address && (m_options.iocLists || target.cls != ValueClass::Text))
            return fail(tok, std::string(m_options.iocLists ? "IOC lists hold addresses" : "IOC lists apply to address and text fields")
                                 + ", but " + target.name + " is " + std::string(className(target.cls)));
        IocListNode node{target.target, tok.text, nullptr};
        if (m_options.iocLists) {
            node.indicators = m_options.iocLists(tok.text);
            if (!node.indicators)
                return fail(tok, "unknown IOC list '@" + tok.text + "': the case holds no list of that name");
        } else if (!m_options.iocListExists || !m_options.iocListExists(tok.text)) {
            return fail(tok, "unknown IOC list '@" + tok.text + "'");
        }
        take();
        return makeNode(std::move(node));
    }

    FilterNodePtr parseIn(const Target &target)
    {
        const FilterToken &inTok = take();
        const FilterToken &tok = peek();
        if (tok.type == TT::IocRef)
            return parseIocList(target);
        if (tok.type != TT::LBrace)
            return fail(tok, "expected '{' or an IOC list '@name' after 'in'");
        if (target.cls == ValueClass::Enum || target.cls == ValueClass::Text)
            return fail(inTok, "'in {...}' takes numbers or addresses, but " + target.name + " is "
                                   + std::string(className(target.cls)));
        if (target.target.kind == FilterTargetKind::TimeSpan)
            return fail(inTok, "'in {...}' is not available for time: use time >= a and time <= b");
        take();
        InSetNode node{target.target, {}, {}};
        if (peek().type == TT::RBrace)
            return fail(peek(), expectedValue(target) + ": a set cannot be empty");
        while (true) {
            if (!parseSetItem(target, node))
                return nullptr;
            const FilterToken &sep = peek();
            if (sep.type == TT::RBrace) {
                take();
                break;
            }
            if (sep.type != TT::Comma)
                return fail(sep, "expected ',' or '}' in the set");
            take();
        }
        if (target.cls == ValueClass::Address)
            normaliseAddresses(node.addresses);
        else
            normaliseIntegers(node.integers);
        return makeNode(std::move(node));
    }

    bool parseSetItem(const Target &target, InSetNode &node)
    {
        const FilterToken &first = peek();
        FilterValue lo, hi;
        if (!parseValue(target, lo))
            return false;
        const bool range = peek().type == TT::DotDot;
        if (range) {
            take();
            if (!parseValue(target, hi))
                return false;
        }
        const FilterToken &last = m_lexed.tokens[m_pos - 1];
        const FilterToken span{TT::Word, first.position, last.position + last.length - first.position,
                               first.text + (range ? ".." + last.text : "")};
        if (target.cls == ValueClass::Address) {
            AddressRange r{lo.address.lo, range ? hi.address.hi : lo.address.hi};
            if (r.lo.family != r.hi.family) {
                fail(span, "a range cannot mix IPv4 and IPv6");
                return false;
            }
            if (addressLess(r.hi, r.lo)) {
                fail(span, "empty range: the first address is above the last");
                return false;
            }
            node.addresses.push_back(r);
            return true;
        }
        auto number = [&](const FilterValue &v) {
            return v.kind == ValueKind::Time ? static_cast<std::uint64_t>(v.time) : v.integer;
        };
        IntegerRange r{number(lo), number(range ? hi : lo)};
        if (r.lo > r.hi) {
            fail(span, "empty range: the first value is above the last");
            return false;
        }
        node.integers.push_back(r);
        return true;
    }

    FilterNodePtr parseTextMatch(const Target &target, TextMatch mode)
    {
        const FilterToken &opTok = take();
        if (target.cls != ValueClass::Text)
            return fail(opTok, "'" + opTok.text + "' applies only to text fields, but " + target.name + " is "
                                   + std::string(className(target.cls)));
        const FilterToken &tok = peek();
        if (tok.type != TT::String && tok.type != TT::Word)
            return fail(tok, mode == TextMatch::Matches ? "expected a regular expression in double quotes"
                                                        : "expected a string");
        if (mode == TextMatch::Matches) {
            if (tok.text.size() > kMaxRegexLength)
                return fail(tok, "regular expression longer than " + std::to_string(kMaxRegexLength) + " bytes");
            try {
                std::regex re(tok.text, std::regex::ECMAScript);
            } catch (const std::regex_error &e) {
                return fail(tok, std::string("invalid regular expression: ") + e.what());
            }
        }
        take();
        return makeNode(TextMatchNode{target.target.field, mode, tok.text});
    }

    static bool equalsLower(std::string_view word, std::string_view lower)
    {
        return word.size() == lower.size()
            && std::equal(word.begin(), word.end(), lower.begin(), [](char a, char b) {
                   return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
               });
    }

    FilterNodePtr parseStarred()
    {
        const FilterToken &tok = take();
        if (!m_options.recordMarks)
            return fail(tok, "starred needs a case: stars are kept in it");
        return makeNode(RecordMarkNode{RecordMarkKind::Starred, AttributeTest::Equals, {},
                                       m_options.recordMarks->starredRecords()});
    }

    FilterNodePtr parseTag()
    {
        const FilterToken &fieldTok = take();
        const RecordMarks *marks = m_options.recordMarks;
        if (!marks)
            return fail(fieldTok, "tag needs a case: tags are kept in it");
        const FilterToken &opTok = peek();
        RecordMarkNode node{RecordMarkKind::Tag, AttributeTest::Equals, {}, {}};
        if (opTok.type == TT::Eq)
            node.test = AttributeTest::Equals;
        else if (opTok.type == TT::Ne)
            node.test = AttributeTest::NotEquals;
        else if (isKeyword(opTok, "contains"))
            node.test = AttributeTest::Contains;
        else if (isKeyword(opTok, "matches"))
            node.test = AttributeTest::Matches;
        else
            return fail(opTok, "expected ==, !=, contains or matches after tag");
        take();
        const FilterToken &tok = peek();
        if (tok.type != TT::String && (tok.type != TT::Word || isAnyKeyword(tok)))
            return fail(tok, node.test == AttributeTest::Matches ? "expected a regular expression in double quotes"
                                                                 : "expected a tag");
        node.value = tok.text;
        if (node.test == AttributeTest::Equals || node.test == AttributeTest::NotEquals) {
            node.records = marks->recordsTagged(tok.text); // != selects the records outside
        } else {
            std::optional<std::regex> re;
            if (node.test == AttributeTest::Matches) {
                if (tok.text.size() > kMaxRegexLength)
                    return fail(tok, "regular expression longer than " + std::to_string(kMaxRegexLength) + " bytes");
                try {
                    re.emplace(tok.text, std::regex::ECMAScript);
                } catch (const std::regex_error &e) {
                    return fail(tok, std::string("invalid regular expression: ") + e.what());
                }
            }
            std::string lowered(tok.text);
            for (char &c : lowered)
                c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            for (const std::string &tag : marks->tags()) {
                const bool pass = re ? std::regex_search(tag, *re) : tag.find(lowered) != std::string::npos;
                if (pass)
                    for (const std::int64_t record : marks->recordsTagged(tag))
                        node.records.push_back(record);
            }
        }
        std::sort(node.records.begin(), node.records.end());
        node.records.erase(std::unique(node.records.begin(), node.records.end()), node.records.end());
        take();
        return makeNode(std::move(node));
    }

    FilterNodePtr parseInterfaceAttribute(InterfaceAttribute attribute)
    {
        const FilterToken &fieldTok = take();
        const std::string name(interfaceAttributeName(attribute));
        const InterfaceAttributes *attributes = m_options.interfaceAttributes;
        if (!attributes)
            return fail(fieldTok, "no configuration snapshot loaded: " + name + " needs one");
        const FilterToken &opTok = peek();
        InterfaceAttributeNode node{attribute, AttributeTest::Equals, {}, {}};
        if (opTok.type == TT::Eq)
            node.test = AttributeTest::Equals;
        else if (opTok.type == TT::Ne)
            node.test = AttributeTest::NotEquals;
        else if (isKeyword(opTok, "contains"))
            node.test = AttributeTest::Contains;
        else if (isKeyword(opTok, "matches"))
            node.test = AttributeTest::Matches;
        else
            return fail(opTok, "expected ==, !=, contains or matches after " + name);
        take();
        const FilterToken &tok = peek();
        if (tok.type != TT::String && (tok.type != TT::Word || isAnyKeyword(tok)))
            return fail(tok, node.test == AttributeTest::Matches ? "expected a regular expression in double quotes"
                                                                 : "expected a name or id for " + name);
        node.value = tok.text;
        if (node.test == AttributeTest::Matches || node.test == AttributeTest::Contains) {
            std::optional<std::regex> re;
            if (node.test == AttributeTest::Matches) {
                if (tok.text.size() > kMaxRegexLength)
                    return fail(tok, "regular expression longer than " + std::to_string(kMaxRegexLength) + " bytes");
                try {
                    re.emplace(tok.text, std::regex::ECMAScript);
                } catch (const std::regex_error &e) {
                    return fail(tok, std::string("invalid regular expression: ") + e.what());
                }
            }
            for (const std::string &value : attributes->valuesOf(attribute)) {
                const bool match = re ? std::regex_search(value, *re) : value.find(tok.text) != std::string::npos;
                if (match)
                    for (std::string &id : attributes->interfacesWith(attribute, value))
                        node.interfaceIds.push_back(std::move(id));
            }
        } else {
            node.interfaceIds = attributes->interfacesWith(attribute, tok.text);
        }
        std::sort(node.interfaceIds.begin(), node.interfaceIds.end());
        node.interfaceIds.erase(std::unique(node.interfaceIds.begin(), node.interfaceIds.end()), node.interfaceIds.end());
        take();
        return makeNode(std::move(node));
    }

    FilterNodePtr parseHas(const Target &target)
    {
        const FilterToken &opTok = take();
        if (target.target.kind != FilterTargetKind::Field || target.target.field != Field::TcpFlags)
            return fail(opTok, "'has' applies only to tcp-flags");
        const FilterToken &tok = peek();
        std::uint8_t mask = 0;
        if (tok.type != TT::Word || !tcpFlagByName(tok.text, mask))
            return fail(tok, "expected a TCP flag name (fin, syn, rst, psh, ack, urg)");
        take();
        return makeNode(HasFlagNode{Field::TcpFlags, mask});
    }

    std::string_view m_expression;
    const LexedFilter &m_lexed;
    const FilterParseOptions &m_options;
    std::size_t m_pos = 0;
    std::size_t m_depth = 0;
    std::optional<FilterError> m_error;
};

} // namespace

FilterParseResult parseFilter(std::string_view expression, const FilterParseOptions &options)
{
    const LexedFilter lexed = lexFilter(expression);
    return Parser(expression, lexed, options).run();
}

} // namespace flowscope
