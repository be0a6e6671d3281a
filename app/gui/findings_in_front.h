// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Findings are where an investigation starts: in the default layout (the
// analyst restored none of their own), a case that has findings opens with
// the Findings tab in front of the tabs it shares, once they are loaded. A
// layout the analyst saved says itself what is in front, and a Findings dock
// they closed stays closed.

#include <QObject>

class QDockWidget;

namespace flowscope {

class FindingsModel;

class FindingsInFront : public QObject {
    Q_OBJECT
public:
    FindingsInFront(QDockWidget *dock, FindingsModel *findings, QObject *parent = nullptr);

    // The window restored a layout the analyst saved: it decides from now on.
    void setSavedLayout(bool saved) { m_savedLayout = saved; }
    // A case was opened and its findings are loading: they come in front when there are any.
    void caseOpened();

private:
    void onFindingsLoaded();

    QDockWidget *m_dock;
    FindingsModel *m_findings;
    bool m_savedLayout = false;
    bool m_waiting = false; // for the findings of the case just opened
};

} // namespace flowscope
