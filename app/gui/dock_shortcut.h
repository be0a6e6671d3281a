// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A dock's View menu toggle that brings it forward: Qt's toggle hides a dock
// tabbed behind another, so its shortcut would remove the very tab the
// analyst asked for. Pressed while the dock is behind a tab (or hidden) it
// shows and raises the dock; pressed while the dock is in front it hides it.

class QDockWidget;

namespace flowscope {

void toggleBringsForward(QDockWidget *dock);

// Whether any part of the dock is on screen (a dock tabbed behind another is not).
bool dockInFront(const QDockWidget *dock);

} // namespace flowscope
