// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_completion.h"

#include "case_values.h"
#include "format/field_description.h"
#include "format/field_names.h"
#include "format/flow_record.h"
#include "query/filter_ast.h"
#include "query/filter_lexer.h"

#include <QCoreApplication>

#include <optional>
#include <string>

namespace flowscope {

namespace {

using TT = FilterTokenType;

// Texts are marked with QT_TRANSLATE_NOOP so that lupdate finds them under this context.
constexpr const char *kContext = "flowscope::FilterCompletion";

QString translated(const char *text) { return QCoreApplication::translate(kContext, text); }

// As the lexer reads words: letters, digits and _ . : / - +.
bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
        || c == ':' || c == '/' || c == '-' || c == '+';
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    return QString::fromUtf8(a.data(), static_cast<qsizetype>(a.size()))
               .compare(QString::fromUtf8(b.data(), static_cast<qsizetype>(b.size())), Qt::CaseInsensitive)
        == 0;
}

bool isKeyword(const FilterToken &tok, std::string_view keyword)
{
    return tok.type == TT::Word && equalsNoCase(tok.text, keyword);
}

bool isConnective(const FilterToken &tok)
{
    return tok.type == TT::AndAnd || tok.type == TT::OrOr || isKeyword(tok, "and") || isKeyword(tok, "or");
}

QString fromView(std::string_view text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }
QString lower(std::string_view text) { return fromView(text).toLower(); }

// What the parser compares a value with (see filter_parser.cpp).
enum class ValueSort { Integer, Address, Enum, Text, Time };

struct Target {
    QString name;
    FilterTargetKind kind = FilterTargetKind::Field;
    Field field = Field::Version;
    ValueSort sort = ValueSort::Integer;
    std::optional<InterfaceAttribute> attribute; // a field a configuration snapshot answers
    bool tag = false;                            // `tag`: the analyst's tags on records
};

std::optional<Target> resolveTarget(std::string_view word)
{
    Target t;
    t.name = lower(word);
    if (equalsNoCase(word, "addr")) {
        t.kind = FilterTargetKind::AnyAddress;
        t.sort = ValueSort::Address;
        return t;
    }
    if (equalsNoCase(word, "port")) {
        t.kind = FilterTargetKind::AnyPort;
        return t;
    }
    if (equalsNoCase(word, "time")) {
        t.kind = FilterTargetKind::TimeSpan;
        t.sort = ValueSort::Time;
        return t;
    }
    if ((t.attribute = interfaceAttributeByName(word))) {
        t.sort = ValueSort::Text;
        return t;
    }
    if (equalsNoCase(word, "tag")) {
        t.tag = true;
        t.sort = ValueSort::Text;
        return t;
    }
    const std::optional<Field> field = equalsNoCase(word, "eni") ? Field::InterfaceId : fieldByName(word);
    if (!field)
        return std::nullopt;
    t.field = *field;
    switch (fieldInfo(*field).kind) {
    case FieldKind::Integer:
        t.sort = *field == Field::Start || *field == Field::End ? ValueSort::Time : ValueSort::Integer;
        break;
    case FieldKind::Address: t.sort = ValueSort::Address; break;
    case FieldKind::Enum: t.sort = ValueSort::Enum; break;
    case FieldKind::Text: t.sort = ValueSort::Text; break;
    }
    return t;
}

// Where the tokens before the cursor leave the grammar (filter_parser.h).
enum class Expect { Term, Operator, Value, InStart, SetValue, AfterSetValue, FlagName, TextValue, Connective, Unknown };

struct Position {
    Expect expect = Expect::Term;
    std::optional<Target> target;
};

Position walk(const std::vector<FilterToken> &tokens)
{
    Position p;
    for (const FilterToken &tok : tokens) {
        if (tok.type == TT::End || tok.type == TT::Error)
            break;
        switch (p.expect) {
        case Expect::Term:
            if (tok.type == TT::LParen || tok.type == TT::Bang || isKeyword(tok, "not"))
                break;
            if (isKeyword(tok, "true") || (tok.type == TT::Word && equalsNoCase(tok.text, "starred"))) {
                p.expect = Expect::Connective;
            } else if (tok.type == TT::Word && (p.target = resolveTarget(tok.text))) {
                p.expect = Expect::Operator;
            } else {
                p.expect = Expect::Unknown;
            }
            break;
        case Expect::Operator:
            switch (tok.type) {
            case TT::Eq: case TT::Ne: case TT::Lt: case TT::Le: case TT::Gt: case TT::Ge:
                p.expect = Expect::Value;
                break;
            default:
                p.expect = isKeyword(tok, "in")                                         ? Expect::InStart
                    : isKeyword(tok, "contains") || isKeyword(tok, "matches")           ? Expect::TextValue
                    : isKeyword(tok, "has")                                             ? Expect::FlagName
                                                                                        : Expect::Unknown;
                break;
            }
            break;
        case Expect::Value:
        case Expect::TextValue:
        case Expect::FlagName:
            p.expect = tok.type == TT::Word || tok.type == TT::String ? Expect::Connective : Expect::Unknown;
            break;
        case Expect::InStart:
            p.expect = tok.type == TT::LBrace ? Expect::SetValue
                : tok.type == TT::IocRef       ? Expect::Connective
                                               : Expect::Unknown;
            break;
        case Expect::SetValue:
            p.expect = tok.type == TT::Word ? Expect::AfterSetValue : Expect::Unknown;
            break;
        case Expect::AfterSetValue:
            p.expect = tok.type == TT::Comma || tok.type == TT::DotDot ? Expect::SetValue
                : tok.type == TT::RBrace                               ? Expect::Connective
                                                                       : Expect::Unknown;
            break;
        case Expect::Connective:
            p.expect = tok.type == TT::RParen ? Expect::Connective : isConnective(tok) ? Expect::Term : Expect::Unknown;
            break;
        case Expect::Unknown:
            // Past a mistake, the next 'and', 'or' or '(' starts a term again.
            if (isConnective(tok) || tok.type == TT::LParen)
                p.expect = Expect::Term;
            break;
        }
    }
    return p;
}

using Candidates = QList<FilterCompletionCandidate>;

// `description` is a text marked with QT_TRANSLATE_NOOP in kContext.
void add(Candidates &out, const char *text, const char *description)
{
    out.push_back({QString::fromLatin1(text), translated(description)});
}

Candidates fieldCandidates()
{
    Candidates out;
    add(out, "addr", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "srcaddr or dstaddr"));
    add(out, "port", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "srcport or dstport"));
    add(out, "eni", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "interface-id"));
    add(out, "time", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "the record's span from start to end"));
    for (const FieldInfo &info : allFields())
        out.push_back({lower(info.name), fieldDescription(info.field)});
    add(out, "security-group",
        QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "a security group of the interface, by id or name (from the configuration snapshot)"));
    add(out, "instance-name",
        QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "the Name tag of the interface's instance (from the configuration snapshot)"));
    add(out, "subnet-name",
        QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "the name of the interface's subnet (from the configuration snapshot)"));
    add(out, "vpc-name",
        QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "the name of the interface's VPC (from the configuration snapshot)"));
    add(out, "starred", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "the records starred in this case (Ctrl+M)"));
    add(out, "tag", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "a tag the analyst gave the record: tag == \"c2\""));
    add(out, "not", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "negates the term that follows"));
    return out;
}

