// SPDX-License-Identifier: GPL-3.0-or-later
#include "reject_row_delegate.h"

#include "itemmodels/flow_table_model.h"

#include <QPalette>

namespace flowscope {

namespace {
// The timeline's REJECT red.
const QColor kRejectHue(192, 57, 43);
} // namespace

QColor RejectRowDelegate::rejectTint(const QPalette &palette, bool alternate)
{
    const QColor base = palette.color(alternate ? QPalette::AlternateBase : QPalette::Base);
    // A dark base needs more of the hue to be seen, a light one less to stay readable.
    const float weight = base.lightness() < 128 ? 0.32f : 0.18f;
    return QColor::fromRgbF(base.redF() * (1 - weight) + kRejectHue.redF() * weight,
                            base.greenF() * (1 - weight) + kRejectHue.greenF() * weight,
                            base.blueF() * (1 - weight) + kRejectHue.blueF() * weight);
}

QColor RejectRowDelegate::rejectColour(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? kRejectHue.lighter(150) : kRejectHue;
}

void RejectRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(FlowTableModel::RejectedRole).toBool())
        option->backgroundBrush = rejectTint(option->palette, option->features & QStyleOptionViewItem::Alternate);
}

} // namespace flowscope
