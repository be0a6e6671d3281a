// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Streams the lines of a plain or gzip-compressed file (detected by its magic
// bytes, not its name) with bounded memory, hashing the raw bytes on the way.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

class Sha256;

class LineReader {
public:
    // Lines longer than this are reported and skipped, never buffered whole.
    static constexpr std::size_t kMaxLineLength = 64 * 1024;

    explicit LineReader(std::filesystem::path path);
    ~LineReader();
    LineReader(const LineReader &) = delete;
    LineReader &operator=(const LineReader &) = delete;

    // Opens the file; false with error() set when it cannot be read.
    bool open();
    // The next line without its terminator (a trailing CR is removed, and a
    // UTF-8 BOM at the start of the file). Returns false at the end of input
    // or on a fatal error (see error()). Over-long lines are skipped and
    // counted in skippedLongLines() with their numbers in longLineNumbers().
    bool next(std::string_view &line, std::uint64_t &lineNumber);
    // Like next(), but a line of any length comes in pieces of at least
    // kMaxLineLength bytes instead of being skipped (JSON written on one line);
    // *endsLine tells the last piece of a line. Use either next() or this.
    bool nextPiece(std::string_view &piece, std::uint64_t &lineNumber, bool &endsLine);
    // The first byte of the input that is not white space (after a UTF-8 BOM),
    // without consuming anything; -1 when there is none within the first
    // buffer of text.
    int peekFirstNonBlank();

    bool isCompressed() const { return m_compressed; }
    bool sawBinary() const { return m_sawBinary; }
    // Set when the input ended early: a truncated gzip stream or a read error.
    // The lines returned before it are good.
    const std::string &error() const { return m_error; }
    bool truncated() const { return m_truncated; }
    const std::vector<std::uint64_t> &longLineNumbers() const { return m_longLines; }
    std::uint64_t rawBytesRead() const { return m_rawBytes; }
    std::uint64_t fileSize() const { return m_fileSize; }
    // Hex SHA-256 of the raw file; complete once next() has returned false
    // without an error.
    std::string sha256Hex() const;

private:
    bool fill();
    bool readRaw(std::uint8_t *buffer, std::size_t capacity, std::size_t &got);
    bool inflateMore();
    void noteText(std::string_view &text);

    std::filesystem::path m_path;
    int m_fd = -1;
    bool m_compressed = false;
    bool m_eof = false;
    bool m_sawBinary = false;
    bool m_truncated = false;
    bool m_firstLine = true;
    std::string m_error;
    std::uint64_t m_rawBytes = 0;
    std::uint64_t m_fileSize = 0;
    std::uint64_t m_lineNumber = 0;
    std::vector<std::uint64_t> m_longLines;

    struct Inflater;
    std::unique_ptr<Inflater> m_inflater;
    std::unique_ptr<Sha256> m_hash;
    std::vector<char> m_buffer; // decoded text
    std::size_t m_begin = 0;    // first unread byte of m_buffer
    std::size_t m_end = 0;      // one past the last decoded byte
    bool m_skippingLongLine = false;
    bool m_inPiecedLine = false; // nextPiece(): the current line continues
};

// Hex SHA-256 of a whole file (used to recognise a re-import early).
std::string sha256OfFile(const std::filesystem::path &path, std::string *error);

} // namespace flowscope
