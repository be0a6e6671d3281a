// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Marks the rules of an ExplanationRulesModel: the deciding rule bold on a
// tint mixed from the palette (red where its layer blocks, the highlight
// colour where it admits), a blocking layer bold, a near miss in italics.

#include <QStyledItemDelegate>

namespace flowscope {

class RuleHighlightDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace flowscope
