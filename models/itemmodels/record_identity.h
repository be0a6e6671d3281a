// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A record as the analyst knows it from the flow table: its row there (the
// row header's number), its start, the interface that logged it and its
// 5-tuple, and a filter that shows it. The store's record id (block << 12 |
// slot) stays internal: it is no row number and no filter field.

#include "store/flow_reader.h"

#include <QString>

namespace flowscope {

struct RecordIdentity {
    qint64 id = 0;
    qint64 row = 0; // the table's row number (1-based); 0 when not known
    qint64 start = -1;
    QString interfaceId;
    QString srcAddr;
    QString dstAddr;
    int srcPort = -1;
    int dstPort = -1;
    int protocol = -1;

    static RecordIdentity fromRow(const FlowRow &row, qint64 tableRow = 0);

    bool isKnown() const { return start >= 0; }
    // The same conversation the other way round (a reply of a request), at `start` on `interfaceId`.
    RecordIdentity counterpart(qint64 id, const QString &interfaceId, qint64 start, bool reversed) const;
    // "tcp 203.0.113.50:50003 → 10.0.3.21:3389".
    QString flowText() const;
    // "2025-12-06 01:02:03 UTC".
    QString startText() const;
    // "row 4,210: 2025-12-06 01:02:03 UTC, eni-…, tcp …" (the row only when known).
    QString text() const;
    // A flat conjunction of its interface, 5-tuple and start: the filter bar shows it.
    QString filter() const;
};

} // namespace flowscope
