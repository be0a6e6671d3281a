// SPDX-License-Identifier: GPL-3.0-or-later
#include "rule_highlight_delegate.h"

#include "itemmodels/explanation_rules_model.h"
#include "reject_row_delegate.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QTreeView>

namespace flowscope {

namespace {

int depthOf(QModelIndex index)
{
    int depth = 0;
    while (index.parent().isValid()) {
        index = index.parent();
        ++depth;
    }
    return depth;
}

} // namespace

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
    if (lineWidth(index) > 0) {
        option->text = index.data(ExplanationRulesModel::LineRole).toString();
        option->features |= QStyleOptionViewItem::WrapText;
    }
}

int RuleHighlightDelegate::groupIndent() const
{
    const auto *tree = qobject_cast<const QTreeView *>(parent());
    return tree ? tree->indentation() / 2 : 0;
}

int RuleHighlightDelegate::lineWidth(const QModelIndex &index) const
{
    const auto *tree = qobject_cast<const QTreeView *>(parent());
    if (index.column() != 0 || !tree || !tree->isFirstColumnSpanned(index.row(), index.parent()))
        return 0;
    // The visible width after the branch indicators, not the columns' total: they may scroll sideways.
    const int indent = tree->indentation() * (depthOf(index) + (tree->rootIsDecorated() ? 1 : 0))
        + (index.data(ExplanationRulesModel::InGroupRole).toBool() ? groupIndent() : 0);
    return std::max(0, tree->viewport()->width() - indent);
}

QSize RuleHighlightDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize hint = QStyledItemDelegate::sizeHint(option, index);
    const int width = lineWidth(index);
    if (width <= 0)
        return hint;
    QStyleOptionViewItem wrapped = option;
    initStyleOption(&wrapped, index);
    const QFontMetrics metrics(wrapped.font);
    const int margin = 2 * (QApplication::style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr) + 1);
    const QRect text = metrics.boundingRect(QRect(0, 0, width - margin, 1 << 20), Qt::TextWordWrap, wrapped.text);
    const int oneLine = QStyledItemDelegate::sizeHint(wrapped, index).height();
    return {std::min(hint.width(), width), std::max(oneLine, oneLine - metrics.height() + text.height())};
}

void RuleHighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *tree = qobject_cast<const QTreeView *>(parent());
    if (lineWidth(index) <= 0)
        return QStyledItemDelegate::paint(painter, option, index);
    QStyleOptionViewItem visible = option;
    // A group's rules set in under it; wrapped within what the view shows.
    if (index.data(ExplanationRulesModel::InGroupRole).toBool())
        visible.rect.setLeft(visible.rect.left() + groupIndent());
    visible.rect.setRight(std::min(visible.rect.right(), tree->viewport()->width() - 1));
    QStyledItemDelegate::paint(painter, visible, index);
}

} // namespace flowscope
