// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudtrail_trail.h"

#include "explain/config_changes.h"
#include "explain/snapshot_store.h"
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

// What the events and the snapshots say about the resources, in one pass over them.
class TrailGraph {
public:
    TrailGraph(const std::vector<CloudTrailEventRow> &rows, SnapshotLinks links)
        : m_rows(rows)
        , m_links(std::move(links))
    {
        for (const CloudTrailEventRow &row : rows)
            for (const auto &[eni, instance] : row.attachments) {
                m_instancesOf[eni].insert(instance);
                m_interfacesOf[instance].insert(eni);
            }
        for (const auto &[eni, ids] : m_links)
            for (const std::string &id : ids)
                if (startsWith(id, "i-")) {
                    m_instancesOf[eni].insert(id);
                    m_interfacesOf[id].insert(eni);
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

    // The groups and network ACLs the snapshots give the interfaces among `ids`.
    std::set<std::string> configuredBy(const std::set<std::string> &ids) const
    {
        std::set<std::string> configured;
        for (const std::string &id : ids)
            if (const auto linked = m_links.find(id); linked != m_links.end())
                for (const std::string &component : linked->second)
                    if (!startsWith(component, "i-"))
                        configured.insert(component);
        return configured;
    }

    // An event reaches what it names, and a rule change reaches the
    // interfaces the snapshots put behind the group or ACL it changed. A
    // launch naming a group many interfaces share reaches only its own.
    static bool reaches(const CloudTrailEventRow &row, const std::set<std::string> &ids, const std::set<std::string> &configured)
    {
        return touchesAny(row, ids) || (explain::isConfigChangeEvent(row.eventName) && touchesAny(row, configured));
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
    SnapshotLinks m_links;
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
    const TrailGraph graph(rows, snapshotLinks(explain::loadSnapshotTimeline(caseDb)));
    Trail trail;

    // Each case interface with what leads to it, and the groups and ACLs whose changes reach it.
    struct CaseLink {
        std::string eni;
        std::set<std::string> ids, configured;
    };
    std::vector<CaseLink> caseLinks;
    for (const std::string &eni : caseInterfaceIds(caseDb)) {
        std::set<std::string> ids = graph.closure(eni);
        std::set<std::string> configured = graph.configuredBy(ids);
        caseLinks.push_back({eni, std::move(ids), std::move(configured)});
    }

    std::set<std::string> asked;
    std::set<std::string> askedConfigured;
    if (query.kind != TrailQuery::Kind::All) {
        if (query.kind == TrailQuery::Kind::SecurityGroup) {
            asked.insert(query.id);
            trail.securityGroups = {query.id};
        } else {
            asked = graph.closure(query.id);
            askedConfigured = graph.configuredBy(asked);
        }
        for (const std::string &id : asked) {
            if (startsWith(id, "i-"))
                trail.instances.push_back(id);
            else if (startsWith(id, "eni-"))
                trail.interfaces.push_back(id);
            else if (startsWith(id, "sg-") && query.kind != TrailQuery::Kind::SecurityGroup)
                trail.securityGroups.push_back(id);
        }
        for (const std::string &id : askedConfigured)
            if (startsWith(id, "sg-") && !asked.count(id))
                trail.securityGroups.push_back(id);
        std::sort(trail.securityGroups.begin(), trail.securityGroups.end());
    }
    for (const CloudTrailEventRow &row : rows) {
        if (query.kind != TrailQuery::Kind::All && !TrailGraph::reaches(row, asked, askedConfigured))
            continue;
        TrailEvent event{row, {}};
        for (const CaseLink &link : caseLinks)
            if (TrailGraph::reaches(row, link.ids, link.configured))
                event.caseInterfaces.push_back(link.eni);
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
