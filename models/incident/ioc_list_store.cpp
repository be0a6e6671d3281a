// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_list_store.h"

#include "ioc_hunt_store.h"
#include "ioc_indicator_text.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <chrono>
#include <set>
#include <tuple>

namespace flowscope::incident {

namespace {

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// An indicator's identity within a list: its range and port.
using IndicatorKey = std::tuple<std::uint8_t, std::array<std::uint8_t, 16>, std::array<std::uint8_t, 16>, int>;
IndicatorKey keyOf(const IpAddress &low, const IpAddress &high, std::optional<std::uint16_t> port)
{
    return {static_cast<std::uint8_t>(low.family), low.bytes, high.bytes, port ? int(*port) : -1};
}

bool cancelled(const std::atomic_bool *cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

} // namespace

std::string iocListNameError(const std::string &name)
{
    if (name.empty())
        return "an IOC list needs a name";
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
            || c == '.';
        if (!ok)
            return "IOC list name '" + name + "' may hold only letters, digits, '_', '-' and '.' (as @" + name
                + " is written in a filter)";
    }
    return {};
}

IocAddResult addIocFiles(CaseDb &caseDb, const std::string &name, const std::vector<std::filesystem::path> &paths,
                         const std::atomic_bool *cancel)
{
    IocAddResult result;
    result.list = name;
    result.refusal = iocListNameError(name);
    if (!result.refusal.empty())
        return result;
    if (caseDb.isReadOnly()) {
        result.refusal = "case '" + caseDb.path().string() + "' is open read-only";
        return result;
    }
    std::vector<IocFileParse> parsed;
    for (const std::filesystem::path &path : paths) {
        if (cancelled(cancel)) {
            result.refusal = "cancelled";
            return result;
        }
        parsed.push_back(parseIocFile(path));
    }
    sqlite3 *db = caseDb.handle();
    Transaction transaction(db);
    std::optional<IocListRow> list = readIocList(db, name);
    const std::int64_t id = list ? list->id : insertIocList(db, name, nowMs());
    result.created = !list;
    std::set<IndicatorKey> seen;
    if (list)
        readIocIndicators(db, id, [&](const IocIndicatorRow &r) { seen.insert(keyOf(r.low, r.high, r.port)); });
    IocIndicatorWriter writer(db, id);
    bool anyRead = false;
    for (IocFileParse &file : parsed) {
        result.errors.insert(result.errors.end(), file.errors.begin(), file.errors.end());
        IocFileSummary summary{file.path, file.sha256, file.format, 0, static_cast<std::int64_t>(file.errors.size())};
        if (file.unreadable) {
            result.files.push_back(summary);
            continue;
        }
        anyRead = true;
        IocListFileRow fileRow{file.path, file.sha256, 0, summary.errors, nowMs()};
        const std::int64_t position = insertIocListFile(db, id, fileRow);
        IocIndicatorRow row;
        row.file = position;
        for (std::size_t i = 0; i < file.entries.size(); ++i) {
            if ((i & 4095) == 0 && cancelled(cancel)) {
                result.refusal = "cancelled";
                return result; // the transaction rolls back
            }
            const IocEntry &entry = file.entries[i];
            if (!seen.insert(keyOf(entry.indicator.range.lo, entry.indicator.range.hi, entry.indicator.port)).second) {
                ++result.duplicates;
                continue;
            }
            row.low = entry.indicator.range.lo;
            row.high = entry.indicator.range.hi;
            row.port = entry.indicator.port;
            row.indicator = entry.text;
            row.label = entry.label;
            row.source = entry.source;
            row.firstSeen = entry.firstSeen;
            row.line = static_cast<std::int64_t>(entry.line);
            writer.add(row);
            ++summary.indicators;
        }
        Statement count(db, "UPDATE ioc_list_file SET indicators = ? WHERE list = ? AND position = ?");
        count.bind(1, summary.indicators);
        count.bind(2, id);
        count.bind(3, position);
        count.exec();
        result.added += summary.indicators;
        result.files.push_back(summary);
        file.entries = {}; // the rows are written: free them before the next file's
    }
    if (!anyRead) {
        result.refusal = paths.empty() ? "no file given" : "no file could be read";
        return result;
    }
    forgetIocHunt(caseDb); // its hits may no longer hold
    transaction.commit();
    result.stored = true;
    return result;
}

std::vector<IocListRow> iocLists(CaseDb &caseDb) { return readIocLists(caseDb.handle()); }

bool removeIocList(CaseDb &caseDb, const std::string &name)
{
    if (caseDb.isReadOnly())
        throw StoreError("case '" + caseDb.path().string() + "' is open read-only");
    Transaction transaction(caseDb.handle());
    const bool removed = deleteIocList(caseDb.handle(), name);
    if (removed)
        forgetIocHunt(caseDb);
    transaction.commit();
    return removed;
}

} // namespace flowscope::incident
