// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Starring, tagging and annotating records from the flow table: Star or
// Unstar (Ctrl+M, as Wireshark marks packets) for the selected rows, Tag…
// and Add Note… in the table's context menu, written to the case through
// the RecordMarksController; the table's stars follow the case's.

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QAction;
class QWidget;

namespace flowscope {

class FlowTableView;
class RecordMarksController;

class RecordMarkActions : public QObject {
    Q_OBJECT
public:
    // Asks the analyst for a text (tags on one line, a note on several);
    // nullopt when cancelled.
    using TextPrompt = std::function<std::optional<QString>(QWidget *parent, const QString &title,
                                                           const QString &label, bool multiLine)>;

    RecordMarkActions(FlowTableView *view, RecordMarksController *marks, QObject *parent = nullptr);

    QAction *starAction() const { return m_star; }
    QAction *tagAction() const { return m_tag; }
    QAction *noteAction() const { return m_note; }
    // For tests: answers instead of a dialog.
    void setTextPrompt(TextPrompt prompt) { m_prompt = std::move(prompt); }

    // The records of the selected rows (the current row's when none is
    // selected), in row order; rows still loading are left out.
    QList<qint64> selectedRecords() const;

    // Tags as typed: separated by commas or white space.
    static QStringList splitTags(const QString &text);

private:
    void updateActions();
    void toggleStar();
    void tagSelected();
    void annotateCurrent();
    QString recordText(qint64 record) const;
    void returnFocusToTable();

    FlowTableView *m_view;
    RecordMarksController *m_marks;
    QAction *m_star;
    QAction *m_tag;
    QAction *m_note;
    TextPrompt m_prompt;
};

} // namespace flowscope
