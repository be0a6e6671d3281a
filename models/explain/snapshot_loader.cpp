// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_loader.h"

#include "snapshot_document_parser.h"
#include "snapshot_file_reader.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace flowscope::explain {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::SnapshotLoader", text); }


template <typename T>
void mergeItems(std::map<QString, T> &into, std::map<QString, T> &from)
{
    for (auto &[id, item] : from)
        into.insert_or_assign(id, std::move(item));
}

void merge(ConfigSnapshot &snapshot, SnapshotFragment &fragment, std::map<QString, std::vector<SgRule>> &groupRules,
           std::map<QString, QString> &groupRuleFiles, std::map<QString, std::vector<IpCidr>> &prefixListEntries)
{
    auto &items = fragment.items;
    mergeItems(snapshot.securityGroups, items.securityGroups);
    mergeItems(snapshot.networkAcls, items.networkAcls);
    mergeItems(snapshot.subnets, items.subnets);
    mergeItems(snapshot.vpcs, items.vpcs);
    mergeItems(snapshot.routeTables, items.routeTables);
    mergeItems(snapshot.instances, items.instances);
    for (auto &[id, list] : items.prefixLists) {
        auto &kept = snapshot.prefixLists[id];
        if (!list.cidrs) // describe-managed-prefix-lists must not erase known entries
            list.cidrs.swap(kept.cidrs);
        kept = std::move(list);
    }
    for (auto &[id, eni] : items.interfaces) {
        const auto it = snapshot.interfaces.find(id);
        if (it == snapshot.interfaces.end() || eni.described || !it->second.described)
            snapshot.interfaces.insert_or_assign(id, std::move(eni));
    }
    for (auto &[group, rules] : fragment.groupRules) {
        auto &all = groupRules[group];
        all.insert(all.end(), rules.begin(), rules.end());
        groupRuleFiles[group] = fragment.groupRuleFiles[group];
    }
    for (auto &[list, entries] : fragment.prefixListEntries) {
        auto &all = prefixListEntries[list];
        all.insert(all.end(), entries.begin(), entries.end());
    }
}

void warn(std::vector<SnapshotMessage> &messages, const QString &file, const QString &item, const QString &text)
{
    messages.push_back({SnapshotMessage::Severity::Warning, file, item, text});
}

// Whether a document of that kind was loaded: an absent item then really is absent.
bool loaded(const ConfigSnapshot &snapshot, QStringView key)
{
    return std::any_of(snapshot.files.begin(), snapshot.files.end(),
                       [&](const SnapshotFile &file) { return file.documents.contains(key); });
}

// References are checked once every file is in: a rule may name a group of a later file.
void checkReferences(const ConfigSnapshot &snapshot, std::vector<SnapshotMessage> &messages)
{
    for (const auto &[id, group] : snapshot.securityGroups) {
        for (const SgRule &rule : group.rules) {
            const QString item = id + u' ' + (rule.ruleId.isEmpty() ? QString() : rule.ruleId + u' ')
                + (rule.egress ? tr("outbound") : tr("inbound")) + u' ' + protocolName(rule.protocol);
            if (rule.peerKind == SgPeerKind::Group && !snapshot.securityGroups.count(rule.groupId)) {
                const bool foreign = !rule.groupAccount.isEmpty() && !group.ownerId.isEmpty() && rule.groupAccount != group.ownerId;
                warn(messages, group.file, item,
                     foreign ? tr("references group %1 of another account (%2), which the snapshot lacks: "
                                  "traffic this rule decides is inconclusive")
                                   .arg(rule.groupId, rule.groupAccount)
                             : tr("references group %1, which the snapshot lacks: traffic this rule decides is inconclusive")
                                   .arg(rule.groupId));
            }
            if (rule.peerKind == SgPeerKind::PrefixList) {
                const PrefixList *list = findById(snapshot.prefixLists, rule.prefixListId);
                if (!list)
                    warn(messages, group.file, item,
                         tr("references prefix list %1, which the snapshot lacks: traffic this rule decides is inconclusive")
                             .arg(rule.prefixListId));
                else if (!list->cidrs)
                    warn(messages, group.file, item,
                         tr("references prefix list %1 whose entries were not loaded (get-managed-prefix-list-entries): "
                            "traffic this rule decides is inconclusive")
                             .arg(rule.prefixListId));
            }
        }
    }
    // Routes through an interface (an appliance, a NAT instance) need that interface.
    if (loaded(snapshot, u"NetworkInterfaces") || loaded(snapshot, u"Reservations"))
        for (const auto &[id, table] : snapshot.routeTables)
            for (const Route &route : table.routes)
                if (route.target.startsWith(u"eni-") && !snapshot.interfaces.count(route.target))
                    warn(messages, table.file, id + u' ' + route.destination,
                         tr("routes through interface %1, which the snapshot lacks").arg(route.target));
    if (loaded(snapshot, u"Subnets"))
        for (const auto &[id, acl] : snapshot.networkAcls)
            for (const QString &subnet : acl.subnetIds)
                if (!snapshot.subnets.count(subnet))
                    warn(messages, acl.file, id, tr("is associated with subnet %1, which the snapshot lacks").arg(subnet));
    const bool aclsLoaded = loaded(snapshot, u"NetworkAcls");
    for (const auto &[id, eni] : snapshot.interfaces) {
        for (const QString &group : eni.groupIds)
            if (!snapshot.securityGroups.count(group))
                warn(messages, eni.file, id, tr("is in group %1, which the snapshot lacks: its security groups are inconclusive").arg(group));
        if (aclsLoaded && !snapshot.aclOfSubnet(eni.subnetId, eni.vpcId))
            warn(messages, eni.file, id,
                 tr("subnet %1 has no network ACL in the snapshot (none associated, no default for %2): its network ACL is inconclusive")
                     .arg(eni.subnetId, eni.vpcId));
    }
}

} // namespace

