// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The docks' sizes when the analyst saved no layout (the first start): the
// flow table keeps the largest share of the height; the timeline above it is
// tall enough for its value axis to read (several ticks, labels apart) and
// the tabs below take nearly as much as the table, so that findings,
// statistics and rejects show five rows and more at 1280x800, not three; the
// panel beside the table takes about sixty characters, within a third of the
// width. Qt lays docks out only once the window is shown, so the window
// applies these on its first show.

class QDockWidget;
class QMainWindow;

namespace flowscope {

struct DefaultDockShares {
    double top = 0.3;     // of the height the docks and the table share
    double bottom = 0.37;
};

void applyDefaultDockSizes(QMainWindow &window, QDockWidget *top, QDockWidget *bottom, QDockWidget *side,
                           DefaultDockShares shares = {});

} // namespace flowscope