Candidates operatorCandidates(const Target &t)
{
    Candidates out;
    const bool ordered = t.sort == ValueSort::Integer || t.sort == ValueSort::Time;
    if (t.kind == FilterTargetKind::Field && t.field == Field::TcpFlags)
        add(out, "has", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "has a TCP flag: has syn"));
    add(out, "==", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "equals"));
    add(out, "!=", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "differs from (or is absent)"));
    if (ordered) {
        add(out, "<", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "less than"));
        add(out, "<=", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "at most"));
        add(out, ">", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "greater than"));
        add(out, ">=", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "at least"));
    }
    if (t.sort == ValueSort::Integer || t.sort == ValueSort::Address)
        add(out, "in", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "in a set: in {a, b, lo..hi}"));
    if (t.sort == ValueSort::Text) {
        add(out, "contains", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "contains a string"));
        add(out, "matches", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "matches a regular expression"));
    }
    if ((t.sort == ValueSort::Address || t.sort == ValueSort::Text) && !t.attribute && !t.tag)
        add(out, "in @", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "in an IOC list: in @name"));
    return out;
}

Candidates protocolCandidates()
{
    // The common four first, then the other named protocols by number.
    Candidates out;
    const QList<int> first{6, 17, 1, 58};
    for (int number : first)
        out.push_back({lower(protocolName(static_cast<std::uint8_t>(number))), QString::number(number)});
    for (int number = 0; number < 256; ++number) {
        const std::string_view name = protocolName(static_cast<std::uint8_t>(number));
        if (!name.empty() && !first.contains(number))
            out.push_back({lower(name), QString::number(number)});
    }
    return out;
}

