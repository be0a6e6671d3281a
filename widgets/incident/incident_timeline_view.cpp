// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident_timeline_view.h"

#include "itemmodels/incident_timeline_model.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace flowscope {

namespace {

// Severity from the entry's own choices (a finding is never info).
class SeverityDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const auto *timeline = qobject_cast<const IncidentTimelineModel *>(index.model());
        if (!timeline || index.column() != IncidentTimelineModel::SeverityColumn)
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("severityEditor"));
        combo->addItems(timeline->severityChoices(index));
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor))
            combo->setCurrentText(index.data(Qt::EditRole).toString());
        else
            QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor))
            model->setData(index, combo->currentText(), Qt::EditRole);
        else
            QStyledItemDelegate::setModelData(editor, model, index);
    }
};

} // namespace

IncidentTimelineView::IncidentTimelineView(IncidentTimelineModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_hint(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("incidentTable"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(IncidentTimelineModel::TextColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // A double-click goes to the entry; editing is F2 or a click on the selected cell.
    m_table->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->setItemDelegateForColumn(IncidentTimelineModel::SeverityColumn, new SeverityDelegate(m_table));
    connect(m_table, &QAbstractItemView::activated, this, &IncidentTimelineView::activate);

    m_hint->setObjectName(QStringLiteral("incidentHint"));
    m_hint->setWordWrap(true);
    m_hint->setContentsMargins(4, 2, 4, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_hint);
    connect(model, &QAbstractItemModel::modelReset, this, &IncidentTimelineView::updateHint);
    connect(model, &QAbstractItemModel::modelReset, m_table, [this] {
        m_table->resizeColumnsToContents();
        m_table->horizontalHeader()->setSectionResizeMode(IncidentTimelineModel::TextColumn, QHeaderView::Stretch);
    });
    updateHint();
}

void IncidentTimelineView::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QVariant record = index.data(IncidentTimelineModel::RecordIdRole);
    if (record.isValid()) {
        Q_EMIT recordRequested(record.toLongLong(), index.data(IncidentTimelineModel::TimeRole).toLongLong());
        return;
    }
    const QString filter = index.data(IncidentTimelineModel::FilterRole).toString();
    if (!filter.isEmpty()) {
        Q_EMIT filterRequested(filter, index.data(IncidentTimelineModel::ReferenceRole).toString(),
                               index.siblingAtColumn(IncidentTimelineModel::TextColumn).data().toString());
        return;
    }
    // Nowhere to go (a free note, an event on none of the case's interfaces): say so, with all of it.
    const QString text = index.siblingAtColumn(IncidentTimelineModel::TextColumn).data().toString();
    m_hint->setText(index.data(IncidentTimelineModel::KindRole).toInt() == int(incident::EntryKind::CloudTrailEvent)
                        ? tr("%1: touches none of the case's interfaces, so it has no records to show.").arg(text)
                        : tr("%1: about no record, so there is nothing to show in the table.").arg(text));
}

void IncidentTimelineView::updateHint()
{
    m_hint->setText(m_model->rowCount() > 0
                        ? tr("Double-click an entry to show it in the table; F2 edits severity, tags or a note.")
                        : tr("Nothing yet: star records in the table (Ctrl+M), tag or annotate them from its context "
                             "menu, or run detections."));
}

} // namespace flowscope
