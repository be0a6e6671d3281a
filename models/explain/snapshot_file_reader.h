// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads one snapshot file, plain or gzip (recognised by its magic bytes), with
// its SHA-256 over the bytes on disk, and parses it as one JSON object.

#include <QJsonObject>
#include <QString>

namespace flowscope::explain {

struct SnapshotFileContent {
    QJsonObject document;
    QString sha256;
    QString error;    // empty on success
    QString location; // "line 3, column 7" for a JSON syntax error
};

SnapshotFileContent readSnapshotFile(const QString &path);
// The same from the bytes of a file already read (a case keeps them).
SnapshotFileContent parseSnapshotBytes(const QByteArray &raw);

} // namespace flowscope::explain
