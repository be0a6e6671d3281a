// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_identity.h"

#include "format/field_names.h"
#include "pivot/filter_compose.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QStringList>

namespace flowscope {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::RecordIdentity", text); }

QString textOf(const FlowRow &row, Field field)
{
    const FieldValue &value = row.value(field);
    return std::holds_alternative<std::monostate>(value) ? QString() : QString::fromStdString(fieldText(value));
}

int numberOf(const FlowRow &row, Field field)
{
    const auto *number = std::get_if<std::int64_t>(&row.value(field));
    return number ? int(*number) : -1;
}

QString endpoint(const QString &address, int port, bool withPort)
{
    if (!withPort || port < 0)
        return address;
    return address.contains(u':') ? QStringLiteral("[%1]:%2").arg(address).arg(port) : QStringLiteral("%1:%2").arg(address).arg(port);
}

} // namespace

RecordIdentity RecordIdentity::fromRow(const FlowRow &row, qint64 tableRow)
{
    RecordIdentity identity;
    identity.id = row.id;
    identity.row = tableRow;
    if (const auto *start = std::get_if<std::int64_t>(&row.value(Field::Start)))
        identity.start = *start;
    identity.interfaceId = textOf(row, Field::InterfaceId);
    identity.srcAddr = textOf(row, Field::SrcAddr);
    identity.dstAddr = textOf(row, Field::DstAddr);
    identity.srcPort = numberOf(row, Field::SrcPort);
    identity.dstPort = numberOf(row, Field::DstPort);
    identity.protocol = numberOf(row, Field::Protocol);
    return identity;
}

RecordIdentity RecordIdentity::counterpart(qint64 otherId, const QString &otherInterface, qint64 otherStart, bool reversed) const
{
    RecordIdentity other = *this;
    other.id = otherId;
    other.row = 0;
    other.interfaceId = otherInterface;
    other.start = otherStart;
    if (reversed) {
        std::swap(other.srcAddr, other.dstAddr);
        std::swap(other.srcPort, other.dstPort);
    }
    return other;
}

QString RecordIdentity::flowText() const
{
    if (srcAddr.isEmpty() || dstAddr.isEmpty())
        return {};
    const QString protocolText = protocol < 0 ? QString() : QString::fromStdString(std::string(protocolName(std::uint8_t(protocol)))).toLower();
    // Ports of tcp, udp and sctp only: the others log 0.
    const bool ports = protocol == 6 || protocol == 17 || protocol == 132;
    const QString flow = tr("%1 → %2").arg(endpoint(srcAddr, srcPort, ports), endpoint(dstAddr, dstPort, ports));
    return protocolText.isEmpty() ? flow : protocolText + u' ' + flow;
}

QString RecordIdentity::startText() const
{
    return start < 0 ? QString() : QDateTime::fromSecsSinceEpoch(start, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString RecordIdentity::text() const
{
    QStringList parts;
    for (const QString &part : {startText(), interfaceId, flowText()})
        if (!part.isEmpty())
            parts << part;
    const QString what = parts.join(QStringLiteral(", "));
    return row > 0 ? tr("row %1: %2").arg(QLocale().toString(row), what) : what;
}

QString RecordIdentity::filter() const
{
    QStringList terms;
    const auto add = [&](Field field, const QVariant &value) {
        if (!value.isNull())
            terms << filterTermFor(field, value);
    };
    add(Field::InterfaceId, interfaceId.isEmpty() ? QVariant() : QVariant(interfaceId));
    add(Field::SrcAddr, srcAddr.isEmpty() ? QVariant() : QVariant(srcAddr));
    add(Field::SrcPort, srcPort < 0 ? QVariant() : QVariant::fromValue<qint64>(srcPort));
    add(Field::DstAddr, dstAddr.isEmpty() ? QVariant() : QVariant(dstAddr));
    add(Field::DstPort, dstPort < 0 ? QVariant() : QVariant::fromValue<qint64>(dstPort));
    add(Field::Protocol, protocol < 0 ? QVariant() : QVariant::fromValue<qint64>(protocol));
    add(Field::Start, start < 0 ? QVariant() : QVariant::fromValue<qint64>(start));
    terms.removeAll(QString());
    return terms.join(QStringLiteral(" and "));
}

} // namespace flowscope
