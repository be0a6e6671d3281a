// SPDX-License-Identifier: GPL-3.0-or-later
// The detail pane decodes a record's coded fields and says where it came
// from, and with a configuration snapshot what it says of the interface and
// of the interfaces owning the addresses.

#include "explain/interface_enrichment.h"
#include "explain/snapshot_loader.h"
#include "record_detail_view.h"
#include "store/flow_reader.h"

#include <QHeaderView>
#include <QDateTime>
#include <QTest>

using namespace flowscope;

class TestRecordDetailView : public QObject {
    Q_OBJECT

private:
    static QTreeWidgetItem *item(QTreeWidget &view, const QString &field)
    {
        const auto found = view.findItems(field, Qt::MatchExactly, 0);
        return found.isEmpty() ? nullptr : found.first();
    }

private Q_SLOTS:
    void decodesTheRecord()
    {
        FlowRow row;
        row.id = 4097;
        row.file = "/cases/a.log.gz";
        row.line = 12;
        row.values[std::size_t(Field::Protocol)] = std::int64_t(6);
        row.values[std::size_t(Field::TcpFlags)] = std::int64_t(18);
        row.values[std::size_t(Field::TrafficPath)] = std::int64_t(8);
        row.values[std::size_t(Field::Start)] = std::int64_t(1773108000);
        row.values[std::size_t(Field::SrcAddr)] = std::string("10.0.0.1");
        RecordDetailView view;
        view.showRecord(row);
        QCOMPARE(item(view, QStringLiteral("protocol"))->text(1), QStringLiteral("tcp (6)")); // as the flow table says
        QCOMPARE(item(view, QStringLiteral("protocol"))->text(2), QStringLiteral("IANA protocol number 6"));
        QCOMPARE(item(view, QStringLiteral("tcp-flags"))->text(2), QStringLiteral("SYN, ACK"));
        QVERIFY(item(view, QStringLiteral("traffic-path"))->text(2).contains(QStringLiteral("internet gateway")));
        QCOMPARE(item(view, QStringLiteral("start"))->text(1), QStringLiteral("2026-03-10 02:00:00 UTC"));
        QVERIFY(item(view, QStringLiteral("start"))->text(2).endsWith(QStringLiteral("1773108000 seconds since the epoch")));
        QCOMPARE(item(view, QStringLiteral("srcaddr"))->text(1), QStringLiteral("10.0.0.1"));
        QVERIFY(!item(view, QStringLiteral("dstaddr"))); // absent fields are not listed
        QCOMPARE(item(view, QStringLiteral("file"))->text(1), QStringLiteral("/cases/a.log.gz"));
        QCOMPARE(item(view, QStringLiteral("file"))->text(2), QStringLiteral("line 12"));
        QCOMPARE(item(view, QStringLiteral("record id"))->text(1), QStringLiteral("4097"));

        // A long path is elided in the middle, whole in the tooltip, and leaves the meanings in view.
        const QString path = QStringLiteral("/srv/evidence/") + QString(120, u'x') + QStringLiteral("/flowlog-0042.log.gz");
        row.file = path.toStdString();
        view.resize(900, 600);
        view.showRecord(row);
        QTreeWidgetItem *file = item(view, QStringLiteral("file"));
        QVERIFY(file->text(1).size() < path.size());
        QVERIFY(file->text(1).endsWith(QStringLiteral(".log.gz")));
        QCOMPARE(file->toolTip(1), path);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int meaningAt = view.header()->sectionPosition(2);
        QVERIFY2(meaningAt < view.viewport()->width() / 2, qPrintable(QString::number(meaningAt)));
        // The value is in UTC: a local zone of UTC is not named a second time ("… UTC local time").
        const QString start = item(view, QStringLiteral("start"))->text(2);
        QVERIFY2(!start.contains(QStringLiteral("UTC local time")), qPrintable(start));
        if (QDateTime::fromSecsSinceEpoch(1773108000).offsetFromUtc() == 0)
            QVERIFY2(!start.contains(QStringLiteral("local time")), qPrintable(start));
    }

