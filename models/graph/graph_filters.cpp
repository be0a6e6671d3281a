// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_filters.h"

namespace flowscope::graph {

namespace {

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString addressTest(const QString &field, const QStringList &addresses)
{
    if (addresses.size() == 1)
        return field + QStringLiteral(" == ") + addresses.front();
    return field + QStringLiteral(" in {") + addresses.join(QStringLiteral(", ")) + QLatin1Char('}');
}

QString serviceTest(const QString &field, const QString &service) { return field + QStringLiteral(" == ") + quoted(service); }

} // namespace

QString NodeSelector::expression() const
{
    QStringList parts;
    if (!field.isEmpty())
        parts << field + QStringLiteral(" == ") + quoted(value);
    if (!addresses.isEmpty())
        parts << addressTest(QStringLiteral("addr"), addresses);
    if (!service.isEmpty())
        parts << serviceTest(QStringLiteral("pkt-src-aws-service"), service)
              << serviceTest(QStringLiteral("pkt-dst-aws-service"), service);
    if (!iocList.isEmpty())
        parts << QStringLiteral("addr in @") + iocList;
    return parts.join(QStringLiteral(" or "));
}

QString NodeSelector::sideExpression(bool source) const
{
    if (!iocList.isEmpty())
        return (source ? QStringLiteral("srcaddr in @") : QStringLiteral("dstaddr in @")) + iocList;
    if (!service.isEmpty())
        return serviceTest(source ? QStringLiteral("pkt-src-aws-service") : QStringLiteral("pkt-dst-aws-service"), service);
    if (!addresses.isEmpty())
        return addressTest(source ? QStringLiteral("srcaddr") : QStringLiteral("dstaddr"), addresses);
    return expression();
}

QString edgeExpression(const NodeSelector &a, const NodeSelector &b)
{
    if (a.expression() == b.expression())
        return QLatin1Char('(') + a.sideExpression(true) + QStringLiteral(") and (") + b.sideExpression(false)
            + QLatin1Char(')');
    return QLatin1Char('(') + a.expression() + QStringLiteral(") and (") + b.expression() + QLatin1Char(')');
}

QString withoutExpression(const QString &expression, const QStringList &kept)
{
    if (kept.isEmpty())
        return expression;
    QStringList parts;
    for (const QString &k : kept)
        parts << QLatin1Char('(') + k + QLatin1Char(')');
    const QString none = QStringLiteral("not (") + parts.join(QStringLiteral(" or ")) + QLatin1Char(')');
    return expression.isEmpty() ? none : QLatin1Char('(') + expression + QStringLiteral(") and ") + none;
}

} // namespace flowscope::graph
