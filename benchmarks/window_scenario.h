// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The window under an analyst's first minute on a big case: open it in the
// real MainWindow with every dock shown side by side, apply five filters in
// quick succession, zoom and pan the timeline, while a StallMeter measures
// the GUI thread. Prints stalls per phase, the time to the first painted
// rows and the peak RSS.

#include <QString>

namespace flowscope::bench {

struct WindowScenarioOptions {
    QString casePath;
    int filterIntervalMs = 100;
    int openPhaseMs = 10000; // the issue measures the peak RSS within 10 s of opening
    int settleTimeoutMs = 30000;
    bool traces = false;
    bool allDocks = true; // false: the window as it opens (the Case tab in front)
};

// Runs in the QApplication's event loop; the process's exit status.
int runWindowScenario(const WindowScenarioOptions &options);

} // namespace flowscope::bench
