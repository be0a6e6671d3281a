// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_csv_export.h"

#include "explain/reject_explainer.h"
#include "flow_csv_rows.h"
#include "format/field_catalog.h"
#include "selection/case_filter.h"
#include "store/flow_pager.h"

#include <limits>

namespace flowscope {

namespace {

constexpr std::int64_t kCancelCheckRows = 4096;

// Asks `cancelled` every kCancelCheckRows rows and stops the export when it says so.
class CancelCheck {
public:
    explicit CancelCheck(const CsvExportCancelled &cancelled)
        : m_cancelled(cancelled)
    {
    }
    void row(std::int64_t rows) const
    {
        if (m_cancelled && rows % kCancelCheckRows == 0 && m_cancelled(rows))
            throw CsvExportStopped();
    }

private:
    const CsvExportCancelled &m_cancelled;
};

void writeValue(CsvWriter &writer, const FieldValue &value)
{
    if (const auto *number = std::get_if<std::int64_t>(&value))
        writer.number(*number);
    else if (const auto *text = std::get_if<std::string>(&value))
        writer.text(*text);
    else
        writer.absent();
}

void writeTime(CsvWriter &writer, const std::optional<std::int64_t> &epoch)
{
    if (epoch) {
        writer.number(*epoch);
        writer.isoTime(*epoch);
    } else {
        writer.absent();
        writer.absent();
    }
}

void writeText(CsvWriter &writer, const QString &text)
{
    if (text.isEmpty())
        writer.absent();
    else
        writer.text(text.toStdString());
}

const std::vector<std::string> kTotalsHeader{"flows",      "packets",        "bytes",     "accepts",      "rejects",
                                             "first_seen", "first_seen_utc", "last_seen", "last_seen_utc"};

void writeTotals(CsvWriter &writer, const TrafficTotals &totals)
{
    writer.unsignedNumber(totals.flows);
    writer.unsignedNumber(totals.packets);
    writer.unsignedNumber(totals.bytes);
    writer.unsignedNumber(totals.accepts);
    writer.unsignedNumber(totals.rejects);
    writeTime(writer, totals.firstSeen);
    writeTime(writer, totals.lastSeen);
}

// Every key of the statistic, largest bytes first (the Statistics tab's default order).
StatsQuery everyKey(const CaseFilter &filter, const CsvExportCancelled &cancelled)
{
    StatsQuery query;
    query.top = std::numeric_limits<std::size_t>::max();
    query.accept = filter.predicate();
    query.acceptColumns = filter.columnsRead();
    query.blocks = filter.blocks();
    if (cancelled)
        query.cancelled = [&cancelled](std::uint64_t read) { return cancelled(static_cast<std::int64_t>(read)); };
    return query;
}

std::vector<std::string> withTotals(std::vector<std::string> keys)
{
    keys.insert(keys.end(), kTotalsHeader.begin(), kTotalsHeader.end());
    return keys;
}

} // namespace

std::vector<std::string> flowCsvHeader()
{
    std::vector<std::string> header;
    for (const FieldInfo &info : allFields()) {
        header.emplace_back(info.name);
        if (info.field == Field::Start || info.field == Field::End)
            header.push_back(std::string(info.name) + "_utc");
    }
    header.emplace_back("_file");
    header.emplace_back("_line");
    return header;
}

std::int64_t writeFlowsCsv(CaseDb &caseDb, const CaseFilter &filter, CsvWriter &writer,
                           const CsvExportCancelled &cancelled)
{
    writer.header(flowCsvHeader());
    const CancelCheck check(cancelled);
    std::int64_t rows = 0;
    FlowPager pager(caseDb);
    FlowCsvRows csvRows(pager.decoder(), writer);
    const FlowPager::StoredRecordFn write = [&](const EncodedFlow &flow, std::int64_t, const std::string &file) {
        csvRows.write(flow, file);
        check.row(++rows);
        return writer.ok();
    };
    // Every record too goes through the filtered scan: it reads and
    // decompresses blocks on a second thread, ahead of the rows written here.
    if (filter.matchesEverything()) {
        RecordTest everything;
        everything.accept = [](const EncodedFlow &) { return true; };
        pager.forEachMatchingStored(everything, std::nullopt, write);
    } else {
        // As the table's filtered pages: the filter's own columns tested
        // first (a column at a time where it can be), the other columns
        // decoded for the matches alone.
        pager.forEachMatchingStored(filter.recordTest(), filter.blocks(), write);
    }
    writer.flush();
    return rows;
}

std::int64_t writeConversationsCsv(CaseDb &caseDb, const CaseFilter &filter, ConversationKey key, CsvWriter &writer,
                                   const CsvExportCancelled &cancelled)
{
    const bool service = key == ConversationKey::AddressesProtocolPort;
    StatsTable<Conversation> stats;
    try {
        stats = conversationStats(caseDb, key, everyKey(filter, cancelled));
    } catch (const StatsCancelled &) {
        throw CsvExportStopped();
    }
    writer.header(withTotals(service ? std::vector<std::string>{"address_a", "address_b", "protocol", "port"}
                                     : std::vector<std::string>{"address_a", "address_b"}));
    std::int64_t rows = 0;
    for (const Conversation &c : stats.rows) {
        writer.text(c.a.toString());
        writer.text(c.b.toString());
        if (service) {
            c.protocol ? writer.number(*c.protocol) : writer.absent();
            c.port ? writer.number(*c.port) : writer.absent();
        }
        writeTotals(writer, c.totals);
        writer.endRow();
        ++rows;
        if (!writer.ok())
            break;
    }
    writer.flush();
    return rows;
}

std::int64_t writeEndpointsCsv(CaseDb &caseDb, const CaseFilter &filter, EndpointKey key, CsvWriter &writer,
                               const CsvExportCancelled &cancelled)
{
    StatsTable<Endpoint> stats;
    try {
        stats = endpointStats(caseDb, key, everyKey(filter, cancelled));
    } catch (const StatsCancelled &) {
        throw CsvExportStopped();
    }
    writer.header(withTotals({key == EndpointKey::Interface ? "interface-id" : "address"}));
    std::int64_t rows = 0;
    for (const Endpoint &e : stats.rows) {
        writer.text(e.key);
        writeTotals(writer, e.totals);
        writer.endRow();
        ++rows;
        if (!writer.ok())
            break;
    }
    writer.flush();
    return rows;
}

std::int64_t writeExplanationsCsv(CaseDb &caseDb, const CaseFilter &filter, explain::SnapshotTimeline snapshots,
                                  CsvWriter &writer, const CsvExportCancelled &cancelled)
{
    using namespace explain;
    writer.header({"_id", "interface-id", "srcaddr", "srcport", "dstaddr", "dstport", "protocol", "start", "start_utc",
                   "verdict", "basis", "component", "rule", "snapshot_as_of_utc", "evidence", "caveats", "explanation",
                   "suggestion"});
    RejectExplainer explainer(caseDb, std::move(snapshots));
    // Explanations come in record order; their records are read a batch at a time.
    constexpr std::size_t kBatch = 4096;
    FlowPager pager(caseDb);
    std::vector<RecordExplanation> batch;
    std::int64_t rows = 0;
    const auto flush = [&] {
        std::vector<std::int64_t> ids;
        ids.reserve(batch.size());
        for (const RecordExplanation &e : batch)
            ids.push_back(e.recordId);
        const std::vector<FlowRow> records = pager.rowsWithIds(ids);
        for (std::size_t i = 0; i < batch.size() && i < records.size(); ++i) {
            const RecordExplanation &e = batch[i];
            const FlowRow &row = records[i];
            writer.number(e.recordId);
            writeText(writer, e.interfaceId);
            for (const Field field : {Field::SrcAddr, Field::SrcPort, Field::DstAddr, Field::DstPort, Field::Protocol})
                writeValue(writer, row.value(field));
            const FieldValue &start = row.value(Field::Start);
            writeValue(writer, start);
            if (const auto *epoch = std::get_if<std::int64_t>(&start))
                writer.isoTime(*epoch);
            else
                writer.absent();
            writeText(writer, recordVerdictName(e.verdict));
            writeText(writer, basisName(e.basis));
            writeText(writer, e.component);
            writeText(writer, ruleLabel(e));
            if (e.snapshot)
                writer.isoTime(e.snapshot->asOf.toSecsSinceEpoch());
            else
                writer.absent();
            QStringList evidence;
            for (const EvidenceRecord &record : e.evidence)
                evidence << evidenceRoleName(record.role) + QLatin1Char(':') + QString::number(record.id);
            writeText(writer, evidence.join(QLatin1Char(' ')));
            writeText(writer, e.caveatTexts().join(QLatin1Char('\n')));
            writeText(writer, e.explanation);
            writeText(writer, e.suggestion);
            writer.endRow();
            ++rows;
        }
        batch.clear();
    };
    try {
        explainer.explainRejects(
            filter,
            [&](const RecordExplanation &explanation) {
                batch.push_back(explanation);
                if (batch.size() == kBatch)
                    flush();
            },
            [&] { return !writer.ok() || (cancelled && cancelled(rows + std::int64_t(batch.size()))); });
    } catch (const RejectExplainCancelled &) {
        if (writer.ok())
            throw CsvExportStopped();
    }
    flush();
    writer.flush();
    return rows;
}

std::int64_t writeRejectGroupsCsv(CaseDb &caseDb, const CaseFilter &filter, explain::SnapshotTimeline snapshots,
                                  CsvWriter &writer, const CsvExportCancelled &cancelled)
{
    using namespace explain;
    RejectExplainer explainer(caseDb, std::move(snapshots));
    RejectGroups groups;
    try {
        groups = explainer.groupRejects(filter, [&] { return cancelled && cancelled(0); });
    } catch (const RejectExplainCancelled &) {
        throw CsvExportStopped();
    }
    // `scan` last: a scanning source's requests folded into one group are told by it, not by a port.
    writer.header({"count", "verdict", "basis", "component", "rule", "interface-id", "protocol", "port", "replies",
                   "first_record", "sample_records", "scan"});
    std::int64_t rows = 0;
    for (const RejectGroup &group : groups.groups) {
        writer.number(group.count);
        writeText(writer, recordVerdictName(group.verdict));
        writeText(writer, basisName(group.basis));
        writeText(writer, group.component);
        writeText(writer, group.rule);
        writeText(writer, group.interfaceId);
        writer.number(group.protocol);
        group.scan ? writer.absent() : writer.number(group.servicePort);
        writer.number(group.replies);
        writer.number(group.firstRecord);
        std::string samples;
        for (const std::int64_t id : group.sampleRecords)
            samples += (samples.empty() ? "" : " ") + std::to_string(id);
        samples.empty() ? writer.absent() : writer.text(samples);
        group.scan ? writeText(writer, group.scan->summary()) : writer.absent();
        writer.endRow();
        ++rows;
        if (!writer.ok())
            break;
    }
    writer.flush();
    return rows;
}

} // namespace flowscope
