// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The ways AWS delivers flow-log records, recognised per file from its first line.

#include <string_view>

namespace flowscope {

enum class Delivery {
    S3Text,           // text with a header line naming the fields (S3, plain or gzip)
    PlainText,        // headerless record lines (Firehose text, hand-made extracts)
    CloudWatchExport, // CloudWatch Logs export to S3: "<ISO 8601 time> <record>" lines
    CloudWatchJson,   // aws logs filter-log-events / get-log-events output: events[].message
    JsonLines,        // JSON objects carrying the record in "message" (Firehose, log shippers),
                      // or CloudWatch subscription envelopes with logEvents[].message
};

std::string_view deliveryName(Delivery d);

// True for "2026-03-10T02:00:13.000Z " (fraction optional), the prefix of a
// CloudWatch Logs export line; *prefixLength receives its length with the space.
bool hasIsoTimestampPrefix(std::string_view line, std::size_t *prefixLength);

} // namespace flowscope
