// SPDX-License-Identifier: GPL-3.0-or-later
// The flow table view: copying the selected rows in the columns as shown,
// filters from a cell's context menu, and the column chooser whose choice and
// order the model follows and the settings keep.

#include "flow_table_view.h"
#include "ingest/case_importer.h"
#include "itemmodels/flow_table_model.h"
#include "reject_row_delegate.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QPalette>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace flowscope;

class TestFlowTableView : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

    static int columnOf(const FlowTableModel &model, Field field) { return int(model.columns().indexOf(field)); }

private Q_SLOTS:
    void initTestCase()
    {
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), test::smallTrafficRecords());
        m_case = m_dir.filePath(QStringLiteral("t.flowcase"));
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records, 5u);
    }

    // Rows in time order: 0 eni-a 10.0.0.1:40000 -> 10.0.0.2:443, 1 eni-c NODATA,
    // 2 eni-a 10.0.0.1:40001 -> 10.0.0.2:443, 3 eni-b 10.0.0.2 -> 10.0.0.1 REJECT,
    // 4 eni-a 10.0.0.1 -> 203.0.113.9:22.
    void cellMenuRequestsFilter_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("apply");
        auto row = [](const char *name, int r, Field f, const char *action, const char *current, const char *expected) {
            QTest::newRow(name) << r << int(f) << QString::fromLatin1(action) << QString::fromLatin1(current)
                                << QString::fromLatin1(expected) << QByteArray(action).startsWith("apply");
        };
        row("apply selected", 0, Field::DstPort, "applySelected", "action == reject", "dstport == 443");
        row("apply and", 0, Field::SrcAddr, "applyAndSelected", "action == accept",
            "action == accept and srcaddr == 10.0.0.1");
        row("apply or", 3, Field::Action, "applyOrSelected", "port == 22", "port == 22 or action == reject");
        row("apply and not", 0, Field::Protocol, "applyAndNotSelected", "addr == 10.0.0.1 or addr == 10.0.0.2",
            "(addr == 10.0.0.1 or addr == 10.0.0.2) and not protocol == tcp");
        row("apply or not", 4, Field::InterfaceId, "applyOrNotSelected", "dstport == 22",
            "dstport == 22 or not interface-id == eni-a");
        row("prepare selected", 4, Field::DstAddr, "prepareSelected", "", "dstaddr == 203.0.113.9");
        row("prepare and, no filter", 2, Field::SrcPort, "prepareAndSelected", "", "srcport == 40001");
        row("prepare or", 0, Field::Start, "prepareOrSelected", "action == reject",
            "action == reject or start == 2023-11-14T22:13:20Z");
        row("prepare and not, no filter", 3, Field::LogStatus, "prepareAndNotSelected", "", "not log-status == ok");
        row("prepare or not", 0, Field::Bytes, "prepareOrNotSelected", "packets > 1", "packets > 1 or not bytes == 100");
        row("absent value", 1, Field::DstAddr, "applySelected", "", "not dstaddr in {0.0.0.0/0, ::/0}");
        row("absent named value", 1, Field::Action, "applyAndSelected", "eni == eni-c",
            "eni == eni-c and not (action == accept or action == reject)");
    }

    void cellMenuRequestsFilter()
    {
        QFETCH(int, row);
        QFETCH(int, field);
        QFETCH(QString, action);
        QFETCH(QString, current);
        QFETCH(QString, expected);
        QFETCH(bool, apply);
        FlowTableModel model;
        FlowTableView view;
        view.setModel(&model);
        view.setCurrentFilterProvider([current] { return current; });
        model.setCase(m_case);
        QTRY_COMPARE(model.rowCount(), 5);
        const QModelIndex index = model.index(row, columnOf(model, static_cast<Field>(field)));
        index.data(); // asks for the page
        QTRY_VERIFY(!index.data(FlowTableModel::LoadingRole).toBool());

        std::unique_ptr<QMenu> menu(view.createCellMenu(index));
        auto *chosen = menu->findChild<QAction *>(action);
        QVERIFY(chosen);
        QVERIFY(chosen->isEnabled());
        QCOMPARE(chosen->statusTip(), expected);
        QSignalSpy requested(&view, &FlowTableView::filterRequested);
        chosen->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), expected);
        QCOMPARE(requested.at(0).at(1).toBool(), apply);

        auto *copy = menu->findChild<QAction *>(QStringLiteral("copyAsFilter"));
        QVERIFY(copy);
        copy->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), view.filterTermAt(index));
    }

    void cellMenuWithoutAValueDisablesFilters()
    {
        QStandardItemModel plain(2, 2);
        FlowTableView view;
        view.setModel(&plain);
        std::unique_ptr<QMenu> menu(view.createCellMenu(plain.index(0, 0)));
        QVERIFY(!menu->findChild<QMenu *>(QStringLiteral("applyAsFilter"))->isEnabled());
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("prepareOrSelected"))->isEnabled());
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("copyAsFilter"))->isEnabled());
        QAction goToTime(QStringLiteral("Go to Time…"));
        view.addCellMenuAction(&goToTime);
        std::unique_ptr<QMenu> again(view.createCellMenu({}));
        QVERIFY(again->actions().contains(&goToTime));
    }

    // Focus arriving (a dock tab clicked hides the widget that had it, a dialog closes)
    // makes no row current: the Why Rejected? panel and the Record tab follow the current row.
    void focusAloneMakesNoRowCurrent_data()
    {
        QTest::addColumn<int>("reason");
        QTest::newRow("tab") << int(Qt::TabFocusReason);
        QTest::newRow("other") << int(Qt::OtherFocusReason);
        QTest::newRow("window") << int(Qt::ActiveWindowFocusReason);
    }

    void focusAloneMakesNoRowCurrent()
    {
        QFETCH(int, reason);
        QStandardItemModel plain(3, 2);
        FlowTableView view;
        view.setModel(&plain);
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy current(view.selectionModel(), &QItemSelectionModel::currentRowChanged);
        QFocusEvent focusIn(QEvent::FocusIn, static_cast<Qt::FocusReason>(reason));
        QApplication::sendEvent(&view, &focusIn);
        QVERIFY(!view.currentIndex().isValid());
        QCOMPARE(current.count(), 0);
        // The keyboard still starts at the first row, and a chosen row stays current.
        QTest::keyClick(&view, Qt::Key_Down);
        QVERIFY(view.currentIndex().isValid());
        const int row = view.currentIndex().row();
        QApplication::sendEvent(&view, &focusIn);
        QCOMPARE(view.currentIndex().row(), row);
    }

    void columnChooserRoundTrip()
    {
        FlowTableModel model;
        FlowTableView view;
        view.setModel(&model);
        QSignalSpy changed(&view, &FlowTableView::columnsChanged);
        std::unique_ptr<QMenu> menu(view.createColumnMenu());
        auto *vpc = menu->findChild<QAction *>(QStringLiteral("column:vpc-id"));
        auto *srcport = menu->findChild<QAction *>(QStringLiteral("column:srcport"));
        QVERIFY(vpc && srcport);
        QVERIFY(!vpc->isChecked());
        QVERIFY(srcport->isChecked());
        QCOMPARE(menu->findChildren<QAction *>(QRegularExpression(QStringLiteral("^column:"))).size(), kFieldCount);
        vpc->trigger();    // shown, last
        srcport->trigger(); // hidden
        QCOMPARE(changed.size(), 2);
        QStringList expected;
        for (Field f : FlowTableModel::defaultColumns())
            if (f != Field::SrcPort)
                expected << QString::fromLatin1(fieldInfo(f).name.data(), qsizetype(fieldInfo(f).name.size()));
        expected << QStringLiteral("vpc-id");
        QCOMPARE(view.columnNames(), expected);
        QCOMPARE(changed.last().at(0).toStringList(), expected);
        QCOMPARE(model.columns().last(), Field::VpcId);
        view.horizontalHeader()->resizeSection(2, 123); // dstaddr, after srcport went
        const QByteArray state = view.saveHeaderState();

        // What the settings keep restores the same table.
        FlowTableModel restoredModel;
        FlowTableView restored;
        restored.setModel(&restoredModel);
        QVERIFY(restored.setColumnNames(view.columnNames() << QStringLiteral("no-such-field")));
        QVERIFY(restored.restoreHeaderState(state));
        QCOMPARE(restored.columnNames(), expected);
        QCOMPARE(restoredModel.columns(), model.columns());
        QCOMPARE(restored.horizontalHeader()->sectionSize(2), 123);
        QVERIFY(!restored.setColumnNames({QStringLiteral("nothing")}));

        std::unique_ptr<QMenu> again(restored.createColumnMenu());
        again->findChild<QAction *>(QStringLiteral("resetColumns"))->trigger();
        QCOMPARE(restoredModel.columns(), FlowTableModel::defaultColumns());
    }

    void lastColumnCannotBeHidden()
    {
        FlowTableModel model;
        FlowTableView view;
        view.setModel(&model);
        QVERIFY(view.setColumnNames({QStringLiteral("srcaddr")}));
        std::unique_ptr<QMenu> menu(view.createColumnMenu());
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("column:srcaddr"))->isEnabled());
        QVERIFY(menu->findChild<QAction *>(QStringLiteral("column:dstaddr"))->isEnabled());
    }

    void draggedOrderIsKept()
    {
        FlowTableModel model;
        FlowTableView view;
        view.setModel(&model);
        QVERIFY(view.setColumnNames({QStringLiteral("start"), QStringLiteral("srcaddr"), QStringLiteral("dstaddr"),
                                     QStringLiteral("bytes")}));
        QHeaderView *header = view.horizontalHeader();
        header->resizeSection(2, 150); // dstaddr
        QSignalSpy changed(&view, &FlowTableView::columnsChanged);
        header->moveSection(2, 0); // drag dstaddr to the front
        const QStringList order{QStringLiteral("dstaddr"), QStringLiteral("start"), QStringLiteral("srcaddr"),
                                QStringLiteral("bytes")};
        QCOMPARE(view.columnNames(), order);
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toStringList(), order);
        // The model follows, so the header maps one to one again and keeps the width.
        QCOMPARE(model.columns(), (QList<Field>{Field::DstAddr, Field::Start, Field::SrcAddr, Field::Bytes}));
        for (int logical = 0; logical < header->count(); ++logical)
            QCOMPARE(header->visualIndex(logical), logical);
        QCOMPARE(header->sectionSize(0), 150);
        QCOMPARE(view.columnNames(), order);
    }

    // The column's values of the rows shown, once every page has arrived.
    static QStringList columnText(const FlowTableModel &model, Field field)
    {
        QStringList cells;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, columnOf(model, field));
            if (index.data(FlowTableModel::LoadingRole).toBool())
                return {};
            cells << index.data(Qt::EditRole).toString(); // the exact value, not "1.0 kB"
        }
        return cells;
    }

    static void clickHeader(QHeaderView *header, int logical)
    {
        const QPoint centre(header->sectionViewportPosition(logical) + header->sectionSize(logical) / 2,
                            header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
    }

    // A click on a header sorts by its column (bytes largest first, absent
    // values last), a second click turns it around; Start goes back to time
    // order, which a click turns around too.
    // The row numbers keep the width of the case's last record number, so a
    // filter or sort with fewer rows moves no column under the pointer.
    void rowNumbersKeepTheirWidth()
    {
        // A case of 1,200 records, so its row numbers have more digits than a filter's few rows.
        QByteArray lines;
        for (int i = 0; i < 1200; ++i)
            lines += QByteArray("2 123456789012 eni-a 10.0.0.1 10.0.0.2 ") + QByteArray::number(40000 + i)
                     + " 443 6 2 " + QByteArray::number(100 + i) + " 1418530010 1418530070 ACCEPT OK\n";
        test::writeFile(m_dir.filePath(QStringLiteral("many.log")), lines);
        const QString many = m_dir.filePath(QStringLiteral("many.flowcase"));
        {
            auto caseDb = CaseDb::open(many.toStdString(), CaseDb::Mode::CreateIfMissing);
            QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("many.log")).toStdString()}, {}).records, 1200u);
        }
        FlowTableModel model;
        FlowTableView view;
        view.setModel(&model);
        view.resize(1600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setCase(many);
        QTRY_COMPARE(model.rowCount(), 1200);
        const auto left = [&] { return view.horizontalHeader()->x(); };
        QTRY_VERIFY(view.verticalHeader()->width() >= view.verticalHeader()->fontMetrics().horizontalAdvance(QStringLiteral("1200")));
        const int before = left();
        model.setFilter(QStringLiteral("bytes == 107"));
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(left(), before);
    }

    // The REJECT row (3) is painted on a red tint mixed from the palette: light
    // on the light theme, dark on the dark one; other rows keep the base.
    void rejectedRowsAreTintedFromThePalette_data()
    {
        QTest::addColumn<QColor>("base");
        QTest::newRow("light") << QColor(Qt::white);
        QTest::newRow("dark") << QColor(0x1e, 0x1e, 0x1e);
    }

    void rejectedRowsAreTintedFromThePalette()
    {
        QFETCH(QColor, base);
        FlowTableModel model;
        FlowTableView view;
        view.setAlternatingRowColors(false);
        QPalette palette = view.palette();
        palette.setColor(QPalette::Base, base);
        palette.setColor(QPalette::Text, base.lightness() < 128 ? Qt::white : Qt::black);
        view.setPalette(palette);
        view.setModel(&model);
        view.resize(1200, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setCase(m_case);
        QTRY_COMPARE(model.rowCount(), 5);
        QTRY_VERIFY(!model.index(4, 0).data(FlowTableModel::LoadingRole).toBool());
        QVERIFY(model.index(3, 0).data(FlowTableModel::RejectedRole).toBool());
        const int action = columnOf(model, Field::Action);
        const auto colourAt = [&](int row) {
            // Past the end of the cell's left-aligned text.
            const QRect cell = view.visualRect(model.index(row, action));
            return view.viewport()->grab().toImage().pixelColor(cell.right() - 2, cell.center().y());
        };
        const QColor reject = colourAt(3);
        const QColor accept = colourAt(2);
        QCOMPARE(accept.rgb(), base.rgb());
        QCOMPARE(reject.rgb(), RejectRowDelegate::rejectTint(view.palette()).rgb());
        QVERIFY(reject.red() > reject.green() + 20);
        QCOMPARE(reject.lightness() < 128, base.lightness() < 128);
    }

    // The rows are a window of the records: the scroll bar over every record
    // moves the window where it is dragged, scrolling near the window's edge
    // moves it along keeping the record at the top and the current record,
    // and Ctrl+End goes to the last record, not the window's last row.
    void scrollsAWindowOfTheRecords()
    {
        constexpr int kRecords = 3000;
        QByteArray lines;
        for (int i = 0; i < kRecords; ++i)
            lines += QByteArray("2 123456789012 eni-a 10.0.0.1 10.0.0.2 ") + QByteArray::number(20000 + i)
                     + " 443 6 2 " + QByteArray::number(100 + i) + " " + QByteArray::number(1418530010 + i) + " "
                     + QByteArray::number(1418530070 + i) + " ACCEPT OK\n";
        test::writeFile(m_dir.filePath(QStringLiteral("window.log")), lines);
        const QString path = m_dir.filePath(QStringLiteral("window.flowcase"));
        {
            auto caseDb = CaseDb::open(path.toStdString(), CaseDb::Mode::CreateIfMissing);
            QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("window.log")).toStdString()}, {}).records,
                     std::uint64_t(kRecords));
        }
        FlowTableModel model;
        model.setWindowRows(1024);
        model.setColumns({Field::SrcPort, Field::Start});
        FlowTableView view;
        view.setModel(&model);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setCase(path);
        QTRY_COMPARE(model.recordRows(), qint64(kRecords));
        QCOMPARE(model.rowCount(), 1024);
        QScrollBar *records = view.recordScrollBar();
        QTRY_COMPARE(records->maximum(), kRecords - view.verticalScrollBar()->pageStep());
        QVERIFY(records->isVisible());
        QVERIFY(!view.verticalScrollBar()->isVisible());
        // The source port says the record: 20000 + its row.
        const auto topPort = [&] {
            return view.indexAt(QPoint(2, 2)).data(FlowTableModel::RawValueRole).toLongLong();
        };

        records->setValue(2000);
        QVERIFY(model.windowStart() > 0);
        QCOMPARE(model.windowStart() + view.verticalScrollBar()->value(), 2000);
        QTRY_COMPARE(topPort(), 22000);
        QCOMPARE(view.verticalHeader()->logicalIndexAt(2) + model.windowStart() + 1,
                 model.headerData(view.verticalHeader()->logicalIndexAt(2), Qt::Vertical).toLongLong());

        // Scrolling to the window's edge moves the window, the same records on screen.
        view.selectRow(view.verticalScrollBar()->value() + 1);
        const qint64 currentRecord = model.windowStart() + view.currentIndex().row();
        const qint64 startBefore = model.windowStart();
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
        const qint64 topRecord = startBefore + view.verticalScrollBar()->maximum();
        QTRY_VERIFY(model.windowStart() != startBefore);
        QCOMPARE(model.windowStart() + view.verticalScrollBar()->value(), topRecord);
        QCOMPARE(records->value(), int(topRecord));
        QCOMPARE(model.windowStart() + view.currentIndex().row(), currentRecord);
        QVERIFY(view.selectionModel()->isRowSelected(view.currentIndex().row()));

        QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(model.windowStart() + view.currentIndex().row(), qint64(kRecords - 1));
        QCOMPARE(records->value(), records->maximum());
        QTest::keyClick(&view, Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(model.windowStart(), qint64(0));
        QCOMPARE(view.currentIndex().row(), 0);
        QTRY_COMPARE(topPort(), 20000);
    }

    // A value wider than the first rows' (127 billion packets further down)
    // widens its column as it scrolls into view, so it is never cut short.
    void columnsWidenToRowsScrolledIntoView()
    {
        QByteArray lines;
        for (int i = 0; i < 200; ++i)
            lines += QByteArray("2 123456789012 eni-a 10.0.0.1 10.0.0.2 ") + QByteArray::number(20000 + i) + " 443 6 "
                     + (i == 150 ? QByteArray("127232323232") : QByteArray::number(100 + i)) + " 2000 "
                     + QByteArray::number(1418530010 + i) + " " + QByteArray::number(1418530070 + i) + " ACCEPT OK\n";
        test::writeFile(m_dir.filePath(QStringLiteral("wide.log")), lines);
        const QString path = m_dir.filePath(QStringLiteral("wide.flowcase"));
        {
            auto caseDb = CaseDb::open(path.toStdString(), CaseDb::Mode::CreateIfMissing);
            QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("wide.log")).toStdString()}, {}).records, 200u);
        }
        FlowTableModel model;
        model.setColumns({Field::Packets, Field::SrcPort, Field::Start});
        FlowTableView view;
        view.setModel(&model);
        view.resize(800, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setCase(path);
        QTRY_COMPARE(model.rowCount(), 200);
        QTRY_VERIFY(!model.index(0, 0).data(FlowTableModel::LoadingRole).toBool());
        const QString wideText = QLocale().toString(127232323232LL); // grouped as the language writes it
        const int wide = view.fontMetrics().horizontalAdvance(wideText);
        QTRY_VERIFY(view.horizontalHeader()->sectionSize(0) > view.fontMetrics().horizontalAdvance(QStringLiteral("299")));
        QVERIFY(view.horizontalHeader()->sectionSize(0) < wide);
        view.scrollTo(model.index(150, 0), QAbstractItemView::PositionAtCenter);
        QTRY_VERIFY(view.horizontalHeader()->sectionSize(0) > wide);
        QCOMPARE(model.index(150, 0).data().toString(), wideText);
    }

    void headerClickSorts()
    {
        FlowTableModel model;
        FlowTableView view;
        view.setModel(&model);
        view.resize(1600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setCase(m_case);
        QTRY_COMPARE(model.rowCount(), 5);
        QHeaderView *header = view.horizontalHeader();
        QVERIFY(!view.isSortingEnabled()); // the model decides what sorts
        QVERIFY(header->isSortIndicatorShown());
        QCOMPARE(header->sortIndicatorSection(), columnOf(model, Field::Start));
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        QTRY_COMPARE(columnText(model, Field::Bytes),
                     (QStringList{"100", "-", "200", "50", "1000"})); // time order

        clickHeader(header, columnOf(model, Field::Bytes));
        QCOMPARE(model.sortField(), Field::Bytes);
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
        QCOMPARE(header->sortIndicatorSection(), columnOf(model, Field::Bytes));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QTRY_COMPARE(model.sortStatus(), QStringLiteral("Sorted by bytes, descending"));
        QTRY_COMPARE(columnText(model, Field::Bytes), (QStringList{"1000", "200", "100", "50", "-"}));

        clickHeader(header, columnOf(model, Field::Bytes));
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        QTRY_COMPARE(columnText(model, Field::Bytes), (QStringList{"50", "100", "200", "1000", "-"}));

        // Equal destinations stay in time order.
        clickHeader(header, columnOf(model, Field::DstAddr));
        QCOMPARE(model.sortField(), Field::DstAddr);
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
        QTRY_COMPARE(columnText(model, Field::DstAddr),
                     (QStringList{"10.0.0.1", "10.0.0.2", "10.0.0.2", "203.0.113.9", "-"}));
        QTRY_COMPARE(columnText(model, Field::Bytes), (QStringList{"50", "100", "200", "1000", "-"}));

        clickHeader(header, columnOf(model, Field::Start));
        QCOMPARE(model.sortField(), Field::Start);
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
        QCOMPARE(header->sortIndicatorSection(), columnOf(model, Field::Start));
        QTRY_COMPARE(model.sortStatus(), QString());
        QTRY_COMPARE(columnText(model, Field::Bytes), (QStringList{"100", "-", "200", "50", "1000"}));
        clickHeader(header, columnOf(model, Field::Start));
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        std::unique_ptr<QMenu> menu(view.createColumnMenu());
        auto *latestFirst = menu->findChild<QAction *>(QStringLiteral("latestFirst"));
        QVERIFY(latestFirst && latestFirst->isChecked());
        latestFirst->trigger();
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);

        // Latest First ends a sort by another column.
        clickHeader(header, columnOf(model, Field::Packets));
        QCOMPARE(model.sortField(), Field::Packets);
        menu.reset(view.createColumnMenu());
        latestFirst = menu->findChild<QAction *>(QStringLiteral("latestFirst"));
        QVERIFY(latestFirst && !latestFirst->isChecked());
        latestFirst->trigger();
        QCOMPARE(model.sortField(), Field::Start);
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);

        QVERIFY(view.setColumnNames({QStringLiteral("srcaddr"), QStringLiteral("start")}));
        QCOMPARE(header->sortIndicatorSection(), 1);
        QVERIFY(view.setColumnNames({QStringLiteral("srcaddr")}));
        QVERIFY(!header->isSortIndicatorShown());
    }

    void copiesSelectedRowsInViewOrder()
    {
        QStandardItemModel model(3, 3);
        model.setHorizontalHeaderLabels({QStringLiteral("Start"), QStringLiteral("Source"), QStringLiteral("Bytes")});
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c)
                model.setItem(r, c, new QStandardItem(QStringLiteral("r%1c%2").arg(r).arg(c)));
        model.item(2, 1)->setText(QStringLiteral("a,b"));
        FlowTableView view;
        view.setModel(&model);
        view.horizontalHeader()->moveSection(2, 0); // Bytes first
        view.horizontalHeader()->hideSection(0);    // Start hidden
        view.selectionModel()->select(model.index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view.selectionModel()->select(model.index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(view.selectionAsText(false), QStringLiteral("Bytes,Source\r\nr0c2,r0c1\r\nr2c2,\"a,b\"\r\n"));
        QCOMPARE(view.selectionAsText(true), QStringLiteral("Bytes\tSource\r\nr0c2\tr0c1\r\nr2c2\ta,b\r\n"));
        view.copySelection(true);
        QCOMPARE(QGuiApplication::clipboard()->text(), view.selectionAsText(true));
    }

    void nothingSelectedCopiesNothing()
    {
        QStandardItemModel model(2, 2);
        FlowTableView view;
        view.setModel(&model);
        QVERIFY(view.selectionAsText(false).isEmpty());
    }
};

QTEST_MAIN(TestFlowTableView)
#include "tst_flowtableview.moc"
