// SPDX-License-Identifier: GPL-3.0-or-later
// The "Why rejected?" panel beside a flow table on a small case: it follows
// the selected REJECT row with the verdict in plain words, the deciding rule
// of the snapshot highlighted, and the evidence records, a click on one
// going to it in the table; it says what it needs for an accepted record or
// without a snapshot, and what a record without an action is (no verdict);
// hidden, it explains nothing.

#include "explain/rule_highlight_delegate.h"
#include "explain/snapshot_store.h"
#include "explain/why_rejected_panel.h"
#include "explain_case.h"
#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "test_files.h"
#include "flow_table_view.h"
#include "itemmodels/evidence_model.h"
#include "itemmodels/explanation_rules_model.h"
#include "itemmodels/flow_table_model.h"
#include "itemmodels/record_identity.h"
#include "itemmodels/reject_groups_model.h"
#include "record_locator.h"

#include <QAbstractItemModelTester>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QDateTime>
#include <QTableView>
#include <QTemporaryDir>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTreeView>

using namespace flowscope;

namespace {

// A flow table, the panel following its current row, and the locator its evidence clicks go through.
struct Window {
    QWidget widget;
    FlowTableModel model;
    FlowTableView *table = new FlowTableView(&widget);
    WhyRejectedPanel *panel = new WhyRejectedPanel(nullptr, &widget);
    RecordLocator locator{table, &model};

    Window()
    {
        auto *layout = new QHBoxLayout(&widget);
        layout->addWidget(table, 2);
        layout->addWidget(panel, 1);
        table->setModel(&model);
        // As the main window follows the table: the current row, and again when its page arrives or the rows reset.
        QObject::connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, panel, [this] { follow(); });
        QObject::connect(&model, &QAbstractItemModel::modelReset, panel, [this] { follow(); });
        QObject::connect(&model, &FlowTableModel::pageLoaded, panel, [this](int first, int last) {
            const int current = table->currentIndex().row();
            if (current >= first && current <= last)
                follow();
        });
        QObject::connect(panel, &WhyRejectedPanel::recordRequested, &locator, &RecordLocator::goTo);
        widget.resize(1400, 700);
    }
    void follow() { panel->showRow(table->currentIndex()); }
    bool open(const QString &casePath)
    {
        panel->setCase(casePath);
        model.setCase(casePath);
        return QTest::qWaitForWindowExposed(&widget);
    }
    int rowOf(qint64 id) const
    {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, 0).data(FlowTableModel::RecordIdRole).toLongLong() == id)
                return row;
        return -1;
    }
    void select(qint64 id) { table->selectRow(rowOf(id)); }
};

} // namespace

class TestWhyRejectedPanel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::ExplainCase m_withSnapshot;
    test::ExplainCase m_flowsOnly;

