// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small cases for the explainer's tests: records written as
// "eni-srv 198.51.100.7:51234 > 10.0.1.10:443 tcp 1000 1059 ACCEPT 2 ingress subnet-a - [pkt-src pkt-dst]"
// (tcp-flags, flow-direction, subnet-id, reject-reason may be '-'), one a
// line, or "SKIP eni-a 1100 1159" for a SKIPDATA record; the header is line 1.

#include "store/case_db.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <map>
#include <memory>

namespace flowscope::test {

QByteArray flowLogHeader();
QByteArray flowRecordLine(const QByteArray &spec);
QByteArray flowLogOf(const QByteArray &specs); // the header and a line per spec

struct FlowFixture {
    std::unique_ptr<CaseDb> caseDb;
    std::map<std::uint64_t, std::int64_t> idOfLine; // line in the file → record id
    std::map<std::int64_t, std::uint64_t> lineOfId;
};

// Imports the flow log into a new case `name` in dir.
FlowFixture importFlowLog(const QTemporaryDir &dir, const QString &name, const QByteArray &content);

} // namespace flowscope::test
