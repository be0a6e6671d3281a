// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident_csv_export.h"

#include "detect/finding_store.h"
#include "incident/incident_case.h"
#include "incident/incident_timeline.h"

#include <cmath>

namespace flowscope {

namespace {

void textOrAbsent(CsvWriter &writer, const std::string &text)
{
    text.empty() ? writer.absent() : writer.text(text);
}

void time(CsvWriter &writer, std::optional<std::int64_t> epoch)
{
    if (epoch) {
        writer.number(*epoch);
        writer.isoTime(*epoch);
    } else {
        writer.absent();
        writer.absent();
    }
}

std::string joined(const std::vector<std::string> &words)
{
    std::string out;
    for (const std::string &word : words)
        out += (out.empty() ? "" : " ") + word;
    return out;
}

} // namespace

std::vector<std::string> findingsCsvHeader()
{
    return {"id",      "type",      "severity", "title",   "srcaddr", "dstaddr",  "dstport", "protocol",
            "interface-id", "start", "start_utc", "end", "end_utc", "records", "bytes", "period_s", "evidence_filter"};
}

std::vector<std::string> incidentCsvHeader()
{
    return {"time", "time_utc", "kind", "id", "record", "severity", "tags", "author", "written", "written_utc", "text"};
}

std::int64_t writeFindingsCsv(CaseDb &caseDb, CsvWriter &writer)
{
    writer.header(findingsCsvHeader());
    std::int64_t rows = 0;
    for (const Finding &f : loadFindings(caseDb)) {
        writer.text(f.id);
        writer.text(f.type);
        writer.text(severityName(f.severity));
        textOrAbsent(writer, f.title);
        f.src ? writer.text(f.src->toString()) : writer.absent();
        f.dst ? writer.text(f.dst->toString()) : writer.absent();
        f.dstPort ? writer.number(*f.dstPort) : writer.absent();
        f.protocol ? writer.number(*f.protocol) : writer.absent();
        f.interfaceId ? writer.text(*f.interfaceId) : writer.absent();
        time(writer, f.start);
        time(writer, f.end);
        writer.unsignedNumber(f.records);
        writer.unsignedNumber(f.bytes);
        // Whole seconds, as `detect` prints the period.
        f.periodSeconds ? writer.number(std::llround(*f.periodSeconds)) : writer.absent();
        textOrAbsent(writer, f.evidenceFilter);
        writer.endRow();
        ++rows;
        if (!writer.ok())
            break;
    }
    writer.flush();
    return rows;
}

std::int64_t writeIncidentCsv(CaseDb &caseDb, CsvWriter &writer)
{
    writer.header(incidentCsvHeader());
    std::int64_t rows = 0;
    // A case of a schema before the incident tables has an empty timeline.
    if (incident::incidentTablesExist(caseDb)) {
        for (const incident::IncidentEntry &e : incident::IncidentTimeline(caseDb, incident::defaultAuthor()).entries()) {
            time(writer, e.time);
            writer.text(incident::entryKindName(e.kind));
            writer.number(e.id);
            e.record ? writer.number(*e.record) : writer.absent();
            writer.text(incident::severityName(e.severity));
            textOrAbsent(writer, joined(e.tags));
            textOrAbsent(writer, e.author);
            time(writer, e.writtenAt);
            textOrAbsent(writer, e.text);
            writer.endRow();
            ++rows;
            if (!writer.ok())
                break;
        }
    }
    writer.flush();
    return rows;
}

} // namespace flowscope
