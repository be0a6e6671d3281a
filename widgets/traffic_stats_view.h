// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Statistics of a case under the current filter: conversations (address
// pairs, or with protocol and service port) and endpoints (per address, per
// ENI), computed off the GUI thread and only while on screen, so a big case
// costs nothing until the analyst looks. A click on a totals header asks for the
// first rows in that order among all keys, and the status line says how many
// of how many are shown ("Top 1,000 of 48,213 conversations by rejects"). A row pivots to a filter:
// double-click narrows the filter the rows were counted under to it
// ("...and Selected"), and the context menu offers Wireshark's Apply /
// Prepare as Filter choices on that filter.

#include "itemmodels/traffic_stats_model.h"

#include <QWidget>

#include <array>

class QLabel;
class QMenu;
class QTabBar;
class QTableView;

namespace flowscope {

class TrafficStatsDisplayModel;

class TrafficStatsView : public QWidget {
    Q_OBJECT
public:
    using Kind = TrafficStatsModel::Kind;

    explicit TrafficStatsView(QWidget *parent = nullptr);

    // The case to count (none when empty), and the display filter whose
    // records count (all when empty). Each marks every statistic stale; the
    // shown one recomputes.
    void setCase(const QString &casePath);
    void setFilter(const QString &filterText);
    QString filter() const { return m_filter; }

    Kind kind() const;
    void setKind(Kind kind);
    bool isComputing() const;
    QTableView *table() const { return m_table; }
    TrafficStatsModel *statsModel(Kind kind) const;

    // What the shown rows are: "Top 1,000 of 48,213 conversations by rejects".
    static QString shownText(const TrafficStatsModel &model);

    // The filter selecting the records a row of the shown statistic counts.
    QString filterForRow(int row) const;
    // The row's context menu, owned by the caller.
    QMenu *createRowMenu(const QModelIndex &index);

    // Shown and not out of sight: a tabbed dock behind another stays
    // visible to Qt, only moved outside the window.
    bool isOnScreen() const;
    // Computes the shown statistic if it is stale and on screen. Called on
    // every show, and by the window when the view's dock comes in front.
    void refreshIfStale();

Q_SIGNALS:
    void filterRequested(const QString &expression, bool apply);
    // The shown statistic is up to date.
    void computed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    static int slot(Kind kind) { return static_cast<int>(kind); }
    void showKind(int index);
    void onSortRequested(int column);
    void onComputed(Kind kind);
    void updateStatus();
    void fitColumnsToShownRows();

    QTabBar *m_tabs;
    QTableView *m_table;
    QLabel *m_status;
    std::array<TrafficStatsModel *, 4> m_models{};
    std::array<TrafficStatsDisplayModel *, 4> m_display{};
    std::array<bool, 4> m_stale{true, true, true, true};
    QString m_case;
    QString m_filter;
    QString m_error;
    // The shown statistic's columns were fitted since it was set on the
    // table: later rows only widen them, so the analyst's widths stay.
    bool m_columnsSized = false;
};

} // namespace flowscope
