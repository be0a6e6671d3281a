// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment_timeline.h"

#include "store/flow_reader.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdlib>

namespace flowscope::explain {

namespace {

qint64 asOfSeconds(const InterfaceEnrichment &enrichment) { return enrichment.asOf().toSecsSinceEpoch(); }

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("flowscope::explain::EnrichmentTimeline", text, nullptr, n);
}

} // namespace

QString timeApartText(qint64 seconds)
{
    seconds = std::abs(seconds);
    constexpr qint64 kMinute = 60, kHour = 3600, kDay = 86400;
    if (seconds >= 2 * kDay)
        return tr("%n days", int(seconds / kDay));
    if (seconds >= 2 * kHour)
        return tr("%n hours", int(seconds / kHour));
    if (seconds >= 2 * kMinute)
        return tr("%n minutes", int(seconds / kMinute));
    return tr("%n seconds", int(seconds));
}

void EnrichmentTimeline::add(std::shared_ptr<const InterfaceEnrichment> enrichment)
{
    const auto at = std::upper_bound(m_enrichments.begin(), m_enrichments.end(), enrichment,
                                     [](const auto &a, const auto &b) { return a->asOf() < b->asOf(); });
    m_enrichments.insert(at, std::move(enrichment));
}

std::shared_ptr<const InterfaceEnrichment> EnrichmentTimeline::newest() const
{
    return m_enrichments.empty() ? nullptr : m_enrichments.back();
}

std::shared_ptr<const InterfaceEnrichment> EnrichmentTimeline::inForceAt(qint64 epochSeconds) const
{
    if (m_enrichments.empty())
        return nullptr;
    const auto after = std::upper_bound(m_enrichments.begin(), m_enrichments.end(), epochSeconds,
                                        [](qint64 time, const auto &e) { return time < asOfSeconds(*e); });
    return after == m_enrichments.begin() ? m_enrichments.front() : *std::prev(after);
}

std::shared_ptr<const InterfaceEnrichment> EnrichmentTimeline::forRecord(const FlowRow &row) const
{
    const auto *start = std::get_if<std::int64_t>(&row.value(Field::Start));
    return start ? inForceAt(*start) : newest();
}

std::optional<SpanSnapshotChoice> EnrichmentTimeline::inForceOver(qint64 from, qint64 until) const
{
    if (m_enrichments.empty())
        return std::nullopt;
    until = std::max(from, until);
    SpanSnapshotChoice choice{inForceAt(from), from, until, int(m_enrichments.size()), false};
    qint64 longest = -1;
    int inForce = 0;
    for (std::size_t i = 0; i < m_enrichments.size(); ++i) {
        // Snapshot i is in force from its as-of (from the dawn of time for the
        // oldest) until the next one's.
        const qint64 start = i == 0 ? from : std::max(from, asOfSeconds(*m_enrichments[i]));
        const qint64 end = i + 1 < m_enrichments.size() ? std::min(until, asOfSeconds(*m_enrichments[i + 1])) : until;
        if (end < start || (end == start && from != until))
            continue;
        ++inForce;
        if (end - start >= longest) {
            longest = end - start;
            choice.enrichment = m_enrichments[i];
        }
    }
    choice.othersInForce = inForce > 1;
    return choice;
}

QString spanSnapshotNote(const SpanSnapshotChoice &choice)
{
    const qint64 asOf = asOfSeconds(*choice.enrichment);
    QString when;
    if (asOf < choice.from)
        when = tr("taken %1 before the first of the records").arg(timeApartText(choice.from - asOf));
    else if (asOf > choice.until)
        when = tr("taken %1 after the last of the records").arg(timeApartText(asOf - choice.until));
    else
        when = tr("taken %1 after the first of the records").arg(timeApartText(asOf - choice.from));
    QString note = tr("security-group, instance-name, subnet-name and vpc-name are answered by the configuration snapshot as of %1 UTC, %2")
                       .arg(choice.enrichment->asOf().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), when);
    if (choice.othersInForce)
        note += tr("; another snapshot is in force over part of that time, so those fields may not match every record");
    return note;
}

} // namespace flowscope::explain
