// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudtrail_trail.h"

#include "store/case_db.h"
#include "store/dictionaries.h"

#include <algorithm>
#include <map>
#include <set>

namespace flowscope::cloudtrail {

namespace {

bool startsWith(const std::string &id, std::string_view prefix) { return id.starts_with(prefix); }

// The calls that give an instance or interface its security groups.
bool placesGroups(const std::string &eventName)
{
    return eventName == "RunInstances" || eventName == "CreateNetworkInterface"
        || eventName == "ModifyNetworkInterfaceAttribute" || eventName == "ModifyInstanceAttribute";
}

// What the events say about the resources, in one pass over them.
class TrailGraph {
public:
    explicit TrailGraph(const std::vector<CloudTrailEventRow> &rows)
        : m_rows(rows)
    {
        for (const CloudTrailEventRow &row : rows)
            for (const auto &[eni, instance] : row.attachments) {
                m_instancesOf[eni].insert(instance);
                m_interfacesOf[instance].insert(eni);
            }
    }

    std::set<std::string> instancesOf(const std::string &eni) const { return lookup(m_instancesOf, eni); }
    std::set<std::string> interfacesOf(const std::string &instance) const { return lookup(m_interfacesOf, instance); }

    // An interface with its instances and their other interfaces, or an
    // instance with its interfaces, and the security groups the calls on any
    // of them gave.
    std::set<std::string> closure(const std::string &id) const
    {
        std::set<std::string> ids{id};
        const std::set<std::string> instances = startsWith(id, "eni-") ? instancesOf(id) : std::set<std::string>{id};
        for (const std::string &instance : instances) {
            ids.insert(instance);
            const auto enis = interfacesOf(instance);
            ids.insert(enis.begin(), enis.end());
        }
        std::set<std::string> groups;
        for (const CloudTrailEventRow &row : m_rows)
            if (placesGroups(row.eventName) && touchesAny(row, ids))
                for (const std::string &r : row.resources)
                    if (startsWith(r, "sg-"))
                        groups.insert(r);
        ids.insert(groups.begin(), groups.end());
        return ids;
    }

    static bool touchesAny(const CloudTrailEventRow &row, const std::set<std::string> &ids)
    {
        return std::any_of(row.resources.begin(), row.resources.end(), [&](const std::string &r) { return ids.count(r); });
    }

private:
    static std::set<std::string> lookup(const std::map<std::string, std::set<std::string>> &map, const std::string &key)
    {
        const auto it = map.find(key);
        return it == map.end() ? std::set<std::string>() : it->second;
    }

    const std::vector<CloudTrailEventRow> &m_rows;
    std::map<std::string, std::set<std::string>> m_instancesOf, m_interfacesOf;
};

} // namespace

std::vector<std::string> caseInterfaceIds(CaseDb &caseDb)
{
    StringDictionary strings;
    InterfaceDictionary interfaces;
    strings.load(caseDb.handle());
    interfaces.load(caseDb.handle(), strings);
    std::set<std::string> enis;
    for (std::uint32_t context = 1; context <= interfaces.size(); ++context) {
        const std::uint32_t eni = interfaces.key(context)[0]; // interface-id comes first
        if (eni != 0)
            enis.insert(std::string(strings.value(eni)));
    }
    return {enis.begin(), enis.end()};
}

Trail traceCloudTrail(CaseDb &caseDb, const TrailQuery &query)
{
    const std::vector<CloudTrailEventRow> rows = readCloudTrailEvents(caseDb.handle());
    const TrailGraph graph(rows);
    Trail trail;

    // Each case interface with what leads to it.
    std::vector<std::pair<std::string, std::set<std::string>>> caseLinks;
    for (const std::string &eni : caseInterfaceIds(caseDb))
        caseLinks.emplace_back(eni, graph.closure(eni));

    std::set<std::string> asked;
    if (query.kind != TrailQuery::Kind::All) {
        if (query.kind == TrailQuery::Kind::SecurityGroup) {
            asked.insert(query.id);
            trail.securityGroups = {query.id};
        } else {
            asked = graph.closure(query.id);
        }
        for (const std::string &id : asked) {
            if (startsWith(id, "i-"))
                trail.instances.push_back(id);
            else if (startsWith(id, "eni-"))
                trail.interfaces.push_back(id);
            else if (startsWith(id, "sg-") && query.kind != TrailQuery::Kind::SecurityGroup)
                trail.securityGroups.push_back(id);
        }
    }
    for (const CloudTrailEventRow &row : rows) {
        if (query.kind != TrailQuery::Kind::All && !TrailGraph::touchesAny(row, asked))
            continue;
        TrailEvent event{row, {}};
        for (const auto &[eni, linked] : caseLinks)
            if (TrailGraph::touchesAny(row, linked))
                event.caseInterfaces.push_back(eni);
        if (row.eventName == "RunInstances" && row.errorCode.empty())
            for (const auto &[eni, instance] : row.attachments)
                if (query.kind == TrailQuery::Kind::All || asked.count(instance)) {
                    auto launch = std::find_if(trail.launches.begin(), trail.launches.end(),
                                               [&](const InstanceLaunch &l) { return l.instance == instance; });
                    if (launch == trail.launches.end())
                        launch = trail.launches.insert(trail.launches.end(),
                                                       {instance, {}, row.time, row.principal, row.sourceIp,
                                                        row.userAgent, row.eventId});
                    launch->interfaces.push_back(eni);
                }
        trail.events.push_back(std::move(event));
    }
    return trail;
}

} // namespace flowscope::cloudtrail
