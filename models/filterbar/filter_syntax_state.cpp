// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_syntax_state.h"

#include "filter_completion.h"
#include "format/field_catalog.h"
#include "query/filter_parser.h"

#include <QRegularExpression>

namespace flowscope {

namespace {

enum class ValueShape { Other, Address, Time, Bytes };

ValueShape shapeOf(const QString &target)
{
    if (target == QLatin1String("addr"))
        return ValueShape::Address;
    if (target == QLatin1String("time"))
        return ValueShape::Time;
    const std::optional<Field> field = fieldByName(target.toStdString());
    if (!field)
        return ValueShape::Other;
    if (*field == Field::Start || *field == Field::End)
        return ValueShape::Time;
    if (*field == Field::Bytes)
        return ValueShape::Bytes;
    return fieldInfo(*field).kind == FieldKind::Address ? ValueShape::Address : ValueShape::Other;
}

// A value that failed to parse but is the beginning of one of the right shape.
bool isValueStart(ValueShape shape, const QString &token)
{
    static const QRegularExpression ipv4(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?$"));
    // Loose on purpose: any run of hex groups and colons may still become an IPv6 address.
    static const QRegularExpression ipv6(QStringLiteral("^[0-9A-Fa-f]*(:[0-9A-Fa-f.]*)+(/\\d{0,3})?$"));
    static const QRegularExpression iso(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([Zz]|[+-]\\d{2}:?\\d{2})$"));
    static const QRegularExpression bytes(QStringLiteral("^\\d+([KkMmGgTt][Ii]?[Bb])$"));
    auto partial = [&](const QRegularExpression &re) {
        return re.match(token, 0, QRegularExpression::PartialPreferCompleteMatch).hasPartialMatch();
    };
    switch (shape) {
    case ValueShape::Address: return partial(ipv4) || ipv6.match(token).hasMatch();
    case ValueShape::Time: return partial(iso);
    case ValueShape::Bytes: return partial(bytes);
    case ValueShape::Other: return false;
    }
    return false;
}

// An invalid word at the very end may only be unfinished: a prefix of a
// field, operator or name that fits there, or the start of a value.
bool couldContinue(const QString &expression, const FilterError &error)
{
    const QByteArray utf8 = expression.toUtf8();
    if (error.length == 0 || error.position + error.length != static_cast<std::size_t>(utf8.size()))
        return false;
    const FilterCompletion completion = completeFilter(expression, static_cast<int>(expression.size()));
    const QString token = QString::fromStdString(error.token);
    if (completion.kind == FilterCompletionKind::None || completion.prefix != token)
        return false;
    for (const FilterCompletionCandidate &candidate : completion.candidates)
        if (candidate.text.size() > token.size() && candidate.text.startsWith(token, Qt::CaseInsensitive))
            return true;
    return completion.kind == FilterCompletionKind::Value && isValueStart(shapeOf(completion.target), token);
}

} // namespace

FilterSyntax checkFilterSyntax(const QString &expression, const std::function<bool(const QString &)> &iocListExists,
                               const InterfaceAttributes *interfaceAttributes, const RecordMarks *recordMarks)
{
    FilterSyntax syntax;
    if (expression.trimmed().isEmpty())
        return syntax;
    FilterParseOptions options;
    options.interfaceAttributes = interfaceAttributes;
    options.recordMarks = recordMarks;
    if (iocListExists)
        options.iocListExists = [&iocListExists](std::string_view name) {
            return iocListExists(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
        };
    const QByteArray utf8 = expression.toUtf8();
    const FilterParseResult parsed =
        parseFilter(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), options);
    if (parsed.ok()) {
        syntax.state = FilterSyntaxState::Valid;
        return syntax;
    }
    syntax.error = parsed.error;
    const bool incomplete = parsed.error && parsed.error->kind == FilterError::Kind::Incomplete;
    syntax.state = incomplete || (parsed.error && couldContinue(expression, *parsed.error))
        ? FilterSyntaxState::Intermediate
        : FilterSyntaxState::Invalid;
    return syntax;
}

QString filterSyntaxStateName(FilterSyntaxState state)
{
    switch (state) {
    case FilterSyntaxState::Empty: return QStringLiteral("empty");
    case FilterSyntaxState::Intermediate: return QStringLiteral("intermediate");
    case FilterSyntaxState::Invalid: return QStringLiteral("invalid");
    case FilterSyntaxState::Valid: return QStringLiteral("valid");
    }
    return {};
}

} // namespace flowscope
