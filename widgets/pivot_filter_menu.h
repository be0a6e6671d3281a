// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Wireshark's "Apply as Filter" and "Prepare as Filter" submenus (Selected,
// ...and Selected, ...or Selected, ...and not Selected, ...or not Selected),
// shared by the flow table and the statistics so both pivot the same way.

#include <QCoreApplication>
#include <QString>

#include <functional>

class QMenu;

namespace flowscope {

class PivotFilterMenu {
    Q_DECLARE_TR_FUNCTIONS(flowscope::PivotFilterMenu)
public:
    using CurrentFilter = std::function<QString()>;
    using Request = std::function<void(const QString &expression, bool apply)>;

    // Adds both submenus to `menu` (disabled when `term` is empty). Each action
    // combines `term` with currentFilter() and passes the result to request.
    // Object names: applyAsFilter / prepareAsFilter for the submenus, and
    // apply|prepare + Selected, AndSelected, OrSelected, AndNotSelected,
    // OrNotSelected for the actions.
    static void addTo(QMenu *menu, const QString &term, const CurrentFilter &currentFilter, const Request &request);
};

} // namespace flowscope
