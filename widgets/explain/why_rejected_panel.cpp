// SPDX-License-Identifier: GPL-3.0-or-later
#include "why_rejected_panel.h"

#include "flows_evidence_text.h"
#include "rule_highlight_delegate.h"

#include "itemmodels/case_snapshots.h"
#include "itemmodels/evidence_model.h"
#include "itemmodels/explanation_rules_model.h"
#include "itemmodels/flow_table_model.h"
#include "format/field_description.h"
#include "format/record_parser.h"
#include "explain/config_snapshot.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QHeaderView>
#include <QLabel>
#include <QTimeZone>
#include <QScrollArea>
#include <QMenu>
#include <QClipboard>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace flowscope {

namespace {

QLabel *wrappedLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel *sectionTitle(QWidget *parent, const QString &text)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

// "3 h 20 min", "45 s": how far apart a snapshot and a record are.
QString spanText(qint64 seconds)
{
    seconds = std::abs(seconds);
    if (seconds < 60)
        return WhyRejectedPanel::tr("%n s", nullptr, int(seconds));
    if (seconds < 3600)
        return WhyRejectedPanel::tr("%n min", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return WhyRejectedPanel::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return WhyRejectedPanel::tr("%n day(s)", nullptr, int(seconds / 86400));
}

QString ruleText(const explain::ExplainedRule &rule)
{
    return WhyRejectedPanel::tr("%1 rule %2 (%3)")
        .arg(rule.egress ? WhyRejectedPanel::tr("outbound") : WhyRejectedPanel::tr("inbound"), rule.number, rule.action);
}

// A record without an action is no flow to judge: say what it is instead of a verdict.
QString withoutActionText(const QString &logStatus)
{
    LogStatus status = LogStatus::Ok;
    if (logStatus.isEmpty() || !parseLogStatus(logStatus.toStdString(), status) || status == LogStatus::Ok)
        return WhyRejectedPanel::tr("This record has no action (its flow log does not record one), so there is no "
                                    "verdict to give.");
    QString text = WhyRejectedPanel::tr("This record is a %1 report, a gap in logging rather than a flow: %2. It has no "
                                        "action, so there is no verdict.")
                       .arg(logStatus, logStatusMeaning(status));
    if (status == LogStatus::SkipData)
        text += QLatin1Char(' ') + WhyRejectedPanel::tr("Rejects of this interface near it carry the caveat that a counterpart may be missing.");
    return text;
}

bool isProtocolWord(const QString &word)
{
    for (const char *name : {"tcp", "udp", "icmp", "icmpv6", "all"})
        if (word == QLatin1String(name))
            return true;
    return false;
}

// The explainer's texts are clauses ("the network ACL of … denies …"): shown
// alone they start with a capital and end with a full stop. A text opening on
// an identifier (eni-…) keeps it as written; one opening on a flow ("tcp
// 10.0.0.5:…") is named as one.
QString asSentence(QString text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return text;
    const QString first = text.section(u' ', 0, 0);
    const bool plainWord = std::all_of(first.begin(), first.end(), [](QChar c) { return c.isLower(); });
    if (isProtocolWord(first))
        text = WhyRejectedPanel::tr("The flow %1").arg(text);
    else if (plainWord)
        text[0] = text[0].toUpper();
    if (!text.endsWith(u'.') && !text.endsWith(u')') && !text.endsWith(u'!'))
        text += u'.';
    else if (text.endsWith(u')'))
        text += u'.';
    return text;
}

// "tcp port 3389", "icmp": what a rule would have to cover.
QString whatText(const explain::Packet &packet)
{
    const QString protocol = explain::protocolName(packet.protocol);
    if (packet.protocol != explain::kTcp && packet.protocol != explain::kUdp)
        return protocol;
    return WhyRejectedPanel::tr("%1 port %2").arg(protocol).arg(packet.dstPort);
}

// What the verdict line does not say: for each layer that denied the record on
// its interface's side, why that layer denies it (a group allows only what a
// rule admits; an ACL's first matching rule decides, and replies need their
// own), and how many rules came close. Empty when a snapshot did not decide.
QString blockDetail(const explain::RecordExplanation &e)
{
    using namespace explain;
    if (e.basis != ExplanationBasis::Config || !e.path || !e.config)
        return {};
    const PathExplanation &path = *e.path;
    const Packet &packet = path.packet;
    const bool reply = e.role == FlowRole::Reply;
    QStringList sentences;
    for (const BlockingLayer &block : path.blocking) {
        if (!block.atLoggingInterface || block.layer < 0)
            continue;
        const LayerResult &layer = path.layers[std::size_t(block.layer)];
        const QString peer = (layer.egress() ? packet.dst : packet.src).toString();
        const QString direction = layer.egress() ? WhyRejectedPanel::tr("outbound") : WhyRejectedPanel::tr("inbound");
        const QString toOrFrom = layer.egress() ? WhyRejectedPanel::tr("to %1").arg(peer) : WhyRejectedPanel::tr("from %1").arg(peer);
        if (layer.isSecurityGroup()) {
            sentences << WhyRejectedPanel::tr("Security groups admit only what one of their rules allows, and no %1 rule of "
                                              "these groups allows %2 %3.")
                             .arg(direction, whatText(packet), toOrFrom);
            if (reply)
                sentences << WhyRejectedPanel::tr("This is a reply, but the groups did not admit its request, so it is "
                                                  "judged as new traffic.");
            const int near = static_cast<int>(layer.groups.nearMisses.size());
            if (near > 0)
                sentences << WhyRejectedPanel::tr("%n rule(s) came close (in italics under Rules along the path).", nullptr, near);
        } else if (layer.acl) {
            const QString subnet = layer.eni ? e.config->subnetName(layer.eni->subnetId) : QString();
            const QString where = subnet.isEmpty() ? (layer.eni ? layer.eni->subnetId : layer.acl->id) : subnet;
            const QString rule = layer.aclRule ? layer.aclRule->numberText() : QStringLiteral("*");
            sentences << WhyRejectedPanel::tr("Network ACLs take their rules in number order and the first match decides: "
                                              "the first %1 rule of subnet %2 matching %3 %4 is rule %5, a deny.")
                             .arg(direction, where, whatText(packet), toOrFrom, rule);
            if (reply)
                sentences << WhyRejectedPanel::tr("This packet is the reply of a request, and network ACLs are stateless: "
                                                  "replies need a rule of their own.");
        }
    }
    return sentences.join(u' ');
}

} // namespace

WhyRejectedPanel::WhyRejectedPanel(std::shared_ptr<CaseSnapshots> snapshots, QWidget *parent)
    : QWidget(parent)
    , m_snapshots(snapshots ? std::move(snapshots) : std::make_shared<CaseSnapshots>())
    , m_loader(new RecordExplanationLoader(m_snapshots, this))
    , m_evidence(new EvidenceModel(this))
    , m_rules(new ExplanationRulesModel(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_message = wrappedLabel(this, QStringLiteral("whyRejectedMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setContentsMargins(12, 12, 12, 12);
    outer->addWidget(m_message);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the text wraps, the tables scroll
    m_content = new QWidget(m_scroll);
    auto *layout = new QVBoxLayout(m_content);
    // Which record this is about, as the table shows it: the analyst walks away from it through the evidence.
    m_record = wrappedLabel(m_content, QStringLiteral("explainedRecord"));
    layout->addWidget(m_record);
    m_verdict = wrappedLabel(m_content, QStringLiteral("verdict"));
    QFont big = m_verdict->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_verdict->setFont(big);
    m_basis = wrappedLabel(m_content, QStringLiteral("basis"));
    m_explanation = wrappedLabel(m_content, QStringLiteral("explanation"));
    // A CloudTrail change to what the verdict names, before the reject: a likely cause.
    m_configChange = wrappedLabel(m_content, QStringLiteral("configChange"));
    layout->addWidget(m_verdict);
    layout->addWidget(m_basis);
    layout->addWidget(m_configChange);
    layout->addWidget(m_explanation);

    m_evidenceTitle = sectionTitle(m_content, tr("Evidence (click to go to a record)"));
    layout->addWidget(m_evidenceTitle);
    m_evidenceTable = new QTableView(m_content);
    m_evidenceTable->setObjectName(QStringLiteral("evidence"));
    m_evidenceTable->setModel(m_evidence);
    m_evidenceTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_evidenceTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_evidenceTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_evidenceTable->verticalHeader()->hide();
    m_evidenceTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_evidenceTable->verticalHeader()->setDefaultSectionSize(m_evidenceTable->fontMetrics().height() + 6);
    m_evidenceTable->horizontalHeader()->setStretchLastSection(true);
    m_evidenceTable->setWordWrap(false);
    m_evidenceTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_evidenceTable->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    layout->addWidget(m_evidenceTable);
    connect(m_evidenceTable, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT recordRequested(index.data(EvidenceModel::RecordIdRole).toLongLong(),
                               index.data(EvidenceModel::StartRole).toLongLong());
    });
    connect(m_evidenceTable, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT recordRequested(index.data(EvidenceModel::RecordIdRole).toLongLong(),
                               index.data(EvidenceModel::StartRole).toLongLong());
    });
    // The filter that shows an evidence record, for the filter bar or elsewhere.
    m_evidenceTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_evidenceTable, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QString filter = m_evidenceTable->indexAt(at).data(EvidenceModel::FilterRole).toString();
        if (filter.isEmpty())
            return;
        QMenu menu(this);
        menu.addAction(tr("Apply as Filter"), this, [this, filter] { Q_EMIT filterRequested(filter, true); });
        menu.addAction(tr("Prepare as Filter"), this, [this, filter] { Q_EMIT filterRequested(filter, false); });
        menu.addAction(tr("Copy Filter"), this, [filter] { QGuiApplication::clipboard()->setText(filter); });
        menu.exec(m_evidenceTable->viewport()->mapToGlobal(at));
    });

