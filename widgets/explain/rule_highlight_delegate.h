// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Marks the rules of an ExplanationRulesModel: what denied the packet (the
// deciding rule of a blocking layer, or a blocking group layer) bold on the
// palette's reject tint, the only strong mark; a blocking layer bold, a near
// miss in italics. A row spanned across the view shows its one line of text
// (LineRole), wrapped to the view's width, a group's rules indented under it:
// a narrow panel shows every rule whole, one under the other.

#include <QStyledItemDelegate>

namespace flowscope {

class RuleHighlightDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // Public for tests: the look an index gets.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    // The width a spanned row's line wraps to (0: not a spanned row).
    int lineWidth(const QModelIndex &index) const;
    // How far a group's rule is set in under its group.
    int groupIndent() const;
};

} // namespace flowscope
