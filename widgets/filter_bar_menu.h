// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The filter bar's drop-down: recent filters, the filters saved in the case,
// and the actions to save, remove and forget them.

#include "store/saved_filters.h"

#include <QMenu>

#include <vector>

namespace flowscope {

class FilterBarMenu : public QMenu {
    Q_OBJECT
public:
    explicit FilterBarMenu(QWidget *parent = nullptr);

    // `hasCase` false: saving is offered only with a case; `canSave`: the
    // editor holds a valid filter.
    void populate(const QStringList &history, const std::vector<SavedFilter> &saved, bool hasCase, bool canSave);

Q_SIGNALS:
    void applyRequested(const QString &expression);
    void saveRequested();
    void removeRequested(const QString &name);
    void clearHistoryRequested();
};

} // namespace flowscope
