// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A dock's View menu action and shortcut (Ctrl+T, Ctrl+D, Ctrl+R, Ctrl+L)
// bring the dock before the analyst: a dock behind another's tab comes to the
// front rather than closing, a closed one opens in front, and only a dock on
// screen closes.

class QDockWidget;

namespace flowscope {

// Replaces the dock's own toggle behaviour with the one above.
void raiseOnToggle(QDockWidget *dock);

// True when some of the dock is on screen (a dock behind a tab is "visible" to Qt, but not on screen).
bool isDockOnScreen(const QDockWidget *dock);

} // namespace flowscope
