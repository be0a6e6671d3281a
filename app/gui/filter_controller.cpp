// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_controller.h"

#include "filter_bar.h"

namespace flowscope {

FilterController::FilterController(FilterBar *bar, QObject *parent)
    : QObject(parent)
    , m_bar(bar)
{
    connect(bar, &FilterBar::filterApplied, this, &FilterController::broadcast);
}

void FilterController::addFollower(std::function<void(const QString &)> follow)
{
    m_followers.push_back(std::move(follow));
}

void FilterController::request(const QString &expression, bool apply)
{
    if (!m_bar)
        return;
    if (apply) {
        m_bar->applyFilterText(expression); // an invalid one stays in the bar, with its error
        return;
    }
    m_bar->setFilterText(expression);
    m_bar->focusEditor();
}

void FilterController::show(const QString &expression)
{
    if (m_bar)
        m_bar->setFilterText(expression);
}

void FilterController::requestEvidence(const QString &expression, const QString &finding, const QString &title)
{
    // An invalid one stays in the bar, with its error, and shows no finding's evidence.
    if (m_bar && m_bar->applyEvidenceFilter(expression, finding, title))
        Q_EMIT evidenceShown(finding);
}

void FilterController::broadcast(const QString &expression)
{
    for (const auto &follow : m_followers)
        follow(expression);
}

} // namespace flowscope
