// SPDX-License-Identifier: GPL-3.0-or-later
#include "import_report_view.h"

#include "itemmodels/import_report_model.h"

#include <QAction>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <numeric>

namespace flowscope {

namespace {
QTableView *makeTable(QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setShowGrid(false);
    // Paths are long: keep their start and their end (the file name) in sight.
    table->setTextElideMode(Qt::ElideMiddle);
    table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + table->fontMetrics().height() / 3);
    table->horizontalHeader()->setSectionsMovable(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QWidget *pane(QLabel *caption, QTableView *table, QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    caption->setTextFormat(Qt::PlainText);
    const int margin = caption->fontMetrics().averageCharWidth();
    caption->setContentsMargins(margin, margin / 2, margin, margin / 2);
    QFont font = caption->font();
    font.setBold(true);
    caption->setFont(font);
    layout->addWidget(caption);
    layout->addWidget(table);
    return widget;
}
} // namespace

ImportReportView::ImportReportView(QWidget *parent)
    : QWidget(parent)
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_filesCaption(new QLabel(this))
    , m_errorsCaption(new QLabel(this))
    , m_files(makeTable(this))
    , m_errors(makeTable(this))
    , m_removeFile(new QAction(tr("Remove File from Case\u2026"), this))
{
    m_splitter->setObjectName(QStringLiteral("importReportSplitter"));
    m_files->setObjectName(QStringLiteral("importFilesTable"));
    m_errors->setObjectName(QStringLiteral("importErrorsTable"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(pane(m_filesCaption, m_files, m_splitter));
    m_splitter->addWidget(pane(m_errorsCaption, m_errors, m_splitter));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    m_removeFile->setObjectName(QStringLiteral("removeFileFromCase"));
    m_removeFile->setToolTip(tr("Take the file's records, with everything derived from them, out of the case"));
    m_files->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_files->addAction(m_removeFile);
    connect(m_removeFile, &QAction::triggered, this, &ImportReportView::removeCurrentFile);
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Remove File from Case"), question,
                                     QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    updateCaptions();
    updateRemoveAction();
}

QString ImportReportView::removalQuestion(const QString &path, quint64 records, const QString &casePath)
{
    // Plural forms by the count; a file of over 2^31 records is not met.
    return tr("Remove %1 from %3?\n\nIts %Ln record(s) go, with their stars, tags and notes and everything "
              "derived from them; stored detections are dropped. The case then holds what it would hold had the "
              "file never been imported.\n\n%2",
              nullptr, static_cast<int>(std::min<quint64>(records, INT_MAX)))
        .arg(QFileInfo(path).fileName(), path, QFileInfo(casePath).fileName());
}

void ImportReportView::setRemovalAllowed(bool allowed)
{
    m_removalAllowed = allowed;
    updateRemoveAction();
}

void ImportReportView::updateRemoveAction()
{
    const QModelIndex current = m_files->currentIndex();
    const bool imported = m_filesModel && current.isValid()
        && !m_filesModel->data(current, ImportFilesModel::RejectedRole).toBool();
    m_removeFile->setEnabled(m_removalAllowed && imported);
}

void ImportReportView::removeCurrentFile()
{
    updateRemoveAction();
    if (!m_removeFile->isEnabled())
        return;
    const ImportedFile &file = m_filesModel->files().at(static_cast<std::size_t>(m_files->currentIndex().row()));
    const QString path = QString::fromStdString(file.path);
    if (m_confirm && !m_confirm(removalQuestion(path, file.records, m_filesModel->casePath())))
        return;
    Q_EMIT removeFileRequested(path, QString::fromStdString(file.sha256));
}

void ImportReportView::setModels(ImportFilesModel *files, ImportErrorsModel *errors)
{
    m_filesModel = files;
    m_errorsModel = errors;
    m_files->setModel(files);
    m_errors->setModel(errors);
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(files), static_cast<QAbstractItemModel *>(errors)})
        connect(model, &QAbstractItemModel::modelReset, this, &ImportReportView::updateCaptions);
    connect(files, &QAbstractItemModel::modelReset, this, &ImportReportView::updateRemoveAction);
    connect(m_files->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ImportReportView::updateRemoveAction);
    const int charWidth = fontMetrics().averageCharWidth();
    m_files->setColumnWidth(ImportFilesModel::PathColumn, charWidth * 48);
    m_files->setColumnWidth(ImportFilesModel::StatusColumn, charWidth * 30);
    m_files->setColumnWidth(ImportFilesModel::FormatColumn, charWidth * 40);
    m_files->setColumnWidth(ImportFilesModel::Sha256Column, charWidth * 20);
    m_errors->setColumnWidth(ImportErrorsModel::FileColumn, charWidth * 48);
    m_errors->setColumnWidth(ImportErrorsModel::LineColumn, charWidth * 12);
    updateCaptions();
}

void ImportReportView::updateCaptions()
{
    const QLocale locale;
    const int files = m_filesModel ? m_filesModel->rowCount() : 0;
    const quint64 duplicates = m_filesModel ? m_filesModel->duplicateRecords() : 0;
    if (duplicates > 0)
        m_filesCaption->setText(tr("Files (%1; duplicate records not stored again: %2)")
                                    .arg(locale.toString(files), locale.toString(static_cast<qulonglong>(duplicates))));
    else
        m_filesCaption->setText(tr("Files (%1)").arg(locale.toString(files)));
    const quint64 stored = m_errorsModel ? m_errorsModel->storedCount() : 0;
    const int shown = m_errorsModel ? m_errorsModel->rowCount() : 0;
    if (stored > static_cast<quint64>(shown))
        m_errorsCaption->setText(tr("Errors (the first %1 of %2)")
                                     .arg(locale.toString(shown), locale.toString(static_cast<qulonglong>(stored))));
    else
        m_errorsCaption->setText(tr("Errors (%1)").arg(locale.toString(shown)));
    // Without errors their pane is only its caption, and the files take the room.
    QWidget *errorsPane = m_errors->parentWidget();
    const bool errorsCame = shown > 0 && m_errors->isHidden();
    m_errors->setVisible(shown > 0);
    errorsPane->setMaximumHeight(shown > 0 ? QWIDGETSIZE_MAX : errorsPane->minimumSizeHint().height());
    if (errorsCame) { // room for them again, the files keeping the larger share
        const QList<int> sizes = m_splitter->sizes();
        const int total = std::accumulate(sizes.begin(), sizes.end(), 0);
        if (total > 0)
            m_splitter->setSizes({total * 3 / 5, total * 2 / 5});
    }
}

} // namespace flowscope
