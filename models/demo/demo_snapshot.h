// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The configuration of the demo estate as the AWS CLI prints it (one
// describe-* JSON document per call), so that the demo case explains its
// rejects exactly. It agrees with the demo traffic where the rejects are:
//  * security groups: web-1 alone takes SSH and ping from anywhere; the
//    bastion takes SSH from the office and the VPC; the Windows servers take
//    the domain ports, not RDP or WinRM; SSH to the servers only from the
//    bastion's group. The lateral movement's probes and the internet's noise
//    are refused by the destination's groups (with near misses to show);
//  * network ACLs: the public subnet's ACL lets out to the VPC only service
//    ports, not the ephemeral range, so the bastion's reply to an accepted SSH
//    request from the private subnet is refused by its "*" rule, the
//    stateless-NACL pattern.
// The ACL is stricter than the rest of the demo traffic assumes (replies of
// the NAT gateway and to the monitoring server leave the public subnet
// accepted in the records): only rejects are explained.

#include <QByteArray>
#include <QString>

#include <vector>

namespace flowscope::demo {

struct DemoSnapshotDocument {
    QString name; // "describe-security-groups.json"
    QByteArray json;
};

std::vector<DemoSnapshotDocument> demoSnapshotDocuments();

} // namespace flowscope::demo
