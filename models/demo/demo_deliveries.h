// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes generated records in each delivery form AWS offers (S3 text, S3 with
// Hive-style partitions, a CloudWatch Logs export to S3, the JSON of
// `aws logs filter-log-events`, Firehose JSON lines) and keeps the summary's
// per-file and total counts equal to what was written.

#include "demo_generator.h"
#include "demo_format.h"
#include "demo_random.h"
#include "demo_record.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope::demo {

class DeliveryWriter {
public:
    // summary must already name the beacon (its records are counted on write).
    DeliveryWriter(std::filesystem::path root, std::uint64_t seed, DemoSummary &summary);

    // The records are sorted in place by start time before writing.
    void writeS3Object(std::int64_t windowStart, std::vector<SimRecord> &records);
    void writeHiveObjects(std::vector<SimRecord> &records);
    void writeCloudWatchExport(std::vector<SimRecord> &records);
    void writeCloudWatchJson(std::vector<SimRecord> &records);
    void writeFirehose(std::vector<SimRecord> &records);

private:
    DemoFile &addFile(std::string relativePath, std::string_view delivery, std::string logFormat = {});
    void count(const SimRecord &record, DemoFile &file);
    void writeHeaderedObject(const std::string &relativePath, std::string_view delivery,
                             const RecordFormatter &formatter, std::span<const SimRecord> records);
    std::string hash8();
    std::string uuid();
    std::string eventId();

    std::filesystem::path m_root;
    DemoRandom m_names;
    DemoSummary &m_summary;
    RecordFormatter m_s3Format, m_hiveFormat, m_jsonFormat, m_defaultFormat;
    std::string m_line;
};

} // namespace flowscope::demo
