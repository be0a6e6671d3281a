// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudtrail_sample.h"

#include <QDateTime>
#include <QJsonDocument>

namespace flowscope::test {

namespace {
constexpr qint64 kT0 = 1773104400; // 2026-03-10T01:00:00Z
QJsonObject items(const QJsonArray &list) { return {{QStringLiteral("items"), list}}; }
} // namespace

QJsonObject cloudTrailEvent(const QString &name, int second, const QString &id, const QString &source)
{
    return {{QStringLiteral("eventVersion"), QStringLiteral("1.09")},
            {QStringLiteral("userIdentity"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("IAMUser")},
                         {QStringLiteral("arn"), QStringLiteral("arn:aws:iam::123456789012:user/ops")},
                         {QStringLiteral("accountId"), QStringLiteral("123456789012")}}},
            {QStringLiteral("eventTime"), QDateTime::fromSecsSinceEpoch(kT0 + second, Qt::UTC).toString(Qt::ISODate)},
            {QStringLiteral("eventSource"), source},
            {QStringLiteral("eventName"), name},
            {QStringLiteral("awsRegion"), QStringLiteral("us-east-1")},
            {QStringLiteral("sourceIPAddress"), QStringLiteral("203.0.113.44")},
            {QStringLiteral("userAgent"), QStringLiteral("aws-cli/2.15.30")},
            {QStringLiteral("eventID"), QStringLiteral("ev-") + id},
            {QStringLiteral("recipientAccountId"), QStringLiteral("123456789012")}};
}

QJsonObject runInstances(int second, const QString &id, const QList<QPair<QString, QString>> &instances)
{
    QJsonObject event = cloudTrailEvent(QStringLiteral("RunInstances"), second, id);
    event.insert(QStringLiteral("userIdentity"),
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("AssumedRole")},
                             {QStringLiteral("arn"), QStringLiteral("arn:aws:sts::123456789012:assumed-role/pipeline/run-1")}});
    event.insert(QStringLiteral("sourceIPAddress"), QStringLiteral("198.51.100.23"));
    const QJsonObject group{{QStringLiteral("groupId"), QStringLiteral("sg-0aaaaaaaaaaaaaaa1")}};
    event.insert(QStringLiteral("requestParameters"),
                 QJsonObject{{QStringLiteral("subnetId"), QStringLiteral("subnet-0123456789abcdef0")},
                             {QStringLiteral("groupSet"), items({group})}});
    QJsonArray launched;
    for (const auto &[instance, eni] : instances)
        launched.append(QJsonObject{
            {QStringLiteral("instanceId"), instance},
            {QStringLiteral("networkInterfaceSet"),
             items({QJsonObject{{QStringLiteral("networkInterfaceId"), eni},
                                {QStringLiteral("attachment"),
                                 QJsonObject{{QStringLiteral("attachmentId"), QStringLiteral("eni-attach-0123456789abcdef0")}}},
                                {QStringLiteral("groupSet"), items({group})}}})}});
    event.insert(QStringLiteral("responseElements"),
                 QJsonObject{{QStringLiteral("reservationId"), QStringLiteral("r-0123456789abcdef0")},
                             {QStringLiteral("instancesSet"), items(launched)}});
    return event;
}

QByteArray cloudTrailFile(const QJsonArray &records)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("Records"), records}}).toJson(QJsonDocument::Compact);
}

} // namespace flowscope::test
