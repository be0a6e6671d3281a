// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Paints the rows a model marks as rejected (FlowTableModel::RejectedRole),
// or as matching an IOC list (IocHitRole, in purple), and puts a star at the
// start of a starred row (StarredRole),
// on a red tint mixed from the view's palette, so the rule reads on the
// light and the dark theme alike and the text keeps its contrast. A
// selected row keeps the selection's colour.

#include <QColor>
#include <QIcon>
#include <QStyledItemDelegate>

class QPalette;

namespace flowscope {

class RejectRowDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The tint of a rejected row over `palette`'s base (or alternate base).
    static QColor rejectTint(const QPalette &palette, bool alternate = false);
    // The REJECT red itself, for lines and marks over `palette`'s base
    // (lighter over a dark base, to stand out as much).
    static QColor rejectColour(const QPalette &palette);
    // The tint of a row that matches the case's IOC lists (FlowTableModel::IocHitRole),
    // which wins over the reject tint: a hit is what the analyst hunts for.
    static QColor iocHitTint(const QPalette &palette, bool alternate = false);
    // The star drawn at the start of a starred row (FlowTableModel::StarredRole).
    static QIcon starIcon();

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace flowscope
