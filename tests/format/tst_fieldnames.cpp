// SPDX-License-Identifier: GPL-3.0-or-later
// Names of coded values: protocols, TCP flags, traffic paths.

#include "format/field_names.h"

#include <QTest>

using namespace flowscope;

class TestFieldNames : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void protocols_data()
    {
        QTest::addColumn<int>("number");
        QTest::addColumn<QString>("name");
        QTest::newRow("tcp") << 6 << "TCP";
        QTest::newRow("udp") << 17 << "UDP";
        QTest::newRow("icmp") << 1 << "ICMP";
        QTest::newRow("icmpv6") << 58 << "ICMPv6";
        QTest::newRow("esp") << 50 << "ESP";
        QTest::newRow("gre") << 47 << "GRE";
        QTest::newRow("unnamed") << 253 << "";
    }

    void protocols()
    {
        QFETCH(int, number);
        QFETCH(QString, name);
        const std::string_view text = protocolName(static_cast<std::uint8_t>(number));
        QCOMPARE(QString::fromUtf8(text.data(), qsizetype(text.size())), name);
        if (!name.isEmpty()) {
            QCOMPARE(int(protocolByName(name.toLower().toStdString()).value_or(0)), number);
            QCOMPARE(int(protocolByName(name.toStdString()).value_or(0)), number);
        }
    }

    void unknownProtocolName() { QVERIFY(!protocolByName("tcpx")); }

    void tcpFlags_data()
    {
        QTest::addColumn<int>("flags");
        QTest::addColumn<QString>("text");
        QTest::newRow("none") << 0 << "none";
        QTest::newRow("syn") << 2 << "SYN";
        QTest::newRow("syn-ack") << 18 << "SYN, ACK";
        QTest::newRow("syn+fin") << 3 << "FIN, SYN";
        QTest::newRow("syn-ack+fin") << 19 << "FIN, SYN, ACK";
        QTest::newRow("rst") << 4 << "RST";
        QTest::newRow("all") << 63 << "FIN, SYN, RST, PSH, ACK, URG";
    }

    void tcpFlags()
    {
        QFETCH(int, flags);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(tcpFlagsText(static_cast<std::uint8_t>(flags))), text);
    }

    void trafficPaths()
    {
        for (int path = 1; path <= 8; ++path)
            QVERIFY(!trafficPathName(static_cast<std::uint8_t>(path)).empty());
        QVERIFY(trafficPathName(0).empty());
        QVERIFY(trafficPathName(9).empty());
    }
};

QTEST_APPLESS_MAIN(TestFieldNames)
#include "tst_fieldnames.moc"
