// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The import report of a case as two tables: every file (imported, or
// rejected as a whole) and every stored error with its file and line.
// Read from the case's import log (models/store/import_log.h); reload()
// after an import.

#include "store/import_log.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace flowscope {

class ImportFilesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PathColumn, StatusColumn, DeliveryColumn, FormatColumn, RecordsColumn, DuplicatesColumn,
                  ErrorsColumn, TruncatedColumn, Sha256Column, ImportedAtColumn, ColumnCount };
    enum Role { RejectedRole = Qt::UserRole + 1 }; // bool: the file was not imported at all

    explicit ImportFilesModel(QObject *parent = nullptr);

    // Reads the case's files (no case when empty).
    void setCase(const QString &casePath);
    QString casePath() const { return m_casePath; }
    void reload();

    const std::vector<ImportedFile> &files() const { return m_files; }
    // Records the files held that other files had brought first (not stored again).
    quint64 duplicateRecords() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    QString m_casePath;
    std::vector<ImportedFile> m_files;
};

class ImportErrorsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FileColumn, LineColumn, ReasonColumn, ColumnCount };
    // The table holds at most this many errors; storedCount() says how many the case has.
    static constexpr int kMaxRows = 100000;

    explicit ImportErrorsModel(QObject *parent = nullptr);

    void setCase(const QString &casePath);
    QString casePath() const { return m_casePath; }
    void reload();

    const std::vector<ImportErrorEntry> &errors() const { return m_errors; }
    quint64 storedCount() const { return m_storedCount; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    QString m_casePath;
    std::vector<ImportErrorEntry> m_errors;
    quint64 m_storedCount = 0;
};

} // namespace flowscope
