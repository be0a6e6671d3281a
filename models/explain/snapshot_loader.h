// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Loads a configuration snapshot from describe-* files and folders (any names;
// in folders, *.json and *.json.gz). A file loads whole or is refused with its
// errors; references the snapshot cannot resolve (a group, prefix list or
// interface it lacks, another account's group) load with a warning and make
// the explanations that need them inconclusive.

#include "config_snapshot.h"
#include "snapshot_message.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <vector>

namespace flowscope::explain {

struct SnapshotLoad {
    ConfigSnapshot snapshot;
    std::vector<SnapshotMessage> messages;
    int filesLoaded = 0;
    int filesRefused = 0;
    bool hasErrors() const { return filesRefused > 0; }
};

SnapshotLoad loadSnapshot(const QStringList &paths);
// The files a load reads (folders walked for *.json and *.json.gz); a path
// that does not exist gets a message.
QStringList snapshotFiles(const QStringList &paths, std::vector<SnapshotMessage> &messages);
// The newest modification time of those files: the default as-of time. Invalid when there is none.
QDateTime newestFileTime(const QStringList &paths);

// One file's bytes as read, with its name and modification time: what a case
// keeps so that it loads the same snapshot again without the files.
struct SnapshotSource {
    QString path;
    QDateTime modified;
    QByteArray bytes;
};

// The files named by paths (folders walked as above), read whole; a missing
// or unreadable one gets an error in messages.
std::vector<SnapshotSource> readSnapshotSources(const QStringList &paths, std::vector<SnapshotMessage> &messages);
SnapshotLoad loadSnapshot(const std::vector<SnapshotSource> &sources);

} // namespace flowscope::explain
