// SPDX-License-Identifier: GPL-3.0-or-later
#include "rule_highlight_delegate.h"

#include "itemmodels/explanation_rules_model.h"
#include "reject_row_delegate.h"

#include <QPalette>

namespace flowscope {

namespace {
QColor mixed(const QColor &base, const QColor &hue, float weight)
{
    return QColor::fromRgbF(base.redF() * (1 - weight) + hue.redF() * weight,
                            base.greenF() * (1 - weight) + hue.greenF() * weight,
                            base.blueF() * (1 - weight) + hue.blueF() * weight);
}
} // namespace

void RuleHighlightDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool layer = !index.parent().isValid();
    const bool blocking = (layer ? index : index.parent()).data(ExplanationRulesModel::BlockingRole).toBool();
    if (layer && blocking)
        option->font.setBold(true);
    if (index.data(ExplanationRulesModel::DecidingRole).toBool()) {
        option->font.setBold(true);
        option->backgroundBrush = blocking ? RejectRowDelegate::rejectTint(option->palette)
                                           : mixed(option->palette.color(QPalette::Base),
                                                   option->palette.color(QPalette::Highlight), 0.25f);
    }
    if (index.data(ExplanationRulesModel::NearMissRole).toBool())
        option->font.setItalic(true);
}

} // namespace flowscope
