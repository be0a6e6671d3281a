// SPDX-License-Identifier: GPL-3.0-or-later
#include "line_reader.h"

#include "gzip_inflater.h"
#include "sha256.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace flowscope {

namespace {
constexpr std::size_t kRawChunk = 256 * 1024;
constexpr std::size_t kTextChunk = 1024 * 1024;
} // namespace

struct LineReader::Inflater {
    GzipInflater gzip;
    std::vector<std::uint8_t> raw = std::vector<std::uint8_t>(kRawChunk);
    bool rawEof = false;
    bool streamEnded = false;
};

LineReader::LineReader(std::filesystem::path path)
    : m_path(std::move(path))
    , m_hash(std::make_unique<Sha256>())
{
}

LineReader::~LineReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool LineReader::open()
{
    m_fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) {
        m_error = std::string("cannot open: ") + std::strerror(errno);
        return false;
    }
    struct stat st{};
    if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        m_error = "not a regular file";
        return false;
    }
    m_fileSize = static_cast<std::uint64_t>(st.st_size);
    m_buffer.resize(kTextChunk + kMaxLineLength);

    // Peek at the magic bytes: gzip is recognised by content, not by name.
    auto inflater = std::make_unique<Inflater>();
    std::size_t got = 0;
    if (!readRaw(inflater->raw.data(), inflater->raw.size(), got))
        return false;
    if (got >= 2 && inflater->raw[0] == 0x1f && inflater->raw[1] == 0x8b) {
        m_compressed = true;
        inflater->gzip.feed(inflater->raw.data(), got);
        inflater->rawEof = got == 0;
        m_inflater = std::move(inflater);
    } else {
        std::memcpy(m_buffer.data(), inflater->raw.data(), got);
        m_end = got;
        m_eof = got == 0;
    }
    return true;
}

bool LineReader::readRaw(std::uint8_t *buffer, std::size_t capacity, std::size_t &got)
{
    got = 0;
    for (;;) {
        const ssize_t n = ::read(m_fd, buffer, capacity);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            m_error = std::string("read error: ") + std::strerror(errno);
            m_truncated = true;
            return false;
        }
        got = static_cast<std::size_t>(n);
        m_rawBytes += got;
        m_hash->add(buffer, got);
        return true;
    }
}

bool LineReader::inflateMore()
{
    Inflater &z = *m_inflater;
    std::size_t room = m_buffer.size() - m_end;
    while (room > 0) {
        if (z.gzip.inputLeft() == 0 && !z.rawEof) {
            std::size_t got = 0;
            if (!readRaw(z.raw.data(), z.raw.size(), got))
                break;
            z.rawEof = got == 0;
            z.gzip.feed(z.raw.data(), got);
        }
        if (z.streamEnded) {
            // Concatenated gzip members form one stream (RFC 1952 2.2).
            if (z.gzip.inputLeft() == 0 && z.rawEof) {
                m_eof = true;
                break;
            }
            if (z.gzip.inputLeft() >= 1 && z.gzip.nextInputByte() != 0x1f) {
                m_error = "trailing garbage after the gzip stream";
                m_truncated = true;
                m_eof = true;
                break;
            }
            z.gzip.startMember();
            z.streamEnded = false;
        }
        std::size_t written = 0;
        const GzipInflater::Result result = z.gzip.inflate(m_buffer.data() + m_end, room, written);
        m_end += written;
        room -= written;
        if (result == GzipInflater::Result::MemberEnd) {
            z.streamEnded = true;
            continue;
        }
        if (result == GzipInflater::Result::Corrupt) {
            m_error = "corrupt gzip data: " + z.gzip.error() + " (at byte "
                + std::to_string(m_rawBytes - z.gzip.inputLeft()) + ")";
            m_truncated = true;
            m_eof = true;
            break;
        }
        // The input ran out within a member, and the decoder has nothing left to give.
        if (z.gzip.inputLeft() == 0 && z.rawEof && written == 0) {
            m_error = "gzip stream is truncated (ends at byte " + std::to_string(m_rawBytes) + ")";
            m_truncated = true;
            m_eof = true;
            break;
        }
    }
    return true;
}

bool LineReader::fill()
{
    if (m_eof)
        return false;
    // Keep the unread tail at the front so a line is always contiguous.
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    const std::size_t before = m_end;
    if (m_compressed) {
        inflateMore();
    } else {
        std::size_t got = 0;
        if (readRaw(reinterpret_cast<std::uint8_t *>(m_buffer.data() + m_end), m_buffer.size() - m_end, got)) {
            m_end += got;
            if (got == 0)
                m_eof = true;
        } else {
            m_eof = true;
        }
    }
    return m_end > before || !m_eof;
}

