// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The index half of evaluating a filter: the blocks that may hold a match,
// found with the case's block-level indexes (addresses and CIDR blocks as
// range scans, ports, interfaces, rejects, time bounds) in SQL with bound
// parameters only. The record predicate then decides within those blocks.
//
// The selection is first planned without a database (a tree of set
// operations whose leaves are SQL statements with their parameter values),
// so the same plan can be run against a case or shown to the user as text.

#include "filter_ast.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flowscope {

class CaseDb;

// A value bound to one `?` of a statement, never spliced into its text.
struct BlockSqlParameter {
    enum class Kind : std::uint8_t { Integer, Text, Blob };
    Kind kind = Kind::Integer;
    std::int64_t integer = 0;
    std::string bytes; // Text, or Blob (an IPv6 address: 16 bytes)
    std::string meaning; // what the value stands for, for people ("10.0.0.0"); may be empty
};

// One node of the plan. Leaves run SQL that returns block ids.
struct BlockPlan {
    enum class Kind : std::uint8_t {
        AllBlocks, // cannot narrow: every block
        Intersect, // blocks in every child
        Union,     // blocks in any child
        Query,     // sql + parameters
        // Ports from 32768 up: sql reads the rows of ephemeral_port_block
        // (the blocks holding a port, per chunk of block ids) and the blocks
        // they list are kept. A case of format 2 opened read-only has no such
        // table: every block's bitmap of port groups is read instead.
        EphemeralPorts,
        // Addresses, ports below 32768, interfaces: sql reads rows of
        // (chunk, blocks) from `table` (see block_postings.h) and the blocks
        // they list are kept. A case of schema 3 or older opened read-only
        // has no such table: legacySql, a row per block, is run instead.
        ChunkSets,
        // An IOC list: sql, the ChunkSets statement of address_block, run once
        // per range of `addresses` (prepared once, parameters bound each time);
        // legacySql likewise for a case of schema 3 or older.
        AddressRanges,
        // The blocks of records the filter named by id (`starred`, `tag`),
        // known when it was parsed: no SQL.
        Listed,
    };
    Kind kind = Kind::AllBlocks;
    std::vector<BlockPlan> children;           // Intersect, Union (two or more)
    std::string sql;                           // Query, EphemeralPorts, ChunkSets
    std::vector<BlockSqlParameter> parameters; // Query, EphemeralPorts, ChunkSets: ?1, ?2, ...
    std::vector<IntegerRange> ports;           // EphemeralPorts, for a case of format 2
    std::string table;                         // ChunkSets
    std::string legacySql;                     // ChunkSets, same parameters; AddressRanges
    std::vector<AddressRange> addresses;       // AddressRanges: sorted, disjoint
    std::vector<std::int64_t> blocks;          // Listed: sorted, unique
};

// An address range as the two bound values of `address BETWEEN ? AND ?`
// (see store/stored_address.h).
std::vector<BlockSqlParameter> addressBounds(const AddressRange &range);

// Plans the preselection of a filter; no database needed.
BlockPlan planBlockSelection(const FilterNode &filter);

// Runs a plan: sorted block ids, or nothing for AllBlocks.
std::optional<std::vector<std::int64_t>> runBlockPlan(CaseDb &caseDb, const BlockPlan &plan);

// The plan as indented text: each statement with its parameters listed under
// it, or a line saying that every block is scanned.
std::string describeBlockPlan(const BlockPlan &plan);
std::string describeBlockSelection(const FilterNode &filter);

// Sorted block ids, or nothing when the filter cannot narrow the blocks
// (every block must then be scanned).
std::optional<std::vector<std::int64_t>> selectBlocks(CaseDb &caseDb, const FilterNode &filter);

} // namespace flowscope
