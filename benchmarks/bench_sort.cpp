// SPDX-License-Identifier: GPL-3.0-or-later
// Sorting the flow table by a column as the window does (FlowTableModel: the
// sort on the analysis pool, then pages by id): for each filter, the time
// from the header click to the first sorted page, and to a later page.
// Usage: flowscope-bench-sort CASE [FIELD[:desc]] [FILTER...]
// (default bytes:desc, over the whole case).

#include "itemmodels/flow_table_model.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <functional>

using namespace flowscope;

namespace {

bool loaded(const FlowTableModel &model, int row)
{
    return !model.index(row, 0).data(FlowTableModel::LoadingRole).toBool();
}

void waitFor(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: flowscope-bench-sort CASE [FIELD[:desc]] [FILTER...]\n");
        return 2;
    }
    const auto spec = parseRecordSortSpec(argc > 2 ? argv[2] : "bytes:desc");
    if (!spec || spec->field == Field::Start) {
        std::fprintf(stderr, "flowscope-bench-sort: give an AWS field other than start, as bytes:desc\n");
        return 2;
    }
    QStringList filters;
    for (int i = 3; i < argc; ++i)
        filters << QString::fromLocal8Bit(argv[i]);
    if (filters.isEmpty())
        filters << QString();

    FlowTableModel model;
    model.setColumns({Field::Start, spec->field});
    model.setCase(QString::fromLocal8Bit(argv[1]));
    waitFor([&] { return model.rowCount() > 0; });
    std::printf("| filter | status | first sorted page ms | page 21 ms |\n|---|---|---|---|\n");
    for (const QString &filter : filters) {
        model.sort(0, Qt::AscendingOrder); // time order between runs
        model.setFilter(filter);
        QElapsedTimer clock;
        clock.start();
        model.sort(1, spec->descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        waitFor([&] { return model.sortStatus().startsWith(QLatin1String("Sorted")) && model.rowCount() > 0; });
        model.index(0, 0).data();
        waitFor([&] { return loaded(model, 0); });
        const qint64 first = clock.elapsed();
        clock.restart();
        const int row = std::min(model.rowCount() - 1, 20 * FlowTableModel::kPageSize);
        model.index(row, 0).data();
        waitFor([&] { return loaded(model, row); });
        std::printf("| %s | %s | %lld | %lld |\n", qPrintable(filter.isEmpty() ? QStringLiteral("(none)") : filter),
                    qPrintable(model.sortStatus()), first, clock.elapsed());
        std::fflush(stdout);
    }
    return 0;
}
