// SPDX-License-Identifier: GPL-3.0-or-later
// writeBenchmarkFile: generated traffic streamed straight into one gzip S3
// object, without buffering records, so memory stays constant. The tidy
// shape is VPC A's everyday traffic; the realistic one a day of the
// internet-facing estate of demo_realistic_estate.h.

#include "demo_background.h"
#include "demo_format.h"
#include "demo_generator.h"
#include "demo_output.h"
#include "demo_realistic_traffic.h"

#include <array>

namespace flowscope {
namespace demo {
namespace {

constexpr std::int64_t kBenchmarkStart = 1773108000; // 2026-03-10T02:00:00Z
constexpr std::uint64_t kRecordsPerMinute = 30000;   // a busy VPC: 1.8 M records per hour
constexpr std::int64_t kObjectSeconds = 300;
constexpr std::size_t kFlushBytes = 1 << 16;

// Formats records into a reusable buffer and hands full buffers to the file;
// records past the requested count are dropped so the count is exact.
class StreamingSink final : public RecordSink {
public:
    StreamingSink(const RecordFormatter &formatter, OutputFile &file, std::uint64_t limit)
        : m_formatter(formatter), m_file(file), m_limit(limit)
    {
        m_buffer.reserve(kFlushBytes + 4096);
    }

    void add(const SimRecord &record) override
    {
        if (m_written >= m_limit)
            return;
        m_formatter.append(record, m_buffer);
        m_buffer += '\n';
        ++m_written;
        if (m_buffer.size() >= kFlushBytes)
            flush();
    }

    void flush()
    {
        m_file.write(m_buffer);
        m_buffer.clear();
    }

    bool isFull() const { return m_written >= m_limit; }
    std::uint64_t written() const { return m_written; }

private:
    const RecordFormatter &m_formatter;
    OutputFile &m_file;
    std::uint64_t m_limit;
    std::uint64_t m_written = 0;
    std::string m_buffer;
};

// Activity by hour of the day (UTC): a working day's curve over a night trough.
constexpr std::array<std::uint64_t, 24> kHourWeights{5, 4, 4, 3, 3, 4, 6, 8, 10, 12, 13, 13,
                                                     12, 13, 13, 12, 11, 10, 9, 8, 8, 7, 6, 6};

void writeTidy(std::uint64_t seed, StreamingSink &sink)
{
    const Internet internet(seed);
    DemoRandom random(seed, "benchmark");
    BackgroundTraffic traffic(internet, random, BackgroundTraffic::Scope::VpcAOnly);
    for (std::int64_t minute = kBenchmarkStart; !sink.isFull(); minute += kAggregationSeconds) {
        const std::int64_t windowEnd = minute - (minute - kBenchmarkStart) % kObjectSeconds + kObjectSeconds;
        traffic.generateMinute(minute, kRecordsPerMinute, windowEnd, sink);
    }
}

// The records are spread over the day by kHourWeights, whatever their number.
void writeRealistic(std::uint64_t records, std::uint64_t seed, StreamingSink &sink)
{
    const RealisticEstate estate(seed);
    DemoRandom random(seed, "realistic-traffic");
    RealisticTraffic traffic(estate, random, kRealisticBenchmarkStart);
    std::uint64_t totalWeight = 0;
    for (std::uint64_t weight : kHourWeights)
        totalWeight += weight * 60;
    const std::int64_t dayEnd = kRealisticBenchmarkStart + 86400;
    std::uint64_t cumulative = 0;
    for (int minute = 0; minute < 24 * 60; ++minute) {
        cumulative += kHourWeights[static_cast<std::size_t>(minute / 60)];
        // records * cumulative / totalWeight without overflowing for any count.
        const std::uint64_t target = records / totalWeight * cumulative + records % totalWeight * cumulative / totalWeight;
        const std::uint64_t due = target > sink.written() ? target - sink.written() : 0;
        traffic.generateMinute(kRealisticBenchmarkStart + minute * kAggregationSeconds, due, dayEnd, sink);
    }
}

} // namespace
} // namespace demo

std::string benchmarkHeaderLine(BenchmarkShape shape)
{
    return shape == BenchmarkShape::Realistic ? demo::realisticBenchmarkFormat().headerLine()
                                              : demo::s3TextFormat().headerLine();
}

std::uint64_t writeBenchmarkFile(const std::filesystem::path &file, std::uint64_t records, std::uint64_t seed,
                                 BenchmarkShape shape)
{
    using namespace demo;
    const RecordFormatter formatter(shape == BenchmarkShape::Realistic ? realisticBenchmarkFormat() : s3TextFormat());
    const auto out = openGzipFile(file);
    out->write(formatter.format().headerLine());
    out->write("\n");
    StreamingSink sink(formatter, *out, records);
    if (shape == BenchmarkShape::Realistic)
        writeRealistic(records, seed, sink);
    else
        writeTidy(seed, sink);
    sink.flush();
    out->close();
    return sink.written();
}

} // namespace flowscope
