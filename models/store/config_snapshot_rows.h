// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The configuration snapshots a case holds (tables config_snapshot and
// config_snapshot_file, schema 5): per snapshot its time and label, per file
// its path, SHA-256, modification time, the documents it held and its bytes
// as read, compressed with zstd. A case of an older schema opened read-only
// has no such tables: it simply holds no snapshot.

#include <cstdint>
#include <string>
#include <vector>

namespace flowscope {

class CaseDb;

struct ConfigSnapshotFileRow {
    std::string path;
    std::string sha256;
    std::int64_t modified = 0;          // Unix epoch seconds
    std::vector<std::string> documents; // the top-level keys it held
    std::string bytes;                  // as read from disk (plain or gzip), uncompressed here
};

struct ConfigSnapshotRow {
    std::int64_t id = 0;
    std::int64_t asOf = 0;     // Unix epoch seconds
    std::int64_t loadedAt = 0; // Unix epoch seconds
    std::string label;
    std::vector<ConfigSnapshotFileRow> files; // in load order; bytes only when asked for
};

class ConfigSnapshotRows {
public:
    explicit ConfigSnapshotRows(CaseDb &caseDb);

    bool isAvailable() const;
    // Oldest as-of first (then by id). withBytes: the files' bytes too.
    std::vector<ConfigSnapshotRow> list(bool withBytes) const;
    // Stores a snapshot and its files in one transaction; returns its id.
    // Throws StoreError for a read-only case.
    std::int64_t insert(const ConfigSnapshotRow &snapshot);
    // Removes a snapshot and its files in one transaction; false when the
    // case holds no snapshot of that id. Throws StoreError for a read-only case.
    bool remove(std::int64_t id);

private:
    CaseDb &m_case;
};

} // namespace flowscope
