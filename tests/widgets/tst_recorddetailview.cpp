// SPDX-License-Identifier: GPL-3.0-or-later
// The detail pane decodes a record's coded fields and says where it came from.

#include "record_detail_view.h"
#include "store/flow_reader.h"

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
        QCOMPARE(item(view, QStringLiteral("protocol"))->text(2), QStringLiteral("TCP"));
        QCOMPARE(item(view, QStringLiteral("tcp-flags"))->text(2), QStringLiteral("SYN, ACK"));
        QVERIFY(item(view, QStringLiteral("traffic-path"))->text(2).contains(QStringLiteral("internet gateway")));
        QVERIFY(item(view, QStringLiteral("start"))->text(2).startsWith(QStringLiteral("2026-03-10 02:00:00 UTC")));
        QCOMPARE(item(view, QStringLiteral("srcaddr"))->text(1), QStringLiteral("10.0.0.1"));
        QVERIFY(!item(view, QStringLiteral("dstaddr"))); // absent fields are not listed
        QCOMPARE(item(view, QStringLiteral("file"))->text(1), QStringLiteral("/cases/a.log.gz"));
        QCOMPARE(item(view, QStringLiteral("file"))->text(2), QStringLiteral("line 12"));
        QCOMPARE(item(view, QStringLiteral("record id"))->text(1), QStringLiteral("4097"));
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
