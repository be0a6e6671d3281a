// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_total_rows.h"

#include "store/graph_traffic_totals.h"

namespace flowscope::test {

QStringList storedGraphTotals(sqlite3 *db)
{
    QStringList rows;
    readGraphTrafficTotals(db, [&rows](const GraphTrafficKey &key, const GraphTrafficSums &sums) {
        rows << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12")
                    .arg(key.interface)
                    .arg(int(key.direction))
                    .arg(int(key.initiator))
                    .arg(QString::fromStdString(key.src.toString()), QString::fromStdString(key.dst.toString()))
                    .arg(key.srcService)
                    .arg(key.dstService)
                    .arg(sums.flows)
                    .arg(sums.packets)
                    .arg(sums.bytes)
                    .arg(sums.accepts)
                    .arg(sums.rejects);
    });
    return rows;
}

} // namespace flowscope::test
