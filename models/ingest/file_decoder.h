// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The decoding half of a file import, run on its own thread: reads the file,
// parses and encodes its records, and hands them to the writer in batches.

#include "store/bounded_queue.h"
#include "record_source.h"
#include "store/encoded_flow.h"
#include "store/flow_buffer_pool.h"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace flowscope {

struct LineIssue {
    std::uint64_t line;
    std::string reason;
};

struct DecodedBatch {
    std::vector<EncodedFlow> flows;
    std::vector<std::pair<std::uint32_t, std::string>> strings;
    std::vector<std::pair<std::uint32_t, InterfaceKey>> interfaces;
    std::vector<LineIssue> issues;
    std::uint64_t rawBytesRead = 0;
};

// What the decoder learnt about the whole file once it is done.
struct DecodedFileSummary {
    std::string fatalError; // non-empty: the file is not imported at all
    std::string delivery;
    std::string logFormat;
    std::string sha256;
    std::uint64_t records = 0;
    std::uint64_t issues = 0;
    std::uint64_t lastNumber = 0;
    bool truncated = false;
    std::optional<std::int64_t> firstStart, lastEnd, maxDuration;
};

class FileDecoder {
public:
    static constexpr std::size_t kBatchSize = 4096;

    FileDecoder(std::filesystem::path path, std::optional<LogFormat> logFormat, StringDictionary &strings,
                InterfaceDictionary &interfaces, BoundedQueue<DecodedBatch> &queue, FlowBufferPool &buffers);

    void run(); // on the decoding thread
    void stop() { m_stop = true; }
    const DecodedFileSummary &summary() const { return m_summary; }

private:
    void addRecord(const FlowRecord &record, std::uint64_t number);
    void addIssue(std::uint64_t line, std::string reason);
    bool flush();

    RecordSource m_source;
    StringDictionary &m_strings;
    InterfaceDictionary &m_interfaces;
    BoundedQueue<DecodedBatch> &m_queue;
    FlowBufferPool &m_buffers;
    std::atomic<bool> m_stop{false};
    DecodedBatch m_batch;
    std::uint32_t m_sentStrings = 0;
    std::uint32_t m_sentInterfaces = 0;
    std::size_t m_sentLongLines = 0;
    DecodedFileSummary m_summary;
    // Text lines read as records, and whether any looks like one (flow_record_shape.h).
    std::uint64_t m_textLines = 0;
    bool m_sawFlowShapedLine = false;
    std::uint64_t m_firstTextLine = 0;
    std::string m_firstText;
};

} // namespace flowscope
