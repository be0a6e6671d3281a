// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The filter expressions that show a graph node's or edge's records in the
// table, in the filter bar's language.

#include <QString>
#include <QStringList>

namespace flowscope::graph {

// What selects a node's records: a field of the logging interface
// (`interface-id == "eni-…"`, `subnet-id == …`), the addresses its
// interfaces own (logged at the other end), an address block, an AWS
// service name or an IOC list.
struct NodeSelector {
    QString field;     // "interface-id", "subnet-id", "vpc-id", "account-id"; empty for none
    QString value;
    QStringList addresses; // owned addresses or CIDR blocks
    QString service;       // pkt-*-aws-service
    QString iocList;       // addr in @NAME
    QString expression() const;
    // Only the records whose source (or destination) is the node: for
    // traffic inside one node (a subnet talking to itself).
    QString sideExpression(bool source) const;
};

QString edgeExpression(const NodeSelector &a, const NodeSelector &b);
// "(A) and not ((K1) or (K2) ...)": the records of A with none of `kept`.
QString withoutExpression(const QString &expression, const QStringList &kept);

} // namespace flowscope::graph
