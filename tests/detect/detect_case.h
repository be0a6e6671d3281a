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
#include <map>
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
    // Packet-level addresses: written (as '-' when empty) when any line of the log has one.
    std::string pktSrc = {}, pktDst = {};
};

class DetectCase {
public:
    explicit DetectCase(const std::vector<LogLine> &lines);
    // The same with a configuration snapshot of these network interfaces
    // (describe-network-interfaces JSON).
    DetectCase(const std::vector<LogLine> &lines, const QByteArray &networkInterfaces);

    // The findings of one detector type, with "type.name" settings; fails
    // the test (QVERIFY) unless each evidence filter parses and selects
    // exactly the finding's records and bytes, or, where several interfaces
    // logged them, records and bytes the finding's counted-once figures fit.
    std::vector<Finding> run(const std::string &type, const std::vector<std::pair<std::string, std::string>> &settings = {},
                             const std::string &filter = {});
    CaseDb &caseDb() { return *m_case; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;
};

// The two records a NAT gateway's interface `eni` logs for a host's request
// through it: the inside one, addressed to the gateway's `address` (with the
// real destination as pkt-dstaddr when `packetLevel`), and the translated
// one, from the gateway's address and a port of its own.
std::vector<LogLine> throughNatGateway(const LogLine &request, const std::string &address, bool packetLevel,
                                       const std::string &eni = "eni-nat");
// `lines` as each of `enis` logs them: a flow that crosses those
// interfaces, with the same addresses at each (both ends inside the estate,
// an inspection appliance on the way).
std::vector<LogLine> loggedAt(const std::vector<LogLine> &lines, const std::vector<std::string> &enis);
// The rows interfaces (1, 2 and 3 of them: eni-a, eni-b, eni-fw) for a
// test of a flow counted once.
void addLoggedAtRows();
// describe-network-interfaces JSON: a NAT gateway's interface and an
// instance's (type "interface"), each with one private address.
QByteArray natGatewayInterfaces(const std::string &gatewayEni, const std::string &gatewayAddress,
                                const std::string &instanceEni, const std::string &instanceAddress);

// The NAT-gateway test estate: every request made by the instance
// eni-app (10.0.1.5) through the gateway eni-nat (10.0.0.220), logged at the
// gateway and, when `atInstance`, at the instance too.
std::vector<LogLine> withGateway(const std::vector<LogLine> &requests, bool atInstance, bool packetLevel);
// The data columns atInstance, packetLevel and snapshot: the four ways a
// case can show the gateway (pkt-dstaddr or a snapshot, with or without the
// instance's own records).
void addNatGatewayRows();
// `lines` imported, with the snapshot naming eni-nat a NAT gateway when
// `snapshot`.
DetectCase natGatewayCase(const std::vector<LogLine> &lines, bool snapshot);

// The records and bytes `expression` selects in the case.
std::pair<std::uint64_t, std::uint64_t> selected(CaseDb &caseDb, const std::string &expression);
// The same per interface (InterfaceDictionary id) that logged them.
std::map<std::uint32_t, std::pair<std::uint64_t, std::uint64_t>> selectedPerInterface(CaseDb &caseDb,
                                                                                     const std::string &expression);

// "src dst port records": a finding as the tests compare it ('-' for none).
std::string describe(const Finding &finding);

} // namespace flowscope::test