    m_rulesTitle = sectionTitle(m_content, tr("Rules along the path"));
    layout->addWidget(m_rulesTitle);
    m_rulesTree = new QTreeView(m_content);
    m_rulesTree->setObjectName(QStringLiteral("rules"));
    m_rulesTree->setModel(m_rules);
    m_rulesTree->setItemDelegate(new RuleHighlightDelegate(m_rulesTree));
    m_rulesTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Every row is one line of text spanned across the view, wrapping where it is long
    // (see RuleHighlightDelegate): rows differ in height, and no column runs off the right edge.
    m_rulesTree->setUniformRowHeights(false);
    m_rulesTree->setHeaderHidden(true);
    m_rulesTree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rulesTree->header()->setStretchLastSection(true);
    for (int column = ExplanationRulesModel::RuleColumn + 1; column < ExplanationRulesModel::ColumnCount; ++column)
        m_rulesTree->setColumnHidden(column, true);
    m_rulesTree->setMinimumHeight(m_rulesTree->fontMetrics().height() * 12);
    layout->addWidget(m_rulesTree, 1);

    layout->addWidget(sectionTitle(m_content, tr("Caveats")));
    m_caveats = wrappedLabel(m_content, QStringLiteral("caveats"));
    layout->addWidget(m_caveats);
    layout->addWidget(sectionTitle(m_content, tr("Suggestion")));
    m_suggestion = wrappedLabel(m_content, QStringLiteral("suggestion"));
    layout->addWidget(m_suggestion);
    layout->addStretch(0); // takes the room of the rules when they are hidden
    m_layout = layout;
    m_scroll->setWidget(m_content);
    outer->addWidget(m_scroll, 1);

