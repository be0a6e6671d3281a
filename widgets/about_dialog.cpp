// SPDX-License-Identifier: GPL-3.0-or-later
#include "about_dialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace flowscope {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Flowscope"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize) * 2;
    icon->setPixmap(QApplication::windowIcon().pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);
    auto *title = new QLabel(this);
    title->setTextFormat(Qt::RichText);
    title->setText(QStringLiteral("<h2>%1</h2><p>%2</p><p>%3</p>")
                       .arg(versionText().toHtmlEscaped(),
                            tr("An investigation workbench for AWS VPC Flow Logs.").toHtmlEscaped(),
                            tr("Built with Qt %1, running on Qt %2.")
                                .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()))
                                .toHtmlEscaped()));
    top->addWidget(icon);
    top->addWidget(title, 1);
    auto *license = new QLabel(this);
    license->setTextFormat(Qt::RichText);
    license->setWordWrap(true);
    license->setOpenExternalLinks(true);
    license->setTextInteractionFlags(Qt::TextBrowserInteraction);
    license->setText(licenseText());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    connect(aboutQt, &QPushButton::clicked, this, [] { QApplication::aboutQt(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addLayout(top);
    layout->addWidget(license);
    layout->addWidget(buttons);
    setMaximumWidth(fontMetrics().averageCharWidth() * 90);
}

QString AboutDialog::versionText() { return tr("Flowscope %1").arg(QStringLiteral(FLOWSCOPE_VERSION)); }

QString AboutDialog::licenseText()
{
    return tr("<p>This program is free software: you can redistribute it and/or modify it under the terms of "
              "the GNU General Public License as published by the Free Software Foundation, either version 3 "
              "of the License, or (at your option) any later version.</p>"
              "<p>This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; "
              "without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. "
              "See the GNU General Public License for more details.</p>"
              "<p>You should have received a copy of the GNU General Public License along with this program. "
              "If not, see <a href=\"https://www.gnu.org/licenses/\">https://www.gnu.org/licenses/</a>.</p>"
              "<p>The timeline uses QCustomPlot by Emanuel Eichhammer, licensed under the GNU General Public "
              "License version 3.</p>");
}

} // namespace flowscope
