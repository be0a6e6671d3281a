// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_fixture.h"

#include <QList>

namespace flowscope::test {

namespace {
constexpr const char *kHeader = "version account-id interface-id subnet-id vpc-id srcaddr dstaddr srcport dstport protocol "
                                "packets bytes start end action log-status tcp-flags flow-direction "
                                "pkt-src-aws-service pkt-dst-aws-service\n";
}

QByteArray graphFlowLogOf(const QByteArray &specs)
{
    QByteArray content = kHeader;
    int minute = 0;
    for (const QByteArray &spec : specs.split('\n')) {
        const QList<QByteArray> p = spec.simplified().split(' ');
        if (p.size() < 13)
            continue;
        const auto address = [](const QByteArray &endpoint) { return endpoint.left(endpoint.lastIndexOf(':')); };
        const auto port = [](const QByteArray &endpoint) { return endpoint.mid(endpoint.lastIndexOf(':') + 1); };
        const QByteArray protocol = p[6] == "tcp" ? "6" : p[6] == "udp" ? "17" : p[6];
        const QByteArray start = QByteArray::number(1700000000 + 60 * minute++);
        content += "5 123456789012 " + p[0] + ' ' + p[1] + ' ' + p[2] + ' ' + address(p[3]) + ' ' + address(p[5]) + ' '
            + port(p[3]) + ' ' + port(p[5]) + ' ' + protocol + " 2 " + p[7] + ' ' + start + ' ' + start + ' ' + p[8]
            + " OK " + p[9] + ' ' + p[10] + ' ' + p[11] + ' ' + p[12] + '\n';
    }
    return content;
}

} // namespace flowscope::test