    connect(m_loader, &RecordExplanationLoader::explained, this, &WhyRejectedPanel::onExplained);
    showMessage(tr("Select a REJECT record in the flow table to see why it was rejected."));
}

QString WhyRejectedPanel::verdictSentence(explain::RecordVerdict verdict)
{
    using explain::RecordVerdict;
    switch (verdict) {
    case RecordVerdict::SecurityGroup: return tr("A security group denied it.");
    case RecordVerdict::NetworkAcl: return tr("A network ACL denied it.");
    case RecordVerdict::SecurityGroupAndNetworkAcl: return tr("A security group and a network ACL both deny it.");
    case RecordVerdict::SecurityGroupOrNetworkAcl:
        return tr("A security group or a network ACL denied it: the flow records alone cannot tell which.");
    case RecordVerdict::BlockPublicAccess: return tr("VPC Block Public Access rejected it.");
    case RecordVerdict::Inconclusive: return tr("Inconclusive: what is known does not decide it.");
    case RecordVerdict::NotExplained:
        return tr("Not explained: the configuration snapshot allows this flow.");
    }
    return {};
}

bool WhyRejectedPanel::showsExplanation() const { return !m_scroll->isHidden(); }

QString WhyRejectedPanel::shownText() const { return showsExplanation() ? m_verdict->text() : m_message->text(); }