bool LineReader::next(std::string_view &line, std::uint64_t &lineNumber)
{
    for (;;) {
        const char *begin = m_buffer.data() + m_begin;
        const std::size_t available = m_end - m_begin;
        const void *newline = std::memchr(begin, '\n', available);
        if (m_skippingLongLine) {
            if (!newline) {
                m_begin = m_end;
                if (!fill())
                    return false;
                continue;
            }
            m_begin += static_cast<std::size_t>(static_cast<const char *>(newline) - begin) + 1;
            m_skippingLongLine = false;
            continue;
        }
        std::size_t length = 0;
        bool haveLine = false;
        if (newline) {
            length = static_cast<std::size_t>(static_cast<const char *>(newline) - begin);
            haveLine = true;
        } else if (available > kMaxLineLength) {
            length = available; // handled as over-long below
            haveLine = true;
        } else if (m_eof) {
            if (available == 0)
                return false;
            length = available; // last line without a terminator
            haveLine = true;
        }
        if (!haveLine) {
            fill();
            continue;
        }
        ++m_lineNumber;
        if (length > kMaxLineLength) {
            m_longLines.push_back(m_lineNumber);
            m_skippingLongLine = !newline;
            m_begin += newline ? length + 1 : available;
            continue;
        }
        m_begin += newline ? length + 1 : length;
        std::string_view text(begin, length);
        if (!text.empty() && text.back() == '\r')
            text.remove_suffix(1);
        noteText(text);
        line = text;
        lineNumber = m_lineNumber;
        return true;
    }
}

// A UTF-8 byte-order mark leaves the first line; a NUL anywhere marks the
// input as binary.
void LineReader::noteText(std::string_view &text)
{
    if (m_firstLine) {
        m_firstLine = false;
        if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF
            && static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
            text.remove_prefix(3);
    }
    if (!m_sawBinary && std::memchr(text.data(), '\0', text.size()))
        m_sawBinary = true;
}

bool LineReader::nextPiece(std::string_view &piece, std::uint64_t &lineNumber, bool &endsLine)
{
    for (;;) {
        const char *begin = m_buffer.data() + m_begin;
        const std::size_t available = m_end - m_begin;
        const void *newline = std::memchr(begin, '\n', available);
        std::size_t length = 0;
        if (newline) {
            length = static_cast<std::size_t>(static_cast<const char *>(newline) - begin);
            endsLine = true;
        } else if (available >= kMaxLineLength) {
            length = available;
            endsLine = false;
        } else if (m_eof) {
            if (available == 0)
                return false;
            length = available;
            endsLine = true;
        } else {
            fill();
            continue;
        }
        if (!m_inPiecedLine)
            ++m_lineNumber;
        m_inPiecedLine = !endsLine;
        m_begin += newline ? length + 1 : length;
        std::string_view text(begin, length);
        if (endsLine && !text.empty() && text.back() == '\r')
            text.remove_suffix(1);
        noteText(text);
        piece = text;
        lineNumber = m_lineNumber;
        return true;
    }
}

int LineReader::peekFirstNonBlank()
{
    for (;;) {
        std::size_t i = m_begin;
        if (m_firstLine && m_end - i >= 3 && static_cast<unsigned char>(m_buffer[i]) == 0xEF
            && static_cast<unsigned char>(m_buffer[i + 1]) == 0xBB && static_cast<unsigned char>(m_buffer[i + 2]) == 0xBF)
            i += 3;
        for (; i < m_end; ++i) {
            const char c = m_buffer[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                return static_cast<unsigned char>(c);
        }
        // Only blanks so far: read on while the buffer has room, keeping them.
        if (m_end - m_begin >= kTextChunk || !fill())
            return -1;
    }
}

std::string LineReader::sha256Hex() const { return m_hash->hex(); }

std::string sha256OfFile(const std::filesystem::path &path, std::string *error)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (error)
            *error = std::string("cannot open: ") + std::strerror(errno);
        return {};
    }
    Sha256 hash;
    std::vector<std::uint8_t> buffer(kRawChunk);
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            if (error)
                *error = std::string("read error: ") + std::strerror(errno);
            ::close(fd);
            return {};
        }
        if (n == 0)
            break;
        hash.add(buffer.data(), static_cast<std::size_t>(n));
    }
    ::close(fd);
    return hash.hex();
}

} // namespace flowscope