Candidates namedValues(Field field)
{
    Candidates out;
    switch (field) {
    case Field::Action:
        for (Action a : {Action::Accept, Action::Reject})
            out.push_back({lower(actionName(a)), {}});
        break;
    case Field::LogStatus:
        for (LogStatus s : {LogStatus::Ok, LogStatus::NoData, LogStatus::SkipData})
            out.push_back({lower(logStatusName(s)), {}});
        break;
    case Field::Type:
        for (TrafficType t : {TrafficType::IPv4, TrafficType::IPv6, TrafficType::Efa})
            out.push_back({lower(trafficTypeName(t)), {}});
        break;
    case Field::FlowDirection:
        for (FlowDirection d : {FlowDirection::Ingress, FlowDirection::Egress})
            out.push_back({lower(flowDirectionName(d)), {}});
        break;
    default:
        break;
    }
    return out;
}

// A text value that is not one word must be quoted to lex as one token.
QString quotedIfNeeded(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    bool word = !utf8.isEmpty() && !utf8.contains("..");
    for (char c : utf8)
        word = word && isWordChar(c);
    if (word)
        return value;
    QString out = QStringLiteral("\"");
    for (QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('"');
}

Candidates fromCase(const QStringList &values, bool quote)
{
    const QString description = translated(QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "in this case"));
    Candidates out;
    for (const QString &value : values)
        out.push_back({quote ? quotedIfNeeded(value) : value, description});
    return out;
}

Candidates valueCandidates(const Target &t, const CaseValues *values, const InterfaceAttributes *attributes,
                           const RecordMarks *marks)
{
    if (t.tag) {
        if (!marks)
            return {};
        const QString description = translated(QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "tagged in this case"));
        Candidates out;
        for (const std::string &tag : marks->tags())
            out.push_back({QLatin1Char('"') + QString::fromStdString(tag) + QLatin1Char('"'), description});
        return out;
    }
    if (t.attribute) {
        if (!attributes)
            return {};
        const QString description =
            translated(QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "in the configuration snapshot"));
        Candidates out;
        for (const std::string &value : attributes->valuesOf(*t.attribute))
            out.push_back({quotedIfNeeded(QString::fromStdString(value)), description});
        return out;
    }
    if (t.kind == FilterTargetKind::AnyAddress || (t.kind == FilterTargetKind::Field && t.sort == ValueSort::Address))
        return values ? fromCase(values->addresses, false) : Candidates();
    if (t.kind == FilterTargetKind::AnyPort
        || (t.kind == FilterTargetKind::Field && (t.field == Field::SrcPort || t.field == Field::DstPort)))
        return values ? fromCase(values->ports, false) : Candidates();
    if (t.kind != FilterTargetKind::Field)
        return {};
    if (t.field == Field::Protocol)
        return protocolCandidates();
    if (t.field == Field::TrafficPath) {
        Candidates out;
        for (int path = 1; path <= 8; ++path) {
            const std::string_view name = trafficPathName(static_cast<std::uint8_t>(path));
            out.push_back({QString::number(path), QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()))});
        }
        return out;
    }
    if (t.sort == ValueSort::Enum)
        return namedValues(t.field);
    if (t.sort == ValueSort::Text && values)
        return fromCase(values->textValues(t.field), true);
    return {};
}

Candidates flagCandidates()
{
    Candidates out;
    for (const TcpFlagName &flag : tcpFlagNames())
        out.push_back({lower(flag.name), QString::number(flag.bit)});
    return out;
}

Candidates connectiveCandidates()
{
    Candidates out;
    add(out, "and", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "both terms hold"));
    add(out, "or", QT_TRANSLATE_NOOP("flowscope::FilterCompletion", "either term holds"));
    return out;
}

int indexOfByte(const QByteArray &utf8, qsizetype byte)
{
    return static_cast<int>(QString::fromUtf8(utf8.constData(), byte).size());
}

} // namespace

QStringList FilterCompletion::matching() const
{
    QStringList out;
    for (const FilterCompletionCandidate &c : candidates)
        if (c.text.startsWith(prefix, Qt::CaseInsensitive))
            out << c.text;
    return out;
}

