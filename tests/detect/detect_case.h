// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Generated flow logs for the detector tests: records written as an S3
// delivery with tcp-flags, imported into a case of their own, and a run of
// one detector whose every evidence filter is checked to select exactly the
// finding's records.

#include "detect/finding.h"
#include "store/case_db.h"

#include <QTemporaryDir>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace flowscope::test {

struct LogLine {
    std::string src, dst;
    int srcPort = 40000, dstPort = 443;
    int protocol = 6;
    std::uint64_t bytes = 100;
    std::int64_t start = 0, end = 0; // end 0: start + 60
    bool reject = false;
    int flags = -1; // -1: absent
    std::string eni = "eni-a";
    std::string status = "OK"; // NODATA and SKIPDATA lines have no addresses
};

class DetectCase {
public:
    explicit DetectCase(const std::vector<LogLine> &lines);

    // The findings of one detector type, with "type.name" settings; fails
    // the test (QVERIFY) unless each evidence filter parses and selects
    // exactly the finding's records and bytes.
    std::vector<Finding> run(const std::string &type, const std::vector<std::pair<std::string, std::string>> &settings = {},
                             const std::string &filter = {});
    CaseDb &caseDb() { return *m_case; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;
};

// The records and bytes `expression` selects in the case.
std::pair<std::uint64_t, std::uint64_t> selected(CaseDb &caseDb, const std::string &expression);

// "src dst port records": a finding as the tests compare it ('-' for none).
std::string describe(const Finding &finding);

} // namespace flowscope::test
