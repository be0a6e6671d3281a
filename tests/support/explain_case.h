// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small case for the explainer's views: flow-log records of the estate
// that tests/explain/data/estate describes, with or without that snapshot
// stored in the case (as of epoch 500, before every record).
//
// Lines (the header is line 1):
//   2  eni-0app1 203.0.113.7:51234 -> 10.0.1.10:443 ACCEPT (a request)
//   3  eni-0app1 10.0.1.10:443 -> 203.0.113.7:51234 REJECT (its reply: acl-0app outbound *)
//   4  eni-0web1 203.0.113.50:50000 -> 10.0.3.21:22 REJECT (no group of eni-0web1 admits ssh)
//   5  eni-0web1 203.0.113.51:50001 -> 10.0.3.21:22 REJECT (the same)
// and, with `more`:
//   6  eni-0app1 10.0.1.10:40000 -> 198.51.100.20:443 ACCEPT egress, no reply (the main table's igw route)
//   7  eni-0web1 10.0.3.21:40001 -> 198.51.100.21:5432 ACCEPT egress, no reply
//   8  eni-0app1 203.0.113.8:51299 -> 10.0.1.10:443 REJECT (another verdict on line 3's interface and port)
// and, with `scanPorts` N, after those: eni-0web1 198.51.100.66:45000 -> 10.0.3.21 ports 1000 to 1000+N-1,
// each a rejected SYN (a scanning source from 20 ports on).

#include <QString>

#include <map>

namespace flowscope::test {

struct ExplainCase {
    QString path;
    std::map<int, qint64> idOfLine; // line in the file → record id
};

ExplainCase writeExplainCase(const QString &folder, const QString &name, bool withSnapshot, bool more = false, int scanPorts = 0);

} // namespace flowscope::test
