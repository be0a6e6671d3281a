// SPDX-License-Identifier: GPL-3.0-or-later
#include "empty_case_view.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowscope {

EmptyCaseView::EmptyCaseView(QWidget *parent)
    : QWidget(parent)
{
    auto *panel = new QWidget(this);
    panel->setMaximumWidth(fontMetrics().averageCharWidth() * 72);
    auto *title = new QLabel(tr("No case open"), panel);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    title->setFont(font);
    title->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(tr("A case is one file (.flowcase) holding the flow logs of an investigation. "
                               "Create one, then import flow-log files or folders into it with File > Import, "
                               "or by dropping them onto this window."),
                            panel);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    auto *newCase = new QPushButton(tr("New Case…"), panel);
    auto *openCase = new QPushButton(tr("Open Case…"), panel);
    newCase->setDefault(true);
    connect(newCase, &QPushButton::clicked, this, &EmptyCaseView::newCaseRequested);
    connect(openCase, &QPushButton::clicked, this, &EmptyCaseView::openCaseRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(newCase);
    buttons->addWidget(openCase);
    buttons->addStretch();
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->addWidget(title);
    panelLayout->addWidget(text);
    panelLayout->addSpacing(fontMetrics().height());
    panelLayout->addLayout(buttons);

    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(panel, 4);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

} // namespace flowscope
