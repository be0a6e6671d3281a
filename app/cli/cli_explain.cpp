// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_case_filter.h"
#include "cli_commands.h"
#include "cli_output.h"

#include "explain/reject_explainer.h"
#include "format/field_names.h"
#include "explain/snapshot_loader.h"
#include "explain/snapshot_store.h"
#include "explain/unanswered_requests.h"
#include "query/filter_error.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "store/flow_pager.h"
#include "store/flow_reader.h"

#include <QDateTime>

#include <algorithm>
#include <cctype>

#include <iostream>
#include <map>

namespace flowscope::cli {

namespace {

using namespace flowscope::explain;

constexpr const char *kUsage =
    "Usage: flowscope-cli explain CASE [FILTER] [--group] [--unanswered] [--format json|table]\n"
    "             [--snapshot PATH [--as-of ISO-TIME]]\n"
    "  why each REJECT the filter keeps (default: action == reject) was rejected: by the\n"
    "  configuration snapshot in force at its time when there is one, else from the records\n"
    "  beside it; --group counts them by verdict, component, rule, ENI and port;\n"
    "  the case's snapshots (flowscope-cli config) decide, or with --snapshot describe-* files\n"
    "  or a folder of them, not stored in the case, instead; --unanswered lists the egress\n"
    "  requests ACCEPTed that no record answers (FILTER chooses among all records then)\n"
    "  a source whose rejected requests reach 20 ports (or, from outside private space,\n"
    "  20 hosts) is scanning: --group folds its requests into one group with \"scan\"\n"
    "  --unanswered gives each request its verdict (no-route, route-allows, unknown), basis,\n"
    "  Reachability Analyzer's code where one applies and the route that decided\n"
    "  a reject whose group, network ACL or interface a CloudTrail event of the case changed\n"
    "  before it shows the latest such change (config_change, config-change)\n";

constexpr std::size_t kRowsAtOnce = 4096;

int usage(const std::string &problem)
{
    std::cerr << "flowscope-cli explain: " << problem << '\n' << kUsage;
    return ExitFatal;
}

std::string json(const QString &text) { return jsonString(text.toStdString()); }
std::string jsonOrNull(const QString &text) { return text.isEmpty() ? "null" : json(text); }

std::string ruleJson(const std::optional<ExplainedRule> &rule)
{
    if (!rule)
        return "null";
    return "{\"number\":" + std::to_string(rule->ruleNumber) + ",\"action\":" + json(rule->action)
        + ",\"egress\":" + (rule->egress ? "true" : "false") + ",\"protocol\":" + json(rule->protocol)
        + ",\"cidr\":" + json(rule->cidr) + ",\"ports\":" + jsonOrNull(rule->ports) + '}';
}

std::string recordJson(const FlowRow &row)
{
    std::string out = "{";
    for (const auto &info : allFields()) {
        const FieldValue &value = row.value(info.field);
        out += jsonString(info.name) + ':';
        if (const auto *number = std::get_if<std::int64_t>(&value))
            out += std::to_string(*number);
        else if (const auto *text = std::get_if<std::string>(&value))
            out += jsonString(*text);
        else
            out += "null";
        out += ',';
    }
    return out + "\"_id\":" + std::to_string(row.id) + ",\"_file\":" + jsonString(row.file)
        + ",\"_line\":" + std::to_string(row.line) + '}';
}

// The CloudTrail change that may have caused the reject (config_changes.h).
std::string configChangeJson(const std::optional<ConfigChange> &change)
{
    if (!change)
        return "null";
    return "{\"time\":" + std::to_string(change->time) + ",\"event\":" + json(change->eventName)
        + ",\"principal\":" + json(change->principal) + ",\"component\":" + json(change->component)
        + ",\"event_id\":" + json(change->eventId) + ",\"text\":" + json(change->text()) + '}';
}

std::string explanationJson(const RecordExplanation &e, const FlowRow &row)
{
    std::string out = "{\"record\":" + recordJson(row) + ",\"verdict\":" + json(recordVerdictName(e.verdict))
        + ",\"basis\":" + json(basisName(e.basis)) + ",\"snapshot\":";
    out += e.snapshot ? "{\"id\":" + std::to_string(e.snapshot->id) + ",\"as_of\":"
            + json(e.snapshot->asOf.toUTC().toString(Qt::ISODate)) + '}'
                      : std::string("null");
    out += ",\"component\":" + jsonOrNull(e.component) + ",\"rule\":" + ruleJson(e.rule) + ",\"blocking\":[";
    for (std::size_t i = 0; i < e.blocking.size(); ++i) {
        const ExplainedBlock &block = e.blocking[i];
        out += std::string(i ? "," : "") + "{\"code\":" + json(block.code) + ",\"component\":" + jsonOrNull(block.component)
            + ",\"direction\":" + (block.egress ? "\"egress\"" : "\"ingress\"") + ",\"rule\":" + ruleJson(block.rule) + '}';
    }
    out += "],\"evidence\":[";
    for (std::size_t i = 0; i < e.evidence.size(); ++i)
        out += (i ? "," : "") + std::to_string(e.evidence[i].id);
    out += "],\"caveats\":[";
    for (std::size_t i = 0; i < e.caveats.size(); ++i)
        out += (i ? "," : "") + json(e.caveats[i].text);
    return out + "],\"explanation\":" + json(e.explanation) + ",\"suggestion\":" + json(e.suggestion)
        + ",\"config_change\":" + configChangeJson(e.configChange) + '}';
}

std::string groupJson(const RejectGroup &group)
{
    std::string out = "{\"count\":" + std::to_string(group.count) + ",\"verdict\":" + json(recordVerdictName(group.verdict))
        + ",\"basis\":" + json(basisName(group.basis)) + ",\"component\":" + jsonOrNull(group.component)
        + ",\"rule\":" + jsonOrNull(group.rule) + ",\"interface-id\":" + jsonOrNull(group.interfaceId)
        + ",\"protocol\":" + std::to_string(group.protocol) + ",\"port\":" + std::to_string(group.servicePort)
        + ",\"records\":[";
    for (std::size_t i = 0; i < group.sampleRecords.size(); ++i)
        out += (i ? "," : "") + std::to_string(group.sampleRecords[i]);
    out += "],\"scan\":";
    if (!group.scan)
        return out + "null}";
    const ScanningSource &scan = *group.scan;
    return out + "{\"source\":" + json(QString::fromStdString(scan.source.toString()))
        + ",\"destination\":" + (scan.onlyHost ? json(QString::fromStdString(scan.onlyHost->toString())) : std::string("null"))
        + ",\"ports\":" + std::to_string(scan.ports) + ",\"hosts\":" + std::to_string(scan.hosts)
        + ",\"syn-only\":" + std::to_string(scan.synOnly) + ",\"summary\":" + json(scan.summary()) + "}}";
}

// tcp, udp, icmp as the flow table and the filter language say them; the number when IANA's table has no name.
std::string protocolLabel(std::int64_t number)
{
    const std::string_view name = number >= 0 && number <= 255 ? flowscope::protocolName(static_cast<std::uint8_t>(number))
                                                               : std::string_view();
    std::string label(name);
    std::transform(label.begin(), label.end(), label.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return label.empty() ? std::to_string(number) : label;
}

std::string protocolLabel(const FieldValue &value)
{
    const auto *number = std::get_if<std::int64_t>(&value);
    return number ? protocolLabel(*number) : fieldText(value);
}

std::string rowLabel(const FlowRow &row, Field address, Field port)
{
    return fieldText(row.value(address)) + ':' + fieldText(row.value(port));
}

// The snapshot of --snapshot, in force from its as-of time (--as-of, else
// the newest of its files); id 0, as it is not stored in the case. Nothing
// without --snapshot: the case's own snapshots decide then.
std::optional<SnapshotTimeline> adHocSnapshot(const Arguments &arguments, std::string &error)
{
    SnapshotTimeline timeline;
    const auto path = arguments.value("snapshot");
    if (!path) {
        if (arguments.value("as-of"))
            error = "--as-of needs --snapshot";
        return std::nullopt;
    }
    SnapshotLoad load = loadSnapshot({QString::fromStdString(*path)});
    for (const SnapshotMessage &message : load.messages)
        std::cerr << "flowscope-cli explain: " << (message.severity == SnapshotMessage::Severity::Error ? "error: " : "warning: ")
                  << message.toString().toStdString() << '\n';
    if (load.filesLoaded == 0) {
        error = "no configuration was loaded from '" + *path + "'";
        return std::nullopt;
    }
    QDateTime asOf = load.snapshot.asOf();
    if (const auto text = arguments.value("as-of")) {
        asOf = QDateTime::fromString(QString::fromStdString(*text), Qt::ISODate);
        if (!asOf.isValid() || asOf.timeSpec() == Qt::LocalTime) {
            error = "--as-of '" + *text + "' is not an ISO 8601 time with a zone (2026-03-10T02:00:00Z)";
            return std::nullopt;
        }
    }
    load.snapshot.takenAt = asOf.toUTC();
    timeline.add({0, load.snapshot.takenAt, std::make_shared<const ConfigSnapshot>(std::move(load.snapshot))});
    return timeline;
}

std::string unansweredJson(const UnansweredRequest &request, const FlowRow &row)
{
    std::string out = "{\"record\":" + recordJson(row) + ",\"verdict\":" + json(routeVerdictName(request.verdict))
        + ",\"code\":" + jsonOrNull(request.code) + ",\"basis\":" + json(basisName(request.basis)) + ",\"snapshot\":";
    out += request.snapshot ? "{\"id\":" + std::to_string(request.snapshot->id) + ",\"as_of\":"
            + json(request.snapshot->asOf.toUTC().toString(Qt::ISODate)) + '}'
                            : std::string("null");
    out += ",\"route\":" + jsonOrNull(request.route) + ",\"evidence\":[";
    for (std::size_t i = 0; i < request.evidence.size(); ++i)
        out += (i ? "," : "") + std::to_string(request.evidence[i].id);
    out += "],\"caveats\":[";
    for (std::size_t i = 0; i < request.caveats.size(); ++i)
        out += (i ? "," : "") + json(request.caveats[i].text);
    return out + "],\"explanation\":" + json(request.explanation) + ",\"suggestion\":" + json(request.suggestion) + '}';
}

// `explain --unanswered`: each request, or with --group their counts by
// verdict, interface, protocol and port.
int runUnanswered(CaseDb &caseDb, const CaseFilter &filter, SnapshotTimeline snapshots, const std::string &format, bool group)
{
    UnansweredRequestFinder finder(caseDb, std::move(snapshots));
    std::ostream &out = std::cout;
    if (group) {
        std::map<std::tuple<QString, QString, int, int>, std::int64_t> counts;
        finder.find(filter, [&](const UnansweredRequest &request) {
            ++counts[{routeVerdictName(request.verdict), request.interfaceId, request.protocol, request.servicePort}];
        });
        std::vector<std::pair<std::int64_t, std::tuple<QString, QString, int, int>>> sorted;
        for (const auto &[key, count] : counts)
            sorted.emplace_back(count, key);
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        std::vector<std::vector<std::string>> rows;
        if (format == "json")
            out << '[';
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            const auto &[count, key] = sorted[i];
            const auto &[verdict, eni, protocol, port] = key;
            if (format == "json")
                out << (i ? ",\n" : "\n") << "{\"count\":" << count << ",\"verdict\":" << json(verdict)
                    << ",\"interface-id\":" << jsonOrNull(eni) << ",\"protocol\":" << protocol << ",\"port\":" << port << '}';
            else
                rows.push_back({std::to_string(count), verdict.toStdString(), eni.toStdString(), protocolLabel(protocol),
                                std::to_string(port)});
        }
        if (format == "json")
            out << "\n]\n";
        else
            writeTable(out, {"count", "verdict", "interface-id", "protocol", "port"}, rows);
        return ExitOk;
    }
    std::vector<UnansweredRequest> requests;
    finder.find(filter, [&](const UnansweredRequest &request) { requests.push_back(request); });
    FlowPager pager(caseDb);
    std::vector<std::vector<std::string>> table;
    if (format == "json")
        out << '[';
    for (std::size_t from = 0; from < requests.size(); from += kRowsAtOnce) {
        const std::size_t to = std::min(requests.size(), from + kRowsAtOnce);
        std::vector<std::int64_t> ids;
        for (std::size_t i = from; i < to; ++i)
            ids.push_back(requests[i].recordId);
        const std::vector<FlowRow> rows = pager.rowsWithIds(ids);
        for (std::size_t i = from; i < to && i - from < rows.size(); ++i) {
            const FlowRow &row = rows[i - from];
            if (format == "json")
                out << (i ? ",\n" : "\n") << unansweredJson(requests[i], row);
            else
                table.push_back({std::to_string(row.id), requests[i].interfaceId.toStdString(),
                                 rowLabel(row, Field::SrcAddr, Field::SrcPort), rowLabel(row, Field::DstAddr, Field::DstPort),
                                 protocolLabel(row.value(Field::Protocol)), routeVerdictName(requests[i].verdict).toStdString(),
                                 requests[i].code.isEmpty() ? std::string("-") : requests[i].code.toStdString(),
                                 requests[i].route.toStdString()});
        }
    }
    if (format == "json")
        out << "\n]\n";
    else
        writeTable(out, {"_id", "interface-id", "source", "destination", "protocol", "verdict", "code", "route"}, table);
    return ExitOk;
}

} // namespace

int runExplain(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {"format", "snapshot", "as-of"}, {"group", "unanswered"});
    if (!arguments.ok())
        return usage(arguments.error());
    if (arguments.positional().empty() || arguments.positional().size() > 2)
        return usage("needs CASE and at most one FILTER");
    const std::string format = arguments.value("format").value_or("json");
    if (format != "json" && format != "table")
        return usage("--format must be json or table, not '" + format + "'");
    const bool unanswered = arguments.flag("unanswered");
    const std::string expression = arguments.positional().size() == 2 ? arguments.positional()[1]
        : unanswered                                                   ? ""
                                                                       : "action == reject";
    std::string error;
    auto snapshots = adHocSnapshot(arguments, error);
    if (!error.empty())
        return usage(error);

