// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_load_dialog.h"

#include "go_to_time_dialog.h"

#include "explain/snapshot_loader.h"
#include "explain/snapshot_timeline.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowscope {

SnapshotLoadDialog::SnapshotLoadDialog(const QString &startFolder, QWidget *parent)
    : QDialog(parent)
    , m_folder(startFolder)
    , m_paths(new QListWidget(this))
    , m_asOf(new QLineEdit(this))
    , m_label(new QLineEdit(this))
    , m_asOfNote(new QLabel(this))
    , m_distanceNote(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Load Configuration Snapshot"));
    auto *intro = new QLabel(tr("The JSON that aws ec2 describe-security-groups, describe-network-acls, "
                                "describe-network-interfaces, describe-subnets, describe-vpcs, describe-route-tables, "
                                "describe-instances, describe-security-group-rules, describe-prefix-lists, "
                                "describe-managed-prefix-lists and get-managed-prefix-list-entries "
                                "print (.json or .json.gz, any names). The snapshot is stored in the case; a bad file "
                                "refuses it whole."),
                             this);
    intro->setWordWrap(true);
    m_paths->setObjectName(QStringLiteral("snapshotPaths"));
    m_paths->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto *addFiles = new QPushButton(tr("Add &Files…"), this);
    auto *addFolder = new QPushButton(tr("Add F&older…"), this);
    auto *remove = new QPushButton(tr("&Remove"), this);
    auto *pathButtons = new QVBoxLayout;
    pathButtons->addWidget(addFiles);
    pathButtons->addWidget(addFolder);
    pathButtons->addWidget(remove);
    pathButtons->addStretch(1);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_paths, 1);
    pathRow->addLayout(pathButtons);

    m_asOf->setObjectName(QStringLiteral("snapshotAsOf"));
    m_asOf->setPlaceholderText(tr("the newest file's modification time"));
    m_label->setObjectName(QStringLiteral("snapshotLabel"));
    m_label->setPlaceholderText(tr("the names of the files and folders"));
    m_asOfNote->setObjectName(QStringLiteral("snapshotAsOfNote"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Taken at:"), m_asOf);
    form->addRow(QString(), m_asOfNote);
    m_distanceNote->setObjectName(QStringLiteral("snapshotDistanceNote"));
    m_distanceNote->setWordWrap(true);
    m_distanceNote->setStyleSheet(QStringLiteral("font-weight: bold"));
    m_distanceNote->hide();
    form->addRow(QString(), m_distanceNote);
    form->addRow(tr("&Label:"), m_label);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Load"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(pathRow, 1);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    resize(640, 440);

    connect(addFiles, &QPushButton::clicked, this, &SnapshotLoadDialog::addFiles);
    connect(addFolder, &QPushButton::clicked, this, &SnapshotLoadDialog::addFolder);
    connect(remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_paths->selectedItems());
        updateState();
    });
    connect(m_asOf, &QLineEdit::textChanged, this, &SnapshotLoadDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

void SnapshotLoadDialog::addPaths(const QStringList &paths)
{
    for (const QString &path : paths)
        if (m_paths->findItems(path, Qt::MatchExactly).isEmpty())
            m_paths->addItem(path);
    updateState();
}

void SnapshotLoadDialog::setAsOfText(const QString &text) { m_asOf->setText(text); }

void SnapshotLoadDialog::setLabel(const QString &label) { m_label->setText(label); }

void SnapshotLoadDialog::setCaseName(const QString &caseName)
{
    setWindowTitle(caseName.isEmpty() ? tr("Load Configuration Snapshot")
                                      : tr("Load Configuration Snapshot into %1").arg(caseName));
    m_buttons->button(QDialogButtonBox::Ok)->setText(caseName.isEmpty() ? tr("&Load") : tr("&Load into %1").arg(caseName));
}

void SnapshotLoadDialog::setCaseRecords(std::optional<qint64> first, std::optional<qint64> last)
{
    m_firstRecord = first;
    m_lastRecord = last;
    updateState();
}

std::optional<SnapshotLoadRequest> SnapshotLoadDialog::request() const
{
    if (m_paths->count() == 0)
        return std::nullopt;
    SnapshotLoadRequest request;
    for (int row = 0; row < m_paths->count(); ++row)
        request.paths << m_paths->item(row)->text();
    if (!m_asOf->text().trimmed().isEmpty()) {
        request.asOf = parseGoToTime(m_asOf->text());
        if (!request.asOf)
            return std::nullopt;
    }
    request.label = m_label->text().trimmed();
    return request;
}

void SnapshotLoadDialog::addFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add describe-* Files"), m_folder,
                                                            tr("AWS CLI JSON (*.json *.json.gz);;All files (*)"));
    if (files.isEmpty())
        return;
    m_folder = QFileInfo(files.constFirst()).absolutePath();
    addPaths(files);
}

void SnapshotLoadDialog::addFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a Folder of describe-* Files"), m_folder);
    if (folder.isEmpty())
        return;
    m_folder = folder;
    addPaths({folder});
}

void SnapshotLoadDialog::updateState()
{
    const bool timeGiven = !m_asOf->text().trimmed().isEmpty();
    const bool timeValid = !timeGiven || parseGoToTime(m_asOf->text()).has_value();
    m_asOfNote->setText(timeValid ? tr("ISO 8601, UTC unless a zone is given, e.g. 2026-03-01T09:00:00Z")
                                  : tr("'%1' is not a time.").arg(m_asOf->text().trimmed()));
    const auto chosen = request();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(chosen.has_value());
    // The time defaults to the files' modification time, which may be long after the records.
    QString distance;
    if (chosen) {
        const QDateTime asOf = chosen->asOf ? QDateTime::fromSecsSinceEpoch(*chosen->asOf, Qt::UTC)
                                            : explain::newestFileTime(chosen->paths);
        distance = explain::snapshotDistanceNote(asOf, m_firstRecord, m_lastRecord);
        if (!distance.isEmpty())
            distance = tr("Warning: %1 (%2). Give the time it was taken above if you know it.")
                           .arg(distance, asOf.toString(Qt::ISODate));
    }
    m_distanceNote->setText(distance);
    m_distanceNote->setVisible(!distance.isEmpty());
}

std::optional<SnapshotLoadRequest> askSnapshotLoad(QWidget *parent, QString &folder, const QString &caseName,
                                                   std::optional<qint64> firstRecord, std::optional<qint64> lastRecord)
{
    SnapshotLoadDialog dialog(folder, parent);
    dialog.setCaseName(caseName);
    dialog.setCaseRecords(firstRecord, lastRecord);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    folder = dialog.lastFolder();
    return accepted ? dialog.request() : std::nullopt;
}

} // namespace flowscope
