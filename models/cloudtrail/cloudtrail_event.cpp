// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudtrail_event.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace flowscope::cloudtrail {

namespace {

// The EC2 calls that change which traffic flows, and how it shows in flow logs.
constexpr std::array<std::string_view, 38> kNetworkEvents{
    "RunInstances", "StartInstances", "StopInstances", "TerminateInstances", "ModifyInstanceAttribute",
    "CreateNetworkInterface", "DeleteNetworkInterface", "AttachNetworkInterface", "DetachNetworkInterface",
    "ModifyNetworkInterfaceAttribute", "AssignPrivateIpAddresses", "UnassignPrivateIpAddresses",
    "AssignIpv6Addresses", "UnassignIpv6Addresses", "AssociateAddress", "DisassociateAddress",
    "CreateSecurityGroup", "DeleteSecurityGroup", "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
    "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "ModifySecurityGroupRules",
    "UpdateSecurityGroupRuleDescriptionsIngress", "CreateNetworkAcl", "DeleteNetworkAcl", "CreateNetworkAclEntry",
    "ReplaceNetworkAclEntry", "DeleteNetworkAclEntry", "ReplaceNetworkAclAssociation", "CreateRoute", "ReplaceRoute",
    "DeleteRoute", "AssociateRouteTable", "CreateFlowLogs", "DeleteFlowLogs", "CreateNatGateway", "DeleteNatGateway"};

// Opening or widening access, or turning off the evidence.
constexpr std::array<std::string_view, 8> kWidening{
    "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "ModifySecurityGroupRules",
    "CreateNetworkAclEntry", "ReplaceNetworkAclEntry", "DeleteNetworkAclEntry", "DeleteFlowLogs",
    "ReplaceNetworkAclAssociation"};

constexpr std::array<std::string_view, 6> kPlacing{"RunInstances", "CreateNetworkInterface", "AttachNetworkInterface",
                                                   "ModifyNetworkInterfaceAttribute", "ModifyInstanceAttribute",
                                                   "AssociateAddress"};

template<std::size_t N>
bool among(const std::array<std::string_view, N> &names, std::string_view name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

const QRegularExpression &resourceIdPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^(eni|i|sg|acl)-[0-9a-f]{8}([0-9a-f]{9})?$"));
    return pattern;
}

std::string text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString().toStdString();
}

std::string compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact).toStdString();
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact).toStdString();
    return "null";
}

void networkInterfacesUnder(const QJsonValue &value, std::vector<std::string> &enis)
{
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            networkInterfacesUnder(v, enis);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("networkInterfaceId") && it.value().isString())
            enis.push_back(it.value().toString().toStdString());
        else
            networkInterfacesUnder(it.value(), enis);
    }
}

} // namespace

bool isNetworkEvent(std::string_view eventSource, std::string_view eventName)
{
    return eventSource == "ec2.amazonaws.com" && among(kNetworkEvents, eventName);
}

int initialSeverity(std::string_view eventName)
{
    if (among(kWidening, eventName))
        return 2; // medium
    if (among(kPlacing, eventName))
        return 1; // low
    return 0;     // info
}

void collectResourceIds(const QJsonValue &value, std::vector<std::string> &ids)
{
    if (value.isString()) {
        const QString s = value.toString();
        if (resourceIdPattern().match(s).hasMatch())
            ids.push_back(s.toStdString());
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectResourceIds(v, ids);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectResourceIds(it.value(), ids);
    }
}

void collectAttachments(const QJsonValue &value, std::vector<std::pair<std::string, std::string>> &pairs)
{
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectAttachments(v, pairs);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    const QJsonValue instance = object.value(QLatin1String("instanceId"));
    if (instance.isString() && resourceIdPattern().match(instance.toString()).hasMatch()) {
        std::vector<std::string> enis;
        networkInterfacesUnder(value, enis);
        for (std::string &eni : enis)
            if (eni.starts_with("eni-"))
                pairs.emplace_back(std::move(eni), instance.toString().toStdString());
        return; // an instance does not hold another
    }
    for (auto it = object.begin(); it != object.end(); ++it)
        collectAttachments(it.value(), pairs);
}

ParsedEvent parseCloudTrailEvent(const QJsonValue &value)
{
    ParsedEvent parsed;
    if (!value.isObject()) {
        parsed.error = "not a JSON object";
        return parsed;
    }
    const QJsonObject event = value.toObject();
    CloudTrailEventRow &row = parsed.row;
    row.eventName = text(event, "eventName");
    row.eventSource = text(event, "eventSource");
    if (row.eventName.empty()) {
        parsed.error = "no eventName";
        return parsed;
    }
    if (!isNetworkEvent(row.eventSource, row.eventName)) {
        parsed.verdict = EventVerdict::Skipped;
        return parsed;
    }
    row.eventId = text(event, "eventID");
    if (row.eventId.empty()) {
        parsed.error = row.eventName + ": no eventID";
        return parsed;
    }
    const QString timeText = event.value(QLatin1String("eventTime")).toString();
    const QDateTime time = QDateTime::fromString(timeText, Qt::ISODate);
    if (!time.isValid()) {
        parsed.error = row.eventName + ' ' + row.eventId + ": eventTime '" + timeText.toStdString()
            + "' is not an ISO 8601 time";
        return parsed;
    }
    row.time = time.toSecsSinceEpoch();
    const QJsonObject identity = event.value(QLatin1String("userIdentity")).toObject();
    row.principal = text(identity, "arn");
    if (row.principal.empty())
        row.principal = !text(identity, "invokedBy").empty() ? text(identity, "invokedBy") : text(identity, "principalId");
    row.sourceIp = text(event, "sourceIPAddress");
    row.userAgent = text(event, "userAgent");
    row.account = text(event, "recipientAccountId");
    if (row.account.empty())
        row.account = text(identity, "accountId");
    row.region = text(event, "awsRegion");
    row.errorCode = text(event, "errorCode");
    const QJsonValue request = event.value(QLatin1String("requestParameters"));
    const QJsonValue response = event.value(QLatin1String("responseElements"));
    row.request = compactJson(request);
    row.response = compactJson(response);
    collectResourceIds(request, row.resources);
    collectResourceIds(response, row.resources);
    std::sort(row.resources.begin(), row.resources.end());
    row.resources.erase(std::unique(row.resources.begin(), row.resources.end()), row.resources.end());
    collectAttachments(request, row.attachments);
    collectAttachments(response, row.attachments);
    std::sort(row.attachments.begin(), row.attachments.end());
    row.attachments.erase(std::unique(row.attachments.begin(), row.attachments.end()), row.attachments.end());
    row.severity = initialSeverity(row.eventName);
    parsed.verdict = EventVerdict::Network;
    return parsed;
}

} // namespace flowscope::cloudtrail
