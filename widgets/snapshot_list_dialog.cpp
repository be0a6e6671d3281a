// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_list_dialog.h"

#include "itemmodels/snapshot_list_model.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace flowscope {

SnapshotListDialog::SnapshotListDialog(const QString &casePath, QWidget *parent)
    : QDialog(parent)
    , m_casePath(casePath)
    , m_model(new SnapshotListModel(this))
    , m_view(new QTableView(this))
    , m_remove(new QPushButton(tr("&Remove"), this))
{
    setWindowTitle(tr("Configuration Snapshots"));
    auto *note = new QLabel(tr("Each record is explained with the snapshot in force at its time (the newest taken at or "
                               "before it, else the oldest). Removing a snapshot removes its files from the case; the "
                               "explanations then use the snapshots left."),
                            this);
    note->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("snapshotList"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_remove->setObjectName(QStringLiteral("removeSnapshot"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_remove, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_remove, &QPushButton::clicked, this, &SnapshotListDialog::removeSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SnapshotListDialog::updateState);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SnapshotListDialog::updateState);
    connect(m_model, &SnapshotListModel::errorOccurred, this,
            [this](const QString &message) { QMessageBox::warning(this, windowTitle(), message); });
    resize(640, 300);
    reload();
}

void SnapshotListDialog::reload()
{
    m_model->reload(m_casePath);
    m_view->resizeColumnsToContents();
    updateState();
}

void SnapshotListDialog::updateState()
{
    m_remove->setEnabled(m_view->selectionModel()->hasSelection());
}

void SnapshotListDialog::removeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const qint64 id = m_model->snapshotId(rows.front().row());
    const QString label = m_model->index(rows.front().row(), SnapshotListModel::LabelColumn).data().toString();
    if (m_confirm
        && QMessageBox::question(this, windowTitle(),
                                 tr("Remove configuration snapshot %1 (%2) and its files from the case?").arg(id).arg(label))
            != QMessageBox::Yes)
        return;
    Q_EMIT removeRequested(id);
}

} // namespace flowscope
