// SPDX-License-Identifier: GPL-3.0-or-later
// The hunt's first sieve: an IPv4 address may be held by a range only when
// its /24 block is touched by one; IPv6 addresses always pass.

#include "incident/ipv4_block_bitmap.h"

#include <QTest>

using namespace flowscope;
using flowscope::incident::Ipv4BlockBitmap;

namespace {

IpAddress address(const char *text) { return *IpAddress::parse(text); }
AddressRange range(const char *lo, const char *hi) { return {address(lo), address(hi)}; }

} // namespace

class TestIpv4BlockBitmap : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void blocksTouchedByTheRanges()
    {
        const Ipv4BlockBitmap bitmap({range("10.0.0.200", "10.0.2.5"), range("198.51.100.7", "198.51.100.7"),
                                      range("2001:db8::", "2001:db8::ffff")});
        for (const char *held : {"10.0.0.200", "10.0.1.0", "10.0.2.5", "198.51.100.7"})
            QVERIFY2(bitmap.mayHold(address(held)), held);
        // Outside the ranges but in a block they touch: the indicators decide.
        for (const char *near : {"10.0.0.0", "10.0.2.255", "198.51.100.255"})
            QVERIFY2(bitmap.mayHold(address(near)), near);
        for (const char *far : {"10.0.3.0", "9.255.255.255", "198.51.101.7", "0.0.0.0", "255.255.255.255"})
            QVERIFY2(!bitmap.mayHold(address(far)), far);
        QVERIFY(bitmap.mayHold(address("2001:db8::1")));
        QVERIFY(bitmap.mayHold(address("2001:db9::1")));
    }

    void theWholeSpaceAndItsEdges()
    {
        const Ipv4BlockBitmap whole({range("0.0.0.0", "255.255.255.255")});
        for (const char *any : {"0.0.0.0", "127.0.0.1", "255.255.255.255"})
            QVERIFY2(whole.mayHold(address(any)), any);
        const Ipv4BlockBitmap last({range("255.255.255.255", "255.255.255.255")});
        QVERIFY(last.mayHold(address("255.255.255.0")));
        QVERIFY(!last.mayHold(address("255.255.254.255")));
        const Ipv4BlockBitmap none({});
        QVERIFY(!none.mayHold(address("192.0.2.1")));
    }
};

QTEST_GUILESS_MAIN(TestIpv4BlockBitmap)
#include "tst_ipv4blockbitmap.moc"
