// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the analyst marks on records from the window, written to the case at
// once: stars (Ctrl+M), tags and notes. Keeps the case's starred records for
// the flow table and its stars and tags for the filter bar, read again after
// every change (they are few: what the analyst marked).

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace flowscope {

class RecordMarks;

class RecordMarksController : public QObject {
    Q_OBJECT
public:
    explicit RecordMarksController(QObject *parent = nullptr);
    ~RecordMarksController() override;

    // The case (none when empty) and who signs what is marked.
    void setCase(const QString &casePath, const QString &author);
    QString casePath() const { return m_casePath; }
    QString author() const { return m_author; }
    // Reads the case's stars and tags again (after they changed elsewhere).
    void reload();

    const QSet<qint64> &starredRecords() const { return m_starred; }
    bool isStarred(qint64 record) const { return m_starred.contains(record); }
    // True when every one of `records` is starred (a toggle then unstars).
    bool allStarred(const QList<qint64> &records) const;
    // The stars and tags as the filter language reads them (never null).
    std::shared_ptr<const RecordMarks> recordMarks() const { return m_marks; }

    // Each returns false and reports errorOccurred() when nothing was
    // written (no case, a read-only case, an unknown record, a bad tag).
    // Stars them all, or unstars them all when all are starred.
    bool toggleStar(const QList<qint64> &records);
    bool addTags(const QList<qint64> &records, const QStringList &tags);
    bool addNote(qint64 record, const QString &text);

Q_SIGNALS:
    void marksChanged();
    void errorOccurred(const QString &message);

private:
    QString m_casePath;
    QString m_author;
    QSet<qint64> m_starred;
    std::shared_ptr<const RecordMarks> m_marks;
};

} // namespace flowscope
