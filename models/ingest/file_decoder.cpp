// SPDX-License-Identifier: GPL-3.0-or-later
#include "file_decoder.h"

#include "flow_record_shape.h"

#include <algorithm>
#include <cstring>

namespace flowscope {

namespace {
// Headerless text: nothing but its lines says whether it is a flow log at all.
bool isRecordText(Delivery delivery) { return delivery == Delivery::PlainText || delivery == Delivery::CloudWatchExport; }
} // namespace

FileDecoder::FileDecoder(std::filesystem::path path, std::optional<LogFormat> logFormat, StringDictionary &strings,
                         InterfaceDictionary &interfaces, BoundedQueue<DecodedBatch> &queue, FlowBufferPool &buffers)
    : m_source(std::move(path), std::move(logFormat))
    , m_strings(strings)
    , m_interfaces(interfaces)
    , m_queue(queue)
    , m_buffers(buffers)
{
    m_sentStrings = strings.size();
    m_sentInterfaces = interfaces.size();
    m_batch.flows = m_buffers.take(kBatchSize);
}

void FileDecoder::run()
{
    if (!m_source.open()) {
        m_summary.fatalError = m_source.error();
        m_queue.finish();
        return;
    }
    FlowRecord record;
    SourceItem item;
    std::string reason;
    bool first = true;
    while (!m_stop && m_source.next(item)) {
        const LineReader &reader = m_source.reader();
        if (first) {
            first = false;
            if (reader.sawBinary()) {
                m_summary.fatalError = "binary file, not flow-log text (NUL bytes in the first line)";
                break;
            }
        }
        while (m_sentLongLines < reader.longLineNumbers().size())
            addIssue(reader.longLineNumbers()[m_sentLongLines++],
                     "line longer than " + std::to_string(LineReader::kMaxLineLength) + " bytes");
        m_summary.lastNumber = std::max(m_summary.lastNumber, item.number);
        if (item.kind == SourceItem::Kind::Issue) {
            addIssue(item.number, item.reason);
            continue;
        }
        if (std::memchr(item.text.data(), '\0', item.text.size())) {
            addIssue(item.number, "line contains NUL bytes");
            continue;
        }
        if (!m_sawFlowShapedLine && isRecordText(m_source.delivery())) {
            if (m_textLines++ == 0) {
                m_firstTextLine = item.number;
                m_firstText = std::string(item.text.substr(0, 256));
            }
            m_sawFlowShapedLine = looksLikeFlowRecord(item.text);
        }
        if (m_source.parser().parse(item.text, record, &reason)) {
            addRecord(record, item.number);
        } else if (!m_source.adoptHeader(item.text)) {
            addIssue(item.number, reason);
        }
        if ((m_batch.flows.size() >= kBatchSize || m_batch.issues.size() >= kBatchSize) && !flush())
            break;
    }
    const LineReader &reader = m_source.reader();
    while (m_sentLongLines < reader.longLineNumbers().size())
        addIssue(reader.longLineNumbers()[m_sentLongLines++],
                 "line longer than " + std::to_string(LineReader::kMaxLineLength) + " bytes");
    if (m_summary.fatalError.empty() && !m_stop) {
        if (reader.truncated()) {
            m_summary.truncated = true;
            addIssue(0, reader.error() + "; the records before it were kept");
        } else if (m_summary.records == 0 && m_textLines > 0 && !m_sawFlowShapedLine) {
            m_summary.fatalError = notFlowRecordsReason(m_firstTextLine, m_firstText);
        } else if (m_summary.records == 0 && !m_source.notFlowLogReason().empty()) {
            m_summary.fatalError = m_source.notFlowLogReason();
        } else if (!m_source.sawAnyLine()) {
            m_summary.fatalError = reader.rawBytesRead() == 0 ? "empty file" : "no records: the file holds only blank lines";
        }
    }
    m_summary.delivery = std::string(deliveryName(m_source.delivery()));
    m_summary.logFormat = m_source.format().headerLine();
    m_summary.sha256 = reader.sha256Hex();
    if (m_summary.fatalError.empty() && !m_stop)
        flush();
    m_queue.finish();
}

void FileDecoder::addRecord(const FlowRecord &record, std::uint64_t number)
{
    EncodedFlow flow = encodeFlow(record, number, m_strings, m_interfaces);
    if (flow.has(Field::Start)) {
        m_summary.firstStart = std::min(m_summary.firstStart.value_or(flow.start), flow.start);
        if (flow.has(Field::End)) {
            m_summary.lastEnd = std::max(m_summary.lastEnd.value_or(flow.end), flow.end);
            m_summary.maxDuration = std::max(m_summary.maxDuration.value_or(0), flow.end - flow.start);
        }
    }
    ++m_summary.records;
    m_batch.flows.push_back(flow);
}

void FileDecoder::addIssue(std::uint64_t line, std::string reason)
{
    ++m_summary.issues;
    m_batch.issues.push_back({line, std::move(reason)});
}

bool FileDecoder::flush()
{
    m_batch.strings = m_strings.entriesAfter(m_sentStrings);
    m_sentStrings = m_strings.size();
    m_batch.interfaces = m_interfaces.entriesAfter(m_sentInterfaces);
    m_sentInterfaces = m_interfaces.size();
    m_batch.rawBytesRead = m_source.reader().rawBytesRead();
    DecodedBatch next;
    next.flows = m_buffers.take(kBatchSize);
    std::swap(next, m_batch);
    return m_queue.push(std::move(next));
}

} // namespace flowscope
