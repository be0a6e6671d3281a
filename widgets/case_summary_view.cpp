// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_summary_view.h"

#include "store/case_summary.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace flowscope {

namespace {
QString utc(std::int64_t epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString joined(const std::vector<std::string> &values)
{
    QStringList list;
    for (const auto &value : values)
        list << QString::fromStdString(value);
    return list.isEmpty() ? QStringLiteral("-") : list.join(QStringLiteral(", "));
}
} // namespace

CaseSummaryView::CaseSummaryView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_facts(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    m_title->setTextFormat(Qt::PlainText);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    m_facts->setColumnCount(2);
    m_facts->setHeaderLabels({tr("Property"), tr("Value")});
    m_facts->setRootIsDecorated(true);
    m_facts->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
}

void CaseSummaryView::showSummary(const QString &casePath, const CaseSummary &s)
{
    const QLocale locale;
    m_title->setText(tr("Case %1").arg(casePath));
    m_facts->clear();
    auto add = [&](const QString &name, const QString &value) {
        return new QTreeWidgetItem(m_facts, {name, value});
    };
    add(tr("Records"), locale.toString(static_cast<qulonglong>(s.records)));
    add(tr("Time range"), s.firstStart && s.lastEnd ? tr("%1 to %2").arg(utc(*s.firstStart), utc(*s.lastEnd)) : tr("-"));
    add(tr("Files"), tr("%1 imported, %2 rejected")
                         .arg(locale.toString(static_cast<qulonglong>(s.files)),
                              locale.toString(static_cast<qulonglong>(s.failedFiles))));
    add(tr("ENIs"), locale.toString(static_cast<qulonglong>(s.interfaces)));
    add(tr("Accounts"), joined(s.accounts));
    add(tr("Regions"), joined(s.regions));
    add(tr("Errors"), locale.toString(static_cast<qulonglong>(s.errors)));
    QTreeWidgetItem *formats = add(tr("Formats"), tr("%n format(s)", nullptr, static_cast<int>(s.formats.size())));
    // One file, one record: plural forms by the count (tr's %Ln takes an
    // int; a larger count is written as a number alone).
    const auto pluralCount = [](std::uint64_t n) {
        return static_cast<int>(std::min<std::uint64_t>(n, std::numeric_limits<int>::max()));
    };
    for (const FormatCount &f : s.formats) {
        const QString records = f.records > std::uint64_t(std::numeric_limits<int>::max())
            ? tr("%1 records").arg(locale.toString(static_cast<qulonglong>(f.records)))
            : tr("%Ln record(s)", nullptr, pluralCount(f.records));
        new QTreeWidgetItem(formats, {QString::fromStdString(f.delivery),
                                      tr("%1, %2: %3")
                                          .arg(tr("%Ln file(s)", nullptr, pluralCount(f.files)), records,
                                               QString::fromStdString(f.logFormat))});
    }
    formats->setExpanded(true);
}

void CaseSummaryView::showError(const QString &message)
{
    m_title->setText(message);
    m_facts->clear();
}

} // namespace flowscope
