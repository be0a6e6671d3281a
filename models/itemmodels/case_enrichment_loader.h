// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads the case's newest configuration snapshot into its enrichment index
// off the GUI thread, when a case opens and when its snapshots change, for
// the filter bar, the detail pane and the status bar's note. Only the result
// of the newest request is delivered.

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

    const Enrichment &enrichment() const { return m_enrichment; }

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
        Enrichment enrichment;
        QString error;
    };

    QString m_casePath;
    Enrichment m_enrichment;
    LatestResultJob<Result> m_job;
};

} // namespace flowscope
