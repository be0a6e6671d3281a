// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_hunt.h"

#include "ioc_indicator_text.h"
#include "ipv4_block_bitmap.h"
#include "query/block_selection.h"
#include "query/filter_values.h"
#include "query/ioc_indicators.h"
#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/ioc_list_rows.h"
#include "store/sqlite_handle.h"

#include <algorithm>
#include <limits>
#include <mutex>
#include <set>
#include <unordered_map>

namespace flowscope::incident {

namespace {

struct Meta {
    std::size_t list = 0;
    std::string indicator, label;
};

struct Tally {
    std::int64_t records = 0, accepted = 0, rejected = 0;
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    std::set<std::uint32_t> interfaces;

    void merge(const Tally &o)
    {
        records += o.records;
        accepted += o.accepted;
        rejected += o.rejected;
        first = std::min(first, o.first);
        last = std::max(last, o.last);
        interfaces.insert(o.interfaces.begin(), o.interfaces.end());
    }
};

struct StopScan {};

} // namespace

std::string iocIndicatorFilter(const std::string &canonical)
{
    std::string error;
    const auto indicator = parseIocIndicator(canonical, error);
    if (!indicator)
        return {};
    const std::string range = formatAddressRange(indicator->range);
    if (!indicator->port)
        return "addr == " + range;
    const std::string port = std::to_string(*indicator->port);
    return "(srcaddr == " + range + " and srcport == " + port + ") or (dstaddr == " + range + " and dstport == " + port
        + ")";
}

IocHunt huntIocLists(CaseDb &caseDb, const std::vector<std::string> &names, const std::atomic_bool *cancel)
{
    IocHunt hunt;
    try {
        sqlite3 *db = caseDb.handle();
        std::vector<IocListRow> lists;
        if (names.empty()) {
            lists = readIocLists(db);
        } else {
            for (const std::string &name : names) {
                auto row = readIocList(db, name);
                if (!row) {
                    hunt.error = "the case holds no IOC list '" + name + "'";
                    return hunt;
                }
                lists.push_back(std::move(*row));
            }
        }
        // Every list's indicators in one set; meta says whose each one is.
        std::vector<IocIndicator> indicators;
        std::vector<Meta> meta;
        for (std::size_t l = 0; l < lists.size(); ++l)
            readIocIndicators(db, lists[l].id, [&](const IocIndicatorRow &r) {
                const IocIndicator indicator{{r.low, r.high}, r.port};
                indicators.push_back(indicator);
                meta.push_back({l, formatIocIndicator(indicator), r.label});
            });
        hunt.indicators = static_cast<std::int64_t>(indicators.size());
        if (indicators.empty())
            return hunt;
        const IocIndicatorSet set(std::move(indicators));
        const Ipv4BlockBitmap touched(set.coveredRanges());
        BlockPlan plan;
        plan.kind = BlockPlan::Kind::AddressRanges;
        plan.table = "address_block";
        plan.sql = "SELECT chunk, blocks FROM address_block WHERE address BETWEEN ? AND ?";
        plan.legacySql = "SELECT block FROM block_address WHERE address BETWEEN ? AND ?";
        plan.addresses = set.coveredRanges();
        const std::optional<std::vector<std::int64_t>> blocks = runBlockPlan(caseDb, plan);
        hunt.blocksRead = blocks ? static_cast<std::int64_t>(blocks->size()) : 0;
        if (blocks && blocks->empty())
            return hunt;

        FieldSet fields;
        for (Field f : {Field::SrcAddr, Field::DstAddr, Field::SrcPort, Field::DstPort, Field::Start, Field::End,
                        Field::Action, Field::InterfaceId})
            fields.set(static_cast<std::size_t>(f));
        std::mutex mutex;
        std::unordered_map<std::size_t, Tally> total;
        try {
            scanBlockRecordsConcurrently(caseDb, blocks, columnsOf(fields), [&](std::int64_t, BlockRecordCursor &records) {
                if (cancel && cancel->load(std::memory_order_relaxed))
                    throw StopScan();
                std::unordered_map<std::size_t, Tally> local;
                std::vector<std::size_t> matched;
                while (const EncodedFlow *f = records.next()) {
                    matched.clear();
                    const auto side = [&](Field address, Field port, const IpAddress &a, std::uint16_t p) {
                        if (f->has(address) && touched.mayHold(a))
                            set.forEachMatch(a, f->has(port) ? std::optional<std::uint16_t>(p) : std::nullopt,
                                             [&](std::size_t i) { matched.push_back(set.givenIndex(i)); });
                    };
                    side(Field::SrcAddr, Field::SrcPort, f->srcAddr, f->srcPort);
                    side(Field::DstAddr, Field::DstPort, f->dstAddr, f->dstPort);
                    if (matched.empty())
                        continue;
                    std::sort(matched.begin(), matched.end());
                    matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
                    for (const std::size_t i : matched) {
                        Tally &t = local[i];
                        ++t.records;
                        if (f->has(Field::Action))
                            ++(f->action == Action::Reject ? t.rejected : t.accepted);
                        if (f->has(Field::Start))
                            t.first = std::min<std::int64_t>(t.first, f->start);
                        if (f->has(Field::End))
                            t.last = std::max<std::int64_t>(t.last, f->end);
                        if (f->interface)
                            t.interfaces.insert(f->interface);
                    }
                }
                const std::lock_guard lock(mutex);
                for (const auto &[i, t] : local)
                    total[i].merge(t);
            });
        } catch (const StopScan &) {
            hunt.cancelled = true;
            return hunt;
        }
        StringDictionary strings;
        strings.load(db);
        InterfaceDictionary contexts;
        contexts.load(db, strings);
        const auto eniSlot = static_cast<std::size_t>(
            std::find(kInterfaceFields.begin(), kInterfaceFields.end(), Field::InterfaceId) - kInterfaceFields.begin());
        for (const auto &[i, t] : total) {
            IocHit hit;
            hit.list = lists[meta[i].list].name;
            hit.indicator = meta[i].indicator;
            hit.label = meta[i].label;
            hit.records = t.records;
            hit.accepted = t.accepted;
            hit.rejected = t.rejected;
            hit.firstSeen = t.first == std::numeric_limits<std::int64_t>::max() ? 0 : t.first;
            hit.lastSeen = t.last == std::numeric_limits<std::int64_t>::min() ? 0 : t.last;
            std::set<std::string> enis;
            for (const std::uint32_t context : t.interfaces)
                if (context <= contexts.size() && contexts.key(context)[eniSlot] != 0)
                    enis.insert(strings.value(contexts.key(context)[eniSlot]));
            hit.interfaces.assign(enis.begin(), enis.end());
            hit.filter = iocIndicatorFilter(hit.indicator);
            hunt.hits.push_back(std::move(hit));
        }
        std::sort(hunt.hits.begin(), hunt.hits.end(), [](const IocHit &a, const IocHit &b) {
            if (a.records != b.records)
                return a.records > b.records;
            if (a.list != b.list)
                return a.list < b.list;
            return a.indicator < b.indicator;
        });
    } catch (const StoreError &error) {
        hunt.error = error.what();
    }
    return hunt;
}

} // namespace flowscope::incident
