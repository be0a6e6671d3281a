// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Marks the rules of an ExplanationRulesModel: what denied the packet (the
// deciding rule of a blocking layer, or a blocking group layer) bold on the
// palette's reject tint, the only strong mark; a blocking layer bold, a near
// miss in italics.

#include <QStyledItemDelegate>

namespace flowscope {

class RuleHighlightDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // Public for tests: the look an index gets.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace flowscope
