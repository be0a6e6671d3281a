// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The incident timeline of a case as a table for the Incident Timeline dock:
// entries in time order with kind, time, severity, tags and text; severity,
// tags (comma-separated) and a note's text are edited in place and written
// to the case at once, the entries read again right after (entriesEdited()).
// reload() after stars, tags or notes change elsewhere.
// The case's findings are entries too: their severity is edited, their tags
// and title are the detector's.

#include "incident/incident_entry.h"

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>

#include <vector>

namespace flowscope {

class IncidentTimelineModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, SeverityColumn, TagsColumn, TextColumn, AuthorColumn, ColumnCount };
    enum Role {
        RecordIdRole = Qt::UserRole + 1, // qint64, or invalid for an entry without a record
        TimeRole,                        // qint64 epoch seconds, or invalid when undated
        KindRole,                        // int, incident::EntryKind
        FilterRole,                      // QString: the filter showing a finding's evidence; empty for others
        ReferenceRole,                   // QString: a finding's name ("port-scan-1"); empty for others
        SeverityRole,                    // int, incident::Severity
    };

    explicit IncidentTimelineModel(QObject *parent = nullptr);

    // Reads the case's entries (no case when empty). `author` signs marks
    // made through edits of records not yet marked.
    void setCase(const QString &casePath, const QString &author);
    QString casePath() const { return m_casePath; }
    void reload();
    // The severities an entry may take, in order (a finding is never info).
    QStringList severityChoices(const QModelIndex &index) const;
    const std::vector<incident::IncidentEntry> &entries() const { return m_entries; }
    // An author as the Author column shows it: a principal's ARN by its
    // user or role name ("alice", "admin/alice" for an assumed role's
    // session, "root"); the full ARN is the cell's tooltip. Others as they are.
    static QString shortAuthor(const QString &author);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void errorOccurred(const QString &message);
    // The case's entries changed through an edit here (stars and tags the
    // table and the filter bar show).
    void entriesEdited();

private:
    QString m_casePath;
    QString m_author;
    std::vector<incident::IncidentEntry> m_entries;
    bool m_reloadQueued = false;
};

} // namespace flowscope
