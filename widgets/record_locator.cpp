// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_locator.h"

#include "flow_table_view.h"
#include "itemmodels/flow_table_model.h"

#include <QItemSelectionModel>

namespace flowscope {

RecordLocator::RecordLocator(FlowTableView *view, FlowTableModel *model, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_model(model)
{
    connect(m_model, &FlowTableModel::rowOfTimeFound, this, &RecordLocator::onRowOfTime);
    connect(m_model, &FlowTableModel::pageLoaded, this, [this] {
        if (m_target && m_target->row >= 0)
            search();
    });
    // A new filter, order or case: the rows looked at are gone.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_target && m_target->row >= 0 && !m_model->isGrowing())
            m_target.reset();
    });
}

void RecordLocator::goTo(qint64 recordId, qint64 start)
{
    m_target = Target{recordId, start, -1, -1};
    m_model->findRowOfTime(start); // back to time order if sorted by another column
}

void RecordLocator::onRowOfTime(qint64 epoch, int row)
{
    if (!m_target || m_target->row >= 0 || epoch != m_target->start)
        return;
    if (row < 0 || row >= m_model->rowCount()) {
        const qint64 id = m_target->id;
        m_target.reset();
        Q_EMIT notFound(id);
        return;
    }
    m_target->row = row;
    m_target->firstRow = row;
    search();
}

// The rows of one start time are consecutive in time order, earliest or
// latest first: the record is among them when the filter keeps it.
void RecordLocator::search()
{
    while (m_target) {
        const int row = m_target->row;
        if (row >= m_model->rowCount() || row - m_target->firstRow > kRowsToSearch)
            break;
        const QModelIndex index = m_model->index(row, 0);
        if (index.data(FlowTableModel::LoadingRole).toBool())
            return; // asked for its page: pageLoaded() comes back here
        const auto record = m_model->recordAt(row);
        const auto *start = record ? std::get_if<std::int64_t>(&record->value(Field::Start)) : nullptr;
        if (!record || !start || *start != m_target->start)
            break;
        if (record->id == m_target->id) {
            const qint64 id = m_target->id;
            m_target.reset();
            m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                                 | QItemSelectionModel::Rows);
            Q_EMIT found(id, row);
            return;
        }
        ++m_target->row;
    }
    if (m_target) {
        const qint64 id = m_target->id;
        m_target.reset();
        Q_EMIT notFound(id);
    }
}

} // namespace flowscope
