// SPDX-License-Identifier: GPL-3.0-or-later
#include "reject_row_delegate.h"

#include "itemmodels/flow_table_model.h"

#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPolygonF>

#include <cmath>
#include <numbers>

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
    // The star at the start of the row: the first column, wherever it was dragged from.
    if (index.column() == 0 && index.data(FlowTableModel::StarredRole).toBool()) {
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->icon = starIcon();
        const int side = option->fontMetrics.height();
        option->decorationSize = QSize(side, side);
    }
}

QIcon RejectRowDelegate::starIcon()
{
    static const QIcon icon = [] {
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        QPolygonF star;
        for (int i = 0; i < 10; ++i) {
            const double radius = i % 2 == 0 ? 15.0 : 6.5;
            const double angle = -std::numbers::pi / 2 + i * std::numbers::pi / 5;
            star << QPointF(16 + radius * std::cos(angle), 16.5 + radius * std::sin(angle));
        }
        painter.setPen(QPen(QColor(176, 120, 0), 1.5));
        painter.setBrush(QColor(241, 196, 15)); // gold: Wireshark's marked packets stand out as much
        painter.drawPolygon(star);
        return QIcon(pixmap);
    }();
    return icon;
}

} // namespace flowscope
