// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_file_reader.h"

#include "ingest/sha256.h"
#include "ingest/whole_file_bytes.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>


namespace flowscope::explain {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::SnapshotLoader", text); }

// Inflates a whole gzip file; false with a reason when it is corrupt or cut short.
bool gunzip(const QByteArray &in, QByteArray &out, QString &error)
{
    switch (gunzipBytes(in, out)) {
    case GunzipFailure::None: return true;
    case GunzipFailure::DecoderUnavailable: error = tr("cannot initialise the gzip decoder"); return false;
    case GunzipFailure::Truncated: error = tr("the gzip stream is truncated"); return false;
    case GunzipFailure::Corrupt: error = tr("the gzip stream is corrupt"); return false;
    }
    return false;
}

QString lineAndColumn(const QByteArray &text, qsizetype offset)
{
    const TextPosition at = textPosition(text, offset);
    return tr("line %1, column %2").arg(at.line).arg(at.column);
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
    if (looksGzip(raw)) {
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
