// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Why rejected?": the explanation of the REJECT record selected in the flow
// table — the verdict in plain words, what decided it (the flow records alone
// or the configuration snapshot in force at the record's time), the records
// that back it (a click goes to one in the table), the snapshot's rules along
// the path with the deciding rule highlighted, the caveats and the suggested
// fix. For an accepted record, or none, it says what it needs; a record
// without an action (a NODATA or SKIPDATA report) it calls a gap in
// logging and gives no verdict. Explained off
// the GUI thread and only while on screen; a newer selection cancels the
// running explanation.

#include "itemmodels/record_explanation_loader.h"
#include "itemmodels/record_identity.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QModelIndex;
class QScrollArea;
class QTableView;
class QTreeView;
class QVBoxLayout;

namespace flowscope {

class CaseSnapshots;
class EvidenceModel;
class ExplanationRulesModel;

class WhyRejectedPanel : public QWidget {
    Q_OBJECT
public:
    // Shares `snapshots` with the other views that explain (its own when null).
    explicit WhyRejectedPanel(std::shared_ptr<CaseSnapshots> snapshots = nullptr, QWidget *parent = nullptr);

    void setCase(const QString &casePath);
    // What the selected record did: a NODATA or SKIPDATA report has no action.
    enum class RecordAction { Accept, Reject, None };
    // The record selected in the flow table: its id, its action and its
    // log-status (empty when not logged); nullopt when none is selected or
    // its row is still loading.
    void showRecord(std::optional<qint64> recordId, RecordAction action, const QString &logStatus = {});
    // The same for the current index of a FlowTableModel (invalid: none),
    // which also says how the table shows the record (its row, time, flow).
    void showRow(const QModelIndex &current);
    // A snapshot was loaded into the case: explain again with it.
    void snapshotsChanged();

    // Shown and not a tab behind another (see TrafficStatsView::isOnScreen).
    bool isOnScreen() const;
    // Explains the selected record if that is pending and the panel on screen.
    void refreshIfStale();

    RecordExplanationLoader *loader() const { return m_loader; }
    EvidenceModel *evidence() const { return m_evidence; }
    ExplanationRulesModel *rules() const { return m_rules; }
    QTableView *evidenceTable() const { return m_evidenceTable; }
    QTreeView *rulesTree() const { return m_rulesTree; }
    // True while an explanation is shown (not a message).
    bool showsExplanation() const;
    // The verdict line when an explanation is shown, else the message.
    QString shownText() const;
    // The plain-words verdict.
    static QString verdictSentence(explain::RecordVerdict verdict);
    // The record explained, or one of its evidence, as the table shows it
    // ("the reply at the other end: 2025-… UTC, eni-…, tcp …").
    QString describeRecord(qint64 recordId) const;
    // The line naming the record explained.
    QString explainedRecordText() const;

Q_SIGNALS:
    // The analyst clicked an evidence record: go to it in the flow table.
    void recordRequested(qint64 recordId, qint64 start);
    // The explanation of the selected record is shown.
    void explained();
    // A filter showing an evidence record (its context menu), applied or put in the bar.
    void filterRequested(const QString &expression, bool apply);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showMessage(const QString &message);
    void onExplained(const RecordExplanationResult &result);
    // The evidence row of the table's current record selected (none when it is the explained one).
    void followTableRecord();
    void showDecidingRule();
    // The content as tall as its wrapped text needs at the panel's width.
    void fitContentHeight();

    std::shared_ptr<CaseSnapshots> m_snapshots;
    RecordExplanationLoader *m_loader;
    EvidenceModel *m_evidence;
    ExplanationRulesModel *m_rules;
    QScrollArea *m_scroll;
    QVBoxLayout *m_layout;
    QWidget *m_content;
    QLabel *m_message;
    QLabel *m_record;
    QLabel *m_verdict;
    QLabel *m_basis;
    QLabel *m_configChange;
    QLabel *m_explanation;
    QLabel *m_evidenceTitle;
    QTableView *m_evidenceTable;
    QLabel *m_rulesTitle;
    QTreeView *m_rulesTree;
    QLabel *m_caveats;
    QLabel *m_suggestion;
    QString m_case;
    std::optional<qint64> m_recordId; // the selected REJECT
    RecordIdentity m_identity;        // how the table shows it
    RecordIdentity m_rowIdentity;     // handed from showRow to showRecord
    std::optional<qint64> m_tableRecord; // the table's current record (an evidence record while walking them)
    std::shared_ptr<const explain::RecordExplanation> m_shown;
    bool m_stale = false;           // m_record waits to be explained
};

} // namespace flowscope
