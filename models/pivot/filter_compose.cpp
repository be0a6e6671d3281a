// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_compose.h"

#include "format/field_names.h"
#include "format/flow_record.h"
#include "format/ip_address.h"
#include "query/filter_lexer.h"
#include "query/filter_parser.h"
#include "query/filter_values.h"
#include "query/interface_attributes.h"
#include "query/record_marks.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace flowscope {

namespace {

QString nameOf(Field field)
{
    const std::string_view name = fieldInfo(field).name;
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

QString fromStd(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

bool isKeyword(const QString &word)
{
    static const QStringList keywords{QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("not"),
                                      QStringLiteral("in"), QStringLiteral("contains"), QStringLiteral("matches"),
                                      QStringLiteral("has"), QStringLiteral("true")};
    return keywords.contains(word, Qt::CaseInsensitive);
}

// Ids such as eni-0a1b or arn:aws:ecs:...:cluster/x read better bare; anything
// the lexer would split, or take for a keyword, is quoted.
bool isBareWord(const QString &text)
{
    if (text.isEmpty() || !text.at(0).isLetterOrNumber() || text.contains(QLatin1String("..")) || isKeyword(text))
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_'
            || c == u'.' || c == u':' || c == u'/' || c == u'-';
    });
}

// The lexer's string rules: \" and \\ are escapes, \n and \t stand for
// themselves; every other character, non-ASCII included, is kept as is.
QString quoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (QChar c : text) {
        if (c == u'"')
            out += QLatin1String("\\\"");
        else if (c == u'\\')
            out += QLatin1String("\\\\");
        else if (c == u'\n')
            out += QLatin1String("\\n");
        else if (c == u'\t')
            out += QLatin1String("\\t");
        else
            out += c;
    }
    return out + u'"';
}

QString textValue(const QString &text) { return isBareWord(text) ? text : quoted(text); }

// The protocol's name when the filter language reads it back as the same number.
QString protocolValue(std::uint8_t protocol)
{
    const QString name = fromStd(protocolName(protocol)).toLower();
    std::uint64_t number = 0;
    if (!name.isEmpty() && isBareWord(name) && protocolByName(name.toStdString(), number) && number == protocol)
        return name;
    return QString::number(protocol);
}

std::optional<IpAddress> addressOf(const QString &text)
{
    const QByteArray latin = text.trimmed().toLatin1();
    return IpAddress::parse(std::string_view(latin.constData(), std::size_t(latin.size())));
}

// Every name an enum field can hold, in code order.
QStringList enumNames(Field field)
{
    QStringList names;
    auto add = [&](std::string_view name) { names << fromStd(name).toLower(); };
    switch (field) {
    case Field::Action:
        for (Action a : {Action::Accept, Action::Reject})
            add(actionName(a));
        break;
    case Field::LogStatus:
        for (LogStatus s : {LogStatus::Ok, LogStatus::NoData, LogStatus::SkipData})
            add(logStatusName(s));
        break;
    case Field::Type:
        for (TrafficType t : {TrafficType::IPv4, TrafficType::IPv6, TrafficType::Efa})
            add(trafficTypeName(t));
        break;
    case Field::FlowDirection:
        for (FlowDirection d : {FlowDirection::Ingress, FlowDirection::Egress})
            add(flowDirectionName(d));
        break;
    default: break;
    }
    return names;
}

// Negation of a test every present value passes (see the header).
QString absentTerm(Field field)
{
    const QString name = nameOf(field);
    switch (fieldInfo(field).kind) {
    case FieldKind::Integer: return QStringLiteral("not %1 >= 0").arg(name);
    case FieldKind::Address: return QStringLiteral("not %1 in {0.0.0.0/0, ::/0}").arg(name);
    case FieldKind::Text: return QStringLiteral("not %1 contains \"\"").arg(name);
    case FieldKind::Enum: {
        QStringList any;
        for (const QString &value : enumNames(field))
            any << QStringLiteral("%1 == %2").arg(name, value);
        return any.isEmpty() ? QString() : QStringLiteral("not (%1)").arg(any.join(QLatin1String(" or ")));
    }
    }
    return {};
}

