// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Thread pools of Flowscope's own for long work (statistics, timelines,
// completion values, explanations). Never QThreadPool::globalInstance():
// Qt's raster paint engine fills in parallel on it and the GUI thread waits
// for those fills, so a long scan queued there freezes painting.

class QThreadPool;

namespace flowscope {

// Scans over a case that a view waits for: one job per view at a time, a
// newer request cancelling the older one. A few threads, so that one view's
// long scan never queues another view's short one behind it.
QThreadPool *analysisPool();

// Short look-ups that feed typing (completion values, counts for a label).
QThreadPool *lookupPool();

// Writes the GUI thread must not wait for (a settings file, which is synced
// to disk), one at a time in the order they were asked for.
QThreadPool *settingsWriter();

} // namespace flowscope
