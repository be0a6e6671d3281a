// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_source.h"

#include "format/text_tokens.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>

namespace flowscope {

namespace {

constexpr const char *kNoElements = "no elements";

// The shapes AWS delivers flow-log records in (see delivery.h).
bool isFlowShaped(const QJsonObject &object)
{
    return object.value(QStringLiteral("events")).isArray() || object.value(QStringLiteral("logEvents")).isArray()
        || object.contains(QStringLiteral("message"))
        || object.value(QStringLiteral("messageType")).toString() == QLatin1String("CONTROL_MESSAGE");
}

// "with SecurityGroups", "with a, b, c, d and 3 more keys", "no keys".
std::string describeKeys(const QJsonObject &object)
{
    constexpr qsizetype kNamed = 4;
    const QStringList keys = object.keys();
    if (keys.isEmpty())
        return "no keys";
    std::string text = "with ";
    for (qsizetype i = 0; i < std::min(keys.size(), kNamed); ++i)
        text += (i ? ", " : "") + keys[i].toStdString();
    if (keys.size() > kNamed)
        text += " and " + std::to_string(keys.size() - kNamed) + " more keys";
    return text;
}

} // namespace

std::string RecordSource::notFlowLogReason() const
{
    if (!isJson() || m_jsonValues == 0 || m_flowShapedValues > 0 || m_firstValueShape.empty())
        return {};
    std::string what;
    if (m_firstValueIsArray && m_firstValueShape == kNoElements)
        what = "an empty JSON array";
    else if (m_firstValueIsArray)
        what = "a JSON array of " + std::string(m_firstValueShape.rfind("with ", 0) == 0 ? "objects " : "") + m_firstValueShape;
    else
        what = (m_jsonValues == 1 ? "a JSON document " : "JSON lines ") + m_firstValueShape;
    return "not a flow log (" + what + ")";
}

RecordSource::RecordSource(std::filesystem::path path, std::optional<LogFormat> logFormat)
    : m_reader(std::move(path))
    , m_givenFormat(std::move(logFormat))
    , m_parser(m_givenFormat ? *m_givenFormat : LogFormat::defaultV2())
{
}

bool RecordSource::open() { return m_reader.open(); }

void RecordSource::detect(std::string_view firstLine)
{
    m_detected = true;
    const std::string_view trimmed = trimLine(firstLine);
    if (!trimmed.empty() && (trimmed.front() == '{' || trimmed.front() == '[')) {
        m_delivery = Delivery::JsonLines; // refined when the first value is read
        return;
    }
    if (hasIsoTimestampPrefix(trimmed, nullptr)) {
        m_delivery = Delivery::CloudWatchExport;
        return;
    }
    m_delivery = LogFormat::looksLikeHeader(trimmed) ? Delivery::S3Text : Delivery::PlainText;
}

bool RecordSource::adoptHeader(std::string_view line)
{
    if (!LogFormat::looksLikeHeader(line))
        return false;
    std::string error;
    LogFormat format = LogFormat::parse(line, &error);
    if (format.isEmpty())
        return false;
    m_parser = RecordParser(std::move(format));
    return true;
}

void RecordSource::startJson()
{
    m_detected = true;
    m_delivery = Delivery::JsonLines; // refined when the first value is read
}

void RecordSource::addJsonText(std::string_view text, std::uint64_t number, bool endsLine)
{
    if (!m_sawAnyLine && !trimLine(text).empty())
        m_sawAnyLine = true;
    std::vector<JsonValueSplitter::Value> values;
    m_splitter.addText(text, number, endsLine, values);
    for (auto &value : values)
        collectMessages(value.text, value.startLine);
}

bool RecordSource::next(SourceItem &item)
{
    if (!m_detected) {
        // JSON is told by its first character, before any line is read: a
        // document written on one line may be longer than any record line.
        const int first = m_reader.peekFirstNonBlank();
        if (first == '{' || first == '[') {
            startJson();
            return nextJson(item);
        }
    }
    if (m_detected && isJson())
        return nextJson(item);
    std::string_view line;
    std::uint64_t number = 0;
    while (m_reader.next(line, number)) {
        if (trimLine(line).empty())
            continue; // blank lines carry no record
        m_sawAnyLine = true;
        if (!m_detected) {
            detect(line);
            if (m_delivery == Delivery::JsonLines) {
                addJsonText(line, number, true);
                return nextJson(item);
            }
            if (m_delivery == Delivery::S3Text) {
                adoptHeader(line);
                continue;
            }
        }
        if (m_delivery == Delivery::CloudWatchExport) {
            std::size_t prefix = 0;
            if (hasIsoTimestampPrefix(line, &prefix))
                line.remove_prefix(prefix);
        }
        item.kind = SourceItem::Kind::Record;
        item.number = number;
        item.text = line;
        return true;
    }
    return false;
}

bool RecordSource::nextJson(SourceItem &item)
{
    while (m_pending.empty()) {
        std::string_view piece;
        std::uint64_t number = 0;
        bool endsLine = true;
        if (!m_reader.nextPiece(piece, number, endsLine)) {
            if (m_splitter.hasOpenValue()) {
                m_pending.push_back({m_splitter.openValueLine(), {},
                                     "JSON value starting here is not closed at the end of the file"});
                m_splitter = JsonValueSplitter();
                break;
            }
            return false;
        }
        addJsonText(piece, number, endsLine);
    }
    m_current = std::move(m_pending.front());
    m_pending.pop_front();
    item.number = m_current.number;
    if (m_current.reason.empty()) {
        item.kind = SourceItem::Kind::Record;
        item.text = m_current.text;
        item.reason.clear();
    } else {
        item.kind = SourceItem::Kind::Issue;
        item.text = {};
        item.reason = m_current.reason;
    }
    return true;
}

std::uint64_t RecordSource::nextNumber(std::uint64_t startLine)
{
    // A record's number must be unique in its file: the line it starts on, or
    // the next free number when one line (a JSON document) holds several.
    m_lastNumber = std::max(m_lastNumber + 1, startLine);
    return m_lastNumber;
}

void RecordSource::collectMessages(const std::string &json, std::uint64_t startLine)
{
    m_sawAnyLine = true;
    if (json.empty() || (json.front() != '{' && json.front() != '[')) {
        m_pending.push_back({startLine, {}, "text outside any JSON value: '" + json.substr(0, 40) + "'"});
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), qsizetype(json.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        m_pending.push_back({startLine, {},
                             "invalid JSON (" + parseError.errorString().toStdString() + " at offset "
                                 + std::to_string(parseError.offset) + ")"});
        return;
    }
    auto addMessage = [&](const QJsonValue &message, std::uint64_t number) {
        if (!message.isString()) {
            m_pending.push_back({number, {}, "JSON event has no string 'message'"});
            return;
        }
        m_pending.push_back({number, message.toString().toStdString(), {}});
    };
    auto addObject = [&](const QJsonObject &object) {
        if (isFlowShaped(object))
            ++m_flowShapedValues;
        else if (m_firstValueShape.empty())
            m_firstValueShape = describeKeys(object);
        // A document of events (CloudWatch API) or an envelope (subscription,
        // Firehose) holds many records on few lines: see nextNumber().
        const QJsonValue events = object.contains(QStringLiteral("events")) ? object.value(QStringLiteral("events"))
                                                                           : object.value(QStringLiteral("logEvents"));
        if (events.isArray()) {
            if (object.contains(QStringLiteral("events")))
                m_delivery = Delivery::CloudWatchJson;
            for (const QJsonValue &event : events.toArray())
                addMessage(event.toObject().value(QStringLiteral("message")), nextNumber(startLine));
            return;
        }
        if (object.contains(QStringLiteral("message"))) {
            addMessage(object.value(QStringLiteral("message")), nextNumber(startLine));
            return;
        }
        if (object.value(QStringLiteral("messageType")).toString() == QLatin1String("CONTROL_MESSAGE"))
            return; // CloudWatch subscription health check, carries no record
        m_pending.push_back({startLine, {}, "JSON object has no 'message', 'events' or 'logEvents'"});
    };
    ++m_jsonValues;
    if (document.isArray()) {
        if (m_jsonValues == 1)
            m_firstValueIsArray = true;
        if (document.array().isEmpty() && m_firstValueShape.empty())
            m_firstValueShape = kNoElements;
        for (const QJsonValue &value : document.array()) {
            if (value.isObject())
                addObject(value.toObject());
            else {
                if (m_firstValueShape.empty())
                    m_firstValueShape = "elements that are not objects";
                m_pending.push_back({nextNumber(startLine), {}, "JSON array element is not an object"});
            }
        }
    } else {
        addObject(document.object());
    }
}

} // namespace flowscope
