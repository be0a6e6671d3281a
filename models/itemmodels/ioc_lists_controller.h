// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The open case's IOC lists for the window: listing, adding files, removing
// and hunting, each off the GUI thread on the analysis pool. A newer hunt
// cancels an older one and only the newest result is reported; a hunt is
// stored in the case, and the stored one is reported when a case opens. The
// names of the lists are kept for the filter bar, which asks whether `@name`
// exists.

#include "incident/ioc_hunt.h"
#include "incident/ioc_hunt_store.h"
#include "incident/ioc_list_store.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace flowscope {

class IocListsController : public QObject {
    Q_OBJECT
public:
    explicit IocListsController(QObject *parent = nullptr);
    ~IocListsController() override;

    void setCase(const QString &casePath);
    const QString &casePath() const { return m_casePath; }
    const std::vector<IocListRow> &lists() const { return m_lists; }
    // Whether the case holds a list of that name (as last listed).
    bool hasList(const QString &name) const { return m_names.contains(name); }
    bool isBusy() const { return m_busy > 0; }
    // Every list's indicators in one set, for the flow table's colour rule
    // (null without lists).
    const std::shared_ptr<const IocIndicatorSet> &indicators() const { return m_indicators; }
    // The case's last hunt (stored or just run), when and over which lists;
    // nullopt when none ran on it since its lists last changed.
    const std::optional<incident::StoredIocHunt> &lastHunt() const { return m_lastHunt; }

    void refresh();
    void addFiles(const QString &name, const QStringList &paths);
    void remove(const QString &name);
    // Every list when names is empty.
    void hunt(const QStringList &names);
    void cancelHunt();

Q_SIGNALS:
    void listsChanged();
    void indicatorsChanged(std::shared_ptr<const flowscope::IocIndicatorSet> indicators);
    void busyChanged(bool busy);
    void added(const flowscope::incident::IocAddResult &result);
    void removed(const QString &name, bool done);
    void huntStarted();
    // A hunt finished, or the case's stored hunt was read (lastHunt() tells
    // when it ran); with no hits when none is stored.
    void huntFinished(const flowscope::incident::IocHunt &hunt);
    void errorOccurred(const QString &message);

private:
    template<typename Work, typename Done>
    void run(Work work, Done done);
    void setBusy(int delta);

    QString m_casePath;
    std::vector<IocListRow> m_lists;
    QStringList m_names;
    std::shared_ptr<const IocIndicatorSet> m_indicators;
    std::optional<incident::StoredIocHunt> m_lastHunt;
    int m_busy = 0;
    std::shared_ptr<std::atomic_bool> m_huntCancel;
    quint64 m_huntGeneration = 0;
};

} // namespace flowscope
