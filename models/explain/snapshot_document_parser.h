// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns one describe-* JSON document into snapshot items, recognising it by
// its top-level keys (file names do not matter). Any error refuses the file:
// the caller keeps the fragment only when no error was reported.

#include "config_snapshot.h"
#include "snapshot_message.h"

#include <QJsonObject>

#include <map>
#include <vector>

namespace flowscope::explain {

// What one file contributes before the snapshot is assembled.
struct SnapshotFragment {
    ConfigSnapshot items;
    // describe-security-group-rules: rules with their sgr- ids, by group.
    std::map<QString, std::vector<SgRule>> groupRules;
    std::map<QString, QString> groupRuleFiles;
    // get-managed-prefix-list-entries: entries, by prefix list.
    std::map<QString, std::vector<IpCidr>> prefixListEntries;
    QStringList documents; // the top-level keys recognised
};

// Parses document (read from file) into fragment; appends errors naming file and item.
void parseSnapshotDocument(const QString &file, const QJsonObject &document, SnapshotFragment &fragment,
                           std::vector<SnapshotMessage> &errors);

} // namespace flowscope::explain
