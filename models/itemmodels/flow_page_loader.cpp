// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_page_loader.h"

#include "store/case_db.h"
#include "store/flow_pager.h"

#include <QMetaObject>

#include <algorithm>

namespace flowscope {

FlowPageLoader::FlowPageLoader(int pageSize)
    : m_pageSize(pageSize)
{
    qRegisterMetaType<std::shared_ptr<const flowscope::FlowPage>>();
}

FlowPageLoader::~FlowPageLoader() = default;

void FlowPageLoader::requestOpen(quint64 generation, const QString &casePath)
{
    {
        QMutexLocker lock(&m_mutex);
        m_latestGeneration = generation;
        m_pending.clear();
    }
    QMetaObject::invokeMethod(this, [this, generation, casePath] { open(generation, casePath); }, Qt::QueuedConnection);
}

void FlowPageLoader::requestPage(quint64 generation, qint64 page)
{
    QMutexLocker lock(&m_mutex);
    if (generation != m_latestGeneration)
        return;
    m_pending.erase(std::remove(m_pending.begin(), m_pending.end(), page), m_pending.end());
    m_pending.push_front(page);
    if (m_pending.size() > kMaxPendingPages) {
        const qint64 dropped = m_pending.back();
        m_pending.pop_back();
        QMetaObject::invokeMethod(this, [this, generation, dropped] { Q_EMIT pageDropped(generation, dropped); },
                                  Qt::QueuedConnection);
    }
    if (!m_drainScheduled) {
        m_drainScheduled = true;
        QMetaObject::invokeMethod(this, [this] { drain(); }, Qt::QueuedConnection);
    }
}

void FlowPageLoader::requestRowOfTime(quint64 generation, qint64 epoch)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation, epoch] {
            if (generation != m_openGeneration || !m_pager)
                return;
            try {
                Q_EMIT rowOfTimeFound(generation, epoch, m_pager->positionOfTime(epoch));
            } catch (const std::exception &) {
                Q_EMIT rowOfTimeFound(generation, epoch, -1);
            }
        },
        Qt::QueuedConnection);
}

void FlowPageLoader::open(quint64 generation, const QString &casePath)
{
    m_pager.reset();
    m_case.reset();
    m_openGeneration = generation;
    if (casePath.isEmpty()) {
        Q_EMIT opened(generation, 0, QString());
        return;
    }
    try {
        m_case = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
        m_pager = std::make_unique<FlowPager>(*m_case);
        Q_EMIT opened(generation, m_pager->recordCount(), QString());
    } catch (const std::exception &error) {
        m_pager.reset();
        m_case.reset();
        Q_EMIT opened(generation, 0, QString::fromLocal8Bit(error.what()));
    }
}

void FlowPageLoader::drain()
{
    for (;;) {
        qint64 page = 0;
        quint64 generation = 0;
        {
            QMutexLocker lock(&m_mutex);
            if (m_pending.empty()) {
                m_drainScheduled = false;
                return;
            }
            page = m_pending.front();
            m_pending.pop_front();
            generation = m_latestGeneration;
        }
        if (generation != m_openGeneration || !m_pager)
            continue;
        auto result = std::make_shared<FlowPage>();
        result->number = page;
        try {
            result->rows = m_pager->rowsAt(page * m_pageSize, static_cast<std::size_t>(m_pageSize));
        } catch (const std::exception &) {
            result->rows.clear(); // an unreadable page shows as empty rather than loading forever
        }
        Q_EMIT pageLoaded(generation, std::move(result));
    }
}

} // namespace flowscope