void WhyRejectedPanel::setCase(const QString &casePath)
{
    m_case = casePath;
    m_loader->setCase(casePath);
    m_snapshots->invalidate();
    showRecord(std::nullopt, RecordAction::None);
}

void WhyRejectedPanel::snapshotsChanged()
{
    m_snapshots->invalidate();
    if (m_recordId) {
        m_stale = true;
        refreshIfStale();
    }
}

void WhyRejectedPanel::showRow(const QModelIndex &current)
{
    if (!current.isValid() || current.data(FlowTableModel::LoadingRole).toBool())
        return showRecord(std::nullopt, RecordAction::None);
    const QVariant action = current.data(FlowTableModel::ActionRole);
    const qint64 id = current.data(FlowTableModel::RecordIdRole).toLongLong();
    if (const auto *flows = qobject_cast<const FlowTableModel *>(current.model())) {
        if (const auto row = flows->recordAt(current.row()); row && row->id == id)
            m_rowIdentity = RecordIdentity::fromRow(*row, flows->headerData(current.row(), Qt::Vertical).toLongLong());
    }
    showRecord(id,
               action.isNull()                              ? RecordAction::None
                   : action.toString() == QLatin1String("REJECT") ? RecordAction::Reject
                                                                  : RecordAction::Accept,
               current.data(FlowTableModel::LogStatusRole).toString());
}

void WhyRejectedPanel::showRecord(std::optional<qint64> recordId, RecordAction action, const QString &logStatus)
{
    // How the table shows it, when it came from a row (showRow); a bare id otherwise.
    RecordIdentity identity;
    if (recordId && m_rowIdentity.id == *recordId)
        identity = m_rowIdentity;
    else if (recordId)
        identity.id = *recordId;
    m_rowIdentity = {};
    m_tableRecord = recordId;
    const bool rejected = action == RecordAction::Reject;
    if (recordId && rejected && recordId == m_recordId && (m_stale || m_loader->isBusy() || showsExplanation())) {
        // Already shown (a page arriving again for the same row, or a new filter or order): its row may have moved.
        if (identity.isKnown()) {
            m_identity = identity;
            m_record->setText(explainedRecordText());
        }
        followTableRecord();
        return;
    }
    // Going through the evidence in the table keeps its explanation in view.
    if (recordId && m_shown && showsExplanation()
        && (*recordId == m_shown->recordId || m_evidence->rowOf(*recordId) >= 0)) {
        followTableRecord();
        return;
    }
    m_loader->cancel();
    m_shown.reset();
    m_recordId.reset();
    m_identity = {};
    m_stale = false;
    m_evidence->setExplanation(nullptr);
    m_rules->setExplanation(nullptr);
    if (m_case.isEmpty())
        return showMessage(tr("No case open."));
    if (!recordId)
        return showMessage(tr("Select a REJECT record in the flow table to see why it was rejected."));
    if (action == RecordAction::None)
        return showMessage(withoutActionText(logStatus));
    if (!rejected)
        return showMessage(tr("This record was accepted. Select a REJECT record to see why it was rejected "
                              "(the filter action == reject shows only those)."));
    m_recordId = recordId;
    m_identity = identity;
    m_stale = true;
    showMessage(m_identity.isKnown() ? tr("Explaining %1…").arg(m_identity.text()) : tr("Explaining the record…"));
    refreshIfStale();
}

void WhyRejectedPanel::followTableRecord()
{
    const int row = m_tableRecord ? m_evidence->rowOf(*m_tableRecord) : -1;
    if (row < 0) {
        m_evidenceTable->clearSelection();
        m_evidenceTable->selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
    } else {
        m_evidenceTable->selectRow(row);
        m_evidenceTable->scrollTo(m_evidence->index(row, 0));
    }
    showDecidingRule();
}

void WhyRejectedPanel::showDecidingRule()
{
    const QModelIndex deciding = m_rules->decidingRule();
    if (!deciding.isValid() || m_rulesTree->isHidden())
        return;
    // Current but not selected: the selection's colour would hide the highlight.
    m_rulesTree->selectionModel()->setCurrentIndex(deciding, QItemSelectionModel::NoUpdate);
    // In the middle: a rule's neighbours give it context, and row heights that settle later
    // (a sentence wrapping anew) leave it in sight.
    m_rulesTree->scrollTo(deciding, QAbstractItemView::PositionAtCenter);
}

