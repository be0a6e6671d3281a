// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writing generated records as flow-log text in a given column layout, the
// layouts the demo deliveries use, and the UTC time texts of file names and
// CloudWatch lines.

#include "demo_record.h"
#include "format/log_format.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope::demo {

class RecordFormatter {
public:
    explicit RecordFormatter(LogFormat format);

    const LogFormat &format() const { return m_format; }
    // Appends the record's line, without a newline.
    void append(const SimRecord &record, std::string &out) const;

private:
    void appendField(Field field, const SimRecord &r, std::string &out) const;

    LogFormat m_format;
    std::string m_version; // the `version` value AWS writes for this layout
};

// All 29 fields of versions 2-5 in the order of the AWS "flow log record
// examples" (example 8): the S3 text delivery and the benchmark.
LogFormat s3TextFormat();
// The default version 2 fields, the version 3 interface context and packet
// addresses, region and flow-direction: 23 fields of version 5, the realistic
// benchmark's layout.
LogFormat realisticBenchmarkFormat();
// The ECS task fields (v7) and reject-reason (v8) added to a v5 layout.
LogFormat s3HiveFormat();
// The v3 layout of the AWS TCP-flag example (example 5).
LogFormat cloudWatchJsonFormat();

struct UtcTime {
    int year, month, day, hour, minute, second;
};
UtcTime utcFromEpoch(std::int64_t epochSeconds);
std::string compactUtc(std::int64_t epochSeconds);      // 20260310T0200Z
std::string isoUtcMillis(std::int64_t epochMillis);     // 2026-03-10T02:00:13.000Z
std::string twoDigits(int value);

// JSON string contents for `text` (quotes not included).
std::string jsonEscaped(std::string_view text);

} // namespace flowscope::demo
