// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary_count.h"

#include "case_filter.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/port_protocol_totals.h"
#include "store/sqlite_handle.h"
#include "store/summary_record.h"

namespace flowscope {

namespace {

FieldSet totalFields()
{
    FieldSet fields;
    fields.set(static_cast<std::size_t>(Field::Action));
    fields.set(static_cast<std::size_t>(Field::LogStatus));
    for (const Field f : kInterfaceFields)
        fields.set(static_cast<std::size_t>(f));
    return fields;
}

constexpr std::size_t bit(Field f) { return static_cast<std::size_t>(f); }

bool hasTable(sqlite3 *db, const char *name)
{
    Statement statement(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?");
    statement.bind(1, std::string_view(name));
    return statement.step() && statement.int64(0) > 0;
}

// A record made of a port_protocol_total row's key: the field of `kind`
// (absent for value -1) and the action.
EncodedFlow recordOfPortProtocolKey(PortProtocolKind kind, std::int64_t value, std::int64_t action)
{
    EncodedFlow flow;
    const auto set = [&](Field f) { flow.present |= std::uint64_t(1) << static_cast<unsigned>(f); };
    if (action == 0 || action == 1) {
        set(Field::Action);
        flow.action = static_cast<Action>(action);
    }
    if (value >= 0) {
        switch (kind) {
        case PortProtocolKind::SrcPort:
            set(Field::SrcPort);
            flow.srcPort = static_cast<std::uint16_t>(value);
            break;
        case PortProtocolKind::DstPort:
            set(Field::DstPort);
            flow.dstPort = static_cast<std::uint16_t>(value);
            break;
        case PortProtocolKind::Protocol:
            set(Field::Protocol);
            flow.protocol = static_cast<std::uint8_t>(value);
            break;
        case PortProtocolKind::SamePort:
            set(Field::SrcPort);
            set(Field::DstPort);
            flow.srcPort = flow.dstPort = static_cast<std::uint16_t>(value);
            break;
        }
    }
    return flow;
}

// N when `node` is `target == N`.
std::optional<std::uint16_t> equalsTerm(const FilterNode &node, const FilterTarget &target)
{
    const auto *compare = std::get_if<CompareNode>(&node.node);
    if (compare && compare->target == target && compare->op == CompareOp::Eq
        && compare->value.kind == ValueKind::Integer && compare->value.integer <= 0xffff)
        return static_cast<std::uint16_t>(compare->value.integer);
    return std::nullopt;
}

// N when the filter is `target == N` or a conjunction with that term: no
// record of another value of the field matches.
std::optional<std::uint16_t> requiredValue(const FilterNode &root, const FilterTarget &target)
{
    if (const auto value = equalsTerm(root, target))
        return value;
    if (const auto *conjunction = std::get_if<AndNode>(&root.node))
        for (const FilterNodePtr &child : conjunction->children)
            if (const auto value = equalsTerm(*child, target))
                return value;
    return std::nullopt;
}

// N when the filter is `port == N`, alone or and-ed with terms that read
// only the action: the one shape on both ports the totals answer, as the
// records with either port N (those with both counted once).
std::optional<std::uint16_t> eitherPortTerm(const FilterNode &root)
{
    const FilterTarget anyPort{FilterTargetKind::AnyPort};
    const auto portEquals = [&](const FilterNode &node) { return equalsTerm(node, anyPort); };
    if (const auto port = portEquals(root))
        return port;
    const auto *conjunction = std::get_if<AndNode>(&root.node);
    if (!conjunction)
        return std::nullopt;
    FieldSet actionOnly;
    actionOnly.set(bit(Field::Action));
    std::optional<std::uint16_t> port;
    for (const FilterNodePtr &child : conjunction->children) {
        if (const auto term = portEquals(*child); term && !port)
            port = term;
        else if ((fieldsReadBy(*child) & ~actionOnly).any())
            return std::nullopt;
    }
    return port;
}

std::optional<std::int64_t> countFromPortProtocolTotals(CaseDb &caseDb, const CaseFilter &filter)
{
    FieldSet portFields;
    portFields.set(bit(Field::SrcPort));
    portFields.set(bit(Field::DstPort));
    portFields.set(bit(Field::Protocol));
    FieldSet countable = portFields;
    countable.set(bit(Field::Action));
    const FieldSet read = filter.fieldsRead();
    if ((read & ~countable).any() || (read & portFields).none())
        return std::nullopt;
    sqlite3 *db = caseDb.handle();
    if (!hasTable(db, "port_protocol_total"))
        return std::nullopt;
    const FieldSet ports = read & portFields;
    std::int64_t count = 0;
    if (ports.count() == 1) {
        // Each kind's rows partition the records: the predicate decides per row.
        const PortProtocolKind kind = ports.test(bit(Field::SrcPort)) ? PortProtocolKind::SrcPort
            : ports.test(bit(Field::DstPort))                          ? PortProtocolKind::DstPort
                                                                       : PortProtocolKind::Protocol;
        const Field field = kind == PortProtocolKind::SrcPort ? Field::SrcPort
            : kind == PortProtocolKind::DstPort               ? Field::DstPort
                                                              : Field::Protocol;
        // `dstport == 3306`: the rows of that value alone.
        const auto value = requiredValue(filter.root(), FilterTarget{FilterTargetKind::Field, field});
        Statement rows(db, value ? "SELECT value, action, records FROM port_protocol_total WHERE kind = ? AND value = ?"
                                 : "SELECT value, action, records FROM port_protocol_total WHERE kind = ?");
        rows.bind(1, static_cast<std::int64_t>(kind));
        if (value)
            rows.bind(2, static_cast<std::int64_t>(*value));
        while (rows.step())
            if (filter.predicate()(recordOfPortProtocolKey(kind, rows.int64(0), rows.int64(1))))
                count += rows.int64(2);
        return count;
    }
    if (ports.test(bit(Field::Protocol)))
        return std::nullopt;
    const auto port = eitherPortTerm(filter.root());
    if (!port)
        return std::nullopt;
    // The record with both ports N stands for every record the rows count:
    // the filter holds for it exactly when its action terms do.
    Statement rows(db, "SELECT kind, action, records FROM port_protocol_total WHERE kind IN (?, ?, ?) AND value = ?");
    rows.bind(1, static_cast<std::int64_t>(PortProtocolKind::SrcPort));
    rows.bind(2, static_cast<std::int64_t>(PortProtocolKind::DstPort));
    rows.bind(3, static_cast<std::int64_t>(PortProtocolKind::SamePort));
    rows.bind(4, static_cast<std::int64_t>(*port));
    while (rows.step()) {
        const auto kind = static_cast<PortProtocolKind>(rows.int64(0));
        if (!filter.predicate()(recordOfPortProtocolKey(PortProtocolKind::SamePort, *port, rows.int64(1))))
            continue;
        count += kind == PortProtocolKind::SamePort ? -rows.int64(2) : rows.int64(2);
    }
    return count;
}

} // namespace

std::optional<std::int64_t> countFromSummaries(CaseDb &caseDb, const CaseFilter &filter)
{
    if ((filter.fieldsRead() & ~totalFields()).any())
        return countFromPortProtocolTotals(caseDb, filter);
    sqlite3 *db = caseDb.handle();
    if (queryInt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'record_total'") == 0)
        return std::nullopt;
    StringDictionary strings;
    InterfaceDictionary interfaces;
    strings.load(db);
    interfaces.load(db, strings);
    std::int64_t count = 0;
    Statement totals(db, "SELECT interface, action, log_status, records FROM record_total");
    while (totals.step()) {
        if (filter.matchesEverything()
            || filter.predicate()(recordOfSummaryKey(interfaces, totals.int64(0), totals.int64(1), totals.int64(2))))
            count += totals.int64(3);
    }
    return count;
}

} // namespace flowscope
