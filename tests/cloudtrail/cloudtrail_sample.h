// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CloudTrail events for the tests, built as AWS writes them: a RunInstances
// whose interfaces sit deep in responseElements, interface and group calls,
// and calls that touch nothing of the network.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace flowscope::test {

// eventTime 2026-03-10T01:00:00Z + `second`; eventID "ev-<id>".
QJsonObject cloudTrailEvent(const QString &name, int second, const QString &id, const QString &source = QStringLiteral("ec2.amazonaws.com"));
// RunInstances of `instances` (instance id, interface id) in the subnet, by
// the pipeline role from 198.51.100.23, with group sg-0aaaaaaaaaaaaaaa1.
QJsonObject runInstances(int second, const QString &id, const QList<QPair<QString, QString>> &instances);
QByteArray cloudTrailFile(const QJsonArray &records);

} // namespace flowscope::test
