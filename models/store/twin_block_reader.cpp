// SPDX-License-Identifier: GPL-3.0-or-later
#include "twin_block_reader.h"

#include "block_reader.h"
#include "case_db.h"
#include "sqlite_handle.h"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

namespace flowscope {

namespace {

std::int64_t dataVersion(sqlite3 *db) { return queryInt(db, "PRAGMA data_version"); }

} // namespace

std::unique_ptr<TwinBlockReader> TwinBlockReader::open(CaseDb &caseDb)
{
    sqlite3 *db = caseDb.handle();
    if (sqlite3_txn_state(db, nullptr) != SQLITE_TXN_NONE)
        return nullptr;
    {
        Statement mode(db, "PRAGMA journal_mode");
        if (!mode.step() || mode.text(0) != "wal")
            return nullptr;
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(caseDb.path(), ec))
        return nullptr;
    try {
        std::unique_ptr<CaseDb> twin = CaseDb::open(caseDb.path(), CaseDb::Mode::ReadOnly);
        const std::int64_t version = dataVersion(twin->handle());
        return std::unique_ptr<TwinBlockReader>(new TwinBlockReader(std::move(twin), version));
    } catch (const StoreError &) {
        return nullptr; // the case's own connection reads every block
    }
}

TwinBlockReader::TwinBlockReader(std::unique_ptr<CaseDb> twin, std::int64_t dataVersion)
    : m_twin(std::move(twin))
    , m_reader(std::make_unique<BlockReader>(m_twin->handle(), true))
    , m_dataVersion(dataVersion)
{
}

TwinBlockReader::~TwinBlockReader()
{
    m_reader.reset(); // its blob handle before the connection
}

std::optional<bool> TwinBlockReader::read(std::int64_t id, ColumnMask columns, std::string &data)
{
    if (!m_usable)
        return std::nullopt;
    // The blob handle stays open from block to block, and with it the read
    // transaction this first read starts: its snapshot is the one checked.
    if (!m_reader->read(id, columns, data)) {
        m_usable = false; // a block gone: the handle closed, and the next read would start a newer snapshot
        m_reader->close();
        return std::nullopt;
    }
    if (!m_checked) {
        m_checked = true;
        if (dataVersion(m_twin->handle()) != m_dataVersion) {
            m_usable = false; // a commit came between the version taken and this read
            m_reader->close();
            return std::nullopt;
        }
    }
    return true;
}

} // namespace flowscope
