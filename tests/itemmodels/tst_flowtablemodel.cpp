// SPDX-License-Identifier: GPL-3.0-or-later
// The lazy flow table over a case of 120,000 records: the model contract,
// pages arriving off the GUI thread, and rows that match the store.

#include "demo/demo_generator.h"
#include "ingest/case_importer.h"
#include "itemmodels/flow_page_loader.h"
#include "itemmodels/flow_table_model.h"
#include "selection/case_filter.h"
#include "selection/record_sort.h"
#include "store/case_db.h"
#include "store/flow_pager.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>

using namespace flowscope;

class TestFlowTableModel : public QObject {
    Q_OBJECT

private:
    static constexpr qint64 kRecords = 120000;
    QTemporaryDir m_dir;
    QString m_case;

    // The model's text for a row, once its page has arrived.
    static QStringList rowText(const FlowTableModel &model, int row)
    {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c)
            cells << model.index(row, c).data().toString();
        return cells;
    }

    static bool loaded(const FlowTableModel &model, int row)
    {
        return !model.index(row, 0).data(FlowTableModel::LoadingRole).toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const std::string input = m_dir.filePath(QStringLiteral("bench.log.gz")).toStdString();
        QCOMPARE(writeBenchmarkFile(input, kRecords, 3), std::uint64_t(kRecords));
        m_case = m_dir.filePath(QStringLiteral("model.flowcase"));
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({input}, {}).records, std::uint64_t(kRecords));
    }

    void modelContractWhileLoading()
    {
        FlowTableModel model;
        model.setWindowRows(int(kRecords)); // every record a row of its own
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loadedSpy(&model, &FlowTableModel::caseLoaded);
        model.setCase(m_case);
        QVERIFY(loadedSpy.wait(10000));
        QCOMPARE(loadedSpy.at(0).at(0).toLongLong(), kRecords);
        QCOMPARE(model.rowCount(), int(kRecords));
        QCOMPARE(model.columnCount(), int(FlowTableModel::defaultColumns().size()));
        // The first request shows a placeholder, then the page arrives.
        QVERIFY(model.index(0, 0).data(FlowTableModel::LoadingRole).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(loaded(model, 0), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(model, int(kRecords) - 1), 10000);
        model.setColumns({Field::SrcAddr, Field::DstPort});
        QCOMPARE(model.columnCount(), 2);
        model.reload(); // a new generation while pages may be in flight
        QVERIFY(QSignalSpy(&model, &FlowTableModel::caseLoaded).wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(loaded(model, 5000), 10000);
        model.setCase(QString());
        QTRY_COMPARE(model.rowCount(), 0);
    }

    void rowsMatchTheStore_data()
    {
        QTest::addColumn<int>("row");
        QTest::newRow("first") << 0;
        QTest::newRow("page boundary") << FlowTableModel::kPageSize;
        QTest::newRow("middle") << int(kRecords / 2) + 17;
        QTest::newRow("last") << int(kRecords) - 1;
    }

    void rowsMatchTheStore()
    {
        QFETCH(int, row);
        FlowTableModel model;
        model.setWindowRows(int(kRecords)); // every record a row of its own
        model.setColumns({Field::Start, Field::SrcAddr, Field::DstPort, Field::Bytes, Field::Action, Field::Packets});
        QSignalSpy loadedSpy(&model, &FlowTableModel::caseLoaded);
        model.setCase(m_case);
        QVERIFY(loadedSpy.wait(10000));
        model.index(row, 0).data(); // asks for the page
        QTRY_VERIFY_WITH_TIMEOUT(loaded(model, row), 10000);

        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        FlowPager pager(*caseDb);
        const auto expected = pager.rowsAt(row, 1);
        QCOMPARE(expected.size(), 1u);
        QCOMPARE(model.index(row, 0).data(FlowTableModel::RecordIdRole).toLongLong(), expected[0].id);
        QCOMPARE(model.index(row, 1).data().toString(), QString::fromStdString(fieldText(expected[0].value(Field::SrcAddr))));
        QCOMPARE(model.index(row, 2).data(FlowTableModel::RawValueRole).toLongLong(),
                 std::get<std::int64_t>(expected[0].value(Field::DstPort)));
        QCOMPARE(model.index(row, 4).data().toString(), QString::fromStdString(fieldText(expected[0].value(Field::Action))));
        // Bytes with units (the exact count in the tooltip and for copies), packets grouped by the locale.
        const qint64 bytes = std::get<std::int64_t>(expected[0].value(Field::Bytes));
        const qint64 packets = std::get<std::int64_t>(expected[0].value(Field::Packets));
        const QLocale locale;
        QCOMPARE(model.index(row, 3).data().toString(), locale.formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat));
        QCOMPARE(model.index(row, 3).data(Qt::ToolTipRole).toString(), QStringLiteral("%1 bytes").arg(locale.toString(bytes)));
        QCOMPARE(model.index(row, 3).data(Qt::EditRole).toString(), QString::number(bytes));
        QCOMPARE(model.index(row, 5).data().toString(), locale.toString(packets));
        QCOMPARE(model.index(row, 5).data(Qt::EditRole).toString(), QString::number(packets));
        QCOMPARE(model.index(row, 2).data().toString(), QString::number(std::get<std::int64_t>(expected[0].value(Field::DstPort)))); // a port is no count
        const qint64 start = std::get<std::int64_t>(expected[0].value(Field::Start));
        QCOMPARE(model.index(row, 0).data().toString(),
                 QDateTime::fromSecsSinceEpoch(start, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QVERIFY(model.index(row, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("local time")));
        QVERIFY(model.index(row, 0).data(FlowTableModel::FileRole).toString().endsWith(QStringLiteral("bench.log.gz")));
        QCOMPARE(model.index(row, 0).data(FlowTableModel::LineRole).toLongLong(), qint64(expected[0].line));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Source"));
        QVERIFY(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString().startsWith(QStringLiteral("srcaddr")));
    }

    void rowOfTime()
    {
        FlowTableModel model;
        model.setWindowRows(int(kRecords)); // every record a row of its own
        QSignalSpy loadedSpy(&model, &FlowTableModel::caseLoaded);
        model.setCase(m_case);
        QVERIFY(loadedSpy.wait(10000));
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        FlowPager pager(*caseDb);
        const auto row = pager.rowsAt(kRecords / 3, 1);
        const qint64 epoch = std::get<std::int64_t>(row.at(0).value(Field::Start));
        QSignalSpy found(&model, &FlowTableModel::rowOfTimeFound);
        model.findRowOfTime(epoch);
        QVERIFY(found.wait(10000));
        QCOMPARE(found.at(0).at(0).toLongLong(), epoch);
        const int foundRow = found.at(0).at(1).toInt();
        QCOMPARE(qint64(foundRow), pager.positionOfTime(epoch));
        QVERIFY(foundRow <= kRecords / 3);
        const auto atRow = pager.rowsAt(foundRow, 1);
        QCOMPARE(std::get<std::int64_t>(atRow.at(0).value(Field::Start)), epoch);
        if (foundRow > 0)
            QVERIFY(std::get<std::int64_t>(pager.rowsAt(foundRow - 1, 1).at(0).value(Field::Start)) < epoch);
    }

    // Protocols read as their IANA names (the number in the tooltip and the
    // raw value, which filters take); REJECT rows say so for the views' tint.
    void protocolNamesAndRejectedRows_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<qint64>("protocol");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("rejected");
        QTest::newRow("tcp accepted") << QStringLiteral("protocol == 6 and action == accept") << qint64(6) << QStringLiteral("tcp") << false;
        QTest::newRow("tcp rejected") << QStringLiteral("protocol == 6 and action == reject") << qint64(6) << QStringLiteral("tcp") << true;
        QTest::newRow("udp") << QStringLiteral("protocol == udp and action == accept") << qint64(17) << QStringLiteral("udp") << false;
        QTest::newRow("icmp") << QStringLiteral("protocol == icmp and action == accept") << qint64(1) << QStringLiteral("icmp") << false;
    }

    void protocolNamesAndRejectedRows()
    {
        QFETCH(QString, filter);
        QFETCH(qint64, protocol);
        QFETCH(QString, name);
        QFETCH(bool, rejected);
        FlowTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setColumns({Field::Protocol, Field::Action});
        QSignalSpy counts(&model, &FlowTableModel::countsChanged);
        model.setCase(m_case);
        model.setFilter(filter);
        QTRY_VERIFY_WITH_TIMEOUT(!counts.isEmpty() && !counts.last().at(2).toBool(), 20000);
        QVERIFY(model.rowCount() > 0);
        for (const int row : {0, model.rowCount() / 2, model.rowCount() - 1}) {
            model.index(row, 0).data();
            QTRY_VERIFY_WITH_TIMEOUT(loaded(model, row), 10000);
            const QModelIndex cell = model.index(row, 0);
            QCOMPARE(cell.data().toString(), name);
            QCOMPARE(cell.data(FlowTableModel::RawValueRole).toLongLong(), protocol);
            QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QString::number(protocol)));
            const bool isReject = model.index(row, 1).data().toString() == QStringLiteral("REJECT");
            QCOMPARE(isReject, rejected);
            for (int column = 0; column < model.columnCount(); ++column) {
                QCOMPARE(model.index(row, column).data(FlowTableModel::RejectedRole).toBool(), rejected);
                QCOMPARE(model.index(row, column).data(FlowTableModel::ActionRole).toString(),
                         rejected ? QStringLiteral("REJECT") : QStringLiteral("ACCEPT"));
            }
        }
    }

    // Action is among the first columns; the earlier defaults held it ninth.
    void actionComesFirst()
    {
        QVERIFY(FlowTableModel::defaultColumns().indexOf(Field::Action) <= 2);
        QVERIFY(FlowTableModel::earlierDefaultColumns().indexOf(Field::Action) > 2);
        auto sorted = [](QList<Field> fields) {
            std::sort(fields.begin(), fields.end());
            return fields;
        };
        QCOMPARE(sorted(FlowTableModel::defaultColumns()), sorted(FlowTableModel::earlierDefaultColumns()));
    }

    // The filtered table shows exactly the filter's matches in time order:
    // the first page first, then the full count, then any row by position.
    void filteredRowsAreTheMatches_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("rare"); // fewer matches than a page
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        FlowPager pager(*caseDb);
        const FlowRow sample = pager.rowsAt(kRecords / 2, 1).at(0);
        const QString address = QString::fromStdString(fieldText(sample.value(Field::SrcAddr)));
        const QString start = QString::fromStdString(fieldText(sample.value(Field::Start)));
        QTest::newRow("rejects") << QStringLiteral("action == reject") << false;
        QTest::newRow("a port") << QStringLiteral("dstport == 443") << false;
        QTest::newRow("not a port") << QStringLiteral("not dstport == 443") << false;
        QTest::newRow("an address") << QStringLiteral("addr == %1").arg(address) << false;
        QTest::newRow("an address at one second") << QStringLiteral("srcaddr == %1 and start == %2").arg(address, start) << true;
        QTest::newRow("nothing") << QStringLiteral("dstport == 1 and srcport == 1") << true;
    }

    void filteredRowsAreTheMatches()
    {
        QFETCH(QString, filter);
        QFETCH(bool, rare);
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        const auto compiled = std::get<std::shared_ptr<const CaseFilter>>(CaseFilter::compile(*caseDb, filter.toStdString()));
        std::vector<std::int64_t> expected;
        FlowPager(*caseDb).forEachMatching(compiled->predicate(), compiled->blocks(), [&](const FlowRow &row) {
            expected.push_back(row.id);
            return true;
        });
        QCOMPARE(expected.size() < std::size_t(FlowTableModel::kPageSize), rare);

        FlowTableModel model;
        model.setWindowRows(int(kRecords)); // every record a row of its own
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&model, &FlowTableModel::countsChanged);
        model.setCase(m_case);
        model.setFilter(filter);
        QCOMPARE(model.filter(), filter);
        QTRY_VERIFY_WITH_TIMEOUT(!counts.isEmpty() && !counts.last().at(2).toBool(), 20000);
        QCOMPARE(counts.last().at(0).toLongLong(), qint64(expected.size()));
        QCOMPARE(counts.last().at(1).toLongLong(), kRecords);
        if (!rare) // the first page was shown while the rest was counted
            QCOMPARE(counts.first().at(0).toLongLong(), qint64(FlowTableModel::kPageSize));
        QCOMPARE(model.rowCount(), int(expected.size()));
        QCOMPARE(model.shownRecords(), qint64(expected.size()));
        QCOMPARE(model.totalRecords(), kRecords);
        QVERIFY(!model.isCounting());
        for (const std::size_t row : {std::size_t(0), std::size_t(FlowTableModel::kPageSize) + 3, expected.size() / 2, expected.size() - 1}) {
            if (row >= expected.size())
                continue;
            model.index(int(row), 0).data();
            QTRY_VERIFY_WITH_TIMEOUT(loaded(model, int(row)), 10000);
            QCOMPARE(model.index(int(row), 0).data(FlowTableModel::RecordIdRole).toLongLong(), expected[row]);
        }
        model.setFilter(QString()); // back to every record
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), int(kRecords), 10000);
    }

    // Latest first: row r is ascending row N-1-r, filtered or not, and
    // Go to Time lands on the record nearest the time from above.
    void latestFirst_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("every record") << QString();
        QTest::newRow("rejects") << QStringLiteral("action == reject");
    }

    void latestFirst()
    {
        QFETCH(QString, filter);
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        const auto compiled = std::get<std::shared_ptr<const CaseFilter>>(CaseFilter::compile(*caseDb, filter.toStdString()));
        std::vector<FlowRow> ascending;
        FlowPager(*caseDb).forEachMatching(compiled->predicate(), compiled->blocks(), [&](const FlowRow &row) {
            ascending.push_back(row);
            return true;
        });
        const auto n = ascending.size();
        FlowTableModel model;
        model.setWindowRows(int(kRecords)); // every record a row of its own
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&model, &FlowTableModel::countsChanged);
        model.setCase(m_case);
        model.setFilter(filter);
        model.sort(int(model.columns().indexOf(Field::Start)), Qt::DescendingOrder);
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(!counts.isEmpty() && !counts.last().at(2).toBool(), 20000);
        QCOMPARE(model.rowCount(), int(n));
        for (const std::size_t row : {std::size_t(0), std::size_t(1), std::size_t(FlowTableModel::kPageSize), n / 3, n - 1}) {
            model.index(int(row), 0).data();
            QTRY_VERIFY_WITH_TIMEOUT(loaded(model, int(row)), 10000);
            QCOMPARE(model.index(int(row), 0).data(FlowTableModel::RecordIdRole).toLongLong(), ascending[n - 1 - row].id);
        }
        const qint64 epoch = std::get<std::int64_t>(ascending[n / 2].value(Field::Start));
        QSignalSpy found(&model, &FlowTableModel::rowOfTimeFound);
        model.findRowOfTime(epoch);
        QVERIFY(found.wait(10000));
        const int row = found.at(0).at(1).toInt();
        const FlowRow &atRow = ascending[n - 1 - std::size_t(row)];
        QCOMPARE(std::get<std::int64_t>(atRow.value(Field::Start)), epoch); // the earliest at that time
        if (row + 1 < int(n)) // the next row down is earlier
            QVERIFY(std::get<std::int64_t>(ascending[n - 2 - std::size_t(row)].value(Field::Start)) < epoch);
    }

    // The ids sortRecords gives for this filter and order (checked against a
    // brute force in tst_recordsort), which the model must show row by row.
    std::vector<std::int64_t> sortedIds(const QString &filter, const RecordSortSpec &spec,
                                        const RecordSortLimits &limits = {}) const
    {
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        const auto compiled = std::get<std::shared_ptr<const CaseFilter>>(CaseFilter::compile(*caseDb, filter.toStdString()));
        return sortRecords(*caseDb, *compiled, spec, limits).ids;
    }

    static void compareRows(FlowTableModel &model, const std::vector<std::int64_t> &ids)
    {
        QCOMPARE(model.rowCount(), int(ids.size()));
        const std::size_t n = ids.size();
        for (const std::size_t row : {std::size_t(0), std::size_t(1), std::size_t(FlowTableModel::kPageSize), n / 3, n - 1}) {
            if (row >= n)
                continue;
            model.index(int(row), 0).data();
            QTRY_VERIFY_WITH_TIMEOUT(loaded(model, int(row)), 10000);
            QCOMPARE(model.index(int(row), 0).data(FlowTableModel::RecordIdRole).toLongLong(), ids[row]);
        }
    }

    // Any column sorts, off the GUI thread: the rows are the sorted records
    // read by id; a filter narrows them, a newer filter cancels an older
    // sort, past the limit only the top rows show and the status says so;
    // Start goes back to time order.
    void sortsByAnyColumn()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        FlowTableModel model;
        model.setWindowRows(int(kRecords)); // every record a row of its own
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loadedSpy(&model, &FlowTableModel::caseLoaded);
        model.setCase(m_case);
        QVERIFY(loadedSpy.wait(10000));
        const int bytes = int(model.columns().indexOf(Field::Bytes));
        model.index(0, 0).data(); // asks for the first page
        QTRY_VERIFY_WITH_TIMEOUT(loaded(model, 0), 10000);
        const QStringList firstRow = rowText(model, 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.sort(bytes, Qt::DescendingOrder);
        QCOMPARE(model.sortField(), Field::Bytes);
        QCOMPARE(model.sortStatus(), QStringLiteral("Sorting by bytes…"));
        // While it sorts, the table keeps the rows it showed: no blank table.
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.rowCount(), int(kRecords));
        QCOMPARE(rowText(model, 0), firstRow);
        QTRY_COMPARE_WITH_TIMEOUT(model.sortStatus(), QStringLiteral("Sorted by bytes, descending"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), int(kRecords), 10000);
        compareRows(model, sortedIds(QString(), {Field::Bytes, true}));

        model.setFilter(QStringLiteral("dstport == 443"));
        model.setFilter(QStringLiteral("action == reject")); // cancels the sort of the first
        QCOMPARE(model.sortStatus(), QStringLiteral("Sorting by bytes…"));
        QTRY_COMPARE_WITH_TIMEOUT(model.sortStatus(), QStringLiteral("Sorted by bytes, descending"), 30000);
        const auto rejects = sortedIds(QStringLiteral("action == reject"), {Field::Bytes, true});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), int(rejects.size()), 10000);
        compareRows(model, rejects);

        const int source = int(model.columns().indexOf(Field::SrcAddr));
        model.setSortLimits({1000, 100});
        model.setFilter(QString());
        QSignalSpy counts(&model, &FlowTableModel::countsChanged);
        model.sort(source, Qt::AscendingOrder);
        QTRY_COMPARE_WITH_TIMEOUT(model.sortStatus(), QStringLiteral("Sorted by srcaddr, ascending: the first 100 of 120,000 records"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 100, 10000);
        // The count of matches stays the filter's, not the 100 rows kept.
        QTRY_VERIFY_WITH_TIMEOUT(!counts.isEmpty(), 10000);
        QCOMPARE(counts.last().at(0).toLongLong(), qint64(kRecords));
        compareRows(model, sortedIds(QString(), {Field::SrcAddr, false}, {1000, 100}));

        model.sort(int(model.columns().indexOf(Field::Start)), Qt::AscendingOrder);
        QCOMPARE(model.sortField(), Field::Start);
        QCOMPARE(model.sortStatus(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), int(kRecords), 10000);
    }

    // Go to Time brings a sorted table back to time order.
    void goToTimeLeavesTheSort()
    {
        FlowTableModel model;
        model.setWindowRows(int(kRecords)); // every record a row of its own
        model.setCase(m_case);
        model.sort(int(model.columns().indexOf(Field::Packets)), Qt::DescendingOrder);
        QSignalSpy found(&model, &FlowTableModel::rowOfTimeFound);
        model.findRowOfTime(0);
        QCOMPARE(model.sortField(), Field::Start);
        QVERIFY(found.wait(10000));
        QCOMPARE(found.at(0).at(1).toInt(), 0);
    }

    void newerFilterWins()
    {
        FlowTableModel model;
        model.setWindowRows(int(kRecords)); // every record a row of its own
        QSignalSpy counts(&model, &FlowTableModel::countsChanged);
        model.setCase(m_case);
        model.setFilter(QStringLiteral("not dstport == 443"));
        model.setFilter(QStringLiteral("action == reject and dstport == 22"));
        model.setFilter(QStringLiteral("dstport == 443"));
        QTRY_VERIFY_WITH_TIMEOUT(!counts.isEmpty() && !counts.last().at(2).toBool(), 20000);
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        const auto compiled = std::get<std::shared_ptr<const CaseFilter>>(CaseFilter::compile(*caseDb, "dstport == 443"));
        qint64 expected = 0;
        FlowPager(*caseDb).forEachMatching(compiled->predicate(), compiled->blocks(), [&](const FlowRow &) {
            ++expected;
            return true;
        });
        QCOMPARE(model.shownRecords(), expected);
        QCOMPARE(counts.last().at(0).toLongLong(), expected);
    }

    // Over kWindowRows records the rows are a window of them: a view sees at
    // most that many, numbered as records, each the record at its place in
    // the whole order, wherever the window is moved; a time found moves the
    // window to its record.
    void rowsAreAWindowOfTheRecords()
    {
        static_assert(kRecords > FlowTableModel::kWindowRows);
        FlowTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setColumns({Field::Start, Field::SrcAddr});
        QSignalSpy loadedSpy(&model, &FlowTableModel::caseLoaded);
        model.setCase(m_case);
        QVERIFY(loadedSpy.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(model.recordRows(), kRecords, 10000);
        QCOMPARE(model.rowCount(), FlowTableModel::kWindowRows);
        QCOMPARE(model.windowStart(), qint64(0));

        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        FlowPager pager(*caseDb);
        QSignalSpy moved(&model, &FlowTableModel::recordRowsChanged);
        const qint64 middle = kRecords / 2 + 17;
        model.setWindowStart(middle);
        QCOMPARE(moved.size(), 1);
        QVERIFY(model.windowStart() <= middle && model.windowStart() % FlowTableModel::kPageSize == 0);
        const int row = int(middle - model.windowStart());
        model.index(row, 0).data(); // asks for the page
        QTRY_VERIFY_WITH_TIMEOUT(loaded(model, row), 10000);
        QCOMPARE(model.index(row, 0).data(FlowTableModel::RecordIdRole).toLongLong(), pager.rowsAt(middle, 1).at(0).id);
        QCOMPARE(model.recordAt(row)->id, pager.rowsAt(middle, 1).at(0).id);
        QCOMPARE(model.headerData(row, Qt::Vertical).toLongLong(), middle + 1);

        // The window ends with the last record, however far it is asked to move.
        model.setWindowStart(kRecords * 2);
        QCOMPARE(model.windowStart() + model.rowCount(), kRecords);
        const int last = model.rowCount() - 1;
        model.index(last, 0).data();
        QTRY_VERIFY_WITH_TIMEOUT(loaded(model, last), 10000);
        QCOMPARE(model.index(last, 0).data(FlowTableModel::RecordIdRole).toLongLong(),
                 pager.rowsAt(kRecords - 1, 1).at(0).id);

        // A record inside the window keeps it; one outside moves it around the record.
        const qint64 start = model.windowStart();
        QCOMPARE(model.showRecordRow(kRecords - 10), int(kRecords - 10 - start));
        QCOMPARE(model.windowStart(), start);
        QCOMPARE(model.showRecordRow(100), 100);
        QCOMPARE(model.windowStart(), qint64(0));

        const qint64 epoch = std::get<std::int64_t>(pager.rowsAt(kRecords - 3, 1).at(0).value(Field::Start));
        QSignalSpy found(&model, &FlowTableModel::rowOfTimeFound);
        model.findRowOfTime(epoch);
        QVERIFY(found.wait(10000));
        const qint64 foundRecord = model.windowStart() + found.at(0).at(1).toInt();
        QCOMPARE(foundRecord, pager.positionOfTime(epoch));
        QVERIFY(model.windowStart() > 0);
    }

    // Over the rows the view takes at once, the first rows come first: the
    // first page arrives (and can be painted) before the view lays out the
    // rest, and the counts say all the time how many there are.
    void theFirstRowsComeFirst()
    {
        FlowTableModel model;
        model.setWindowRows(int(kRecords)); // every record a row of its own
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRowsAtOnce(10000);
        QSignalSpy loaded(&model, &FlowTableModel::caseLoaded);
        model.setCase(m_case);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), int(FlowTableModel::kFirstRows));
        QCOMPARE(model.shownRecords(), kRecords);
        QVERIFY(model.index(0, 0).data(FlowTableModel::LoadingRole).toBool()); // asks for the first page
        bool firstPageBeforeTheRest = false;
        connect(&model, &QAbstractItemModel::modelReset, &model,
                [&] { firstPageBeforeTheRest = model.rowCount() == int(kRecords) && model.recordAt(0).has_value(); });
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), int(kRecords), 10000);
        QVERIFY(firstPageBeforeTheRest);
        QCOMPARE(model.shownRecords(), kRecords);
    }

    // The count of a filter that a newer one replaces stops at its next
    // block: its count is never reported, and the newer filter's is. The
    // older count is held at its start until the newer filter is asked for.
    void aNewerFilterStopsTheOlderCount()
    {
        QThread thread;
        auto *loader = new FlowPageLoader(FlowTableModel::kPageSize);
        loader->moveToThread(&thread);
        connect(&thread, &QThread::finished, loader, &QObject::deleteLater);
        QSemaphore release;
        std::atomic<int> held{0};
        loader->setCountHook([&] {
            if (held++ == 0)
                release.acquire();
        });
        QList<quint64> counted, opened;
        QObject receiver;
        connect(loader, &FlowPageLoader::counted, &receiver, [&](quint64 generation, qint64) { counted << generation; });
        connect(loader, &FlowPageLoader::opened, &receiver,
                [&](quint64 generation, qint64, qint64, bool, const QString &) { opened << generation; });
        thread.start();
        loader->requestOpen(1, m_case, QStringLiteral("dstport == 443")); // more than a page: counted after
        QTRY_COMPARE_WITH_TIMEOUT(held.load(), 1, 10000);
        loader->requestOpen(2, m_case, QStringLiteral("not dstport == 443"));
        release.release();
        QTRY_VERIFY_WITH_TIMEOUT(counted.contains(2), 20000);
        QCOMPARE(opened, (QList<quint64>{1, 2}));
        QCOMPARE(counted, QList<quint64>{2});
        QCOMPARE(loader->stoppedScans(), 1);
        thread.quit();
        thread.wait();
    }

    void invalidFilterReportsError()
    {
        FlowTableModel model;
        model.setWindowRows(int(kRecords)); // every record a row of its own
        QSignalSpy errors(&model, &FlowTableModel::errorOccurred);
        model.setCase(m_case);
        model.setFilter(QStringLiteral("dstport == x"));
        QVERIFY(errors.wait(10000));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalRecords(), kRecords);
    }

    // A sort under a filter that is not valid says so, with the case's total.
    void invalidFilterWhileSortedReportsError()
    {
        FlowTableModel model;
        model.setWindowRows(int(kRecords)); // every record a row of its own
        QSignalSpy errors(&model, &FlowTableModel::errorOccurred);
        QSignalSpy counts(&model, &FlowTableModel::countsChanged);
        model.setCase(m_case);
        model.sort(int(model.columns().indexOf(Field::Bytes)), Qt::DescendingOrder);
        model.setFilter(QStringLiteral("dstport == x"));
        QVERIFY(errors.wait(10000));
        QVERIFY(errors.at(0).at(0).toString().contains(QStringLiteral("not valid")));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.sortStatus(), QString());
        QCOMPARE(model.totalRecords(), kRecords);
        QCOMPARE(counts.last().at(1).toLongLong(), kRecords);
    }

    void unreadableCaseReportsError()
    {
        const QString bogus = m_dir.filePath(QStringLiteral("bogus.flowcase"));
        QFile file(bogus);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a case");
        file.close();
        FlowTableModel model;
        model.setWindowRows(int(kRecords)); // every record a row of its own
        QSignalSpy errors(&model, &FlowTableModel::errorOccurred);
        model.setCase(bogus);
        QVERIFY(errors.wait(10000));
        QVERIFY(errors.at(0).at(0).toString().contains(QStringLiteral("not a Flowscope case")));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFlowTableModel)
#include "tst_flowtablemodel.moc"