    try {
        auto caseDb = CaseDb::open(arguments.positional()[0], CaseDb::Mode::ReadOnly);
        CliCaseFilter caseFilter;
        const auto compiled = caseFilter.compile(*caseDb, expression, "explain");
        if (const auto *invalid = std::get_if<FilterError>(&compiled)) {
            std::cerr << "flowscope-cli explain: " << renderFilterError(expression, *invalid) << '\n';
            return ExitFatal;
        }
        const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
        SnapshotTimeline timeline = snapshots ? std::move(*snapshots) : loadSnapshotTimeline(*caseDb);
        if (unanswered)
            return runUnanswered(*caseDb, *filter, std::move(timeline), format, arguments.flag("group"));
        RejectExplainer explainer(*caseDb, std::move(timeline));
        std::ostream &out = std::cout;

        if (arguments.flag("group")) {
            const RejectGroups groups = explainer.groupRejects(*filter);
            if (format == "json") {
                out << '[';
                for (std::size_t i = 0; i < groups.groups.size(); ++i)
                    out << (i ? ",\n" : "\n") << groupJson(groups.groups[i]);
                out << "\n]\n";
                return ExitOk;
            }
            std::vector<std::vector<std::string>> rows;
            for (const RejectGroup &group : groups.groups)
                rows.push_back({std::to_string(group.count), recordVerdictName(group.verdict).toStdString(),
                                basisName(group.basis).toStdString(),
                                group.scan ? group.scan->summary().toStdString() : group.component.toStdString(),
                                group.rule.toStdString(), group.interfaceId.toStdString(), protocolLabel(group.protocol),
                                std::to_string(group.servicePort)});
            writeTable(out, {"count", "verdict", "basis", "component", "rule", "interface-id", "protocol", "port"}, rows);
            return ExitOk;
        }

        // Explanations come in record order; their records are read a batch at a time.
        FlowPager pager(*caseDb);
        std::vector<RecordExplanation> batch;
        std::vector<std::vector<std::string>> table;
        bool first = true;
        const auto flush = [&] {
            std::vector<std::int64_t> ids;
            for (const RecordExplanation &e : batch)
                ids.push_back(e.recordId);
            const std::vector<FlowRow> rows = pager.rowsWithIds(ids);
            for (std::size_t i = 0; i < batch.size() && i < rows.size(); ++i) {
                const RecordExplanation &e = batch[i];
                if (format == "json") {
                    out << (first ? "\n" : ",\n") << explanationJson(e, rows[i]);
                    first = false;
                    continue;
                }
                std::string evidence;
                for (const EvidenceRecord &record : e.evidence)
                    evidence += (evidence.empty() ? "" : " ") + evidenceRoleName(record.role).toStdString() + ':'
                        + std::to_string(record.id);
                table.push_back({std::to_string(e.recordId), e.interfaceId.toStdString(),
                                 rowLabel(rows[i], Field::SrcAddr, Field::SrcPort),
                                 rowLabel(rows[i], Field::DstAddr, Field::DstPort), protocolLabel(rows[i].value(Field::Protocol)),
                                 recordVerdictName(e.verdict).toStdString(), basisName(e.basis).toStdString(),
                                 e.component.toStdString(), ruleLabel(e).toStdString(), evidence,
                                 e.configChange ? e.configChange->text().toStdString() : std::string()});
            }
            batch.clear();
        };
        if (format == "json")
            out << '[';
        explainer.explainRejects(*filter, [&](const RecordExplanation &explanation) {
            batch.push_back(explanation);
            if (batch.size() == kRowsAtOnce)
                flush();
        });
        flush();
        if (format == "json")
            out << "\n]\n";
        else
            writeTable(out, {"_id", "interface-id", "source", "destination", "protocol", "verdict", "basis", "component", "rule", "evidence",
                             "config-change"},
                       table);
    } catch (const std::exception &exception) {
        std::cerr << "flowscope-cli explain: " << exception.what() << '\n';
        return ExitFatal;
    }
    return ExitOk;
}

} // namespace flowscope::cli
