// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_writer.h"

#include <charconv>
#include <cstring>

namespace flowscope {

namespace {

// A loop rather than find_first_of, which calls memchr once per character:
// most cells are a few characters and need no quotes.
bool needsQuotes(std::string_view text)
{
    for (const char c : text)
        if (c == ',' || c == '"' || c == '\r' || c == '\n')
            return true;
    return false;
}

void appendQuoted(std::string &out, std::string_view prefix, std::string_view text)
{
    out += '"';
    out += prefix;
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendCell(std::string &out, std::string_view text, CsvCells cells)
{
    if (cells == CsvCells::Neutralised && csvCellIsFormula(text))
        appendQuoted(out, "'", text);
    else if (needsQuotes(text))
        appendQuoted(out, {}, text);
    else
        out += text;
}

// The same into a buffer with room for 2 * size + 3 characters; returns the end.
char *writeCell(char *out, std::string_view text, CsvCells cells)
{
    const bool formula = cells == CsvCells::Neutralised && csvCellIsFormula(text);
    if (!formula && !needsQuotes(text)) {
        std::memcpy(out, text.data(), text.size());
        return out + text.size();
    }
    *out++ = '"';
    if (formula)
        *out++ = '\'';
    for (const char c : text) {
        if (c == '"')
            *out++ = '"';
        *out++ = c;
    }
    *out++ = '"';
    return out;
}

// Days since 1970-01-01 to year, month, day (Howard Hinnant's civil_from_days).
void civilFromDays(std::int64_t days, std::int64_t &year, unsigned &month, unsigned &day)
{
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto dayOfEra = static_cast<unsigned>(days - era * 146097);
    const unsigned yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const unsigned monthIndex = (5 * dayOfYear + 2) / 153;
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    year = static_cast<std::int64_t>(yearOfEra) + era * 400 + (month <= 2 ? 1 : 0);
}

char *writeTwoDigits(char *out, unsigned value)
{
    *out++ = static_cast<char>('0' + value / 10);
    *out++ = static_cast<char>('0' + value % 10);
    return out;
}

// Up to kIsoTimeRoom characters: "YYYY-MM-DDTHH:MM:SSZ", years beyond 0..9999 in full.
constexpr std::size_t kIsoTimeRoom = 40;

// Epoch seconds as whole days since 1970-01-01 and seconds into that day.
void splitDays(std::int64_t epoch, std::int64_t &days, std::int64_t &seconds)
{
    days = epoch / 86400;
    seconds = epoch % 86400;
    if (seconds < 0) {
        seconds += 86400;
        --days;
    }
}

// "YYYY-MM-DDT" of a day, years beyond 0..9999 in full.
char *writeIsoDate(char *out, std::int64_t days)
{
    std::int64_t year = 0;
    unsigned month = 0, day = 0;
    civilFromDays(days, year, month, day);
    if (year >= 0 && year <= 9999) {
        const auto y = static_cast<unsigned>(year);
        out = writeTwoDigits(out, y / 100);
        out = writeTwoDigits(out, y % 100);
    } else {
        out = std::to_chars(out, out + 24, year).ptr;
    }
    *out++ = '-';
    out = writeTwoDigits(out, month);
    *out++ = '-';
    out = writeTwoDigits(out, day);
    *out++ = 'T';
    return out;
}

// "HH:MM:SSZ" of the seconds into a day.
char *writeIsoClock(char *out, std::int64_t seconds)
{
    out = writeTwoDigits(out, static_cast<unsigned>(seconds / 3600));
    *out++ = ':';
    out = writeTwoDigits(out, static_cast<unsigned>(seconds / 60 % 60));
    *out++ = ':';
    out = writeTwoDigits(out, static_cast<unsigned>(seconds % 60));
    *out++ = 'Z';
    return out;
}

char *writeIsoTime(char *out, std::int64_t epoch)
{
    std::int64_t days = 0, seconds = 0;
    splitDays(epoch, days, seconds);
    return writeIsoClock(writeIsoDate(out, days), seconds);
}

} // namespace

bool csvIsPlainNumber(std::string_view text)
{
    std::size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
    const std::size_t digitsStart = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
        ++i;
    if (i == digitsStart)
        return false;
    if (i == text.size())
        return true;
    if (text[i] != '.')
        return false;
    const std::size_t fractionStart = ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
        ++i;
    return i > fractionStart && i == text.size();
}

bool csvCellIsFormula(std::string_view text)
{
    if (text.empty())
        return false;
    switch (text.front()) {
    case '=':
    case '+':
    case '@':
    case '\t':
    case '\r':
        return true;
    case '-':
        // A lone '-' is how flow logs and the table write an absent value:
        // no formula, and the table's copied rows keep it as it reads.
        return text.size() > 1 && !csvIsPlainNumber(text);
    default:
        return false;
    }
}

std::string csvCell(std::string_view text, CsvCells cells)
{
    std::string out;
    appendCell(out, text, cells);
    return out;
}

std::string isoUtcTime(std::int64_t epochSeconds)
{
    char buffer[kIsoTimeRoom];
    return std::string(buffer, writeIsoTime(buffer, epochSeconds));
}

CsvWriter::CsvWriter(Sink sink, CsvCells cells, std::size_t bufferBytes)
    : m_sink(std::move(sink))
    , m_cells(cells)
    , m_bufferBytes(bufferBytes)
{
    m_buffer.resize(m_bufferBytes + kSlack);
}

CsvWriter::CsvWriter(BufferSink sink, CsvCells cells, std::size_t bufferBytes)
    : m_bufferSink(std::move(sink))
    , m_cells(cells)
    , m_bufferBytes(bufferBytes)
{
    m_buffer.resize(m_bufferBytes + kSlack);
}

CsvWriter::~CsvWriter() { flush(); }

void CsvWriter::header(std::initializer_list<std::string_view> names)
{
    for (const std::string_view name : names)
        text(name);
    endRow();
}

void CsvWriter::header(const std::vector<std::string> &names)
{
    for (const std::string &name : names)
        text(name);
    endRow();
}

void CsvWriter::grow(std::size_t size)
{
    // A row may outgrow the buffer: it grows, and shrinks back at the next flush.
    m_buffer.resize(m_used + size + kSlack);
}

void CsvWriter::text(std::string_view value)
{
    char *out = cellStart(2 * value.size() + 3);
    cellEnd(writeCell(out, value, m_cells));
}

void CsvWriter::isoTime(std::int64_t epochSeconds)
{
    std::int64_t days = 0, seconds = 0;
    splitDays(epochSeconds, days, seconds);
    if (days != m_isoDay) {
        m_isoDay = days;
        m_isoDaySize = static_cast<std::size_t>(writeIsoDate(m_isoDayText, days) - m_isoDayText);
    }
    char *out = cellStart(kIsoTimeRoom);
    std::memcpy(out, m_isoDayText, m_isoDaySize);
    cellEnd(writeIsoClock(out + m_isoDaySize, seconds));
}

void CsvWriter::endRow()
{
    char *out = room(2);
    *out++ = '\r';
    *out++ = '\n';
    cellEnd(out);
    m_rowStarted = false;
    if (m_used >= m_bufferBytes)
        flush();
}

bool CsvWriter::flush()
{
    if (m_ok && m_used > 0) {
        if (m_bufferSink)
            m_ok = m_bufferSink(m_buffer, m_used);
        else if (m_sink)
            m_ok = m_sink(std::string_view(m_buffer.data(), m_used));
    }
    m_used = 0;
    // Back to its size: shrunk after a long row, or a new or reused buffer
    // from a BufferSink.
    if (m_buffer.size() != m_bufferBytes + kSlack)
        m_buffer.resize(m_bufferBytes + kSlack);
    return m_ok;
}

} // namespace flowscope
