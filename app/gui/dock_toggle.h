// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A dock's shortcut (Ctrl+T, Ctrl+D, Ctrl+R, Ctrl+L, Ctrl+E, Ctrl+Shift+E,
// Ctrl+Shift+G) brings the dock before the analyst and never takes it away:
// a dock behind another's tab comes to the front, a closed one opens in front,
// one in front stays. The View menu's checkable entry still closes a dock
// that is on screen (its tick says it is open).

class QDockWidget;

namespace flowscope {

// Replaces the dock's own toggle behaviour with the one above; the shortcut
// stays on the toggle action (the menu shows it) but only shows and raises.
void raiseOnToggle(QDockWidget *dock);

// True when some of the dock is on screen (a dock behind a tab is "visible" to Qt, but not on screen).
bool isDockOnScreen(const QDockWidget *dock);

} // namespace flowscope
