// SPDX-License-Identifier: GPL-3.0-or-later
#include "findings_in_front.h"

#include "itemmodels/findings_model.h"

#include <QDockWidget>

#include <utility>

namespace flowscope {

FindingsInFront::FindingsInFront(QDockWidget *dock, FindingsModel *findings, QObject *parent)
    : QObject(parent)
    , m_dock(dock)
    , m_findings(findings)
{
    connect(findings, &FindingsModel::finished, this, &FindingsInFront::onFindingsLoaded);
    // A case that could not be read has nothing to show in front.
    connect(findings, &FindingsModel::errorOccurred, this, [this] { m_waiting = false; });
}

void FindingsInFront::caseOpened() { m_waiting = !m_savedLayout; }

void FindingsInFront::onFindingsLoaded()
{
    // The first load after the case opened: a later one (a detection run) raises the dock itself.
    if (!std::exchange(m_waiting, false))
        return;
    if (m_findings->rowCount() > 0 && !m_dock->isHidden())
        m_dock->raise();
}

} // namespace flowscope
