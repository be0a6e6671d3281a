// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Buffered output files for the generator: plain text and gzip (zlib deflate,
// level 6 like AWS, a fixed gzip header so the bytes do not depend on the
// platform). Errors throw std::runtime_error naming the file.

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace flowscope::demo {

class OutputFile {
public:
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;
    virtual ~OutputFile();
    virtual void write(std::string_view text) = 0;
    // Flushes and closes, reporting errors. Destroying an unclosed file closes
    // it silently, possibly incomplete (the caller's error path).
    virtual void close() = 0;
    const std::filesystem::path &path() const { return m_path; }

protected:
    explicit OutputFile(std::filesystem::path path);
    void openFile();
    void writeRaw(const char *data, std::size_t size);
    void closeFile();
    [[noreturn]] void fail(std::string_view what) const;

private:
    std::filesystem::path m_path;
    std::FILE *m_file = nullptr;
};

// Creates the parent directories; the file is truncated if it exists.
std::unique_ptr<OutputFile> openPlainFile(const std::filesystem::path &path);
std::unique_ptr<OutputFile> openGzipFile(const std::filesystem::path &path);

void createDirectories(const std::filesystem::path &directory);

} // namespace flowscope::demo