FilterCompletion completeFilter(const QString &text, int cursor, const CaseValues *values,
                                const InterfaceAttributes *attributes, const RecordMarks *marks)
{
    FilterCompletion completion;
    cursor = std::clamp(cursor, 0, static_cast<int>(text.size()));
    const QByteArray utf8 = text.toUtf8();
    const qsizetype at = text.left(cursor).toUtf8().size();

    // The word under the cursor, without the range operator '..' it may hold.
    auto rangeDots = [&utf8](qsizetype i) { return utf8[i] == '.' && i + 1 < utf8.size() && utf8[i + 1] == '.'; };
    qsizetype start = at;
    while (start > 0 && isWordChar(utf8[start - 1]) && !(start >= 2 && rangeDots(start - 2)))
        --start;
    qsizetype end = at;
    while (end < utf8.size() && isWordChar(utf8[end]) && !rangeDots(end))
        ++end;

    const std::string before(utf8.constData(), static_cast<std::size_t>(start));
    const LexedFilter lexed = lexFilter(before);
    Position position = walk(lexed.tokens);
    if (lexed.error) {
        // A lone '=', '&' or '|' just typed is the start of an operator.
        const FilterError &error = *lexed.error;
        if (error.position + error.length != before.size() || error.length != 1)
            return completion;
        std::vector<FilterToken> tokens(lexed.tokens.begin(), lexed.tokens.end() - 1);
        position = walk(tokens);
        const bool operatorStart = error.token == "=" && position.expect == Expect::Operator;
        const bool connectiveStart =
            (error.token == "&" || error.token == "|") && position.expect == Expect::Connective;
        if (!operatorStart && !connectiveStart)
            return completion;
        start = static_cast<qsizetype>(error.position);
    } else if (lexed.tokens.size() >= 2 && lexed.tokens[lexed.tokens.size() - 2].type == TT::Bang
               && start == at && at > 0 && utf8[at - 1] == '!') {
        // 'dstport !' is on its way to '!='.
        std::vector<FilterToken> tokens(lexed.tokens.begin(), lexed.tokens.end() - 2);
        const Position previous = walk(tokens);
        if (previous.expect == Expect::Operator) {
            position = previous;
            start = at - 1;
        }
    }

    completion.replaceStart = indexOfByte(utf8, start);
    completion.replaceEnd = indexOfByte(utf8, end);
    completion.prefix = QString::fromUtf8(utf8.constData() + start, at - start);
    switch (position.expect) {
    case Expect::Term:
        completion.kind = FilterCompletionKind::FieldName;
        completion.candidates = fieldCandidates();
        completion.suffix = QStringLiteral(" ");
        break;
    case Expect::Operator:
        completion.kind = FilterCompletionKind::Operator;
        completion.target = position.target->name;
        completion.candidates = operatorCandidates(*position.target);
        completion.suffix = QStringLiteral(" ");
        break;
    case Expect::Value:
    case Expect::SetValue:
        completion.kind = FilterCompletionKind::Value;
        completion.target = position.target->name;
        completion.candidates = valueCandidates(*position.target, values, attributes, marks);
        break;
    case Expect::FlagName:
        completion.kind = FilterCompletionKind::Value;
        completion.target = position.target->name;
        completion.candidates = flagCandidates();
        break;
    case Expect::Connective:
        completion.kind = FilterCompletionKind::Connective;
        completion.candidates = connectiveCandidates();
        completion.suffix = QStringLiteral(" ");
        break;
    case Expect::InStart:
    case Expect::AfterSetValue:
    case Expect::TextValue:
    case Expect::Unknown:
        break;
    }
    return completion;
}

CompletedText applyCompletion(const QString &text, const FilterCompletion &completion, const QString &candidate)
{
    CompletedText out;
    const int start = std::clamp(completion.replaceStart, 0, static_cast<int>(text.size()));
    const int end = std::clamp(completion.replaceEnd, start, static_cast<int>(text.size()));
    const QString rest = text.mid(end);
    out.text = text.left(start) + candidate;
    out.cursor = static_cast<int>(out.text.size());
    // '@' opens a list name: nothing goes after it. A space already there is
    // stepped over rather than doubled.
    if (!completion.suffix.isEmpty() && !candidate.endsWith(QLatin1Char('@'))) {
        if (!rest.startsWith(completion.suffix))
            out.text += completion.suffix;
        out.cursor += static_cast<int>(completion.suffix.size());
    }
    out.text += rest;
    return out;
}

} // namespace flowscope