private Q_SLOTS:
    void initTestCase()
    {
        m_withSnapshot = test::writeExplainCase(m_dir.path(), QStringLiteral("snapshot"), true);
        m_flowsOnly = test::writeExplainCase(m_dir.path(), QStringLiteral("flows"), false);
    }

    void explainsTheSelectedReject_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<QString>("deciding"); // the highlighted rule's first cell
        QTest::addColumn<QStringList>("named"); // the components the headline names
        QTest::addColumn<QStringList>("says");  // what the explanation adds
        QTest::newRow("network ACL drops the reply") << 3 << int(explain::RecordVerdict::NetworkAcl) << QStringLiteral("*")
                                                     << QStringList{QStringLiteral("acl-")}
                                                     << QStringList{QStringLiteral("first match"), QStringLiteral("outbound"),
                                                                    QStringLiteral("tcp port 51234 to 203.0.113.7"),
                                                                    QStringLiteral("reply"), QStringLiteral("stateless")};
        QTest::newRow("no group admits ssh") << 4 << int(explain::RecordVerdict::SecurityGroup)
                                             << QStringLiteral("DENIED it: Destination security groups, inbound eni-0web1")
                                             << QStringList{QStringLiteral("sg-0web"), QStringLiteral("sg-0mgmt")}
                                             << QStringList{QStringLiteral("no inbound rule"), QStringLiteral("tcp port 22 from 203.0.113.50"),
                                                            QStringLiteral("came close")};
    }

    void explainsTheSelectedReject()
    {
        QFETCH(int, line);
        QFETCH(int, verdict);
        QFETCH(QString, deciding);
        QFETCH(QStringList, named);
        QFETCH(QStringList, says);
        Window window;
        QAbstractItemModelTester evidenceTester(window.panel->evidence(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester rulesTester(window.panel->rules(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.widget.show();
        QVERIFY(window.open(m_withSnapshot.path));
        QTRY_COMPARE(window.model.rowCount(), 4);
        QTRY_VERIFY(window.rowOf(m_withSnapshot.idOfLine.at(line)) >= 0);
        QSignalSpy explained(window.panel, &WhyRejectedPanel::explained);
        window.select(m_withSnapshot.idOfLine.at(line));
        QVERIFY(explained.wait(20000));
        QVERIFY(window.panel->showsExplanation());
        QVERIFY(window.panel->shownText().startsWith(WhyRejectedPanel::verdictSentence(explain::RecordVerdict(verdict))));
        for (const QString &component : named) // every group of the interface, not the first alone
            QVERIFY2(window.panel->shownText().contains(component), qPrintable(window.panel->shownText()));
        QVERIFY(window.panel->findChild<QLabel *>(QStringLiteral("basis"))->text().contains(QStringLiteral("snapshot")));
        QVERIFY(!window.panel->findChild<QLabel *>(QStringLiteral("suggestion"))->text().isEmpty());
        // The explanation is sentences, starting with a capital, that add to the verdict rather than
        // repeat it: the groups the verdict names are not listed again; the explainer's words in the tooltip.
        const QLabel *explanation = window.panel->findChild<QLabel *>(QStringLiteral("explanation"));
        QVERIFY2(explanation->text().at(0).isUpper() && explanation->text().endsWith(u'.'), qPrintable(explanation->text()));
        for (const QString &component : named)
            QVERIFY2(!explanation->text().contains(component), qPrintable(explanation->text()));
        QVERIFY(!explanation->toolTip().isEmpty() && explanation->toolTip() != explanation->text());
        for (const QString &said : says)
            QVERIFY2(explanation->text().contains(said), qPrintable(explanation->text()));
        const QString suggestion = window.panel->findChild<QLabel *>(QStringLiteral("suggestion"))->text();
        QVERIFY2(suggestion.at(0).isUpper(), qPrintable(suggestion));
        // The deciding rule is highlighted, current and visible.
        const QModelIndex current = window.panel->rulesTree()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current, window.panel->rules()->decidingRule());
        QCOMPARE(current.data().toString(), deciding);
        QVERIFY(window.panel->rulesTree()->isVisible());
        // The deciding rule is the only one on a tint; every layer says what it did, in a row of its own.
        auto *delegate = qobject_cast<RuleHighlightDelegate *>(window.panel->rulesTree()->itemDelegate());
        QVERIFY(delegate);
        const ExplanationRulesModel *rules = window.panel->rules();
        int tinted = 0;
        for (int layer = 0; layer < rules->rowCount(); ++layer) {
            const QModelIndex layerIndex = rules->index(layer, 0);
            QVERIFY(window.panel->rulesTree()->isFirstColumnSpanned(layer, QModelIndex()));
            const QString said = layerIndex.data().toString();
            QVERIFY2(said.contains(QStringLiteral("allowed it")) || said.contains(QStringLiteral("DENIED it"))
                         || said.contains(QStringLiteral("not evaluated")),
                     qPrintable(said));
            QCOMPARE(said.contains(QStringLiteral("DENIED")), layerIndex.data(ExplanationRulesModel::BlockingRole).toBool());
            for (int row = -1; row < rules->rowCount(layerIndex); ++row) {
                const QModelIndex index = row < 0 ? layerIndex : rules->index(row, 0, layerIndex);
                QStyleOptionViewItem option;
                option.initFrom(window.panel->rulesTree());
                delegate->initStyleOption(&option, index);
                if (option.backgroundBrush.style() != Qt::NoBrush) {
                    ++tinted;
                    QCOMPARE(index, rules->decidingRule());
                }
            }
        }
        QCOMPARE(tinted, 1);
        QCOMPARE(rules->headerData(ExplanationRulesModel::ActionColumn, Qt::Horizontal).toString(), QStringLiteral("Rule action"));
        // The rule columns fit the panel: no horizontal scrolling at its width.
        QVERIFY2(window.panel->rulesTree()->header()->length() <= window.panel->rulesTree()->viewport()->width(),
                 qPrintable(QStringLiteral("%1 > %2").arg(window.panel->rulesTree()->header()->length())
                                .arg(window.panel->rulesTree()->viewport()->width())));
    }

    // In a narrow panel the evidence shows what each record did (the accepted request beside
    // the rejected reply is the argument) without scrolling sideways.
    void evidenceActionInViewWhenNarrow()
    {
        Window window;
        window.widget.resize(900, 700);
        window.widget.show();
        QVERIFY(window.open(m_withSnapshot.path));
        QTRY_VERIFY(window.rowOf(m_withSnapshot.idOfLine.at(3)) >= 0);
        QSignalSpy explained(window.panel, &WhyRejectedPanel::explained);
        window.select(m_withSnapshot.idOfLine.at(3));
        QVERIFY(explained.wait(20000));
        QTableView *evidence = window.panel->evidenceTable();
        QTRY_VERIFY(evidence->isVisible());
        QVERIFY(evidence->model()->rowCount() > 0);
        for (int row = 0; row < evidence->model()->rowCount(); ++row) {
            const QRect action = evidence->visualRect(evidence->model()->index(row, EvidenceModel::ActionColumn));
            QVERIFY2(action.right() <= evidence->viewport()->width(),
                     qPrintable(QStringLiteral("%1 > %2").arg(action.right()).arg(evidence->viewport()->width())));
            // And when, whole: the time on the explained record's day, the date in the line above and the tooltip.
            const QModelIndex start = evidence->model()->index(row, EvidenceModel::StartColumn);
            const QRect startCell = evidence->visualRect(start);
            QVERIFY2(startCell.right() <= evidence->viewport()->width(),
                     qPrintable(QStringLiteral("%1 > %2").arg(startCell.right()).arg(evidence->viewport()->width())));
            QVERIFY(evidence->fontMetrics().horizontalAdvance(start.data().toString()) < startCell.width());
            const QString whole = QDateTime::fromSecsSinceEpoch(start.data(EvidenceModel::StartRole).toLongLong(), Qt::UTC)
                                      .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            QCOMPARE(start.data().toString(), whole.mid(11));
            QVERIFY(start.data(Qt::ToolTipRole).toString().contains(whole));
        }
    }

    // A click on the request behind a rejected reply selects it in the
    // table, and the panel keeps the reply's explanation in view.
    void evidenceClickGoesToTheRecord()
    {
        Window window;
        window.widget.show();
        QVERIFY(window.open(m_withSnapshot.path));
        QTRY_VERIFY(window.rowOf(m_withSnapshot.idOfLine.at(3)) >= 0);
        QSignalSpy explained(window.panel, &WhyRejectedPanel::explained);
        window.select(m_withSnapshot.idOfLine.at(3));
        QVERIFY(explained.wait(20000));
        const QString verdict = window.panel->shownText();
        QTableView *evidence = window.panel->evidenceTable();
        QTRY_VERIFY(evidence->isVisible());
        QCOMPARE(evidence->model()->index(0, 0).data(EvidenceModel::RecordIdRole).toLongLong(), m_withSnapshot.idOfLine.at(2));
        QSignalSpy found(&window.locator, &RecordLocator::found);
        const QRect cell = evidence->visualRect(evidence->model()->index(0, EvidenceModel::RoleColumn));
        QTest::mouseClick(evidence->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_VERIFY(!found.isEmpty());
        QCOMPARE(found.at(0).at(0).toLongLong(), m_withSnapshot.idOfLine.at(2));
        QCOMPARE(window.table->currentIndex().data(FlowTableModel::RecordIdRole).toLongLong(), m_withSnapshot.idOfLine.at(2));
        QCOMPARE(window.panel->shownText(), verdict);
        QCOMPARE(evidence->selectionModel()->selectedRows().value(0).row(), 0);
    }

    // The panel names the record it explains as the table shows it (its
    // row, time, interface and flow); walking the evidence moves the evidence
    // highlight with the table's row, and back on the record explained the
    // highlight goes and the deciding rule is in view again.
    void namesTheRecordAndFollowsTheWalk()
    {
        Window window;
        window.widget.resize(900, 700); // a narrow panel: the layer sentences wrap rather than being cut
        window.widget.show();
        QVERIFY(window.open(m_withSnapshot.path));
        QTRY_VERIFY(window.rowOf(m_withSnapshot.idOfLine.at(3)) >= 0);
        QSignalSpy explained(window.panel, &WhyRejectedPanel::explained);
        const int rejectRow = window.rowOf(m_withSnapshot.idOfLine.at(3));
        window.select(m_withSnapshot.idOfLine.at(3));
        QVERIFY(explained.wait(20000));
        const auto record = window.model.recordAt(rejectRow);
        QVERIFY(record);
        const RecordIdentity identity = RecordIdentity::fromRow(*record, rejectRow + 1);
        auto *named = window.panel->findChild<QLabel *>(QStringLiteral("explainedRecord"));
        QVERIFY(named->isVisible());
        QCOMPARE(named->text(), window.panel->explainedRecordText());
        for (const QString &part : {QStringLiteral("row %1").arg(rejectRow + 1), identity.startText(), identity.interfaceId, identity.flowText()})
            QVERIFY2(named->text().contains(part), qPrintable(named->text() + QStringLiteral(" lacks ") + part));
        QVERIFY(named->toolTip().contains(identity.filter()));

        QTableView *evidence = window.panel->evidenceTable();
        QTreeView *rules = window.panel->rulesTree();
        const auto decidingInView = [rules] {
            const QModelIndex deciding = rules->model()->index(0, 0).isValid() ? qobject_cast<ExplanationRulesModel *>(rules->model())->decidingRule() : QModelIndex();
            return deciding.isValid() && rules->currentIndex() == deciding
                && rules->viewport()->rect().contains(rules->visualRect(deciding));
        };
        QTRY_VERIFY(decidingInView());
        QVERIFY(evidence->selectionModel()->selectedRows().isEmpty());
        for (int row = 0; row < evidence->model()->rowCount(); ++row) {
            const qint64 id = evidence->model()->index(row, 0).data(EvidenceModel::RecordIdRole).toLongLong();
            window.select(id); // the analyst walks to it in the table
            QCOMPARE(evidence->selectionModel()->selectedRows().value(0).row(), row);
            QCOMPARE(window.panel->findChild<QLabel *>(QStringLiteral("explainedRecord"))->text(), named->text());
            QVERIFY(window.panel->describeRecord(id).contains(evidence->model()->index(row, EvidenceModel::StartColumn).data().toString()));
        }
        rules->scrollToBottom();
        window.select(m_withSnapshot.idOfLine.at(3)); // back on the record explained
        QVERIFY(evidence->selectionModel()->selectedRows().isEmpty());
        QTRY_VERIFY(decidingInView());
        QCOMPARE(explained.size(), 1); // walking re-explained nothing

        // Every layer's sentence is within the view, wrapped onto more lines where it is long.
        const ExplanationRulesModel *model = window.panel->rules();
        const int lineHeight = rules->fontMetrics().height();
        bool wrapped = false;
        for (int layer = 0; layer < model->rowCount(); ++layer) {
            const QModelIndex index = model->index(layer, 0);
            const int needed = rules->fontMetrics().horizontalAdvance(index.data().toString());
            const int room = rules->viewport()->width() - rules->indentation();
            if (needed > room) {
                QVERIFY2(rules->visualRect(index).height() >= 2 * lineHeight, qPrintable(index.data().toString()));
                wrapped = true;
            }
        }
        QVERIFY(wrapped); // the panel is narrow enough for the test to mean something

        // Every rule is one line under its layer (a group's rules under the group's own line), spanned
        // across the view and wrapped rather than cut at its right edge: nothing scrolls sideways.
        int groupLines = 0;
        for (int layer = 0; layer < model->rowCount(); ++layer) {
            const QModelIndex layerIndex = model->index(layer, 0);
            for (int row = 0; row < model->rowCount(layerIndex); ++row) {
                const QModelIndex index = model->index(row, 0, layerIndex);
                QVERIFY(rules->isFirstColumnSpanned(row, layerIndex));
                const QString line = index.data(ExplanationRulesModel::LineRole).toString();
                QVERIFY(!line.isEmpty());
                groupLines += index.data(ExplanationRulesModel::GroupRole).toBool();
                if (index.data(ExplanationRulesModel::GroupRole).toBool())
                    QVERIFY2(line.startsWith(model->index(row, ExplanationRulesModel::RuleColumn, layerIndex).data().toString().section(u' ', 0, 0)),
                             qPrintable(line)); // the whole group id
                rules->scrollTo(index);
                QTRY_VERIFY(rules->visualRect(index).isValid());
                const QRect rect = rules->visualRect(index);
                const int needed = rules->fontMetrics().horizontalAdvance(line);
                if (needed > rules->viewport()->width() - rect.left())
                    QVERIFY2(rect.height() >= 2 * lineHeight, qPrintable(line));
            }
        }
        QVERIFY(groupLines > 0);
        QVERIFY(!rules->horizontalScrollBar()->isVisible());
        // The content is as tall as its wrapped text: the suggestion is never cut, the panel scrolls instead.
        const QLabel *suggestion = window.panel->findChild<QLabel *>(QStringLiteral("suggestion"));
        QTRY_VERIFY2(suggestion->height() >= suggestion->heightForWidth(suggestion->width()),
                     qPrintable(QStringLiteral("%1 < %2").arg(suggestion->height()).arg(suggestion->heightForWidth(suggestion->width()))));
    }

    void saysWhatItNeeds()
    {
        Window window;
        window.widget.show();
        QVERIFY(window.open(m_flowsOnly.path));
        QTRY_VERIFY(window.rowOf(m_flowsOnly.idOfLine.at(2)) >= 0);
        window.select(m_flowsOnly.idOfLine.at(2)); // an ACCEPT
        QVERIFY(!window.panel->showsExplanation());
        QTRY_VERIFY2(window.panel->shownText().contains(QStringLiteral("accepted")), qPrintable(window.panel->shownText()));
        QCOMPARE(window.panel->loader()->started(), 0);

        // Without a snapshot: the records' verdict, and what would make it exact.
        QSignalSpy explained(window.panel, &WhyRejectedPanel::explained);
        window.select(m_flowsOnly.idOfLine.at(4));
        QVERIFY(explained.wait(20000));
        QVERIFY(window.panel->shownText().startsWith(
            WhyRejectedPanel::verdictSentence(explain::RecordVerdict::SecurityGroupOrNetworkAcl)));
        QVERIFY(window.panel->findChild<QLabel *>(QStringLiteral("basis"))->text().contains(QStringLiteral("configuration snapshot")));
        QVERIFY(!window.panel->rulesTree()->isVisible());
        // The explanation adds what the records show (no reply, nothing at the other end), not the verdict
        // again, in sentences that start with a capital.
        const QString explanation = window.panel->findChild<QLabel *>(QStringLiteral("explanation"))->text();
        QVERIFY2(!explanation.contains(QStringLiteral("cannot tell")) && !explanation.contains(QStringLiteral("denied it")),
                 qPrintable(explanation));
        for (const QString &said : {QStringLiteral("This request was logged inbound by eni-0web1"), QStringLiteral("No reply"),
                                    QStringLiteral("other end")})
            QVERIFY2(explanation.contains(said), qPrintable(explanation));
        QVERIFY2(explanation.at(0).isUpper(), qPrintable(explanation));
    }

    // NODATA and SKIPDATA reports, and a record whose action is '-', are no
    // accepted traffic: the panel says what they are and gives no verdict.
    void recordsWithoutActionGetNoVerdict_data()
    {
        QTest::addColumn<QByteArray>("record");
        QTest::addColumn<QStringList>("says");
        QTest::newRow("NODATA") << QByteArray("5 123456789012 eni-0web1 - - - - - - - 1600 1659 - NODATA - - - -")
                                << QStringList{QStringLiteral("NODATA report"), QStringLiteral("gap in logging"),
                                               QStringLiteral("no traffic"), QStringLiteral("no verdict")};
        QTest::newRow("SKIPDATA") << QByteArray("5 123456789012 eni-0web1 - - - - - - - 1600 1659 - SKIPDATA - - - -")
                                  << QStringList{QStringLiteral("SKIPDATA report"), QStringLiteral("gap in logging"),
                                                 QStringLiteral("skipped"), QStringLiteral("no verdict")};
        QTest::newRow("no action logged")
            << QByteArray("5 123456789012 eni-0web1 203.0.113.50 10.0.3.21 50000 22 6 1 60 1600 1659 - OK 2 ingress subnet-0web -")
            << QStringList{QStringLiteral("has no action"), QStringLiteral("no verdict")};
    }

    void recordsWithoutActionGetNoVerdict()
    {
        QFETCH(QByteArray, record);
        QFETCH(QStringList, says);
        QTemporaryDir dir;
        const QString input = dir.filePath(QStringLiteral("gap.log"));
        test::writeFile(input, "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
                               "action log-status tcp-flags flow-direction subnet-id reject-reason\n"
                               + record + '\n');
        const QString casePath = dir.filePath(QStringLiteral("gap.flowcase"));
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            CaseImporter(*caseDb).run({input.toStdString()}, {});
        }
        Window window;
        window.widget.show();
        QVERIFY(window.open(casePath));
        QTRY_COMPARE(window.model.rowCount(), 1);
        QTRY_VERIFY(!window.model.index(0, 0).data(FlowTableModel::LoadingRole).toBool());
        QVERIFY(window.model.index(0, 0).data(FlowTableModel::ActionRole).isNull());
        window.table->selectRow(0);
        QTRY_VERIFY2(window.panel->shownText().contains(says.first()), qPrintable(window.panel->shownText()));
        QVERIFY(!window.panel->showsExplanation());
        const QString text = window.panel->shownText();
        QVERIFY2(!text.contains(QStringLiteral("accepted"), Qt::CaseInsensitive), qPrintable(text));
        for (const QString &part : says)
            QVERIFY2(text.contains(part), qPrintable(text));
        QCOMPARE(window.panel->loader()->started(), 0);
    }

    // A CloudTrail change of the rejecting interface's groups, made before
    // the reject, is named under the basis line.
    void showsTheChangeBeforeTheReject()
    {
        const QString log = m_dir.filePath(QStringLiteral("changed.log"));
        test::writeFile(log, "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n"
                             "2 123456789012 eni-0aaaaaaaaaaaaaaa1 203.0.113.9 10.0.1.5 40001 22 6 1 60 1773104520 1773104579 REJECT OK\n");
        const QString trail = m_dir.filePath(QStringLiteral("changed-trail.json"));
        test::writeFile(trail, R"({"Records":[{"eventVersion":"1.09","eventTime":"2026-03-10T01:01:40Z",)"
                               R"("eventSource":"ec2.amazonaws.com","eventName":"ModifyNetworkInterfaceAttribute",)"
                               R"("awsRegion":"us-east-1","sourceIPAddress":"203.0.113.44","userAgent":"aws-cli/2",)"
                               R"("eventID":"ev-groups","recipientAccountId":"123456789012",)"
                               R"("userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/ops"},)"
                               R"("requestParameters":{"networkInterfaceId":"eni-0aaaaaaaaaaaaaaa1",)"
                               R"("groupSet":{"items":[{"groupId":"sg-0aaaaaaaaaaaaaaa2"}]}}}]})");
        const QString casePath = m_dir.filePath(QStringLiteral("changed.flowcase"));
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            const ImportReport report = CaseImporter(*caseDb).run({log.toStdString(), trail.toStdString()}, {});
            QCOMPARE(report.records, std::uint64_t(1));
            QCOMPARE(report.cloudTrailEvents, std::uint64_t(1));
        }
        Window window;
        window.widget.show();
        QVERIFY(window.open(casePath));
        QTRY_COMPARE(window.model.rowCount(), 1);
        QSignalSpy explained(window.panel, &WhyRejectedPanel::explained);
        window.table->selectRow(0);
        QVERIFY(explained.wait(20000));
        const QLabel *change = window.panel->findChild<QLabel *>(QStringLiteral("configChange"));
        QVERIFY(change);
        QVERIFY(!change->isHidden());
        QCOMPARE(change->text(), QStringLiteral("eni-0aaaaaaaaaaaaaaa1 was changed at 2026-03-10 01:01:40 UTC by "
                                                "arn:aws:iam::123456789012:user/ops: ModifyNetworkInterfaceAttribute, "
                                                "before this reject."));
    }

    void hiddenExplainsNothing()
    {
        Window window;
        window.widget.show();
        QVERIFY(window.open(m_withSnapshot.path));
        QTRY_VERIFY(window.rowOf(m_withSnapshot.idOfLine.at(3)) >= 0);
        window.panel->hide();
        window.select(m_withSnapshot.idOfLine.at(3));
        QCoreApplication::processEvents();
        QCOMPARE(window.panel->loader()->started(), 0);
        QSignalSpy explained(window.panel, &WhyRejectedPanel::explained);
        window.panel->show(); // shown: explains the row selected meanwhile
        QVERIFY(explained.wait(20000));
        QCOMPARE(window.panel->loader()->started(), 1);
        QVERIFY(window.panel->shownText().startsWith(WhyRejectedPanel::verdictSentence(explain::RecordVerdict::NetworkAcl)));
    }
    // A snapshot loaded while a reject is shown: the explanation is made
    // again with it, without another click.
    void snapshotLoadedReexplainsTheShownRecord()
    {
        const test::ExplainCase later = test::writeExplainCase(m_dir.path(), QStringLiteral("later"), false);
        Window window;
        window.widget.show();
        QVERIFY(window.open(later.path));
        QTRY_VERIFY(window.rowOf(later.idOfLine.at(4)) >= 0);
        QSignalSpy explained(window.panel, &WhyRejectedPanel::explained);
        window.select(later.idOfLine.at(4));
        QVERIFY(explained.wait(20000));
        QVERIFY(window.panel->shownText().startsWith(
            WhyRejectedPanel::verdictSentence(explain::RecordVerdict::SecurityGroupOrNetworkAcl)));
        {
            auto caseDb = CaseDb::open(later.path.toStdString(), CaseDb::Mode::ReadWrite);
            QVERIFY(explain::importSnapshot(*caseDb, {QStringLiteral(FLOWSCOPE_EXPLAIN_DATA "/estate")},
                                            QDateTime::fromSecsSinceEpoch(500, Qt::UTC))
                        .isStored());
        }
        explained.clear();
        window.panel->snapshotsChanged();
        QVERIFY(explained.wait(20000));
        QVERIFY2(window.panel->shownText().startsWith(WhyRejectedPanel::verdictSentence(explain::RecordVerdict::SecurityGroup)),
                 qPrintable(window.panel->shownText()));
    }
};

QTEST_MAIN(TestWhyRejectedPanel)
#include "tst_whyrejectedpanel.moc"
