// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_lists_dialog.h"

#include "dialog_folder.h"

#include "itemmodels/ioc_hits_model.h"
#include "itemmodels/ioc_lists_controller.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace flowscope {

namespace {
const QString kFolderKey = QStringLiteral("folders/iocLists");
} // namespace

IocListsDialog::IocListsDialog(IocListsController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_lists(new QTableWidget(0, 3, this))
    , m_add(new QPushButton(tr("&Add from Files…"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_hunt(new QPushButton(tr("&Hunt"), this))
    , m_hitsView(new QTableView(this))
    , m_hits(new IocHitsModel(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("IOC Lists"));
    setObjectName(QStringLiteral("iocListsDialog"));
    m_lists->setObjectName(QStringLiteral("iocLists"));
    m_lists->setHorizontalHeaderLabels({tr("List"), tr("Indicators"), tr("Files")});
    m_lists->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lists->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lists->verticalHeader()->hide();
    m_lists->horizontalHeader()->setStretchLastSection(true);
    m_hunt->setToolTip(tr("Match every record of the case against the selected lists (all lists when none is selected)"));
    m_hitsView->setObjectName(QStringLiteral("iocHits"));
    m_hitsView->setModel(m_hits);
    m_hitsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_hitsView->verticalHeader()->hide();
    m_hitsView->horizontalHeader()->setStretchLastSection(true);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("iocStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_hunt);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_lists, 1);
    layout->addLayout(buttons);
    layout->addWidget(new QLabel(tr("Hits (double-click a row to show its records):"), this));
    layout->addWidget(m_hitsView, 2);
    layout->addWidget(m_status);
    layout->addWidget(close);
    resize(860, 560);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &IocListsDialog::addFiles);
    connect(m_remove, &QPushButton::clicked, this, &IocListsDialog::removeSelected);
    connect(m_hunt, &QPushButton::clicked, this, &IocListsDialog::hunt);
    connect(m_hitsView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString filter = m_hits->filterAt(index.row());
        if (!filter.isEmpty())
            Q_EMIT filterRequested(filter);
    });
    connect(m_controller, &IocListsController::listsChanged, this, &IocListsDialog::showLists);
    connect(m_controller, &IocListsController::busyChanged, this, [this](bool busy) {
        m_add->setEnabled(!busy);
        m_remove->setEnabled(!busy);
    });
    connect(m_controller, &IocListsController::huntStarted, this, [this] { m_status->setText(tr("Hunting…")); });
    connect(m_controller, &IocListsController::huntFinished, this, &IocListsDialog::showHunt);
    connect(m_controller, &IocListsController::added, this, [this](const incident::IocAddResult &result) {
        QStringList lines;
        for (std::size_t i = 0; i < result.errors.size() && i < 50; ++i)
            lines << QString::fromStdString(result.errors[i].toString());
        if (result.errors.size() > 50)
            lines << tr("… and %1 more").arg(result.errors.size() - 50);
        m_statusIsHunt = false;
        if (!result.stored) {
            m_status->setText(tr("Nothing added: %1").arg(QString::fromStdString(result.refusal)));
        } else {
            m_status->setText(tr("@%1: %2 indicators added, %3 already in the list, %4 lines rejected.")
                                  .arg(QString::fromStdString(result.list))
                                  .arg(result.added)
                                  .arg(result.duplicates)
                                  .arg(result.errors.size()));
        }
        if (!lines.isEmpty())
            QMessageBox::warning(this, tr("Lines rejected"), lines.join(QLatin1Char('\n')));
    });
    connect(m_controller, &IocListsController::errorOccurred, this, [this](const QString &message) {
        m_statusIsHunt = false;
        m_status->setText(message);
    });
    showLists();
    // The case's stored hunt, or why the table is empty.
    showHunt(m_controller->lastHunt() ? m_controller->lastHunt()->hunt : incident::IocHunt());
}

void IocListsDialog::showHunt(const incident::IocHunt &hunt)
{
    m_statusIsHunt = true;
    m_hits->setHits(hunt.hits);
    m_hitsView->resizeColumnsToContents();
    if (!hunt.error.empty()) {
        m_status->setText(QString::fromStdString(hunt.error));
        return;
    }
    const auto &last = m_controller->lastHunt();
    if (!last) {
        m_status->setText(m_controller->lists().empty()
                              ? tr("The case has no IOC lists: add one from files, then Hunt.")
                              : tr("The lists have not been hunted on this case yet: press Hunt to match every record "
                                   "against them."));
        return;
    }
    QStringList lists;
    for (const std::string &name : last->lists)
        lists << QLatin1Char('@') + QString::fromStdString(name);
    const QLocale locale;
    m_status->setText(tr("Last hunt %1 UTC over %2: %3 of %4 indicators hit (%5 blocks read).")
                          .arg(QDateTime::fromSecsSinceEpoch(last->ranAt, QTimeZone::utc())
                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                               lists.isEmpty() ? tr("every list") : lists.join(QStringLiteral(", ")),
                               locale.toString(static_cast<qlonglong>(hunt.hits.size())),
                               locale.toString(static_cast<qlonglong>(hunt.indicators)),
                               locale.toString(static_cast<qlonglong>(hunt.blocksRead))));
}

void IocListsDialog::showLists()
{
    const std::vector<IocListRow> &lists = m_controller->lists();
    m_lists->setRowCount(static_cast<int>(lists.size()));
    for (int row = 0; row < m_lists->rowCount(); ++row) {
        const IocListRow &list = lists[static_cast<std::size_t>(row)];
        m_lists->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(list.name)));
        auto *count = new QTableWidgetItem(QLocale().toString(static_cast<qlonglong>(list.indicators)));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_lists->setItem(row, 1, count);
        m_lists->setItem(row, 2, new QTableWidgetItem(tr("%n file(s)", nullptr, static_cast<int>(list.files))));
    }
    m_lists->resizeColumnsToContents();
    m_remove->setEnabled(!lists.empty() && !m_controller->isBusy());
    m_hunt->setEnabled(!lists.empty());
    if (m_statusIsHunt) // whether lists exist to hunt changes what it says
        showHunt(m_controller->lastHunt() ? m_controller->lastHunt()->hunt : incident::IocHunt());
}

QStringList IocListsDialog::selectedNames() const
{
    QStringList names;
    for (const QModelIndex &index : m_lists->selectionModel()->selectedRows())
        names << m_lists->item(index.row(), 0)->text();
    return names;
}

QString IocListsDialog::startFolder() const
{
    return dialogStartFolder(kFolderKey, {m_controller->casePath()});
}

void IocListsDialog::addFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add IOC List Files"), startFolder(),
                                                            tr("IOC lists (*.txt *.csv *.gz *.lst);;All files (*)"));
    if (files.isEmpty())
        return;
    rememberDialogFolder(kFolderKey, files.constFirst());
    const QStringList selected = selectedNames();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("IOC List Name"),
                                               tr("Add to the list (filters name it @name):"), QLineEdit::Normal,
                                               selected.isEmpty() ? QString() : selected.front(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    m_status->setText(tr("Adding %n file(s) to @%1…", nullptr, static_cast<int>(files.size())).arg(name));
    m_controller->addFiles(name, files);
}

void IocListsDialog::removeSelected()
{
    for (const QString &name : selectedNames())
        m_controller->remove(name);
}

void IocListsDialog::hunt() { m_controller->hunt(selectedNames()); }

} // namespace flowscope
