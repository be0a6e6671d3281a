// SPDX-License-Identifier: GPL-3.0-or-later
#include "rule_highlight_delegate.h"

#include "itemmodels/explanation_rules_model.h"
#include "reject_row_delegate.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QTreeView>

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
    if (layer)
        option->features |= QStyleOptionViewItem::WrapText;
}

int RuleHighlightDelegate::sentenceWidth(const QModelIndex &index) const
{
    const auto *tree = qobject_cast<const QTreeView *>(parent());
    if (index.parent().isValid() || index.column() != 0 || !tree || !tree->isFirstColumnSpanned(index.row(), {}))
        return 0;
    // The visible width after the branch indicator, not the columns' total: they may scroll sideways.
    return std::max(0, tree->viewport()->width() - (tree->rootIsDecorated() ? tree->indentation() : 0));
}

QSize RuleHighlightDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize hint = QStyledItemDelegate::sizeHint(option, index);
    const int width = sentenceWidth(index);
    if (width <= 0)
        return hint;
    QStyleOptionViewItem wrapped = option;
    initStyleOption(&wrapped, index);
    const QFontMetrics metrics(wrapped.font);
    const int margin = 2 * (QApplication::style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr) + 1);
    const QRect text = metrics.boundingRect(QRect(0, 0, width - margin, 1 << 20), Qt::TextWordWrap, wrapped.text);
    return {std::min(hint.width(), width), std::max(hint.height(), hint.height() - metrics.height() + text.height())};
}

void RuleHighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *tree = qobject_cast<const QTreeView *>(parent());
    const int width = sentenceWidth(index) > 0 ? tree->viewport()->width() - std::max(0, option.rect.left()) : 0;
    if (width <= 0 || option.rect.width() <= width)
        return QStyledItemDelegate::paint(painter, option, index);
    QStyleOptionViewItem visible = option;
    visible.rect.setWidth(width); // wrapped within what the view shows
    QStyledItemDelegate::paint(painter, visible, index);
}

} // namespace flowscope