enum class Shape { Simple, And, Or, Invalid };

// Whether the whole expression is one parenthesised group: "(a or b)".
bool isOneGroup(const std::vector<FilterToken> &tokens)
{
    if (tokens.size() < 3 || tokens.front().type != FilterTokenType::LParen)
        return false;
    int depth = 0;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) { // the last token is End
        if (tokens[i].type == FilterTokenType::LParen)
            ++depth;
        else if (tokens[i].type == FilterTokenType::RParen && --depth == 0)
            return i + 2 == tokens.size();
    }
    return false;
}

// Stand-ins for a case's interface attributes, stars and tags and IOC lists:
// a filter naming them parses without the case, its structure being all that
// matters here (`security-group == sg-…`, `starred`, `@list`).
class AnyInterfaceAttributes : public InterfaceAttributes {
public:
    std::vector<std::string> interfacesWith(InterfaceAttribute, std::string_view) const override { return {}; }
    std::vector<std::string> valuesOf(InterfaceAttribute) const override { return {}; }
};

class NoRecordMarks : public RecordMarks {
public:
    std::vector<std::int64_t> starredRecords() const override { return {}; }
    std::vector<std::int64_t> recordsTagged(std::string_view) const override { return {}; }
    std::vector<std::string> tags() const override { return {}; }
};

Shape shapeOf(const QString &expression)
{
    const std::string text = expression.toStdString();
    static const AnyInterfaceAttributes attributes;
    static const NoRecordMarks marks;
    FilterParseOptions options;
    options.iocListExists = [](std::string_view) { return true; };
    options.interfaceAttributes = &attributes;
    options.recordMarks = &marks;
    const FilterParseResult parsed = parseFilter(text, options);
    if (!parsed.ok())
        return Shape::Invalid;
    if (isOneGroup(lexFilter(text).tokens))
        return Shape::Simple;
    if (std::holds_alternative<AndNode>(parsed.root->node))
        return Shape::And;
    if (std::holds_alternative<OrNode>(parsed.root->node))
        return Shape::Or;
    return Shape::Simple;
}

// An operand of `joiner`: a compound of another operator (or text that does
// not parse, whose structure is unknown) is parenthesised.
QString operand(const QString &expression, Shape joiner)
{
    const Shape shape = shapeOf(expression);
    return shape == Shape::Simple || shape == joiner ? expression : QStringLiteral("(%1)").arg(expression);
}

QString negated(const QString &term)
{
    return shapeOf(term) == Shape::Simple ? QStringLiteral("not %1").arg(term) : QStringLiteral("not (%1)").arg(term);
}

} // namespace

QString filterTermFor(Field field, const QVariant &rawValue)
{
    if (!rawValue.isValid() || rawValue.isNull())
        return absentTerm(field);
    const QString name = nameOf(field);
    const FieldInfo &info = fieldInfo(field);
    switch (info.kind) {
    case FieldKind::Integer: {
        bool ok = false;
        const qint64 value = rawValue.toLongLong(&ok);
        if (!ok || value < 0 || static_cast<std::uint64_t>(value) > info.maxValue)
            return {};
        if (field == Field::Start || field == Field::End)
            return QStringLiteral("%1 == %2").arg(name, fromStd(formatFilterTime(value)));
        if (field == Field::Protocol)
            return QStringLiteral("%1 == %2").arg(name, protocolValue(static_cast<std::uint8_t>(value)));
        return QStringLiteral("%1 == %2").arg(name).arg(value);
    }
    case FieldKind::Address: {
        const auto address = addressOf(rawValue.toString());
        return address ? QStringLiteral("%1 == %2").arg(name, fromStd(address->toString())) : QString();
    }
    case FieldKind::Enum: {
        std::uint64_t code = 0;
        std::string canonical, error;
        if (!enumValueByName(field, rawValue.toString().trimmed().toStdString(), code, canonical, error))
            return {};
        return QStringLiteral("%1 == %2").arg(name, fromStd(canonical).toLower());
    }
    case FieldKind::Text: {
        const QString text = rawValue.toString();
        return text.isEmpty() ? QString() : QStringLiteral("%1 == %2").arg(name, textValue(text));
    }
    }
    return {};
}

