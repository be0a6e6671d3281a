// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_commands.h"
#include "cli_output.h"

#include "incident/incident_case.h"
#include "incident/incident_timeline.h"
#include "incident/note.h"
#include "incident/record_star.h"
#include "incident/record_tag.h"
#include "store/case_db.h"

#include <QDateTime>

#include <charconv>
#include <iostream>
#include <optional>

namespace flowscope::cli {

namespace {

constexpr const char *kUsage =
    "Usage: flowscope-cli incident CASE list [--format json|table]\n"
    "       flowscope-cli incident CASE star ID... | unstar ID...\n"
    "       flowscope-cli incident CASE tag ID TAG...\n"
    "       flowscope-cli incident CASE note [--record ID] [--author NAME] TEXT\n";

int usage(const std::string &message)
{
    std::cerr << "flowscope-cli incident: " << message << '\n' << kUsage;
    return ExitFatal;
}

std::optional<std::int64_t> recordId(const std::string &text)
{
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id < 0)
        return std::nullopt;
    return id;
}

std::string isoTime(std::optional<std::int64_t> seconds)
{
    if (!seconds)
        return {};
    return QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC).toString(Qt::ISODate).toStdString();
}

std::string joined(const std::vector<std::string> &tags, std::string_view separator)
{
    std::string out;
    for (const std::string &tag : tags)
        out += (out.empty() ? "" : std::string(separator)) + tag;
    return out;
}

void printJson(const std::vector<incident::IncidentEntry> &entries)
{
    std::cout << "[";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const incident::IncidentEntry &e = entries[i];
        std::string tags;
        for (const std::string &tag : e.tags)
            tags += (tags.empty() ? "" : ",") + jsonString(tag);
        std::cout << (i ? ",\n " : "\n ") << "{\"kind\":" << jsonString(incident::entryKindName(e.kind))
                  << ",\"id\":" << e.id << ",\"record\":" << (e.record ? std::to_string(*e.record) : "null")
                  << ",\"time\":" << (e.time ? jsonString(isoTime(e.time)) : "null")
                  << ",\"severity\":" << jsonString(incident::severityName(e.severity)) << ",\"tags\":[" << tags
                  << "],\"text\":" << jsonString(e.text) << ",\"author\":" << jsonString(e.author)
                  << ",\"written\":" << jsonString(isoTime(e.writtenAt)) << "}";
    }
    std::cout << (entries.empty() ? "]\n" : "\n]\n");
}

void printTable(const std::vector<incident::IncidentEntry> &entries)
{
    std::vector<std::vector<std::string>> rows;
    for (const incident::IncidentEntry &e : entries)
        rows.push_back({isoTime(e.time), std::string(incident::entryKindName(e.kind)),
                        e.record ? std::to_string(*e.record) : std::string("-"),
                        std::string(incident::severityName(e.severity)), joined(e.tags, ","), e.author, e.text});
    writeTable(std::cout, {"time", "kind", "record", "severity", "tags", "author", "text"}, rows);
}

} // namespace

// `incident CASE list|star|unstar|tag|note`: the incident timeline of a case
// and the stars, tags and notes it is made of.
int runIncident(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {"format", "record", "author"}, {});
    if (!arguments.ok())
        return usage(arguments.error());
    const auto &positional = arguments.positional();
    if (positional.size() < 2)
        return usage("needs CASE and an action: list, star, unstar, tag or note");
    const std::string &action = positional[1];
    const std::vector<std::string> rest(positional.begin() + 2, positional.end());
    const std::string author = arguments.value("author").value_or(incident::defaultAuthor());
    std::vector<std::int64_t> ids;
    const auto readIds = [&](std::size_t count) -> std::optional<std::string> {
        for (std::size_t i = 0; i < count && i < rest.size(); ++i) {
            const auto id = recordId(rest[i]);
            if (!id)
                return "'" + rest[i] + "' is not a record id (a whole number, block * 4096 + slot)";
            ids.push_back(*id);
        }
        return std::nullopt;
    };
    try {
        if (action == "list") {
            const std::string format = arguments.value("format").value_or("table");
            if (format != "json" && format != "table")
                return usage("--format must be json or table");
            if (!rest.empty())
                return usage("list takes no further arguments");
            auto caseDb = CaseDb::open(positional[0], CaseDb::Mode::ReadOnly);
            const auto entries = incident::IncidentTimeline(*caseDb, author).entries();
            format == "json" ? printJson(entries) : printTable(entries);
            return ExitOk;
        }
        if (action == "star" || action == "unstar") {
            if (rest.empty())
                return usage(action + " needs at least one record ID");
            if (const auto bad = readIds(rest.size()))
                return usage(*bad);
            auto caseDb = CaseDb::open(positional[0], CaseDb::Mode::ReadWrite);
            incident::RecordStars stars(*caseDb);
            if (action == "star")
                stars.star(ids, author);
            else
                stars.unstar(ids);
            return ExitOk;
        }
        if (action == "tag") {
            if (rest.size() < 2)
                return usage("tag needs a record ID and at least one TAG");
            if (const auto bad = readIds(1))
                return usage(*bad);
            auto caseDb = CaseDb::open(positional[0], CaseDb::Mode::ReadWrite);
            incident::RecordTags(*caseDb).add(ids.front(), {rest.begin() + 1, rest.end()}, author);
            return ExitOk;
        }
        if (action == "note") {
            if (rest.size() != 1)
                return usage("note needs its TEXT as one argument (quote it)");
            std::optional<std::int64_t> record;
            if (const auto text = arguments.value("record")) {
                record = recordId(*text);
                if (!record)
                    return usage("--record '" + *text + "' is not a record id (a whole number, block * 4096 + slot)");
            }
            auto caseDb = CaseDb::open(positional[0], CaseDb::Mode::ReadWrite);
            std::cout << incident::Notes(*caseDb).add(record, rest.front(), author) << '\n';
            return ExitOk;
        }
        return usage("unknown action '" + action + "': expected list, star, unstar, tag or note");
    } catch (const std::exception &error) {
        std::cerr << "flowscope-cli incident: " << error.what() << '\n';
        return ExitFatal;
    }
}

} // namespace flowscope::cli
