// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A dock brought in front (its tab clicked, its shortcut, the View menu)
// gives the keyboard to its view, so that the view's keys work at once (the
// graph's 0, + and -) rather than after a click into it. Not while the
// analyst is typing elsewhere: a filter typed in the bar and not applied
// yet, or any other text being edited, keeps the keyboard.

class QDockWidget;
class QWidget;

namespace flowscope {

class FilterBar;

// `target`, inside `dock`, takes the focus when the dock comes in front
// (a dock whose focus is already inside it keeps it where it is).
void keyboardOnRaise(QDockWidget *dock, QWidget *target, const FilterBar *filterBar);

// True when `focus` is an editor the analyst is typing in: a filter in
// `filterBar` that differs from the one applied, or another text editor.
bool isTypingIn(const QWidget *focus, const FilterBar *filterBar);

} // namespace flowscope
