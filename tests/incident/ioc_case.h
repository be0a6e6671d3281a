// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A case for the IOC list tests: three blocks of records (4,096 each) from
// 10.0.<block>.<n> to outside addresses, with known hits planted.

#include <QString>

#include <memory>

namespace flowscope {
class CaseDb;
}

namespace flowscope::test {

// Records (default format): record i of block b goes from 10.0.b.(i % 200)
// port 40000 + i % 1000 to 192.0.2.(i % 250) port 443, ACCEPT, start
// 1772330400 + b * 4096 + i. Planted: in block 1 only, every 512th record
// (8 of them) goes to 198.51.100.7 port 443, the last of those REJECTed;
// in block 2 only, record 100 goes to [2001:db8::7]:22.
struct IocCase {
    static constexpr int kBlocks = 3;
    static constexpr int kPlantedV4 = 8;
    std::unique_ptr<CaseDb> caseDb;
};

IocCase makeIocCase(const QString &folder);
// Writes text lines to folder/name and returns its path.
QString writeList(const QString &folder, const QString &name, const QByteArray &text);

} // namespace flowscope::test
