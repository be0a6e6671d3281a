// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_deliveries.h"

#include "demo_estate.h"
#include "demo_output.h"

#include <algorithm>
#include <map>

namespace flowscope::demo {
namespace {

constexpr std::string_view kS3FlowLogId = "fl-0a1b2c3d4e5f6a7b8";
constexpr std::string_view kHiveFlowLogId = "fl-06c4d2e8a1b3f5079";

void sortByStart(std::vector<SimRecord> &records)
{
    std::stable_sort(records.begin(), records.end(),
                     [](const SimRecord &a, const SimRecord &b) { return a.start < b.start; });
}

std::string dateDirectories(const UtcTime &t)
{
    return std::to_string(t.year) + '/' + twoDigits(t.month) + '/' + twoDigits(t.day);
}

// AWS object name: <account>_vpcflowlogs_<region>_<flow log id>_<YYYYMMDDTHHmmZ>_<hash>.log.gz
std::string objectName(std::string_view region, std::string_view flowLogId, std::int64_t time, const std::string &hash)
{
    return std::string(kMainAccount) + "_vpcflowlogs_" + std::string(region) + '_' + std::string(flowLogId) + '_'
        + compactUtc(time) + '_' + hash + ".log.gz";
}

std::string streamName(const Eni &eni) { return std::string(eni.interfaceId) + "-all"; }

} // namespace

DeliveryWriter::DeliveryWriter(std::filesystem::path root, std::uint64_t seed, DemoSummary &summary)
    : m_root(std::move(root))
    , m_names(seed, "names")
    , m_summary(summary)
    , m_s3Format(s3TextFormat())
    , m_hiveFormat(s3HiveFormat())
    , m_jsonFormat(cloudWatchJsonFormat())
    , m_defaultFormat(LogFormat::defaultV2())
{
}

DemoFile &DeliveryWriter::addFile(std::string relativePath, std::string_view delivery, std::string logFormat)
{
    m_summary.files.push_back({std::move(relativePath), std::string(delivery), std::move(logFormat), 0});
    return m_summary.files.back();
}

void DeliveryWriter::count(const SimRecord &r, DemoFile &file)
{
    ++file.records;
    ++m_summary.records;
    if (r.status == LogStatus::NoData) {
        ++m_summary.nodataRecords;
        return;
    }
    if (r.status == LogStatus::SkipData) {
        ++m_summary.skipdataRecords;
        return;
    }
    if (r.isIpv6())
        ++m_summary.ipv6Records;
    if (r.action == Action::Reject)
        ++m_summary.rejectRecords;
    if (r.src.text() == m_summary.beaconSource && r.dst.text() == m_summary.beaconDestination)
        ++m_summary.beaconRecords;
}

void DeliveryWriter::writeHeaderedObject(const std::string &relativePath, std::string_view delivery,
                                         const RecordFormatter &formatter, std::span<const SimRecord> records)
{
    DemoFile &file = addFile(relativePath, delivery);
    const auto out = openGzipFile(m_root / relativePath);
    out->write(formatter.format().headerLine());
    out->write("\n");
    for (const SimRecord &record : records) {
        m_line.clear();
        formatter.append(record, m_line);
        m_line += '\n';
        out->write(m_line);
        count(record, file);
    }
    out->close();
}

void DeliveryWriter::writeS3Object(std::int64_t windowStart, std::vector<SimRecord> &records)
{
    sortByStart(records);
    const std::string path = "AWSLogs/" + std::string(kMainAccount) + "/vpcflowlogs/us-east-1/"
        + dateDirectories(utcFromEpoch(windowStart)) + '/' + objectName("us-east-1", kS3FlowLogId, windowStart, hash8());
    writeHeaderedObject(path, "s3-text", m_s3Format, records);
}

void DeliveryWriter::writeHiveObjects(std::vector<SimRecord> &records)
{
    // One object per hour partition, named after the hour it starts.
    sortByStart(records);
    auto begin = records.begin();
    while (begin != records.end()) {
        const std::int64_t hour = begin->start - begin->start % 3600;
        const auto end = std::find_if(begin, records.end(), [hour](const SimRecord &r) { return r.start >= hour + 3600; });
        const UtcTime t = utcFromEpoch(hour);
        const std::string path = "AWSLogs/aws-account-id=" + std::string(kMainAccount)
            + "/aws-service=vpcflowlogs/aws-region=eu-west-1/year=" + std::to_string(t.year) + "/month="
            + twoDigits(t.month) + "/day=" + twoDigits(t.day) + "/hour=" + twoDigits(t.hour) + '/'
            + objectName("eu-west-1", kHiveFlowLogId, hour, hash8());
        writeHeaderedObject(path, "s3-hive", m_hiveFormat, std::span<const SimRecord>(&*begin, static_cast<std::size_t>(end - begin)));
        begin = end;
    }
}

void DeliveryWriter::writeCloudWatchExport(std::vector<SimRecord> &records)
{
    // One log stream per interface; the export task writes each stream under its name.
    sortByStart(records);
    std::map<std::string_view, std::vector<const SimRecord *>> streams;
    for (const SimRecord &record : records)
        streams[record.eni->interfaceId].push_back(&record);
    const std::string task = uuid();
    for (const auto &[interfaceId, streamRecords] : streams) {
        const std::string path = "exportedlogs/" + task + '/' + streamName(*streamRecords.front()->eni) + "/000000.gz";
        DemoFile &file = addFile(path, "cloudwatch-export");
        const auto out = openGzipFile(m_root / path);
        for (const SimRecord *record : streamRecords) {
            // The event timestamp of a flow-log event is the record's start.
            m_line = isoUtcMillis(record->start * 1000);
            m_line += ' ';
            m_defaultFormat.append(*record, m_line);
            m_line += '\n';
            out->write(m_line);
            count(*record, file);
        }
        out->close();
    }
}

void DeliveryWriter::writeCloudWatchJson(std::vector<SimRecord> &records)
{
    // The output of `aws logs filter-log-events --log-group-name ...` as the CLI prints it.
    sortByStart(records);
    const std::string path = "cloudwatch/filter-log-events_vpc-flow-logs-ecs-b.json";
    DemoFile &file = addFile(path, "cloudwatch-json", m_jsonFormat.format().formatString());
    const auto out = openPlainFile(m_root / path);
    out->write(records.empty() ? "{\n    \"events\": [],\n" : "{\n    \"events\": [\n");
    for (std::size_t i = 0; i < records.size(); ++i) {
        const SimRecord &record = records[i];
        m_line.clear();
        m_jsonFormat.append(record, m_line);
        const std::int64_t timestamp = record.start * 1000;
        const std::int64_t ingestion = record.end * 1000 + m_names.between(45'000, 540'000);
        out->write("        {\n            \"logStreamName\": \"" + jsonEscaped(streamName(*record.eni))
                   + "\",\n            \"timestamp\": " + std::to_string(timestamp)
                   + ",\n            \"message\": \"" + jsonEscaped(m_line)
                   + "\",\n            \"ingestionTime\": " + std::to_string(ingestion)
                   + ",\n            \"eventId\": \"" + eventId() + "\"\n        }"
                   + (i + 1 < records.size() ? ",\n" : "\n"));
        count(record, file);
    }
    if (!records.empty())
        out->write("    ],\n");
    out->write("    \"searchedLogStreams\": []\n}\n");
    out->close();
}

void DeliveryWriter::writeFirehose(std::vector<SimRecord> &records)
{
    sortByStart(records);
    const std::int64_t first = records.empty() ? 0 : records.front().start;
    const UtcTime t = utcFromEpoch(first);
    const std::string stamp = std::to_string(t.year) + '-' + twoDigits(t.month) + '-' + twoDigits(t.day) + '-'
        + twoDigits(t.hour) + '-' + twoDigits(t.minute) + '-' + twoDigits(t.second);
    const std::string path = "firehose/" + dateDirectories(t) + '/' + twoDigits(t.hour)
        + "/vpc-flow-logs-kafka-1-" + stamp + '-' + uuid() + ".jsonl";
    DemoFile &file = addFile(path, "firehose-jsonl");
    const auto out = openPlainFile(m_root / path);
    for (const SimRecord &record : records) {
        m_line.clear();
        m_defaultFormat.append(record, m_line);
        out->write("{\"timestamp\":" + std::to_string(record.start * 1000) + ",\"message\":\"" + jsonEscaped(m_line)
                   + "\"}\n");
        count(record, file);
    }
    out->close();
}

std::string DeliveryWriter::hash8()
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(8, '0');
    for (char &c : out)
        c = kHex[m_names.below(16)];
    return out;
}

std::string DeliveryWriter::uuid()
{
    // Version 4 layout: 8-4-4-4-12 with the version and variant nibbles fixed.
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx";
    for (char &c : out) {
        if (c == 'x')
            c = kHex[m_names.below(16)];
        else if (c == 'y')
            c = kHex[8 + m_names.below(4)];
    }
    return out;
}

std::string DeliveryWriter::eventId()
{
    // CloudWatch event ids are 56-digit decimal strings.
    std::string out(56, '0');
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<char>('0' + (i == 0 ? 1 + m_names.below(9) : m_names.below(10)));
    return out;
}

} // namespace flowscope::demo
