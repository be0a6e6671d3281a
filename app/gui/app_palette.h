// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The application's look: the Fusion style everywhere, with a dark palette
// when the desktop's is dark (Qt 6.4 has no colour-scheme hint: the desktop
// palette's window colour tells) or when the analyst chooses it; the
// choice is kept in QSettings.

#include <QObject>
#include <QPalette>

namespace flowscope {

class AppPalette : public QObject {
    Q_OBJECT
public:
    enum class Theme { FollowDesktop, Light, Dark };
    Q_ENUM(Theme)

    // Reads the saved choice; install() applies it.
    explicit AppPalette(QObject *parent = nullptr);
    ~AppPalette() override;

    // Sets the style and palette, and follows the desktop's theme changes.
    void install();
    Theme theme() const { return m_theme; }
    void setTheme(Theme theme);
    bool isDark() const { return m_dark; }

    static QPalette darkPalette();
    static bool isDark(const QPalette &palette);

Q_SIGNALS:
    void themeChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();

    Theme m_theme = Theme::FollowDesktop;
    bool m_dark = false;
    bool m_installed = false;
    bool m_applyPending = false;
};

} // namespace flowscope
