// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The formats of the AWS documentation's example records (as FIELDS.md lists
// them), in header spelling, shared by the format tests.

#include <QByteArray>
#include <QList>

namespace flowscope::test {

// "a b c" -> "${a} ${b} ${c}": the console spelling of a header line.
inline QByteArray consoleForm(const QByteArray &header)
{
    QByteArray out;
    for (const QByteArray &name : header.split(' ')) {
        if (name.isEmpty())
            continue;
        if (!out.isEmpty())
            out += ' ';
        out += "${" + name + '}';
    }
    return out;
}

inline const QByteArray kDefaultHeader =
    "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
    "action log-status";
// Example 5 (TCP flag sequence).
inline const QByteArray kExample5Header =
    "version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport "
    "pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status";
// Example 6 (NAT gateway): six fields and no version.
inline const QByteArray kExample6Header = "instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr";
// Example 7 (transit gateway, seen from VPC B).
inline const QByteArray kExample7Header =
    "version interface-id account-id vpc-id subnet-id instance-id srcaddr dstaddr srcport dstport protocol "
    "tcp-flags type pkt-srcaddr pkt-dstaddr action log-status";
// Example 8 (service name, traffic path, flow direction): all 29 fields of v2..v5.
inline const QByteArray kExample8Header =
    "version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id vpc-id "
    "subnet-id instance-id interface-id region az-id sublocation-type sublocation-id action tcp-flags "
    "pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction log-status";
// Example 9 (encryption status).
inline const QByteArray kExample9Header = "flow-direction traffic-path srcaddr dstaddr srcport dstport encryption-status";

} // namespace flowscope::test
