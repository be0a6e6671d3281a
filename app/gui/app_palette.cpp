// SPDX-License-Identifier: GPL-3.0-or-later
#include "app_palette.h"

#include <QApplication>
#include <QEvent>
#include <QMetaEnum>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>

namespace flowscope {

namespace {
const QString kThemeKey = QStringLiteral("appearance/theme");

QString themeName(AppPalette::Theme theme)
{
    return QString::fromLatin1(QMetaEnum::fromType<AppPalette::Theme>().valueToKey(static_cast<int>(theme)));
}

AppPalette::Theme themeFromName(const QString &name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<AppPalette::Theme>().keyToValue(name.toLatin1().constData(), &ok);
    return ok ? static_cast<AppPalette::Theme>(value) : AppPalette::Theme::FollowDesktop;
}
} // namespace

AppPalette::AppPalette(QObject *parent)
    : QObject(parent)
    , m_theme(themeFromName(QSettings().value(kThemeKey).toString()))
{
}

AppPalette::~AppPalette()
{
    if (m_installed)
        qApp->removeEventFilter(this);
}

void AppPalette::install()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (!m_installed) {
        qApp->installEventFilter(this);
        m_installed = true;
    }
    apply();
}

void AppPalette::setTheme(Theme theme)
{
    m_theme = theme;
    QSettings().setValue(kThemeKey, themeName(theme));
    apply();
}

bool AppPalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Active, QPalette::Window).lightness() < 128;
}

void AppPalette::apply()
{
    // Back to the desktop's own palette, to see whether it is dark.
    QApplication::setPalette(QPalette());
    const bool desktopDark = isDark(QApplication::palette());
    m_dark = m_theme == Theme::Dark || (m_theme == Theme::FollowDesktop && desktopDark);
    if (m_dark)
        QApplication::setPalette(darkPalette());
    else if (desktopDark)
        QApplication::setPalette(QApplication::style()->standardPalette()); // Fusion's light palette
    Q_EMIT themeChanged();
}

bool AppPalette::eventFilter(QObject *watched, QEvent *event)
{
    // The desktop's theme changed: every window hears it; apply once.
    if (event->type() == QEvent::ThemeChange && watched->isWindowType() && m_theme == Theme::FollowDesktop
        && !m_applyPending) {
        m_applyPending = true;
        QTimer::singleShot(0, this, [this] {
            m_applyPending = false;
            apply();
        });
    }
    return QObject::eventFilter(watched, event);
}

QPalette AppPalette::darkPalette()
{
    const QColor window(0x2d, 0x2d, 0x30);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor alternate(0x26, 0x26, 0x29);
    const QColor button(0x3a, 0x3a, 0x3d);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    const QColor highlight(0x2f, 0x65, 0xca);

    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x54));
    p.setColor(QPalette::Midlight, QColor(0x44, 0x44, 0x48));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x33));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb4, 0x8c, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x54));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    return p;
}

} // namespace flowscope
