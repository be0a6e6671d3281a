// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Routes the display filter: what the analyst applies in the bar goes to
// every view that follows the filter; "Apply/Prepare as filter" from any
// view (table cells, statistics rows, later the timeline) goes through the
// bar, so the bar always shows the filter in force.

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <vector>

namespace flowscope {

class FilterBar;

class FilterController : public QObject {
    Q_OBJECT
public:
    FilterController(FilterBar *bar, QObject *parent = nullptr);

    // `follow` is called with each applied filter (and the empty one on a new case).
    void addFollower(std::function<void(const QString &)> follow);

public Q_SLOTS:
    // From a view: apply at once, or put in the bar for the analyst to edit.
    void request(const QString &expression, bool apply);
    // A selection in a view (the graph's click): the filter shown in the
    // bar, the keyboard left with the view that is being browsed.
    void show(const QString &expression);
    // A finding's evidence (from the Findings dock, the incident timeline or
    // a timeline marker): applied, the bar naming the finding and offering
    // the filter before it.
    void requestEvidence(const QString &expression, const QString &finding, const QString &title);

Q_SIGNALS:
    // A finding's evidence was applied (`finding` its name): the Findings dock selects it.
    void evidenceShown(const QString &finding);

private:
    void broadcast(const QString &expression);

    QPointer<FilterBar> m_bar;
    std::vector<std::function<void(const QString &)>> m_followers;
};

} // namespace flowscope
