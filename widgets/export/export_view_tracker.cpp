// SPDX-License-Identifier: GPL-3.0-or-later
#include "export_view_tracker.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDockWidget>

namespace flowscope {

ExportViewTracker::ExportViewTracker(QObject *parent)
    : QObject(parent)
{
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { onFocusChanged(now); });
}

void ExportViewTracker::addView(QWidget *view, QDockWidget *dock)
{
    m_views.emplace_back(view);
    connect(dock, &QDockWidget::visibilityChanged, this, [this, view = QPointer<QWidget>(view)](bool visible) {
        if (visible && view)
            m_last = view;
        Q_EMIT changed(); // shown or hidden, the view on screen may be another
    });
}

void ExportViewTracker::setRecordsView(QAbstractItemView *table)
{
    m_records = table;
    connect(table, &QAbstractItemView::pressed, this, [this, table] {
        m_last = table;
        Q_EMIT changed();
    });
}

void ExportViewTracker::onFocusChanged(QWidget *now)
{
    // The flow table gets the focus also when a dock tab is clicked: only a click on it counts.
    for (const QPointer<QWidget> &view : m_views)
        if (view && now && (view == now || view->isAncestorOf(now)) && m_last != view) {
            m_last = view;
            Q_EMIT changed();
        }
}

QWidget *ExportViewTracker::current() const
{
    if (m_last && m_last->isVisible() && !m_last->visibleRegion().isEmpty())
        return m_last;
    return m_records;
}

} // namespace flowscope