QString WhyRejectedPanel::explainedRecordText() const
{
    if (!m_identity.isKnown())
        return {};
    return tr("Explains %1").arg(m_identity.text());
}

QString WhyRejectedPanel::describeRecord(qint64 recordId) const
{
    if (m_shown && showsExplanation()) {
        if (recordId == m_shown->recordId && m_identity.isKnown())
            return tr("The record explained (%1)").arg(m_identity.text());
        if (const int row = m_evidence->rowOf(recordId); row >= 0) {
            const RecordIdentity identity = m_evidence->identity(row);
            // The role as the evidence table names it ("Request at the other end"),
            // not lower-cased into a sentence: some languages capitalise nouns.
            return tr("%1 (%2)", "evidence role (record identity)")
                .arg(m_evidence->index(row, EvidenceModel::RoleColumn).data().toString(), identity.text());
        }
    }
    return tr("Record %1").arg(recordId);
}

bool WhyRejectedPanel::isOnScreen() const { return isVisible() && !visibleRegion().isEmpty(); }

void WhyRejectedPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshIfStale();
}

void WhyRejectedPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitContentHeight();
    // The layer sentences wrap to the new width.
    if (m_rules->rowCount() > 0) {
        m_rulesTree->doItemsLayout();
        showDecidingRule();
    }
}

void WhyRejectedPanel::fitContentHeight()
{
    // A scroll area sizes its widget by the minimum size hint, which for wrapped
    // labels assumes some other width: the last lines (the suggestion's) would be
    // cut rather than scrolled to. The height the text needs at the width it has:
    int width = m_scroll->viewport()->width();
    int needed = m_layout->totalHeightForWidth(width);
    if (needed > m_scroll->viewport()->height()) // the vertical scroll bar takes its width
        needed = m_layout->totalHeightForWidth(width - m_scroll->verticalScrollBar()->sizeHint().width());
    if (needed > 0 && m_content->minimumHeight() != needed)
        m_content->setMinimumHeight(needed);
}

void WhyRejectedPanel::refreshIfStale()
{
    if (!m_stale || !m_recordId || !isOnScreen())
        return;
    m_stale = false;
    m_loader->explain(*m_recordId);
}

void WhyRejectedPanel::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->show();
    m_scroll->hide();
}

