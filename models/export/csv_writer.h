// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one CSV writer of files, the clipboard and the CLI: RFC 4180 (a cell
// with a comma, quote or line break is quoted, quotes doubled; lines end in
// CRLF), UTF-8 as given, an absent value as an empty cell.
//
// Cells a spreadsheet would run as a formula (starting with =, +, -, @, tab or
// carriage return) are neutralised as OWASP's CSV-injection guidance says: a
// single quote before the text, and the cell quoted. CsvCells::Raw keeps
// them as they are, for machine consumers. A number is never neutralised:
// number() writes one, and a text cell that is wholly a plain decimal number
// ("-5", "-0.25") is one too, which a spreadsheet reads as a value, not a
// formula ("-2+3" or "-A1" is not such a number and is neutralised), and so
// is a lone "-", the absent value of flow logs and of the flow table's text.
//
// Rows are built in a buffer handed to a sink in large pieces, so a writer
// of millions of rows makes a few thousand writes.

#include "format/ip_address.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

enum class CsvCells { Neutralised, Raw };

// Whether a text cell would run as a formula (and is no plain number).
bool csvCellIsFormula(std::string_view text);
// Whether the text is wholly a plain decimal number: an optional '-', digits,
// and optionally '.' and digits.
bool csvIsPlainNumber(std::string_view text);
// One text cell as the writer writes it.
std::string csvCell(std::string_view text, CsvCells cells);

// "2024-03-01T12:00:05Z" for epoch seconds (UTC, proleptic Gregorian).
std::string isoUtcTime(std::int64_t epochSeconds);

class CsvWriter {
public:
    // Receives the text written so far in pieces; false stops the writer
    // (a full disk, a cancelled export): later writes are dropped and ok()
    // turns false.
    using Sink = std::function<bool(std::string_view)>;
    // Takes the filled buffer (its first `used` characters) and leaves in
    // its place another to fill, of any size, so that a writer on another
    // thread (WriteBehind) keeps the filled one meanwhile, uncopied. False
    // stops the writer as Sink does.
    using BufferSink = std::function<bool(std::vector<char> &buffer, std::size_t used)>;

    explicit CsvWriter(Sink sink, CsvCells cells = CsvCells::Neutralised, std::size_t bufferBytes = std::size_t{1} << 20);
    explicit CsvWriter(BufferSink sink, CsvCells cells = CsvCells::Neutralised,
                       std::size_t bufferBytes = std::size_t{1} << 20);
    ~CsvWriter(); // flushes
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    CsvCells cells() const { return m_cells; }

    void header(std::initializer_list<std::string_view> names);
    void header(const std::vector<std::string> &names);

    void text(std::string_view value);
    // Numbers, times and addresses are written in place (inline: a row of
    // a case's records is a dozen of them).
    void number(std::int64_t value)
    {
        char *out = cellStart(24);
        cellEnd(std::to_chars(out, out + 24, value).ptr);
    }
    void unsignedNumber(std::uint64_t value)
    {
        char *out = cellStart(24);
        cellEnd(std::to_chars(out, out + 24, value).ptr);
    }
    void absent() { cellEnd(cellStart(0)); }
    // A cell csvCell() made with this writer's CsvCells, or several joined
    // by commas: a value repeated on many rows (a record's file, its
    // interface's texts) is checked and quoted once.
    void encoded(std::string_view cell)
    {
        char *out = cellStart(cell.size());
        std::memcpy(out, cell.data(), cell.size());
        cellEnd(out + cell.size());
    }
    // Epoch seconds as the ISO 8601 UTC time.
    void isoTime(std::int64_t epochSeconds);
    // An address as IpAddress::toString() writes it (never quoted: it has
    // no comma, quote or line break and cannot start a formula).
    void address(const IpAddress &value)
    {
        cellEnd(value.writeText(cellStart(IpAddress::kMaxTextSize)));
    }
    void endRow();

    // Hands the buffer to the sink; false when the sink refused (now or before).
    bool flush();
    bool ok() const { return m_ok; }

private:
    static constexpr std::size_t kSlack = 4096;
    void grow(std::size_t size);
    // Room for `size` more characters at the end of what is used.
    char *room(std::size_t size)
    {
        if (m_used + size > m_buffer.size())
            grow(size);
        return m_buffer.data() + m_used;
    }
    // Room for a cell of up to `size` characters, after its comma.
    char *cellStart(std::size_t size)
    {
        char *out = room(size + 1);
        if (m_rowStarted)
            *out++ = ',';
        m_rowStarted = true;
        return out;
    }
    void cellEnd(const char *end) { m_used = static_cast<std::size_t>(end - m_buffer.data()); }

    Sink m_sink;
    BufferSink m_bufferSink;
    CsvCells m_cells;
    std::size_t m_bufferBytes;
    std::vector<char> m_buffer;
    std::size_t m_used = 0;
    bool m_rowStarted = false;
    bool m_ok = true;
    // The date part ("2024-03-01T") of the last time written: a case's
    // times fall on few days, and the calendar is worked out once for each.
    std::int64_t m_isoDay = INT64_MIN;
    char m_isoDayText[32] = {};
    std::size_t m_isoDaySize = 0;
};

} // namespace flowscope
