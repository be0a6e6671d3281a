// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_file_reader.h"

#include "ingest/sha256.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <zlib.h>

namespace flowscope::explain {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::SnapshotLoader", text); }

bool isGzip(const QByteArray &bytes)
{
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

// Inflates a whole gzip file; false with a reason when it is corrupt or cut short.
bool gunzip(const QByteArray &in, QByteArray &out, QString &error)
{
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 32) != Z_OK) {
        error = tr("cannot initialise the gzip decoder");
        return false;
    }
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    stream.avail_in = static_cast<uInt>(in.size());
    char chunk[64 * 1024];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof chunk;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(chunk, static_cast<qsizetype>(sizeof chunk - stream.avail_out));
        if (status == Z_BUF_ERROR && stream.avail_in == 0)
            break;
    }
    inflateEnd(&stream);
    if (status == Z_STREAM_END)
        return true;
    error = status == Z_BUF_ERROR ? tr("the gzip stream is truncated") : tr("the gzip stream is corrupt");
    return false;
}

QString lineAndColumn(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    const qsizetype lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const qsizetype line = text.left(offset).count('\n') + 1;
    return tr("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

} // namespace

SnapshotFileContent readSnapshotFile(const QString &path)
{
    SnapshotFileContent content;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        content.error = tr("cannot open: %1").arg(file.errorString());
        return content;
    }
    return parseSnapshotBytes(file.readAll());
}

SnapshotFileContent parseSnapshotBytes(const QByteArray &raw)
{
    SnapshotFileContent content;
    Sha256 hash;
    hash.add(raw.constData(), static_cast<std::size_t>(raw.size()));
    content.sha256 = QString::fromStdString(hash.hex());

    QByteArray text;
    if (isGzip(raw)) {
        if (!gunzip(raw, text, content.error))
            return content;
    } else {
        text = raw;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        content.error = tr("malformed or truncated JSON: %1").arg(parseError.errorString());
        content.location = lineAndColumn(text, parseError.offset);
        return content;
    }
    if (!document.isObject()) {
        content.error = tr("not a describe-* document: the top level is not a JSON object");
        return content;
    }
    content.document = document.object();
    return content;
}

} // namespace flowscope::explain
