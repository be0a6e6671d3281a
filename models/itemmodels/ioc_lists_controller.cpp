// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_lists_controller.h"

#include "query/case_ioc_lists.h"
#include "store/case_db.h"
#include "tasks/work_pools.h"

#include <QDateTime>
#include <QPointer>
#include <QtConcurrent>

namespace flowscope {

IocListsController::IocListsController(QObject *parent)
    : QObject(parent)
{
}

IocListsController::~IocListsController() { cancelHunt(); }

void IocListsController::setCase(const QString &casePath)
{
    cancelHunt();
    m_casePath = casePath;
    m_lists.clear();
    m_names.clear();
    m_indicators.reset();
    m_lastHunt.reset();
    Q_EMIT listsChanged();
    Q_EMIT indicatorsChanged(m_indicators);
    if (!casePath.isEmpty())
        refresh();
}

void IocListsController::setBusy(int delta)
{
    const bool was = isBusy();
    m_busy += delta;
    if (was != isBusy())
        Q_EMIT busyChanged(isBusy());
}

// Runs work(caseDb) on the analysis pool and done(result) back on this
// object's thread, unless the case changed meanwhile.
template<typename Work, typename Done>
void IocListsController::run(Work work, Done done)
{
    using Result = decltype(work(std::declval<CaseDb &>()));
    struct Outcome {
        Result result{};
        QString error;
    };
    setBusy(1);
    const QString casePath = m_casePath;
    QPointer<IocListsController> self(this);
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, casePath, done] {
        watcher->deleteLater();
        setBusy(-1);
        if (casePath != m_casePath)
            return;
        Outcome outcome = watcher->result();
        if (!outcome.error.isEmpty())
            Q_EMIT errorOccurred(outcome.error);
        else
            done(std::move(outcome.result));
    });
    watcher->setFuture(QtConcurrent::run(analysisPool(), [casePath, work]() {
        Outcome outcome;
        try {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadWrite);
            outcome.result = work(*caseDb);
        } catch (const std::exception &error) {
            outcome.error = QString::fromLocal8Bit(error.what());
        }
        return outcome;
    }));
}

void IocListsController::refresh()
{
    if (m_casePath.isEmpty())
        return;
    struct Listed {
        std::vector<IocListRow> lists;
        std::shared_ptr<const IocIndicatorSet> indicators;
        std::optional<incident::StoredIocHunt> hunt;
    };
    run(
        [](CaseDb &caseDb) {
            Listed listed;
            listed.lists = incident::iocLists(caseDb);
            std::vector<IocIndicator> all;
            for (const IocListRow &list : listed.lists)
                if (const auto set = loadCaseIocList(caseDb, list.name))
                    all.insert(all.end(), set->indicators().begin(), set->indicators().end());
            if (!all.empty())
                listed.indicators = std::make_shared<const IocIndicatorSet>(std::move(all));
            listed.hunt = incident::loadIocHunt(caseDb); // forgotten when a list changed
            return listed;
        },
        [this](Listed listed) {
            m_lists = std::move(listed.lists);
            m_indicators = std::move(listed.indicators);
            m_names.clear();
            for (const IocListRow &list : m_lists)
                m_names << QString::fromStdString(list.name);
            Q_EMIT listsChanged();
            Q_EMIT indicatorsChanged(m_indicators);
            const bool hadHunt = m_lastHunt.has_value();
            if (!listed.hunt && !hadHunt)
                return;
            if (listed.hunt && hadHunt && listed.hunt->ranAt == m_lastHunt->ranAt)
                return; // shown already
            m_lastHunt = std::move(listed.hunt);
            Q_EMIT huntFinished(m_lastHunt ? m_lastHunt->hunt : incident::IocHunt());
        });
}

void IocListsController::addFiles(const QString &name, const QStringList &paths)
{
    std::vector<std::filesystem::path> files;
    for (const QString &path : paths)
        files.emplace_back(path.toStdString());
    run([name = name.toStdString(), files](CaseDb &caseDb) { return incident::addIocFiles(caseDb, name, files); },
        [this](incident::IocAddResult result) {
            Q_EMIT added(result);
            refresh();
        });
}

void IocListsController::remove(const QString &name)
{
    run([name = name.toStdString()](CaseDb &caseDb) { return incident::removeIocList(caseDb, name); },
        [this, name](bool done) {
            Q_EMIT removed(name, done);
            refresh();
        });
}

void IocListsController::hunt(const QStringList &names)
{
    cancelHunt();
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_huntCancel = cancel;
    const quint64 generation = ++m_huntGeneration;
    std::vector<std::string> lists;
    for (const QString &name : names)
        lists.push_back(name.toStdString());
    Q_EMIT huntStarted();
    run(
        [lists, cancel](CaseDb &caseDb) {
            incident::StoredIocHunt stored;
            stored.lists = lists;
            stored.ranAt = QDateTime::currentSecsSinceEpoch();
            stored.hunt = incident::huntIocLists(caseDb, lists, cancel.get());
            if (!stored.hunt.cancelled && stored.hunt.error.empty() && !caseDb.isReadOnly())
                incident::storeIocHunt(caseDb, stored);
            return stored;
        },
        [this, generation](incident::StoredIocHunt stored) {
            if (generation != m_huntGeneration || stored.hunt.cancelled)
                return; // a newer hunt replaced it
            if (stored.hunt.error.empty())
                m_lastHunt = stored;
            Q_EMIT huntFinished(stored.hunt);
        });
}

void IocListsController::cancelHunt()
{
    if (m_huntCancel)
        m_huntCancel->store(true);
    m_huntCancel.reset();
    ++m_huntGeneration;
}

} // namespace flowscope
