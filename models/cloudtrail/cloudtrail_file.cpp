// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudtrail_file.h"

#include "cloudtrail_event.h"
#include "ingest/sha256.h"
#include "ingest/whole_file_bytes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>


namespace flowscope::cloudtrail {

namespace {

// The gzip bytes inflated (with `partial`, only a file's head), or false with the reason.
bool gunzip(const QByteArray &in, QByteArray &out, std::string &error, bool partial = false)
{
    switch (gunzipBytes(in, out, partial ? 4096 : 0)) {
    case GunzipFailure::None: return true;
    case GunzipFailure::DecoderUnavailable: error = "cannot initialise the gzip decoder"; return false;
    case GunzipFailure::Truncated: error = "the gzip stream is truncated"; return false;
    case GunzipFailure::Corrupt: error = "the gzip stream is corrupt"; return false;
    }
    return false;
}

bool namedAsCloudTrail(const std::filesystem::path &path)
{
    if (path.filename().string().find("_CloudTrail_") != std::string::npos)
        return true;
    bool inAwsLogs = false;
    for (const auto &part : path.parent_path()) {
        if (part == "AWSLogs")
            inAwsLogs = true;
        else if (inAwsLogs && part == "CloudTrail")
            return true;
    }
    return false;
}

QString lineAndColumn(const QByteArray &text, qsizetype offset)
{
    const TextPosition at = textPosition(text, offset);
    return QStringLiteral("line %1, column %2").arg(at.line).arg(at.column);
}

} // namespace

bool looksLikeCloudTrailFile(const std::filesystem::path &path)
{
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly))
        return namedAsCloudTrail(path);
    QByteArray head = file.read(64 * 1024);
    if (looksGzip(head)) {
        QByteArray text;
        std::string error;
        gunzip(head, text, error, true);
        head = text;
    }
    static const QRegularExpression records(QStringLiteral(R"(^\x{FEFF}?\s*\{\s*"Records"\s*:)"));
    if (records.match(QString::fromUtf8(head.left(256))).hasMatch())
        return true;
    return namedAsCloudTrail(path);
}

CloudTrailFileContent readCloudTrailFile(const std::filesystem::path &path)
{
    CloudTrailFileContent content;
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly)) {
        content.fatalError = "cannot open: " + file.errorString().toStdString();
        return content;
    }
    const QByteArray raw = file.readAll();
    Sha256 hash;
    hash.add(raw.constData(), static_cast<std::size_t>(raw.size()));
    const std::string sha256 = hash.hex();
    QByteArray text;
    if (looksGzip(raw)) {
        if (!gunzip(raw, text, content.fatalError))
            return content;
    } else {
        text = raw;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        content.fatalError = "malformed or truncated JSON at " + lineAndColumn(text, parseError.offset).toStdString()
            + ": " + parseError.errorString().toStdString();
        return content;
    }
    const QJsonValue records = document.object().value(QLatin1String("Records"));
    if (!document.isObject() || !records.isArray()) {
        content.fatalError = "not a CloudTrail log file: the top level is no object with a \"Records\" array";
        return content;
    }
    content.sha256 = sha256;
    const QJsonArray items = records.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        ParsedEvent parsed = parseCloudTrailEvent(items.at(i));
        switch (parsed.verdict) {
        case EventVerdict::Skipped:
            ++content.skipped;
            break;
        case EventVerdict::Bad:
            content.errors.push_back({i + 1, "Records item " + std::to_string(i + 1) + ": " + parsed.error});
            break;
        case EventVerdict::Network:
            parsed.row.file = path.string();
            parsed.row.fileSha256 = sha256;
            parsed.row.item = i + 1;
            content.events.push_back(std::move(parsed.row));
            break;
        }
    }
    return content;
}

} // namespace flowscope::cloudtrail
