// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Marks the rules of an ExplanationRulesModel: what denied the packet (the
// deciding rule of a blocking layer, or a blocking group layer) bold on the
// palette's reject tint, the only strong mark; a blocking layer bold, a near
// miss in italics. A layer's sentence, spanned across its row, wraps to the
// view's width: a narrow panel shows all of it.

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
    // The width a layer's sentence wraps to (0: not a spanned layer row).
    int sentenceWidth(const QModelIndex &index) const;
};

} // namespace flowscope
