// SPDX-License-Identifier: GPL-3.0-or-later
#include "reject_row_delegate.h"

#include "itemmodels/flow_table_model.h"

#include <QPalette>

namespace flowscope {

namespace {
// The timeline's REJECT red.
const QColor kRejectHue(192, 57, 43);
// A purple apart from ACCEPT green, REJECT red and the gaps' grey and amber.
const QColor kIocHitHue(142, 68, 173);

QColor tint(const QPalette &palette, bool alternate, const QColor &hue)
{
    const QColor base = palette.color(alternate ? QPalette::AlternateBase : QPalette::Base);
    // A dark base needs more of the hue to be seen, a light one less to stay readable.
    const float weight = base.lightness() < 128 ? 0.32f : 0.18f;
    return QColor::fromRgbF(base.redF() * (1 - weight) + hue.redF() * weight,
                            base.greenF() * (1 - weight) + hue.greenF() * weight,
                            base.blueF() * (1 - weight) + hue.blueF() * weight);
}

} // namespace

QColor RejectRowDelegate::rejectTint(const QPalette &palette, bool alternate) { return tint(palette, alternate, kRejectHue); }

QColor RejectRowDelegate::iocHitTint(const QPalette &palette, bool alternate) { return tint(palette, alternate, kIocHitHue); }

QColor RejectRowDelegate::rejectColour(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? kRejectHue.lighter(150) : kRejectHue;
}

void RejectRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool alternate = option->features & QStyleOptionViewItem::Alternate;
    if (index.data(FlowTableModel::IocHitRole).toBool())
        option->backgroundBrush = iocHitTint(option->palette, alternate);
    else if (index.data(FlowTableModel::RejectedRole).toBool())
        option->backgroundBrush = rejectTint(option->palette, alternate);
}

} // namespace flowscope
