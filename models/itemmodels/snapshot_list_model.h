// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The configuration snapshots a case holds, oldest as-of first, for the
// window's list of them (File > Configuration Snapshots…): id, as-of, when
// loaded, files and label. Reading the list reads no file's bytes.

#include "explain/snapshot_store.h"

#include <QAbstractTableModel>

#include <vector>

namespace flowscope {

class SnapshotListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, AsOfColumn, LoadedColumn, FilesColumn, LabelColumn, ColumnCount };
    enum Role { SnapshotIdRole = Qt::UserRole + 1 }; // qint64

    using QAbstractTableModel::QAbstractTableModel;

    // Reads the list of casePath's snapshots again (none when it cannot be
    // opened: errorOccurred says why).
    void reload(const QString &casePath);
    qint64 snapshotId(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    std::vector<explain::StoredSnapshot> m_snapshots;
};

} // namespace flowscope
