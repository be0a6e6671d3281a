// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema3_case.h"

#include "schema4_case.h"

#include "store/block_codec.h"
#include "store/sqlite_handle.h"
#include "store/stored_address.h"

#include <sqlite3.h>

#include <set>
#include <stdexcept>
#include <vector>

namespace flowscope::test {

namespace {

// The tables as schema 1 created them and schema 3 still had them.
constexpr const char *kSchema3Indexes = R"sql(
CREATE TABLE block_address(address NOT NULL, block INTEGER NOT NULL, PRIMARY KEY(address, block)) WITHOUT ROWID;
CREATE TABLE block_port(port INTEGER NOT NULL, block INTEGER NOT NULL, PRIMARY KEY(port, block)) WITHOUT ROWID;
CREATE TABLE block_interface(interface INTEGER NOT NULL, block INTEGER NOT NULL, PRIMARY KEY(interface, block)) WITHOUT ROWID;
DROP TABLE address_block;
DROP TABLE port_block;
DROP TABLE interface_block;
DROP TABLE record_total;
ALTER TABLE source_file DROP COLUMN duplicate_records;
)sql";

// As FlowWriter wrote a block's index rows up to schema 3.
void writeIndexRows(sqlite3 *db, std::int64_t block, const std::vector<EncodedFlow> &rows)
{
    std::set<std::int64_t> v4;
    std::set<std::string> v6;
    std::set<std::int64_t> ports;
    std::set<std::int64_t> interfaces;
    const auto address = [&](const IpAddress &a) {
        if (a.isV4())
            v4.insert(storedIpv4(a.v4()));
        else
            v6.insert(std::string(reinterpret_cast<const char *>(a.bytes.data()), 16));
    };
    for (const EncodedFlow &f : rows) {
        for (const auto &[field, value] : {std::pair{Field::SrcAddr, &f.srcAddr}, std::pair{Field::DstAddr, &f.dstAddr},
                                           std::pair{Field::PktSrcAddr, &f.pktSrcAddr},
                                           std::pair{Field::PktDstAddr, &f.pktDstAddr}})
            if (f.has(field))
                address(*value);
        if (f.has(Field::SrcPort) && f.srcPort < 32768)
            ports.insert(f.srcPort);
        if (f.has(Field::DstPort) && f.dstPort < 32768)
            ports.insert(f.dstPort);
        if (f.interface)
            interfaces.insert(f.interface);
    }
    Statement insertAddress(db, "INSERT INTO block_address(address, block) VALUES(?, ?)");
    for (const std::int64_t a : v4) {
        insertAddress.bind(1, a);
        insertAddress.bind(2, block);
        insertAddress.exec();
    }
    for (const std::string &a : v6) {
        insertAddress.bindBlobStatic(1, a.data(), 16);
        insertAddress.bind(2, block);
        insertAddress.exec();
    }
    Statement insertPort(db, "INSERT INTO block_port(port, block) VALUES(?, ?)");
    for (const std::int64_t port : ports) {
        insertPort.bind(1, port);
        insertPort.bind(2, block);
        insertPort.exec();
    }
    Statement insertInterface(db, "INSERT INTO block_interface(interface, block) VALUES(?, ?)");
    for (const std::int64_t interface : interfaces) {
        insertInterface.bind(1, interface);
        insertInterface.bind(2, block);
        insertInterface.exec();
    }
}

} // namespace

void downgradeToSchema3(const std::string &caseFile)
{
    downgradeToSchema4(caseFile);
    sqlite3 *db = nullptr;
    if (sqlite3_open(caseFile.c_str(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + caseFile);
    }
    try {
        Transaction transaction(db);
        execSql(db, kSchema3Indexes);
        std::vector<std::int64_t> ids;
        {
            Statement list(db, "SELECT id FROM flow_block ORDER BY id");
            while (list.step())
                ids.push_back(list.int64(0));
        }
        Statement read(db, "SELECT data FROM flow_block WHERE id = ?");
        Statement update(db, "UPDATE flow_block SET data = ? WHERE id = ?");
        for (const std::int64_t id : ids) {
            read.bind(1, id);
            if (!read.step())
                throw std::runtime_error("a block vanished");
            std::vector<EncodedFlow> rows = decodeBlock(read.blob(0));
            read.reset();
            writeIndexRows(db, id, rows);
            const std::string data = encodeBlockFormat1(rows);
            update.bindBlobStatic(1, data.data(), static_cast<int>(data.size()));
            update.bind(2, id);
            update.exec();
        }
        execSql(db, "PRAGMA user_version = 3");
        transaction.commit();
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
}

} // namespace flowscope::test