QString combineFilter(const QString &current, const QString &term, FilterCombine how)
{
    const QString before = current.trimmed();
    const QString added = term.trimmed();
    if (added.isEmpty())
        return before;
    const bool negate = how == FilterCombine::AndNot || how == FilterCombine::OrNot;
    if (how == FilterCombine::Replace)
        return added;
    if (before.isEmpty())
        return negate ? negated(added) : added;
    const bool isAnd = how == FilterCombine::And || how == FilterCombine::AndNot;
    const Shape joiner = isAnd ? Shape::And : Shape::Or;
    return QStringLiteral("%1 %2 %3")
        .arg(operand(before, joiner), isAnd ? QLatin1String("and") : QLatin1String("or"),
             negate ? negated(added) : operand(added, joiner));
}

namespace {

QString timeRangeTerm(const QString &begin, const QString &end)
{
    return QStringLiteral("time >= %1 and time < %2").arg(begin, end);
}

QString isoUtc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate); // ...Z
}

} // namespace

QString narrowToTimeRange(const QString &current, qint64 begin, qint64 end)
{
    QString base = current.trimmed();
    // The range appended last time ends the text; it is ours only if joining
    // the rest with the same range gives the text back exactly.
    static const QRegularExpression trailingRange(QStringLiteral("^(?:(.*) and )?time >= (\\S+) and time < (\\S+)$"));
    if (const auto match = trailingRange.match(base); match.hasMatch()) {
        const QString rest = match.captured(1);
        const QString term = timeRangeTerm(match.captured(2), match.captured(3));
        if (combineFilter(rest, term, FilterCombine::And) == base)
            base = rest;
    }
    return combineFilter(base, timeRangeTerm(isoUtc(begin), isoUtc(end)), FilterCombine::And);
}

QString conversationFilter(const QString &addressA, const QString &addressB)
{
    const auto a = addressOf(addressA);
    const auto b = addressOf(addressB);
    if (!a || !b)
        return {};
    const QString textA = fromStd(a->toString());
    // addr == a alone would also match a's flows with anyone else.
    if (*a == *b)
        return QStringLiteral("srcaddr == %1 and dstaddr == %1").arg(textA);
    return QStringLiteral("addr == %1 and addr == %2").arg(textA, fromStd(b->toString()));
}

QString serviceConversationFilter(const QString &addressA, const QString &addressB, std::optional<int> protocol,
                                  std::optional<int> servicePort)
{
    QString filter = conversationFilter(addressA, addressB);
    if (filter.isEmpty() || (protocol && (*protocol < 0 || *protocol > 255))
        || (servicePort && (*servicePort < 0 || *servicePort > 65535)))
        return {};
    filter += QLatin1String(" and ")
        + (protocol ? filterTermFor(Field::Protocol, qint64(*protocol)) : filterTermFor(Field::Protocol, {}));
    // The service port is the lower of the two: one side has it, neither is below it.
    if (servicePort)
        filter += QStringLiteral(" and port == %1 and srcport >= %1 and dstport >= %1").arg(*servicePort);
    else
        filter += QLatin1String(" and not (srcport >= 0 and dstport >= 0)");
    return filter;
}

QString addressEndpointFilter(const QString &address)
{
    const auto a = addressOf(address);
    return a ? QStringLiteral("addr == %1").arg(fromStd(a->toString())) : QString();
}

QString interfaceEndpointFilter(const QString &interfaceId)
{
    return interfaceId.isEmpty() ? QString() : QStringLiteral("eni == %1").arg(textValue(interfaceId));
}

} // namespace flowscope
