// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_mark_actions.h"

#include "flow_table_view.h"
#include "itemmodels/flow_table_model.h"
#include "itemmodels/record_identity.h"
#include "itemmodels/record_marks_controller.h"

#include <QAction>
#include <QInputDialog>
#include <QLineEdit>
#include <QItemSelectionModel>
#include <QRegularExpression>

#include <algorithm>

namespace flowscope {

namespace {

std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label, bool multiLine)
{
    bool ok = false;
    const QString text = multiLine ? QInputDialog::getMultiLineText(parent, title, label, {}, &ok)
                                   : QInputDialog::getText(parent, title, label, QLineEdit::Normal, {}, &ok);
    if (!ok)
        return std::nullopt;
    return text;
}

} // namespace

RecordMarkActions::RecordMarkActions(FlowTableView *view, RecordMarksController *marks, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_marks(marks)
    , m_star(new QAction(tr("&Star"), view))
    , m_tag(new QAction(tr("&Tag…"), view))
    , m_note(new QAction(tr("Add &Note…"), view))
    , m_prompt(askText)
{
    m_star->setObjectName(QStringLiteral("starRecords"));
    m_star->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_star->setShortcutContext(Qt::WidgetWithChildrenShortcut); // the table's, as Wireshark's packet list
    m_star->setStatusTip(tr("Star the selected records for the incident timeline, or unstar them"));
    m_tag->setObjectName(QStringLiteral("tagRecords"));
    m_tag->setStatusTip(tr("Give the selected records tags (filter them with tag == \"name\")"));
    m_note->setObjectName(QStringLiteral("noteRecord"));
    m_note->setStatusTip(tr("Write a note on the current record for the incident timeline"));
    view->addAction(m_star);
    for (QAction *action : {m_star, m_tag, m_note})
        view->addCellMenuAction(action);
    connect(m_star, &QAction::triggered, this, &RecordMarkActions::toggleStar);
    connect(m_tag, &QAction::triggered, this, &RecordMarkActions::tagSelected);
    connect(m_note, &QAction::triggered, this, &RecordMarkActions::annotateCurrent);

    // The table's stars follow the case's; the actions follow the selection.
    connect(marks, &RecordMarksController::marksChanged, this, [this] {
        if (auto *flows = qobject_cast<FlowTableModel *>(m_view->model()))
            flows->setStarredRecords(m_marks->starredRecords());
        updateActions();
    });
    if (auto *flows = qobject_cast<FlowTableModel *>(view->model())) {
        flows->setStarredRecords(marks->starredRecords());
        connect(flows, &FlowTableModel::pageLoaded, this, &RecordMarkActions::updateActions);
        connect(flows, &QAbstractItemModel::modelReset, this, &RecordMarkActions::updateActions);
    }
    if (view->selectionModel()) {
        connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RecordMarkActions::updateActions);
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, &RecordMarkActions::updateActions);
    }
    updateActions();
}

QList<qint64> RecordMarkActions::selectedRecords() const
{
    QList<qint64> records;
    if (!m_view->model() || !m_view->selectionModel())
        return records;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows << m_view->currentIndex();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &row : rows) {
        const QVariant id = row.siblingAtColumn(0).data(FlowTableModel::RecordIdRole);
        if (id.isValid())
            records << id.toLongLong();
    }
    return records;
}

QStringList RecordMarkActions::splitTags(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

void RecordMarkActions::updateActions()
{
    const QList<qint64> records = selectedRecords();
    const bool any = !records.isEmpty() && !m_marks->casePath().isEmpty();
    m_star->setText(m_marks->allStarred(records) ? tr("Un&star") : tr("&Star"));
    m_star->setEnabled(any);
    m_tag->setEnabled(any);
    m_note->setEnabled(any);
}

void RecordMarkActions::toggleStar()
{
    m_marks->toggleStar(selectedRecords());
}

void RecordMarkActions::tagSelected()
{
    const QList<qint64> records = selectedRecords();
    if (records.isEmpty())
        return;
    const auto text = m_prompt(m_view, tr("Tag Records"),
                               tr("Tags for %n record(s), separated by commas (letters, digits and - _ . : /):", nullptr,
                                  int(records.size())),
                               false);
    returnFocusToTable();
    if (!text)
        return;
    const QStringList tags = splitTags(*text);
    if (!tags.isEmpty())
        m_marks->addTags(records, tags);
}

void RecordMarkActions::annotateCurrent()
{
    const QList<qint64> records = selectedRecords();
    if (records.isEmpty())
        return;
    // The current record when it is among the selected, else the first of them.
    const QVariant current = m_view->currentIndex().siblingAtColumn(0).data(FlowTableModel::RecordIdRole);
    const qint64 record = current.isValid() && records.contains(current.toLongLong()) ? current.toLongLong()
                                                                                      : records.constFirst();
    const auto text = m_prompt(m_view, tr("Add Note"), tr("Note on %1:").arg(recordText(record)), true);
    returnFocusToTable();
    if (text && !text->trimmed().isEmpty())
        m_marks->addNote(record, text->trimmed());
}

QString RecordMarkActions::recordText(qint64 record) const
{
    // The record as the table shows it (row, start, interface, flow, action); the store's id stays internal.
    const auto *flows = qobject_cast<const FlowTableModel *>(m_view->model());
    if (!flows)
        return tr("the record");
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    rows << m_view->currentIndex();
    for (const QModelIndex &row : std::as_const(rows)) {
        if (!row.isValid() || row.siblingAtColumn(0).data(FlowTableModel::RecordIdRole).toLongLong() != record)
            continue;
        const std::optional<FlowRow> flow = flows->recordAt(row.row());
        if (!flow)
            break;
        const qint64 tableRow = flows->headerData(row.row(), Qt::Vertical).toLongLong();
        const QString action = row.siblingAtColumn(0).data(FlowTableModel::ActionRole).toString();
        const QString text = RecordIdentity::fromRow(*flow, tableRow).text();
        return action.isEmpty() ? text : tr("%1 %2").arg(text, action);
    }
    return tr("the record");
}

// A closed dialog hands the keyboard back to the table, so the window's
// shortcuts (Ctrl+M, Ctrl+Shift+M) work at once, even where no window
// manager activates the window again.
void RecordMarkActions::returnFocusToTable()
{
    m_view->activateWindow();
    m_view->setFocus(Qt::OtherFocusReason);
}

} // namespace flowscope
