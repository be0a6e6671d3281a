// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_output.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace flowscope::demo {
namespace {

constexpr std::size_t kBufferSize = 1 << 18;

class PlainFile final : public OutputFile {
public:
    explicit PlainFile(std::filesystem::path path)
        : OutputFile(std::move(path))
    {
        m_buffer.reserve(kBufferSize);
        openFile();
    }

    void write(std::string_view text) override
    {
        if (m_buffer.size() + text.size() > kBufferSize)
            flush();
        if (text.size() >= kBufferSize)
            writeRaw(text.data(), text.size());
        else
            m_buffer.append(text);
    }

    void close() override
    {
        flush();
        closeFile();
    }

private:
    void flush()
    {
        writeRaw(m_buffer.data(), m_buffer.size());
        m_buffer.clear();
    }

    std::string m_buffer;
};

// Owns a zlib deflate stream, so it is released on every path, exceptions included.
class DeflateStream {
public:
    DeflateStream() = default;
    DeflateStream(const DeflateStream &) = delete;
    DeflateStream &operator=(const DeflateStream &) = delete;
    ~DeflateStream() { end(); }

    bool begin()
    {
        // windowBits 15 + 16 asks zlib for a gzip wrapper instead of a zlib one; level 6 as AWS.
        m_live = deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
        return m_live;
    }
    void end()
    {
        if (m_live)
            deflateEnd(&stream);
        m_live = false;
    }

    z_stream stream{};

private:
    bool m_live = false;
};

class GzipFile final : public OutputFile {
public:
    explicit GzipFile(std::filesystem::path path)
        : OutputFile(std::move(path))
        , m_out(kBufferSize)
    {
        m_in.reserve(kBufferSize);
        if (!m_deflate.begin())
            fail("cannot initialise zlib");
        // mtime 0 and OS "Unix" on every platform, so the bytes depend on the content only.
        m_header.os = 3;
        if (deflateSetHeader(&m_deflate.stream, &m_header) != Z_OK)
            fail("cannot set the gzip header");
        openFile();
    }

    void write(std::string_view text) override
    {
        if (m_in.size() + text.size() > kBufferSize)
            compress(Z_NO_FLUSH);
        if (text.size() >= kBufferSize)
            deflateChunk(text.data(), text.size(), Z_NO_FLUSH);
        else
            m_in.append(text);
    }

    void close() override
    {
        compress(Z_FINISH);
        m_deflate.end();
        closeFile();
    }

private:
    void compress(int flush)
    {
        deflateChunk(m_in.data(), m_in.size(), flush);
        m_in.clear();
    }

    void deflateChunk(const char *data, std::size_t size, int flush)
    {
        z_stream &z = m_deflate.stream;
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
        z.avail_in = static_cast<uInt>(size);
        int status = Z_OK;
        do {
            z.next_out = reinterpret_cast<Bytef *>(m_out.data());
            z.avail_out = static_cast<uInt>(m_out.size());
            status = deflate(&z, flush);
            if (status == Z_STREAM_ERROR)
                fail("zlib deflate failed");
            writeRaw(m_out.data(), m_out.size() - z.avail_out);
        } while (z.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
    }

    DeflateStream m_deflate;
    gz_header m_header{};
    std::string m_in;
    std::vector<char> m_out;
};

} // namespace

OutputFile::OutputFile(std::filesystem::path path)
    : m_path(std::move(path))
{
}

OutputFile::~OutputFile()
{
    // An unclosed file is an abandoned one (an exception is on its way): no error to report.
    if (m_file)
        std::fclose(m_file);
}

void OutputFile::openFile()
{
    if (m_path.has_parent_path())
        createDirectories(m_path.parent_path());
    m_file = std::fopen(m_path.string().c_str(), "wb");
    if (!m_file)
        fail(std::strerror(errno));
}

void OutputFile::writeRaw(const char *data, std::size_t size)
{
    if (size == 0)
        return;
    if (!m_file)
        fail("file is not open");
    if (std::fwrite(data, 1, size, m_file) != size)
        fail(std::strerror(errno));
}

void OutputFile::closeFile()
{
    if (!m_file)
        return;
    std::FILE *file = m_file;
    m_file = nullptr;
    if (std::fclose(file) != 0)
        fail(std::strerror(errno));
}

void OutputFile::fail(std::string_view what) const
{
    throw std::runtime_error("cannot write " + m_path.string() + ": " + std::string(what));
}

std::unique_ptr<OutputFile> openPlainFile(const std::filesystem::path &path)
{
    return std::make_unique<PlainFile>(path);
}

std::unique_ptr<OutputFile> openGzipFile(const std::filesystem::path &path)
{
    return std::make_unique<GzipFile>(path);
}

void createDirectories(const std::filesystem::path &directory)
{
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error)
        throw std::runtime_error("cannot create directory " + directory.string() + ": " + error.message());
}

} // namespace flowscope::demo
