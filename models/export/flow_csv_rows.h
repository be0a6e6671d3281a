// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records' CSV rows (the columns of flowCsvHeader()) formatted straight
// from the stored records into the writer's buffer: addresses, numbers and
// times are written in place and texts copied from the case's dictionaries,
// with no field built as a string on the way, since a whole case is tens of
// millions of rows. The cells are those of the record decoded into a FlowRow
// and written value by value.

#include "csv_writer.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace flowscope {

struct EncodedFlow;
class FlowRowDecoder;

class FlowCsvRows {
public:
    // `decoder` resolves the records' dictionary ids; both must outlive this.
    FlowCsvRows(const FlowRowDecoder &decoder, CsvWriter &writer);

    // One row: the record's fields, then its file and line.
    void write(const EncodedFlow &flow, const std::string &file);

private:
    // The interface's texts sit in five runs of adjacent columns: each run's
    // cells joined by commas, made once per interface.
    using InterfaceRuns = std::array<std::string, 5>;
    const InterfaceRuns &interfaceRuns(std::uint32_t interface);
    InterfaceRuns makeRuns(std::uint32_t interface) const;
    // A dictionary text (empty for none) as its cell.
    std::string cellOf(std::uint32_t id) const;
    // A dictionary text: a cell of its own, empty when absent.
    void text(std::uint32_t id);

    const FlowRowDecoder &m_decoder;
    CsvWriter &m_writer;
    // Whether a dictionary text is written as it is (no quotes, no
    // neutralising), by id: each text is checked once, not on every row.
    enum class TextCell : std::uint8_t { Unchecked, AsIs, Encoded };
    std::vector<TextCell> m_textCells;
    std::vector<InterfaceRuns> m_interfaceRuns; // by interface id; [0]: no interface
    std::vector<bool> m_interfaceRunsMade;
    // Rows come a block, so a file, at a time: its cell is made once per
    // file, and the path compared only when another string is handed on.
    const std::string *m_lastFile = nullptr;
    std::string m_file, m_fileCell;
};

} // namespace flowscope
