// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment_details.h"

#include "enrichment_timeline.h"

#include "store/flow_reader.h"

#include <QCoreApplication>

namespace flowscope::explain {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::EnrichmentDetails", text); }

QString textOf(const FlowRow &row, Field field)
{
    const auto *text = std::get_if<std::string>(&row.value(field));
    return text ? QString::fromStdString(*text) : QString();
}

// "subnet-0web (web)", or the id alone when unnamed.
QString named(const QString &id, const QString &name)
{
    return name.isEmpty() ? id : id + QStringLiteral(" (") + name + u')';
}

void addLine(EnrichmentSection &section, const QString &label, const QString &value)
{
    if (!value.isEmpty())
        section.lines.push_back({label, value});
}

} // namespace

QString describeOwner(const InterfaceDetails &details)
{
    QStringList parts;
    if (!details.instanceId.isEmpty())
        parts << (details.instanceName.isEmpty() ? details.instanceId : details.instanceId + u' ' + details.instanceName);
    else if (!details.description.isEmpty())
        parts << details.description;
    if (!details.subnetName.isEmpty())
        parts << tr("subnet %1").arg(details.subnetName);
    return parts.isEmpty() ? details.interfaceId
                           : details.interfaceId + QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + u')';
}

std::vector<EnrichmentSection> enrichmentSections(const InterfaceEnrichment &enrichment, const FlowRow &row)
{
    std::vector<EnrichmentSection> sections;
    EnrichmentSection eni;
    // How the snapshot's time stands to the record's: the one in force at
    // its start, else (older than every snapshot) one taken after it.
    QString when;
    if (const auto *start = std::get_if<std::int64_t>(&row.value(Field::Start)); start && enrichment.asOf().isValid()) {
        const qint64 apart = *start - enrichment.asOf().toSecsSinceEpoch();
        when = apart >= 0 ? tr("in force at the record's time, taken %1 before it").arg(timeApartText(apart))
                          : tr("taken %1 after the record: the configuration may have changed in between").arg(timeApartText(apart));
    }
    const QString id = enrichment.snapshotId() > 0 ? QStringLiteral("#%1").arg(enrichment.snapshotId()) : QString();
    const QString asOf = enrichment.asOf().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    eni.title = (when.isEmpty() ? tr("From the configuration snapshot %1 (as of %2 UTC)").arg(id, asOf)
                                : tr("From the configuration snapshot %1 (as of %2 UTC, %3)").arg(id, asOf, when))
                    .simplified();
    const QString interfaceId = textOf(row, Field::InterfaceId);
    const QString vpcId = textOf(row, Field::VpcId);
    if (const InterfaceDetails *details = interfaceId.isEmpty() ? nullptr : enrichment.interface(interfaceId)) {
        addLine(eni, tr("instance"), named(details->instanceId, details->instanceName));
        addLine(eni, tr("description"), details->description);
        addLine(eni, tr("interface type"), details->type);
        addLine(eni, tr("security groups"), details->securityGroupsText());
        addLine(eni, tr("subnet"), named(details->subnetId, details->subnetName));
        addLine(eni, tr("VPC"), named(details->vpcId, details->vpcName));
    } else if (!interfaceId.isEmpty()) {
        addLine(eni, tr("interface"), tr("%1 is not in the snapshot").arg(interfaceId));
    }
    for (const auto &[field, label] : {std::pair{Field::SrcAddr, "source owned by"}, std::pair{Field::DstAddr, "destination owned by"},
                                       std::pair{Field::PktSrcAddr, "packet source owned by"},
                                       std::pair{Field::PktDstAddr, "packet destination owned by"}}) {
        const QString address = textOf(row, field);
        if (field == Field::PktSrcAddr && address == textOf(row, Field::SrcAddr))
            continue; // the same address: said once
        if (field == Field::PktDstAddr && address == textOf(row, Field::DstAddr))
            continue;
        if (const InterfaceDetails *owner = address.isEmpty() ? nullptr : enrichment.owner(address, vpcId))
            addLine(eni, tr(label), describeOwner(*owner));
    }
    sections.push_back(std::move(eni));
    return sections;
}

} // namespace flowscope::explain
