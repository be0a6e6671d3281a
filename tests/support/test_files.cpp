// SPDX-License-Identifier: GPL-3.0-or-later
#include "test_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <stdexcept>
#include <zlib.h>

namespace flowscope::test {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        throw std::runtime_error("cannot write test file " + path.toStdString());
}

QByteArray gzip(const QByteArray &content)
{
    z_stream stream{};
    if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    QByteArray out(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(content.size()))) + 64, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(content.data()));
    stream.avail_in = static_cast<uInt>(content.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    deflateEnd(&stream);
    if (rc != Z_STREAM_END)
        throw std::runtime_error("deflate failed");
    out.resize(static_cast<qsizetype>(stream.total_out));
    return out;
}

void writeGzip(const QString &path, const QByteArray &content) { writeFile(path, gzip(content)); }

QByteArray smallTrafficRecords()
{
    return "2 123456789010 eni-a 10.0.0.1 10.0.0.2 40000 443 6 1 100 1700000000 1700000060 ACCEPT OK\n"
           "2 123456789010 eni-a 10.0.0.1 10.0.0.2 40001 443 6 2 200 1700000100 1700000160 ACCEPT OK\n"
           "2 123456789010 eni-b 10.0.0.2 10.0.0.1 443 40000 6 3 50 1700000200 1700000260 REJECT OK\n"
           "2 123456789010 eni-a 10.0.0.1 203.0.113.9 40002 22 6 4 1000 1700000300 1700000360 ACCEPT OK\n"
           "2 123456789010 eni-c - - - - - - - 1700000000 1700000600 - NODATA\n";
}

} // namespace flowscope::test
