// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What became of a configuration snapshot load, in words: stored with what it
// holds and its warnings, or refused with each file and item at fault.

#include "explain/snapshot_import_job.h"

#include <QString>

class QWidget;

namespace flowscope {

struct SnapshotLoadReport {
    bool ok = false;
    QString text;    // one paragraph
    QString details; // every message, one a line
};

SnapshotLoadReport snapshotLoadReport(const explain::SnapshotImportOutcome &outcome);
// A message box, information or warning, the messages under "Show Details".
void showSnapshotLoadReport(QWidget *parent, const explain::SnapshotImportOutcome &outcome);

} // namespace flowscope
