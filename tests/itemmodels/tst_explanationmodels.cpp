// SPDX-License-Identifier: GPL-3.0-or-later
// The models of the "Why rejected?" panel over explanations of a small case
// with its snapshot: the evidence records, and the rules along the path with
// the deciding one marked; and the loader that explains off the GUI thread,
// delivering only the newest request.

#include "explain_case.h"

#include "explain/reject_explainer.h"
#include "explain/snapshot_store.h"
#include "itemmodels/case_snapshots.h"
#include "itemmodels/evidence_model.h"
#include "itemmodels/explanation_rules_model.h"
#include "itemmodels/flow_table_model.h"
#include "itemmodels/record_explanation_loader.h"
#include "store/case_db.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

class TestExplanationModels : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::ExplainCase m_case;

    std::shared_ptr<const explain::RecordExplanation> explain(int line) const
    {
        auto caseDb = CaseDb::open(m_case.path.toStdString(), CaseDb::Mode::ReadOnly);
        explain::RejectExplainer explainer(*caseDb, explain::loadSnapshotTimeline(*caseDb));
        auto explanation = explainer.explainRecord(m_case.idOfLine.at(line));
        return explanation ? std::make_shared<const explain::RecordExplanation>(std::move(*explanation)) : nullptr;
    }

private Q_SLOTS:
    void initTestCase() { m_case = test::writeExplainCase(m_dir.path(), QStringLiteral("models"), true); }

    void evidenceOfAReply()
    {
        const auto explanation = explain(3);
        QVERIFY(explanation);
        EvidenceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExplanation(explanation);
        QCOMPARE(model.rowCount(), int(explanation->evidence.size()));
        QVERIFY(model.rowCount() >= 1);
        const QModelIndex request = model.index(0, EvidenceModel::RoleColumn);
        QCOMPARE(request.data(EvidenceModel::RecordIdRole).toLongLong(), m_case.idOfLine.at(2));
        QCOMPARE(request.data().toString(), EvidenceModel::roleText(explain::EvidenceRole::Request));
        QCOMPARE(request.data(EvidenceModel::StartRole).toLongLong(), qint64(1000));
        QVERIFY(request.data(EvidenceModel::AcceptedRole).toBool());
        QCOMPARE(model.index(0, EvidenceModel::ActionColumn).data().toString(), QStringLiteral("ACCEPT"));
        QVERIFY(model.index(0, EvidenceModel::InterfaceColumn).data().toString().startsWith(QStringLiteral("eni-0app1")));
        model.setExplanation(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    // Evidence is named as the table shows records (time, interface, flow),
    // not by the store's internal id, and each row's filter shows that very
    // record and no other.
    void evidenceFiltersShowTheirRecords()
    {
        const auto explanation = explain(3);
        QVERIFY(explanation);
        FlowTableModel flows;
        QSignalSpy loaded(&flows, &FlowTableModel::caseLoaded);
        flows.setCase(m_case.path);
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(flows.rowCount() > 0 && !flows.index(flows.rowCount() - 1, 0).data(FlowTableModel::LoadingRole).toBool(), 20000);
        std::optional<RecordIdentity> explained;
        for (int row = 0; row < flows.rowCount(); ++row)
            if (const auto record = flows.recordAt(row); record && record->id == m_case.idOfLine.at(3))
                explained = RecordIdentity::fromRow(*record, row + 1);
        QVERIFY(explained);
        EvidenceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExplanation(explanation, *explained);
        QVERIFY(model.rowCount() >= 1);
        QCOMPARE(model.headerData(EvidenceModel::FlowColumn, Qt::Horizontal).toString(), QStringLiteral("Flow"));
        for (int row = 0; row < model.rowCount(); ++row) {
            const qint64 id = model.index(row, 0).data(EvidenceModel::RecordIdRole).toLongLong();
            QCOMPARE(model.rowOf(id), row);
            for (int column = 0; column < model.columnCount(); ++column)
                QVERIFY(model.index(row, column).data().toString() != QString::number(id));
            const QString flow = model.index(row, EvidenceModel::FlowColumn).data().toString();
            QVERIFY2(flow.contains(explained->srcAddr) && flow.contains(explained->dstAddr), qPrintable(flow));
            const QString filter = model.index(row, 0).data(EvidenceModel::FilterRole).toString();
            QVERIFY(!filter.contains(u'('));
            QVERIFY(model.index(row, 0).data(Qt::ToolTipRole).toString().contains(filter));
            QSignalSpy counts(&flows, &FlowTableModel::countsChanged);
            flows.setFilter(filter);
            QTRY_VERIFY_WITH_TIMEOUT(!counts.isEmpty() && !counts.last().at(2).toBool(), 20000);
            QTRY_VERIFY_WITH_TIMEOUT(flows.rowCount() == 1 && !flows.index(0, 0).data(FlowTableModel::LoadingRole).toBool(), 20000);
            QCOMPARE(flows.index(0, 0).data(FlowTableModel::RecordIdRole).toLongLong(), id);
        }
        // The record explained: its own filter shows it alone.
        QSignalSpy counts(&flows, &FlowTableModel::countsChanged);
        flows.setFilter(explained->filter());
        QTRY_VERIFY_WITH_TIMEOUT(!counts.isEmpty() && !counts.last().at(2).toBool(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(flows.rowCount() == 1 && !flows.index(0, 0).data(FlowTableModel::LoadingRole).toBool(), 20000);
        QCOMPARE(flows.index(0, 0).data(FlowTableModel::RecordIdRole).toLongLong(), m_case.idOfLine.at(3));
        QVERIFY(explained->text().startsWith(QStringLiteral("row ")));
        QVERIFY(explained->text().contains(explained->interfaceId));
    }

    // The deciding rule: the ACL entry of a blocking ACL layer, or, for a
    // group (which denies without a rule), the blocking layer itself.
    void rulesAlongThePath_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("component");
        QTest::addColumn<bool>("decidingIsARule");
        QTest::newRow("network ACL, the reply") << 3 << QStringLiteral("acl-0app") << true;
        QTest::newRow("security group, ssh") << 4 << QStringLiteral("eni-0web1") << false;
    }

    void rulesAlongThePath()
    {
        QFETCH(int, line);
        QFETCH(QString, component);
        QFETCH(bool, decidingIsARule);
        const auto explanation = explain(line);
        QVERIFY(explanation && explanation->path);
        ExplanationRulesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExplanation(explanation);
        QCOMPARE(model.rowCount(), int(explanation->path->layers.size()));
        const QModelIndex deciding = model.decidingRule();
        QVERIFY(deciding.isValid());
        const QModelIndex layer = decidingIsARule ? deciding.parent() : deciding;
        QVERIFY(layer.isValid() && !layer.parent().isValid());
        QVERIFY(layer.data(ExplanationRulesModel::BlockingRole).toBool());
        QVERIFY(model.index(layer.row(), ExplanationRulesModel::PeerColumn).data().toString().startsWith(component));
        QCOMPARE(deciding.parent().isValid(), decidingIsARule);
        if (decidingIsARule) {
            QVERIFY(deciding.data(ExplanationRulesModel::DecidingRole).toBool());
            // The ACL entry the explanation names, and only one deciding entry in its layer.
            QCOMPARE(deciding.data().toString(), explanation->rule->number);
            // As one text: number, action, what and peer, and that it matched first.
            const QString text = deciding.data(ExplanationRulesModel::LineRole).toString();
            QVERIFY2(text.startsWith(explanation->rule->number + u' ' + explanation->rule->action) && text.contains(explanation->rule->cidr)
                         && text.contains(QStringLiteral("first match")),
                     qPrintable(text));
            int marked = 0;
            for (int r = 0; r < model.rowCount(layer); ++r)
                marked += model.index(r, 0, layer).data(ExplanationRulesModel::DecidingRole).toBool();
            QCOMPARE(marked, 1);
        } else {
            QVERIFY(model.rowCount(layer) > 0); // the groups' rules, none of which admits
            for (int r = 0; r < model.rowCount(layer); ++r)
                QVERIFY(!model.index(r, 0, layer).data(ExplanationRulesModel::DecidingRole).toBool());
            // Each group on a text of its own, its rules after it, set in and not repeating it.
            QStringList groups;
            for (int r = 0; r < model.rowCount(layer); ++r) {
                const QModelIndex rule = model.index(r, 0, layer);
                const QString text = rule.data(ExplanationRulesModel::LineRole).toString();
                if (rule.data(ExplanationRulesModel::GroupRole).toBool()) {
                    groups << text.section(u' ', 0, 0);
                    continue;
                }
                QVERIFY(rule.data(ExplanationRulesModel::InGroupRole).toBool());
                QVERIFY2(text.startsWith(QStringLiteral("allow ")) && !text.contains(QStringLiteral("sg-0")), qPrintable(text));
            }
            QCOMPARE(groups, explanation->deniedGroups());
        }
        model.setExplanation(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    // A timeline read before a snapshot was stored is not served after it,
    // even when nobody said the snapshots changed (a job reading the case
    // while the snapshot is stored may be the one that fills the cache).
    void snapshotsFollowTheCase()
    {
        const test::ExplainCase flowsOnly = test::writeExplainCase(m_dir.path(), QStringLiteral("flows-only"), false);
        CaseSnapshots snapshots;
        const QString path = flowsOnly.path;
        {
            auto caseDb = CaseDb::open(path.toStdString(), CaseDb::Mode::ReadOnly);
            QCOMPARE(snapshots.timeline(path, *caseDb)->snapshots().size(), 0u);
        }
        {
            auto caseDb = CaseDb::open(path.toStdString(), CaseDb::Mode::ReadWrite);
            QVERIFY(explain::importSnapshot(*caseDb, {QStringLiteral(FLOWSCOPE_EXPLAIN_DATA "/estate")},
                                            QDateTime::fromSecsSinceEpoch(500, Qt::UTC))
                        .isStored());
        }
        auto caseDb = CaseDb::open(path.toStdString(), CaseDb::Mode::ReadOnly);
        const auto timeline = snapshots.timeline(path, *caseDb);
        QCOMPARE(timeline->snapshots().size(), 1u);
        QCOMPARE(snapshots.timeline(path, *caseDb), timeline); // kept while the case's snapshots stay the same
    }

    void loaderDeliversTheNewest()
    {
        RecordExplanationLoader loader(std::make_shared<CaseSnapshots>());
        loader.setCase(m_case.path);
        QSignalSpy explained(&loader, &RecordExplanationLoader::explained);
        loader.explain(m_case.idOfLine.at(4));
        loader.explain(m_case.idOfLine.at(3)); // replaces the first
        QVERIFY(explained.wait(20000));
        QTRY_VERIFY(!loader.isBusy());
        QCOMPARE(explained.size(), 1);
        const auto result = explained.at(0).at(0).value<RecordExplanationResult>();
        QCOMPARE(result.recordId, m_case.idOfLine.at(3));
        QVERIFY(result.explanation);
        QCOMPARE(result.snapshots, 1);
        QCOMPARE(result.explanation->verdict, explain::RecordVerdict::NetworkAcl);

        loader.explain(m_case.idOfLine.at(2)); // an ACCEPT: nothing to explain
        QVERIFY(explained.wait(20000));
        const auto accepted = explained.at(1).at(0).value<RecordExplanationResult>();
        QCOMPARE(accepted.recordId, m_case.idOfLine.at(2));
        QVERIFY(!accepted.explanation);
        QVERIFY(accepted.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExplanationModels)
#include "tst_explanationmodels.moc"
