// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_canonical.h"

#include "filter_values.h"

namespace flowscope {
namespace {

std::string quoted(const std::string &text)
{
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\\': out += "\\\\"; break;
        default: out += c; break;
        }
    }
    return out + '"';
}

std::string_view opText(CompareOp op)
{
    switch (op) {
    case CompareOp::Eq: return "==";
    case CompareOp::Ne: return "!=";
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::Ge: return ">=";
    }
    return {};
}

std::string valueText(const FilterValue &v)
{
    switch (v.kind) {
    case ValueKind::Integer: return std::to_string(v.integer);
    case ValueKind::Address: return formatAddressRange(v.address);
    case ValueKind::Name: return v.text;
    case ValueKind::Text: return quoted(v.text);
    case ValueKind::Time: return formatFilterTime(v.time);
    }
    return {};
}

bool isCompound(const FilterNode &n)
{
    return std::holds_alternative<OrNode>(n.node) || std::holds_alternative<AndNode>(n.node);
}

// Recursion depth is bounded by the parser's nesting limit: and/or are flat.
std::string print(const FilterNode &n);

std::string operand(const FilterNode &n)
{
    return isCompound(n) ? "(" + print(n) + ")" : print(n);
}

std::string joined(const std::vector<FilterNodePtr> &children, std::string_view separator)
{
    std::string out;
    for (const auto &child : children) {
        if (!out.empty())
            out += separator;
        out += operand(*child);
    }
    return out;
}

std::string print(const FilterNode &n)
{
    struct Visitor {
        std::string operator()(const TrueNode &) const { return "true"; }
        std::string operator()(const OrNode &o) const { return joined(o.children, " or "); }
        std::string operator()(const AndNode &a) const { return joined(a.children, " and "); }
        std::string operator()(const NotNode &x) const { return "not " + operand(*x.child); }
        std::string operator()(const CompareNode &c) const
        {
            return targetName(c.target) + " " + std::string(opText(c.op)) + " " + valueText(c.value);
        }
        std::string operator()(const InSetNode &s) const
        {
            std::string out = targetName(s.target) + " in {";
            bool first = true;
            auto sep = [&] {
                if (!first)
                    out += ", ";
                first = false;
            };
            for (const auto &r : s.integers) {
                sep();
                out += std::to_string(r.lo);
                if (r.hi != r.lo)
                    out += ".." + std::to_string(r.hi);
            }
            for (const auto &r : s.addresses) {
                sep();
                out += formatAddressRange(r);
            }
            return out + "}";
        }
        std::string operator()(const TextMatchNode &t) const
        {
            return std::string(fieldInfo(t.field).name) + (t.mode == TextMatch::Contains ? " contains " : " matches ")
                + quoted(t.pattern);
        }
        std::string operator()(const HasFlagNode &h) const
        {
            return std::string(fieldInfo(h.field).name) + " has " + std::string(tcpFlagName(h.mask));
        }
        std::string operator()(const IocListNode &l) const { return targetName(l.target) + " in @" + l.list; }
        std::string operator()(const RecordMarkNode &m) const
        {
            if (m.kind == RecordMarkKind::Starred)
                return "starred";
            std::string_view op;
            switch (m.test) {
            case AttributeTest::Equals: op = " == "; break;
            case AttributeTest::NotEquals: op = " != "; break;
            case AttributeTest::Contains: op = " contains "; break;
            case AttributeTest::Matches: op = " matches "; break;
            }
            return "tag" + std::string(op) + quoted(m.value);
        }
        std::string operator()(const InterfaceAttributeNode &a) const
        {
            std::string_view op;
            switch (a.test) {
            case AttributeTest::Equals: op = " == "; break;
            case AttributeTest::NotEquals: op = " != "; break;
            case AttributeTest::Contains: op = " contains "; break;
            case AttributeTest::Matches: op = " matches "; break;
            }
            return std::string(interfaceAttributeName(a.attribute)) + std::string(op) + quoted(a.value);
        }
    };
    return std::visit(Visitor{}, n.node);
}

} // namespace

std::string targetName(const FilterTarget &target)
{
    switch (target.kind) {
    case FilterTargetKind::Field: return std::string(fieldInfo(target.field).name);
    case FilterTargetKind::AnyAddress: return "addr";
    case FilterTargetKind::AnyPort: return "port";
    case FilterTargetKind::TimeSpan: return "time";
    }
    return {};
}

std::string toCanonicalString(const FilterNode &node) { return print(node); }

} // namespace flowscope
