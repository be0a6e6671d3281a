// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A read-only connection to a case for a view's work in the background (the
// flow table's pages and counts, timelines, completion values). Its SQLite
// page cache is small: a scan reads each block once, the flow table keeps
// decoded blocks itself, and the window holds a few such connections at
// once, so the 64 MiB a case's own connection may cache would add up to
// hundreds of megabytes for nothing.

#include <memory>
#include <string>

namespace flowscope {

class CaseDb;

inline constexpr int kBackgroundCacheKiB = 4096;

// Throws StoreError as CaseDb::open does.
std::unique_ptr<CaseDb> openForBackgroundReads(const std::string &casePath);

} // namespace flowscope
