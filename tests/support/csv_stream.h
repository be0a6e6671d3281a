// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CSV read as it arrives, a chunk at a time, by libcsv in strict mode (as
// parseCsv reads a whole text): every row and its cells are counted, and the
// cells are kept only of the rows asked for, so an export of millions of rows
// is checked whole without being held.

#include <QString>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace flowscope::test {

class CsvStream {
public:
    using Row = std::vector<std::optional<QString>>; // an unquoted empty cell is nullopt
    // `keep` is asked once a row (0 is the header) whether to keep its cells.
    explicit CsvStream(std::function<bool(std::int64_t row)> keep);
    ~CsvStream();
    CsvStream(const CsvStream &) = delete;
    CsvStream &operator=(const CsvStream &) = delete;

    // Both throw std::runtime_error when the text is no valid CSV.
    void feed(const char *data, std::size_t size);
    void finish(); // the end of the text: a last row without a line end

    std::int64_t rows() const { return m_rows; }
    std::uint64_t bytes() const { return m_bytes; }
    // Rows whose number of cells differs from the header's.
    std::int64_t raggedRows() const { return m_ragged; }
    const std::map<std::int64_t, Row> &kept() const { return m_kept; }

private:
    static void onField(void *data, std::size_t size, void *self);
    static void onRow(int, void *self);

    struct Parser;
    std::unique_ptr<Parser> m_parser;
    std::function<bool(std::int64_t)> m_keep;
    std::int64_t m_rows = 0;
    std::uint64_t m_bytes = 0;
    std::int64_t m_ragged = 0;
    std::size_t m_headerCells = 0;
    std::size_t m_cells = 0; // of the row being read
    bool m_keeping = false;
    Row m_row;
    std::map<std::int64_t, Row> m_kept;
};

} // namespace flowscope::test