void WhyRejectedPanel::onExplained(const RecordExplanationResult &result)
{
    if (!m_recordId || result.recordId != *m_recordId)
        return;
    if (!result.error.isEmpty())
        return showMessage(tr("The record could not be explained: %1").arg(result.error));
    if (!result.explanation)
        return showMessage(tr("The record is not a REJECT of this case."));
    m_shown = result.explanation;
    const explain::RecordExplanation &e = *result.explanation;
    QString headline = verdictSentence(e.verdict);
    const QStringList groups = e.deniedGroups();
    if (groups.size() > 1 && e.component == groups.join(QStringLiteral(", ")) && !e.rule) {
        // Several groups were attached and none admitted the flow: name them all, not the first alone.
        headline += QLatin1Char(' ')
            + tr("None of its %1 security groups (%2) admits it.").arg(groups.size()).arg(groups.join(QStringLiteral(", ")));
    } else if (!e.component.isEmpty()) {
        headline += QLatin1Char(' ') + (e.rule ? tr("%1, %2.").arg(e.component, ruleText(*e.rule)) : tr("%1.").arg(e.component));
    }
    m_record->setText(explainedRecordText());
    m_record->setToolTip(m_identity.isKnown() ? tr("This filter shows it: %1").arg(m_identity.filter()) : QString());
    m_record->setVisible(m_identity.isKnown());
    m_verdict->setText(headline);
    m_verdict->setToolTip(explain::recordVerdictName(e.verdict));
    if (e.verdict == explain::RecordVerdict::BlockPublicAccess) {
        // The record's own reject-reason decides: no snapshot does.
        m_basis->setText(tr("Decided by the record itself: its reject-reason is BPA (VPC Block Public Access)."));
    } else if (e.basis == explain::ExplanationBasis::Config && e.snapshot) {
        const QString when = e.snapshot->asOf.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        m_basis->setText(e.snapshot->secondsApart == 0
                             ? tr("Decided by the configuration snapshot taken %1, at the record's time.").arg(when)
                         : e.snapshot->secondsApart > 0
                             ? tr("Decided by the configuration snapshot taken %1, %2 before the record.")
                                   .arg(when, spanText(e.snapshot->secondsApart))
                             : tr("Decided by the configuration snapshot taken %1, %2 after the record (no older "
                                  "snapshot is loaded).")
                                   .arg(when, spanText(e.snapshot->secondsApart)));
    } else if (result.snapshots == 0) {
        m_basis->setText(tr("From the flow records alone. Load a configuration snapshot (the describe-* output of "
                            "the AWS CLI) to name the group or the ACL rule that decided."));
    } else {
        m_basis->setText(tr("From the flow records alone: the case's configuration snapshots do not decide this flow."));
    }
    if (e.configChange) {
        const explain::ConfigChange &c = *e.configChange;
        m_configChange->setText(
            tr("%1 was changed at %2 UTC by %3: %4, before this reject.")
                .arg(c.component,
                     QDateTime::fromSecsSinceEpoch(c.time, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                     c.principal, c.eventName));
        m_configChange->setToolTip(tr("CloudTrail event %1").arg(c.eventId));
    }
    m_configChange->setVisible(e.configChange.has_value());
    // What the verdict line does not say already, as sentences.
    const bool undecided = e.basis == explain::ExplanationBasis::Flows
        && e.verdict == explain::RecordVerdict::SecurityGroupOrNetworkAcl;
    const QString detail = undecided ? flowsEvidenceText(e) : blockDetail(e);
    m_explanation->setText(detail.isEmpty() ? asSentence(e.explanation) : detail);
    m_explanation->setToolTip(e.explanation); // the explainer's own words, as the CLI prints them
    m_explanation->setVisible(!m_explanation->text().isEmpty());
    m_evidence->setExplanation(result.explanation, m_identity);
    m_evidenceTable->resizeColumnsToContents();
    // As tall as its few rows (four at most): the rules below want the room.
    int rows = 0;
    for (int row = 0; row < m_evidence->rowCount(); ++row)
        rows += m_evidenceTable->rowHeight(row);
    m_evidenceTable->setFixedHeight(m_evidenceTable->horizontalHeader()->height() + rows + 2 * m_evidenceTable->frameWidth()
                                    + m_evidenceTable->horizontalScrollBar()->sizeHint().height());
    m_evidenceTable->setVisible(m_evidence->rowCount() > 0);
    m_evidenceTitle->setText(m_evidence->rowCount() > 0 ? tr("Evidence (click to go to a record)")
                                                       : tr("Evidence: no request, reply or record at the other end found"));
    m_rules->setExplanation(result.explanation);
    const bool rules = m_rules->rowCount() > 0;
    m_rulesTitle->setVisible(rules);
    m_rulesTree->setVisible(rules);
    m_layout->setStretch(m_layout->count() - 1, rules ? 0 : 1);
    if (rules) {
        m_rulesTree->expandAll();
        // Each layer, group and rule is one line across the view, one under the other.
        for (int layer = 0; layer < m_rules->rowCount(); ++layer) {
            m_rulesTree->setFirstColumnSpanned(layer, QModelIndex(), true);
            const QModelIndex parent = m_rules->index(layer, 0);
            for (int row = 0; row < m_rules->rowCount(parent); ++row)
                m_rulesTree->setFirstColumnSpanned(row, parent, true);
        }
    }
    const QStringList caveats = e.caveatTexts();
    m_caveats->setText(caveats.isEmpty() ? tr("None.") : QStringLiteral("• ") + caveats.join(QStringLiteral("\n• ")));
    m_suggestion->setText(e.suggestion.isEmpty() ? tr("None.") : asSentence(e.suggestion));
    m_message->hide();
    m_scroll->show();
    fitContentHeight();
    m_scroll->verticalScrollBar()->setValue(0); // the record and its verdict first
    // The rows have their sizes once shown: then the deciding rule can be scrolled to.
    m_rulesTree->doItemsLayout();
    followTableRecord();
    QTimer::singleShot(0, this, [this] { showDecidingRule(); }); // again once the layout has settled
    Q_EMIT explained();
}

} // namespace flowscope
