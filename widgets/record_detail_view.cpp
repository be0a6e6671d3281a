// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_detail_view.h"

#include "explain/enrichment_details.h"
#include "explain/enrichment_timeline.h"
#include "format/field_description.h"
#include "format/field_names.h"
#include "format/record_parser.h"
#include "store/flow_reader.h"

#include <QDateTime>
#include <QHeaderView>

namespace flowscope {

namespace {

constexpr int kPathWidth = 280; // pixels: about 45 characters of a path

QString fromView(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

// What a coded value means, when it is coded.
QString meaning(Field field, const FieldValue &value)
{
    if (const auto *text = std::get_if<std::string>(&value); text && field == Field::LogStatus) {
        LogStatus status = LogStatus::Ok;
        return parseLogStatus(*text, status) ? logStatusMeaning(status) : QString();
    }
    const auto *number = std::get_if<std::int64_t>(&value);
    if (!number)
        return {};
    switch (field) {
    case Field::Protocol: return RecordDetailView::tr("IANA protocol number %1").arg(*number);
    case Field::TcpFlags: return QString::fromStdString(tcpFlagsText(static_cast<std::uint8_t>(*number)));
    case Field::TrafficPath: return fromView(trafficPathName(static_cast<std::uint8_t>(*number)));
    case Field::Start:
    case Field::End:
        // The value column is in UTC already: a local zone of UTC adds no second time.
        if (QDateTime::fromSecsSinceEpoch(*number).offsetFromUtc() == 0)
            return RecordDetailView::tr("%1 seconds since the epoch").arg(*number);
        return RecordDetailView::tr("%1 local time, %2 seconds since the epoch")
            .arg(QDateTime::fromSecsSinceEpoch(*number).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t")))
            .arg(*number);
    default: return {};
    }
}

// As the flow table shows it: "tcp (6)", and times in UTC.
QString valueText(Field field, const FieldValue &value)
{
    const auto *number = std::get_if<std::int64_t>(&value);
    if (number && field == Field::Protocol && *number >= 0 && *number <= 255) {
        const QString name = fromView(protocolName(static_cast<std::uint8_t>(*number))).toLower();
        return name.isEmpty() ? QString::number(*number) : QStringLiteral("%1 (%2)").arg(name).arg(*number);
    }
    if (number && (field == Field::Start || field == Field::End))
        return RecordDetailView::tr("%1 UTC").arg(
            QDateTime::fromSecsSinceEpoch(*number, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    return QString::fromStdString(fieldText(value));
}

} // namespace

RecordDetailView::RecordDetailView(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Field"), tr("Value"), tr("Meaning")});
    setRootIsDecorated(false);
    setAlternatingRowColors(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    showRecord(std::nullopt);
}

void RecordDetailView::setEnrichment(std::shared_ptr<const explain::InterfaceEnrichment> enrichment)
{
    auto one = std::make_shared<explain::EnrichmentTimeline>();
    if (enrichment)
        one->add(std::move(enrichment));
    setEnrichments(std::move(one));
}

void RecordDetailView::setEnrichments(std::shared_ptr<const explain::EnrichmentTimeline> enrichments)
{
    m_enrichments = std::move(enrichments);
    const std::optional<FlowRow> row = m_row;
    showRecord(row);
}

void RecordDetailView::showRecord(const std::optional<FlowRow> &row)
{
    m_row = row;
    clear();
    if (!row) {
        new QTreeWidgetItem(this, {tr("Select a record to see its fields.")});
        return;
    }
    for (const FieldInfo &info : allFields()) {
        const FieldValue &value = row->value(info.field);
        if (std::holds_alternative<std::monostate>(value))
            continue; // absent: '-' in the record, or not in its format
        new QTreeWidgetItem(this, {fromView(info.name), valueText(info.field, value), meaning(info.field, value)});
    }
    // A file's path can run to 150 characters: elided in the middle (the
    // file name stays), whole in the tooltip, so that it never pushes the
    // Meaning column, the evidence of the other rows, off screen.
    const QString path = QString::fromStdString(row->file);
    auto *file = new QTreeWidgetItem(this, {tr("file"), fontMetrics().elidedText(path, Qt::ElideMiddle, kPathWidth),
                                            tr("line %1").arg(row->line)});
    file->setToolTip(1, path);
    new QTreeWidgetItem(this, {tr("record id"), QString::number(row->id), QString()});
    const auto enrichment = m_enrichments ? m_enrichments->forRecord(*row) : nullptr;
    if (!enrichment)
        return;
    for (const explain::EnrichmentSection &section : explain::enrichmentSections(*enrichment, *row)) {
        auto *heading = new QTreeWidgetItem(this, {section.title});
        heading->setFirstColumnSpanned(true);
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);
        for (const explain::EnrichmentLine &line : section.lines)
            new QTreeWidgetItem(this, {line.label, line.value, QString()});
    }
}

} // namespace flowscope
