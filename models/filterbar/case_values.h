// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The values of a case worth offering while a filter is typed: the most
// common addresses, ports (below the ephemeral range), ENIs, accounts and the
// other interface fields. Popularity is the number of record blocks a value
// appears in, read from the block indexes, so no record is decoded.

#include "format/field_catalog.h"

#include <QFuture>
#include <QStringList>

#include <atomic>
#include <map>
#include <memory>

namespace flowscope {

class CaseDb;

constexpr int kDefaultCaseValueLimit = 50;

struct CaseValues {
    QStringList addresses; // most common first
    QStringList ports;
    std::map<Field, QStringList> text; // interface fields (interface-id, account-id, vpc-id, ...)

    QStringList textValues(Field field) const;
    bool isEmpty() const { return addresses.isEmpty() && ports.isEmpty() && text.empty(); }
};

// At most `limit` values of each kind. Stops early, with what it has, when
// `cancel` becomes true.
CaseValues loadCaseValues(CaseDb &caseDb, int limit = kDefaultCaseValueLimit,
                          const std::atomic_bool *cancel = nullptr);

// Opens the case read-only on a pool thread; an unreadable case yields no values.
QFuture<CaseValues> loadCaseValuesAsync(const QString &casePath, int limit = kDefaultCaseValueLimit,
                                        std::shared_ptr<std::atomic_bool> cancel = {});

} // namespace flowscope
