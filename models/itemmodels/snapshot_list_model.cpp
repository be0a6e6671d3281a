// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_list_model.h"

#include "store/case_db.h"

namespace flowscope {

void SnapshotListModel::reload(const QString &casePath)
{
    std::vector<explain::StoredSnapshot> snapshots;
    QString error;
    if (!casePath.isEmpty()) {
        try {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
            snapshots = explain::listSnapshots(*caseDb);
        } catch (const std::exception &failure) {
            error = QString::fromLocal8Bit(failure.what());
        }
    }
    beginResetModel();
    m_snapshots = std::move(snapshots);
    endResetModel();
    if (!error.isEmpty())
        Q_EMIT errorOccurred(error);
}

qint64 SnapshotListModel::snapshotId(int row) const
{
    return row >= 0 && row < rowCount() ? m_snapshots[static_cast<std::size_t>(row)].id : 0;
}

int SnapshotListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_snapshots.size());
}

int SnapshotListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SnapshotListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const explain::StoredSnapshot &snapshot = m_snapshots[static_cast<std::size_t>(index.row())];
    if (role == SnapshotIdRole)
        return snapshot.id;
    if (role == Qt::ToolTipRole && index.column() == FilesColumn) {
        QStringList paths;
        for (const explain::SnapshotFile &file : snapshot.files)
            paths << file.path;
        return paths.join(u'\n');
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn: return snapshot.id;
    case AsOfColumn: return snapshot.asOf.toUTC().toString(Qt::ISODate);
    case LoadedColumn: return snapshot.loadedAt.toUTC().toString(Qt::ISODate);
    case FilesColumn: return static_cast<qlonglong>(snapshot.files.size());
    case LabelColumn: return snapshot.label;
    }
    return {};
}

QVariant SnapshotListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("Id");
    case AsOfColumn: return tr("As of (UTC)");
    case LoadedColumn: return tr("Loaded (UTC)");
    case FilesColumn: return tr("Files");
    case LabelColumn: return tr("Label");
    }
    return {};
}

} // namespace flowscope
