// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_commands.h"
#include "cli_output.h"

#include "incident/ioc_hunt.h"
#include "incident/ioc_hunt_store.h"
#include "incident/ioc_list_store.h"
#include "query/filter_values.h"
#include "store/case_db.h"

#include <chrono>
#include <iostream>

namespace flowscope::cli {

namespace {

using namespace flowscope::incident;

const char *const kUsage = "Usage: flowscope-cli ioc CASE add NAME FILE... [--format json|table]\n"
                           "       flowscope-cli ioc CASE list [--format json|table]\n"
                           "       flowscope-cli ioc CASE remove NAME\n"
                           "       flowscope-cli ioc CASE hunt [NAME...] [--format json|table]\n";

int fail(const std::string &message)
{
    std::cerr << "flowscope-cli ioc: " << message << '\n';
    return ExitFatal;
}

const char *formatName(IocFileFormat format) { return format == IocFileFormat::Csv ? "csv" : "text"; }

int printAdd(const IocAddResult &result, bool json)
{
    if (!result.stored) {
        for (const IocParseError &error : result.errors)
            std::cerr << error.toString() << '\n';
        return fail(result.refusal + "; the case is unchanged");
    }
    if (json) {
        std::cout << "{\"list\":" << jsonString(result.list) << ",\"created\":" << (result.created ? "true" : "false")
                  << ",\"added\":" << result.added << ",\"duplicates\":" << result.duplicates << ",\"files\":[";
        for (std::size_t i = 0; i < result.files.size(); ++i) {
            const IocFileSummary &f = result.files[i];
            std::cout << (i ? "," : "") << "{\"path\":" << jsonString(f.path) << ",\"sha256\":" << jsonString(f.sha256)
                      << ",\"format\":\"" << formatName(f.format) << "\",\"indicators\":" << f.indicators
                      << ",\"errors\":" << f.errors << '}';
        }
        std::cout << "],\"errors\":[";
        for (std::size_t i = 0; i < result.errors.size(); ++i) {
            const IocParseError &e = result.errors[i];
            std::cout << (i ? "," : "") << "{\"file\":" << jsonString(e.file)
                      << ",\"line\":" << (e.line ? std::to_string(e.line) : std::string("null"))
                      << ",\"reason\":" << jsonString(e.reason) << '}';
        }
        std::cout << "]}\n";
    } else {
        for (const IocParseError &error : result.errors)
            std::cerr << error.toString() << '\n';
        std::cout << "IOC list @" << result.list << (result.created ? " created" : "") << ": " << result.added
                  << " indicators added";
        if (result.duplicates)
            std::cout << ", " << result.duplicates << " already in the list";
        if (!result.errors.empty())
            std::cout << ", " << result.errors.size() << " lines rejected";
        std::cout << '\n';
        std::vector<std::vector<std::string>> rows;
        for (const IocFileSummary &f : result.files)
            rows.push_back({f.path, formatName(f.format), std::to_string(f.indicators), std::to_string(f.errors), f.sha256});
        writeTable(std::cout, {"file", "format", "indicators", "errors", "sha256"}, rows);
    }
    return result.errors.empty() ? ExitOk : ExitRejected;
}

void printList(CaseDb &caseDb, bool json)
{
    const std::vector<IocListRow> lists = iocLists(caseDb);
    if (json) {
        std::cout << "{\"lists\":[";
        for (std::size_t i = 0; i < lists.size(); ++i) {
            const IocListRow &l = lists[i];
            std::cout << (i ? "," : "") << "{\"name\":" << jsonString(l.name) << ",\"indicators\":" << l.indicators
                      << ",\"files\":[";
            const std::vector<IocListFileRow> files = readIocListFiles(caseDb.handle(), l.id);
            for (std::size_t f = 0; f < files.size(); ++f)
                std::cout << (f ? "," : "") << "{\"path\":" << jsonString(files[f].path) << ",\"sha256\":\""
                          << files[f].sha256 << "\",\"indicators\":" << files[f].indicators
                          << ",\"errors\":" << files[f].errors << '}';
            std::cout << "]}";
        }
        std::cout << "]}\n";
        return;
    }
    if (lists.empty()) {
        std::cout << "no IOC list in the case\n";
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const IocListRow &l : lists) {
        std::string paths;
        for (const IocListFileRow &f : readIocListFiles(caseDb.handle(), l.id))
            paths += (paths.empty() ? "" : ", ") + f.path;
        rows.push_back({"@" + l.name, std::to_string(l.indicators), paths});
    }
    writeTable(std::cout, {"list", "indicators", "files"}, rows);
}

std::string timeText(std::int64_t t) { return t ? formatFilterTime(t) : std::string("-"); }

int printHunt(const IocHunt &hunt, bool json)
{
    if (!hunt.error.empty())
        return fail(hunt.error);
    if (json) {
        std::cout << "{\"indicators\":" << hunt.indicators << ",\"blocks_read\":" << hunt.blocksRead << ",\"hits\":[";
        for (std::size_t i = 0; i < hunt.hits.size(); ++i) {
            const IocHit &h = hunt.hits[i];
            std::cout << (i ? "," : "") << "{\"list\":" << jsonString(h.list) << ",\"indicator\":" << jsonString(h.indicator)
                      << ",\"label\":" << jsonString(h.label) << ",\"records\":" << h.records
                      << ",\"accepted\":" << h.accepted << ",\"rejected\":" << h.rejected
                      << ",\"first_seen\":" << (h.firstSeen ? jsonString(timeText(h.firstSeen)) : "null")
                      << ",\"last_seen\":" << (h.lastSeen ? jsonString(timeText(h.lastSeen)) : "null") << ",\"interfaces\":[";
            for (std::size_t e = 0; e < h.interfaces.size(); ++e)
                std::cout << (e ? "," : "") << jsonString(h.interfaces[e]);
            std::cout << "],\"filter\":" << jsonString(h.filter) << '}';
        }
        std::cout << "]}\n";
        return ExitOk;
    }
    std::vector<std::vector<std::string>> rows;
    for (const IocHit &h : hunt.hits) {
        std::string enis;
        for (std::size_t e = 0; e < h.interfaces.size() && e < 3; ++e)
            enis += (e ? "," : "") + h.interfaces[e];
        if (h.interfaces.size() > 3)
            enis += " +" + std::to_string(h.interfaces.size() - 3);
        rows.push_back({"@" + h.list, h.indicator, std::to_string(h.records), std::to_string(h.accepted),
                        std::to_string(h.rejected), timeText(h.firstSeen), timeText(h.lastSeen), enis, h.label});
    }
    if (!rows.empty())
        writeTable(std::cout, {"list", "indicator", "records", "accepted", "rejected", "first seen", "last seen", "ENIs", "label"},
                   rows);
    std::cout << hunt.hits.size() << " of " << hunt.indicators << " indicators hit (" << hunt.blocksRead
              << " blocks read)\n";
    return ExitOk;
}

} // namespace

// `ioc CASE add|list|remove|hunt ...`: the case's IOC lists.
int runIoc(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {"format"}, {});
    const std::vector<std::string> &positional = arguments.positional();
    if (!arguments.ok() || positional.size() < 2) {
        std::cerr << "flowscope-cli ioc: " << (arguments.ok() ? "needs CASE and an action" : arguments.error()) << '\n'
                  << kUsage;
        return ExitFatal;
    }
    const std::string format = arguments.value("format").value_or("table");
    if (format != "json" && format != "table") {
        std::cerr << "flowscope-cli ioc: unknown --format '" << format << "'\n" << kUsage;
        return ExitFatal;
    }
    const std::string &action = positional[1];
    try {
        if (action == "list") {
            if (positional.size() != 2)
                return fail("list takes no more arguments");
            auto caseDb = CaseDb::open(positional[0], CaseDb::Mode::ReadOnly);
            printList(*caseDb, format == "json");
            return ExitOk;
        }
        if (action == "add") {
            if (positional.size() < 4) {
                std::cerr << "flowscope-cli ioc: add needs NAME and at least one FILE\n" << kUsage;
                return ExitFatal;
            }
            const std::string nameError = iocListNameError(positional[2]);
            if (!nameError.empty())
                return fail(nameError);
            std::vector<std::filesystem::path> files(positional.begin() + 3, positional.end());
            auto caseDb = CaseDb::open(positional[0], CaseDb::Mode::ReadWrite);
            return printAdd(addIocFiles(*caseDb, positional[2], files), format == "json");
        }
        if (action == "hunt") {
            // Kept in the case: the window shows the last hunt's hits when the case opens.
            auto caseDb = CaseDb::open(positional[0], CaseDb::Mode::ReadWrite);
            StoredIocHunt stored;
            stored.lists.assign(positional.begin() + 2, positional.end());
            stored.ranAt = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
            stored.hunt = huntIocLists(*caseDb, stored.lists);
            if (stored.hunt.error.empty())
                storeIocHunt(*caseDb, stored);
            return printHunt(stored.hunt, format == "json");
        }
        if (action == "remove") {
            if (positional.size() != 3) {
                std::cerr << "flowscope-cli ioc: remove needs NAME\n" << kUsage;
                return ExitFatal;
            }
            auto caseDb = CaseDb::open(positional[0], CaseDb::Mode::ReadWrite);
            if (!removeIocList(*caseDb, positional[2]))
                return fail("the case holds no IOC list '" + positional[2] + "'");
            std::cout << "IOC list @" << positional[2] << " removed\n";
            return ExitOk;
        }
    } catch (const std::exception &error) {
        return fail(error.what());
    }
    std::cerr << "flowscope-cli ioc: unknown action '" << action << "'\n" << kUsage;
    return ExitFatal;
}

} // namespace flowscope::cli
