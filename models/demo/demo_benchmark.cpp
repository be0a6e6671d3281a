// SPDX-License-Identifier: GPL-3.0-or-later
// writeBenchmarkFile: VPC A's everyday traffic streamed straight into one
// gzip S3 object, without buffering records, so memory stays constant.

#include "demo_background.h"
#include "demo_format.h"
#include "demo_generator.h"
#include "demo_output.h"

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

} // namespace
} // namespace demo

std::string benchmarkHeaderLine() { return demo::s3TextFormat().headerLine(); }

std::uint64_t writeBenchmarkFile(const std::filesystem::path &file, std::uint64_t records, std::uint64_t seed)
{
    using namespace demo;
    const Internet internet(seed);
    DemoRandom random(seed, "benchmark");
    BackgroundTraffic traffic(internet, random, BackgroundTraffic::Scope::VpcAOnly);
    const RecordFormatter formatter(s3TextFormat());

    const auto out = openGzipFile(file);
    out->write(formatter.format().headerLine());
    out->write("\n");
    StreamingSink sink(formatter, *out, records);
    for (std::int64_t minute = kBenchmarkStart; !sink.isFull(); minute += kAggregationSeconds) {
        const std::int64_t windowEnd = minute - (minute - kBenchmarkStart) % kObjectSeconds + kObjectSeconds;
        traffic.generateMinute(minute, kRecordsPerMinute, windowEnd, sink);
    }
    sink.flush();
    out->close();
    return sink.written();
}

} // namespace flowscope
