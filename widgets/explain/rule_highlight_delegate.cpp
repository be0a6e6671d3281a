// SPDX-License-Identifier: GPL-3.0-or-later
#include "rule_highlight_delegate.h"

#include "itemmodels/explanation_rules_model.h"
#include "reject_row_delegate.h"

#include <QPalette>

namespace flowscope {

void RuleHighlightDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool layer = !index.parent().isValid();
    const bool blocking = (layer ? index : index.parent()).data(ExplanationRulesModel::BlockingRole).toBool();
    if (layer && blocking)
        option->font.setBold(true);
    // One strong mark only: what denied the packet. A rule that let it through elsewhere says so in its note.
    if (blocking && index.data(ExplanationRulesModel::DecidingRole).toBool()) {
        option->font.setBold(true);
        option->backgroundBrush = RejectRowDelegate::rejectTint(option->palette);
    }
    if (index.data(ExplanationRulesModel::NearMissRole).toBool())
        option->font.setItalic(true);
}

} // namespace flowscope
