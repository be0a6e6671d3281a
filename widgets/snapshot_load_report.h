// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What became of a configuration snapshot load, in words: stored with what it
// holds and its warnings, or refused with each file and item at fault.

#include "explain/snapshot_import_job.h"

#include <QString>

#include <optional>

class QWidget;

namespace flowscope {

struct SnapshotLoadReport {
    bool ok = false;
    QString text;    // one paragraph
    QString summary; // a few words for the status bar (the paragraph goes to its tooltip and the dialog)
    QString details; // every message, one a line
};

// firstRecord, lastRecord: the case's record times (epoch seconds), to warn of a snapshot taken far from them.
SnapshotLoadReport snapshotLoadReport(const explain::SnapshotImportOutcome &outcome, std::optional<qint64> firstRecord = {},
                                      std::optional<qint64> lastRecord = {});
// A message box, information or warning, the messages under "Show Details".
void showSnapshotLoadReport(QWidget *parent, const explain::SnapshotImportOutcome &outcome,
                            std::optional<qint64> firstRecord = {}, std::optional<qint64> lastRecord = {});

} // namespace flowscope
