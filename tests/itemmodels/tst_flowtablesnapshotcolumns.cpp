// SPDX-License-Identifier: GPL-3.0-or-later
// The flow table's optional columns from the configuration snapshot: none by
// default, after the field columns when chosen, each cell what the snapshot
// says of the record's interface (empty for an interface it lacks, or
// without a snapshot), and the field columns unchanged.

#include "explain/interface_enrichment.h"
#include "explain/snapshot_loader.h"
#include "ingest/case_importer.h"
#include "itemmodels/flow_table_model.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

namespace {

const QStringList kEnis{QStringLiteral("eni-0web1"), QStringLiteral("eni-0app1"), QStringLiteral("eni-0tgw"),
                        QStringLiteral("eni-0gone")};

} // namespace

class TestFlowTableSnapshotColumns : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

    static bool loaded(const FlowTableModel &model, int row)
    {
        return !model.index(row, 0).data(FlowTableModel::LoadingRole).toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QByteArray log = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start "
                         "end action log-status\n";
        for (int i = 0; i < 40; ++i)
            log += "2 123456789012 " + kEnis[i % kEnis.size()].toUtf8() + " 10.0.3.21 198.51.100.7 40000 443 6 3 300 "
                + QByteArray::number(1773100800 + i) + ' ' + QByteArray::number(1773100860 + i) + " ACCEPT OK\n";
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), log);
        m_case = m_dir.filePath(QStringLiteral("c.flowcase"));
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records,
                 std::uint64_t(40));
    }

    void columnsFromTheSnapshot()
    {
        FlowTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy opened(&model, &FlowTableModel::caseLoaded);
        model.setCase(m_case);
        QVERIFY(opened.wait(10000));
        const int fields = int(model.columns().size());
        QCOMPARE(model.columnCount(), fields); // hidden by default

        model.setSnapshotColumns({SnapshotColumn::SecurityGroups, SnapshotColumn::InstanceName, SnapshotColumn::VpcName});
        QCOMPARE(model.columnCount(), fields + 3);
        QCOMPARE(model.headerData(fields, Qt::Horizontal).toString(), QStringLiteral("Security groups"));
        QCOMPARE(model.headerData(fields + 1, Qt::Horizontal).toString(), QStringLiteral("Instance name"));
        model.index(model.rowCount() - 1, 0).data();
        QTRY_VERIFY_WITH_TIMEOUT(loaded(model, model.rowCount() - 1), 10000);
        QVERIFY(model.index(0, fields).data().toString().isEmpty()); // no snapshot yet

        explain::SnapshotLoad load = explain::loadSnapshot({QStringLiteral(FLOWSCOPE_EXPLAIN_DATA "/estate")});
        const auto snapshot = std::make_shared<const explain::ConfigSnapshot>(std::move(load.snapshot));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setEnrichment(std::make_shared<const explain::InterfaceEnrichment>(snapshot));
        QCOMPARE(changed.size(), 1);
        const int interfaceColumn = int(model.columns().indexOf(Field::InterfaceId));
        QVERIFY(interfaceColumn >= 0);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString eni = model.index(row, interfaceColumn).data().toString();
            // Expected straight from the snapshot's documents.
            const explain::NetworkInterface *described = explain::findById(snapshot->interfaces, eni);
            QStringList groups;
            for (const QString &id : described ? described->groupIds : QStringList()) {
                const explain::SecurityGroup *group = explain::findById(snapshot->securityGroups, id);
                groups << (group ? id + QStringLiteral(" (") + group->name + u')' : id);
            }
            const explain::Instance *instance = described ? explain::findById(snapshot->instances, described->instanceId) : nullptr;
            const explain::Vpc *vpc = described ? explain::findById(snapshot->vpcs, described->vpcId) : nullptr;
            QCOMPARE(model.index(row, fields).data().toString(), groups.join(QStringLiteral(", ")));
            QCOMPARE(model.index(row, fields + 1).data().toString(), instance ? instance->name : QString());
            QCOMPARE(model.index(row, fields + 2).data().toString(), vpc ? vpc->name : QString());
        }
        QCOMPARE(model.index(0, fields).data(FlowTableModel::RecordIdRole), model.index(0, 0).data(FlowTableModel::RecordIdRole));

        // The field columns change on their own; the snapshot's stay after them.
        model.setColumns({Field::InterfaceId, Field::DstPort});
        QCOMPARE(model.columnCount(), 5);
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Security groups"));
        model.sort(2); // does not sort
        model.setSnapshotColumns({});
        QCOMPARE(model.columnCount(), 2);
    }
};

QTEST_MAIN(TestFlowTableSnapshotColumns)
#include "tst_flowtablesnapshotcolumns.moc"