QStringList snapshotFiles(const QStringList &paths, std::vector<SnapshotMessage> &messages)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(path, {QStringLiteral("*.json"), QStringLiteral("*.json.gz")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                found << it.next();
            found.sort(); // the same order on every machine
            files << found;
        } else if (info.exists()) {
            files << path;
        } else {
            messages.push_back({SnapshotMessage::Severity::Error, path, {}, tr("no such file or folder")});
        }
    }
    return files;
}

QDateTime newestFileTime(const QStringList &paths)
{
    std::vector<SnapshotMessage> ignored; // the load reports them
    QDateTime newest;
    for (const QString &file : snapshotFiles(paths, ignored)) {
        const QDateTime modified = QFileInfo(file).lastModified().toUTC();
        if (!newest.isValid() || modified > newest)
            newest = modified;
    }
    return newest;
}

std::vector<SnapshotSource> readSnapshotSources(const QStringList &paths, std::vector<SnapshotMessage> &messages)
{
    std::vector<SnapshotSource> sources;
    for (const QString &path : snapshotFiles(paths, messages)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            messages.push_back({SnapshotMessage::Severity::Error, path, {}, tr("cannot open: %1").arg(file.errorString())});
            continue;
        }
        sources.push_back({path, QFileInfo(file).lastModified().toUTC(), file.readAll()});
    }
    return sources;
}

SnapshotLoad loadSnapshot(const QStringList &paths)
{
    std::vector<SnapshotMessage> messages;
    const std::vector<SnapshotSource> sources = readSnapshotSources(paths, messages);
    SnapshotLoad load = loadSnapshot(sources);
    load.filesRefused += static_cast<int>(messages.size());
    load.messages.insert(load.messages.begin(), messages.begin(), messages.end());
    return load;
}

SnapshotLoad loadSnapshot(const std::vector<SnapshotSource> &sources)
{
    SnapshotLoad load;
    std::map<QString, std::vector<SgRule>> groupRules;
    std::map<QString, QString> groupRuleFiles;
    std::map<QString, std::vector<IpCidr>> prefixListEntries;
    for (const SnapshotSource &source : sources) {
        const QString &file = source.path;
        const SnapshotFileContent content = parseSnapshotBytes(source.bytes);
        if (!content.error.isEmpty()) {
            load.messages.push_back({SnapshotMessage::Severity::Error, file, content.location, content.error});
            ++load.filesRefused;
            continue;
        }
        SnapshotFragment fragment;
        std::vector<SnapshotMessage> errors;
        parseSnapshotDocument(file, content.document, fragment, errors);
        if (!errors.empty()) { // nothing half-loaded
            load.messages.insert(load.messages.end(), errors.begin(), errors.end());
            ++load.filesRefused;
            continue;
        }
        merge(load.snapshot, fragment, groupRules, groupRuleFiles, prefixListEntries);
        load.snapshot.files.push_back({file, content.sha256, source.modified, fragment.documents});
        ++load.filesLoaded;
    }
    // describe-security-group-rules states the same rules with their ids: it replaces the grouped form.
    for (auto &[groupId, rules] : groupRules) {
        auto &group = load.snapshot.securityGroups[groupId];
        if (group.id.isEmpty()) {
            group.id = groupId;
            group.file = groupRuleFiles[groupId];
        }
        group.rules = std::move(rules);
    }
    for (auto &[listId, entries] : prefixListEntries) {
        auto &list = load.snapshot.prefixLists[listId];
        list.id = listId;
        list.cidrs = std::move(entries);
    }
    checkReferences(load.snapshot, load.messages);
    return load;
}

} // namespace flowscope::explain
