// SPDX-License-Identifier: GPL-3.0-or-later
#include "detection_settings_dialog.h"

#include "detect/detector_registry.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>

namespace flowscope {

namespace {

QTableWidgetItem *readOnly(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

DetectionSettingsDialog::DetectionSettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Detection Settings"));
    m_table->setObjectName(QStringLiteral("detectionSettings"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Detector"), tr("Setting"), tr("Value"), tr("Default"), tr("Meaning")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);

    std::map<std::string, std::string> stored;
    for (const auto &[name, value] : loadDetectorSettings())
        stored[name] = value;
    for (const DetectorType &type : detectorTypes()) {
        const auto detector = type.make(); // the parameters point into it
        for (const DetectorParameter &p : detector->parameters()) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            const QString defaultText = QString::fromStdString(p.text());
            const auto kept = stored.find(type.name + '.' + p.name);
            m_table->setItem(row, DetectorColumn, readOnly(QString::fromStdString(type.name)));
            m_table->setItem(row, SettingColumn, readOnly(QString::fromStdString(p.name)));
            m_table->setItem(row, ValueColumn,
                             new QTableWidgetItem(kept == stored.end() ? defaultText : QString::fromStdString(kept->second)));
            m_table->setItem(row, DefaultColumn, readOnly(defaultText));
            m_table->setItem(row, MeaningColumn, readOnly(QString::fromStdString(p.help)));
            m_table->item(row, DetectorColumn)->setToolTip(QString::fromStdString(type.summary));
        }
    }
    m_table->resizeColumnsToContents();
    // Values are short; the meaning takes the room left.
    for (const int column : {ValueColumn, DefaultColumn})
        m_table->setColumnWidth(column, m_table->fontMetrics().horizontalAdvance(QStringLiteral("22,11,1433,3306")));
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(highlight)"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &DetectionSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DetectionSettingsDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &DetectionSettingsDialog::restoreDefaults);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Thresholds of Run Detections. Double-click a value to change it; "
                                "byte counts take units (500MB, 2GiB)."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_table);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(900, 560);
}

DetectorSettings DetectionSettingsDialog::changes() const
{
    DetectorSettings out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString value = m_table->item(row, ValueColumn)->text().trimmed();
        if (value != m_table->item(row, DefaultColumn)->text())
            out.emplace_back(m_table->item(row, DetectorColumn)->text().toStdString() + '.'
                                 + m_table->item(row, SettingColumn)->text().toStdString(),
                             value.toStdString());
    }
    return out;
}

void DetectionSettingsDialog::accept()
{
    const DetectorSettings values = changes();
    const std::string error = detectorSettingsError(values);
    if (!error.empty()) {
        m_error->setText(tr("Not saved: %1").arg(QString::fromStdString(error)));
        m_error->show();
        return;
    }
    saveDetectorSettings(values);
    QDialog::accept();
}

void DetectionSettingsDialog::restoreDefaults()
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        m_table->item(row, ValueColumn)->setText(m_table->item(row, DefaultColumn)->text());
    m_error->hide();
}

} // namespace flowscope
