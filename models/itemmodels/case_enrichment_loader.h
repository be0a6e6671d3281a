// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads the case's configuration snapshots into their enrichment indexes off
// the GUI thread, when a case opens and when its snapshots change: the
// newest for the filter bar's completion, each in force at a record's time
// for the detail pane and the table's snapshot columns, the one in force
// over a filter's time for the status bar's note. Only the result of the
// newest request is delivered.

#include "explain/enrichment_timeline.h"
#include "explain/interface_enrichment.h"

#include "tasks/latest_result_job.h"

#include <QObject>
#include <QString>

#include <memory>

namespace flowscope {

class CaseEnrichmentLoader : public QObject {
    Q_OBJECT
public:
    using Enrichment = std::shared_ptr<const explain::InterfaceEnrichment>;

    explicit CaseEnrichmentLoader(QObject *parent = nullptr);
    ~CaseEnrichmentLoader() override;

    using Enrichments = std::shared_ptr<const explain::EnrichmentTimeline>;

    // The newest snapshot's.
    const Enrichment &enrichment() const { return m_enrichment; }
    // Every snapshot's, by as-of (never null; empty without a case or snapshot).
    const Enrichments &enrichments() const { return m_enrichments; }

public Q_SLOTS:
    // Loads the case's newest snapshot (an empty path: no case, no snapshot).
    void load(const QString &casePath);
    // Loads the current case again (its snapshots changed).
    void reload() { load(m_casePath); }

Q_SIGNALS:
    // The enrichment of the newest request (null: the case holds no snapshot).
    void loaded(const flowscope::CaseEnrichmentLoader::Enrichment &enrichment);
    void failed(const QString &message);

private:
    struct Result {
        Enrichments enrichments;
        QString error;
    };

    QString m_casePath;
    Enrichment m_enrichment;
    Enrichments m_enrichments = std::make_shared<const explain::EnrichmentTimeline>();
    LatestResultJob<Result> m_job;
};

} // namespace flowscope
