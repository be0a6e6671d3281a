// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The frame of a view's background job on a case: a connection opened for
// background reads, whose statements stop as soon as the job is stale, and
// an exception turned into its message, unless the job is stale (a stopped
// scan throws too, and a stale job's result is never shown).

#include <QString>

#include <functional>

namespace flowscope {

class CaseDb;

// Runs `work` on `casePath` (nothing for an empty path). Returns what went
// wrong, or an empty string.
QString runOnCase(const QString &casePath, const std::function<bool()> &stale,
                  const std::function<void(CaseDb &caseDb)> &work);

} // namespace flowscope
