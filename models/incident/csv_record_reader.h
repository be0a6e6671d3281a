// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Records of an RFC 4180 CSV text, read from lines as they stream in: quoted
// fields ("a, b", "say ""hi""") may hold separators and line breaks. Each
// record knows the line it starts on, so an error names it.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope::incident {

// The next line without its terminator and its number from 1; false at the end.
using LineSource = std::function<bool(std::string_view &line, std::uint64_t &number)>;

struct CsvRecord {
    std::vector<std::string> fields;
    std::uint64_t line = 0; // where the record starts
    std::string error;      // set when the record is malformed (fields then incomplete)
};

class CsvRecordReader {
public:
    explicit CsvRecordReader(LineSource lines)
        : m_lines(std::move(lines))
    {
    }
    // False at the end of input. Blank lines are records of one empty field.
    bool next(CsvRecord &record);

private:
    LineSource m_lines;
};

} // namespace flowscope::incident
