// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A second back end for display filters: the same tree as Athena (Trino) SQL
// over the flow-log table AWS documents for Athena, so a question asked of a
// case can be handed off to the full archive in S3.
//
// The table: columns are the AWS field names with '-' replaced by '_'
// (account_id, interface_id, log_status, ...), as in the AWS DDL; addresses
// and names are strings, numbers int/bigint. Partitions follow the AWS
// partition-projection DDL: `PARTITIONED BY (accid string, region string,
// day string)` with `projection.day.format` = yyyy/MM/dd and the location
// template .../AWSLogs/${accid}/vpcflowlogs/${region}/${day}. That DDL has no
// separate region column: the `region` partition is the only one, so a
// filter on region is itself the partition predicate. The column names, the
// day format and the IOC tables are options (a Hive-style table would use
// "aws-account-id" and "aws-region"; one split into year, month, day and hour
// columns gets no day predicate, as only a single day column is derived).
//
// Translation rules, and why:
// - Athena takes no bound parameters in the query text, so every string
//   literal is escaped (' doubled); columns are double-quoted when they are
//   not plain lower-case words or are reserved ("end"), database and table
//   names always.
// - Absent values: plain-text tables read '-' in an int column as NULL and
//   keep '-' in a string column. Every translated test is TRUE exactly when the
//   record predicate would match, and FALSE or NULL otherwise, so AND and OR
//   carry over; `not` becomes NOT COALESCE(x, false), which is TRUE for NULL
//   (`not dstport == 22` keeps records without a dstport). Tests that could
//   match the text '-' itself (`contains "-"`, a regex that matches "-") get a
//   `<> '-'` guard.
// - Addresses: try_cast(col AS ipaddress) compared with IPADDRESS literals
//   (=, IN, BETWEEN). Trino orders ipaddress by its 16 bytes and stores IPv4
//   as ::ffff:a.b.c.d, so an IPv4 range only holds IPv4 records; IPv6 ranges
//   skip ::ffff:0:0/96 so they never hold IPv4 records. This handles the
//   arbitrary ranges that sets produce without splitting them into CIDRs,
//   and does not depend on how contains(cidr, address) treats an address of
//   the other family.
// - `time` is the span [start, "end"] as in filter_ast.h; AWS writes start
//   and end on every record, so one column decides each comparison.
// - Partitions: day bounds come from the time bounds every match must meet
//   (from and/or of time, start and end tests). The day folder of a log file
//   follows its delivery, at or after a record's end: the first day is the
//   day of the earliest possible end, the last day that of the latest start
//   plus deliveryLagSeconds. Equality on account-id (and on region, when the
//   region partition is not the region column itself) adds account and region
//   partition predicates.
// - `x in @name` reads the IOC table ioc_<name> (value column `value`) as an
//   IN subquery: a semi-join, so no row is repeated, and no inline list.
// - Athena caps the query text at 262,144 bytes: a larger query is an error
//   (sets are already merged into ranges), never a truncated query.

#include "filter_ast.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

struct AthenaSqlOptions {
    std::string database = "default";
    std::string table = "vpc_flow_logs";

    // Partition columns; an empty name means the table has no such partition.
    std::string accountPartition = "accid";
    std::string regionPartition = "region";
    std::string dayPartition = "day";
    // How day values are spelled (yyyy, MM and dd are replaced), as in
    // projection.day.format. Ignored when dayIsDate.
    std::string dayFormat = "yyyy/MM/dd";
    // A `date`-typed day partition (the ALTER TABLE ADD PARTITION variant).
    bool dayIsDate = false;
    // How long after a record's start its log file may still be delivered.
    std::int64_t deliveryLagSeconds = 3600;
    // account-id is the owner of the ENI and the account partition the
    // owner of the flow log; they are the same except for shared ENIs.
    bool accountIdNarrowsPartition = true;

    // IOC lists: `in @name` reads <iocDatabase>.<iocTablePrefix><name>
    // (name lower-cased, '-' and '.' as '_'); iocDatabase empty means database.
    std::string iocDatabase;
    std::string iocTablePrefix = "ioc_";
    std::string iocValueColumn = "value";

    std::optional<std::uint64_t> limit;
    std::size_t maxQueryBytes = 262144; // Athena's limit on the query string
};

struct AthenaSqlResult {
    std::string sql;                // empty on error
    std::string error;              // set when no query can be made
    std::vector<std::string> notes; // advice, e.g. that every day partition is read
    bool ok() const { return error.empty(); }
};

AthenaSqlResult toAthenaSql(const FilterNode &filter, const AthenaSqlOptions &options);

// Building blocks, exposed for tests and other generators.
std::string athenaIdentifier(std::string_view name); // quoted when needed
std::string athenaString(std::string_view text);     // 'it''s'
std::string athenaColumn(Field field);               // interface_id, "end"

} // namespace flowscope
