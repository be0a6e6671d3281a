// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_fields.h"

#include <algorithm>
#include <type_traits>

namespace flowscope {

namespace {

FieldSet fieldsOf(const FilterTarget &target)
{
    FieldSet fields;
    const auto add = [&](Field f) { fields.set(static_cast<std::size_t>(f)); };
    switch (target.kind) {
    case FilterTargetKind::Field: add(target.field); break;
    case FilterTargetKind::AnyAddress: add(Field::SrcAddr); add(Field::DstAddr); break;
    case FilterTargetKind::AnyPort: add(Field::SrcPort); add(Field::DstPort); break;
    case FilterTargetKind::TimeSpan: add(Field::Start); add(Field::End); break;
    }
    return fields;
}

FieldSet fieldOf(Field field)
{
    FieldSet fields;
    fields.set(static_cast<std::size_t>(field));
    return fields;
}

} // namespace

FieldSet fieldsReadBy(const FilterNode &node)
{
    return std::visit(
        [](const auto &n) -> FieldSet {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, TrueNode>) {
                return {};
            } else if constexpr (std::is_same_v<T, OrNode> || std::is_same_v<T, AndNode>) {
                FieldSet fields;
                for (const FilterNodePtr &child : n.children)
                    fields |= fieldsReadBy(*child);
                return fields;
            } else if constexpr (std::is_same_v<T, NotNode>) {
                return fieldsReadBy(*n.child);
            } else if constexpr (std::is_same_v<T, TextMatchNode> || std::is_same_v<T, HasFlagNode>) {
                return fieldOf(n.field);
            } else if constexpr (std::is_same_v<T, InterfaceAttributeNode>) {
                return fieldOf(Field::InterfaceId);
            } else if constexpr (std::is_same_v<T, IocListNode>) {
                // An indicator with a port tests the port of the address's side.
                FieldSet fields = fieldsOf(n.target);
                if (n.indicators) {
                    if (fields.test(static_cast<std::size_t>(Field::SrcAddr)) || fields.test(static_cast<std::size_t>(Field::PktSrcAddr)))
                        fields |= fieldOf(Field::SrcPort);
                    if (fields.test(static_cast<std::size_t>(Field::DstAddr)) || fields.test(static_cast<std::size_t>(Field::PktDstAddr)))
                        fields |= fieldOf(Field::DstPort);
                }
                return fields;
            } else if constexpr (std::is_same_v<T, RecordMarkNode>) {
                // Marks are kept per record id, which no summary keeps: the
                // start time (decoded with every record anyway) stands for it
                // so that no rollup or total answers such a filter.
                return fieldOf(Field::Start);
            } else {
                return fieldsOf(n.target); // CompareNode, InSetNode, IocListNode
            }
        },
        node.node);
}

namespace {

void narrow(TimeWindow &window, const CompareNode &n)
{
    if (n.target.kind != FilterTargetKind::TimeSpan)
        return;
    const std::int64_t t = n.value.kind == ValueKind::Time ? n.value.time : static_cast<std::int64_t>(n.value.integer);
    const auto from = [&](std::int64_t v) { window.from = std::max(window.from.value_or(v), v); };
    const auto until = [&](std::int64_t v) { window.until = std::min(window.until.value_or(v), v); };
    switch (n.op) {
    case CompareOp::Ge: from(t); break;
    case CompareOp::Gt: from(t + 1); break;
    case CompareOp::Lt: until(t); break;
    case CompareOp::Le: until(t + 1); break;
    case CompareOp::Eq: from(t); until(t + 1); break;
    case CompareOp::Ne: break;
    }
}

} // namespace

TimeWindow timeWindowOf(const FilterNode &node)
{
    TimeWindow window;
    if (const auto *compare = std::get_if<CompareNode>(&node.node)) {
        narrow(window, *compare);
    } else if (const auto *all = std::get_if<AndNode>(&node.node)) {
        for (const FilterNodePtr &child : all->children)
            if (const auto *term = std::get_if<CompareNode>(&child->node))
                narrow(window, *term);
    }
    return window;
}

} // namespace flowscope