    // log-status values say what the record is: NODATA and SKIPDATA are gaps, not flows.
    void explainsTheLogStatus_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("says");
        QTest::newRow("OK") << QStringLiteral("OK") << QStringLiteral("logged normally");
        QTest::newRow("NODATA") << QStringLiteral("NODATA") << QStringLiteral("no traffic");
        QTest::newRow("SKIPDATA") << QStringLiteral("SKIPDATA") << QStringLiteral("skipped");
    }

    void explainsTheLogStatus()
    {
        QFETCH(QString, status);
        QFETCH(QString, says);
        FlowRow row;
        row.values[std::size_t(Field::LogStatus)] = status.toStdString();
        RecordDetailView view;
        view.showRecord(row);
        QVERIFY2(item(view, QStringLiteral("log-status"))->text(2).contains(says),
                 qPrintable(item(view, QStringLiteral("log-status"))->text(2)));
    }

    void showsTheSnapshot_data()
    {
        QTest::addColumn<QString>("eni");
        QTest::addColumn<QString>("srcaddr");
        QTest::addColumn<QString>("dstaddr");
        QTest::addColumn<QStringList>("expected"); // label=value
        QTest::newRow("instance with two groups")
            << "eni-0web1" << "10.0.3.21" << "10.0.1.11"
            << QStringList{QStringLiteral("instance=i-0web1 (web-1)"),
                           QStringLiteral("security groups=sg-0web (web), sg-0mgmt (mgmt)"),
                           QStringLiteral("subnet=subnet-0web (web)"), QStringLiteral("VPC=vpc-0prod (prod)"),
                           QStringLiteral("interface type=interface"),
                           QStringLiteral("source owned by=eni-0web1 (i-0web1 web-1, subnet web)"),
                           QStringLiteral("destination owned by=eni-0app1 (i-0app1 app-1, subnet app)")};
        QTest::newRow("service interface, outside address")
            << "eni-0tgw" << "198.51.100.7" << "10.0.1.100"
            << QStringList{QStringLiteral("description=Network Interface for Transit Gateway Attachment tgw-attach-0abc"),
                           QStringLiteral("interface type=transit_gateway"),
                           QStringLiteral("destination owned by=eni-0tgw (Network Interface for Transit Gateway "
                                          "Attachment tgw-attach-0abc, subnet app)")};
        QTest::newRow("unknown interface") << "eni-0gone" << "10.9.9.9" << "10.0.2.21"
                                           << QStringList{QStringLiteral("interface=eni-0gone is not in the snapshot"),
                                                          QStringLiteral("destination owned by=eni-0db1 (RDSNetworkInterface, subnet db)")};
    }

    void showsTheSnapshot()
    {
        QFETCH(QString, eni);
        QFETCH(QString, srcaddr);
        QFETCH(QString, dstaddr);
        QFETCH(QStringList, expected);
        FlowRow row;
        row.values[std::size_t(Field::InterfaceId)] = eni.toStdString();
        row.values[std::size_t(Field::SrcAddr)] = srcaddr.toStdString();
        row.values[std::size_t(Field::DstAddr)] = dstaddr.toStdString();
        RecordDetailView view;
        view.showRecord(row);
        const int withoutSnapshot = view.topLevelItemCount();
        explain::SnapshotLoad load = explain::loadSnapshot({QStringLiteral(FLOWSCOPE_EXPLAIN_DATA "/estate")});
        view.setEnrichment(std::make_shared<const explain::InterfaceEnrichment>(
            std::make_shared<const explain::ConfigSnapshot>(std::move(load.snapshot)), 3));
        // The record stays, the snapshot's lines follow under a heading naming it.
        QCOMPARE(item(view, QStringLiteral("interface-id"))->text(1), eni);
        QTreeWidgetItem *heading = view.topLevelItem(withoutSnapshot);
        QVERIFY(heading);
        QVERIFY2(heading->text(0).contains(QStringLiteral("snapshot #3")), qPrintable(heading->text(0)));
        QVERIFY(!heading->text(0).contains(QStringLiteral("newest"))); // no as-of: no distance to say
        QStringList shown;
        for (int i = withoutSnapshot + 1; i < view.topLevelItemCount(); ++i)
            shown << view.topLevelItem(i)->text(0) + u'=' + view.topLevelItem(i)->text(1);
        for (const QString &line : expected)
            QVERIFY2(shown.contains(line), qPrintable(shown.join(QStringLiteral(" | "))));
        QVERIFY(!shown.join(u'|').contains(QStringLiteral("source owned by=eni-0gone")));
        // Without the snapshot again, the record alone.
        view.setEnrichment(nullptr);
        QCOMPARE(view.topLevelItemCount(), withoutSnapshot);
    }

    void hintWithoutARecord()
    {
        RecordDetailView view;
        view.showRecord(std::nullopt);
        QCOMPARE(view.topLevelItemCount(), 1);
        QVERIFY(view.topLevelItem(0)->text(0).startsWith(QStringLiteral("Select a record")));
    }
};

QTEST_MAIN(TestRecordDetailView)
#include "tst_recorddetailview.moc"
