// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_ioc_lists.h"

#include "store/case_db.h"
#include "store/ioc_list_rows.h"

#include <map>
#include <mutex>
#include <tuple>

namespace flowscope {

std::shared_ptr<const IocIndicatorSet> loadCaseIocList(CaseDb &caseDb, const std::string &name)
{
    // A list is only ever created, appended to or removed: its id, creation
    // time and counts tell whether the cached indicators are still its own.
    using Key = std::tuple<std::string, std::int64_t, std::int64_t, std::int64_t, std::int64_t>;
    static std::mutex mutex;
    static std::map<std::pair<std::string, std::string>, std::pair<Key, std::shared_ptr<const IocIndicatorSet>>> cache;
    const std::optional<IocListRow> row = readIocList(caseDb.handle(), name);
    if (!row)
        return nullptr;
    const auto where = std::make_pair(caseDb.path().string(), name);
    const Key key{name, row->id, row->createdAt, row->indicators, row->files};
    {
        const std::lock_guard lock(mutex);
        const auto it = cache.find(where);
        if (it != cache.end() && it->second.first == key)
            return it->second.second;
    }
    std::vector<IocIndicator> indicators;
    indicators.reserve(static_cast<std::size_t>(row->indicators));
    readIocIndicators(caseDb.handle(), row->id, [&](const IocIndicatorRow &r) {
        indicators.push_back({{r.low, r.high}, r.port});
    });
    auto set = std::make_shared<const IocIndicatorSet>(std::move(indicators));
    const std::lock_guard lock(mutex);
    cache[where] = {key, set};
    return set;
}

IocListResolver caseIocLists(CaseDb &caseDb)
{
    return [&caseDb](std::string_view name) { return loadCaseIocList(caseDb, std::string(name)); };
}

} // namespace flowscope
