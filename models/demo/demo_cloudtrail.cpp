// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_cloudtrail.h"

#include "demo_estate.h"
#include "demo_output.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <stdexcept>

namespace flowscope {

namespace {

using demo::Eni;

// The groups of demo_snapshot.cpp the events name.
constexpr const char *kAppGroup = "sg-0e55a7c9d1e3f5a7b";
constexpr const char *kWindowsGroup = "sg-0177c9e1f3a5b7c9d";
constexpr const char *kPipelineRole = "arn:aws:sts::123456789012:assumed-role/deploy-pipeline/ci-run-4711";
constexpr const char *kPipelineAddress = "198.51.100.23";

QString iso(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QJsonObject items(QJsonArray list) { return {{QStringLiteral("items"), list}}; }

QJsonObject event(const char *source, const char *name, std::int64_t time, const QString &arn, const QString &sourceIp,
                  const char *userAgent, int serial)
{
    const QString account = QString::fromUtf8(demo::kMainAccount.data(), demo::kMainAccount.size());
    return {{QStringLiteral("eventVersion"), QStringLiteral("1.09")},
            {QStringLiteral("userIdentity"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("AssumedRole")},
                         {QStringLiteral("arn"), arn},
                         {QStringLiteral("accountId"), account}}},
            {QStringLiteral("eventTime"), iso(time)},
            {QStringLiteral("eventSource"), QString::fromLatin1(source)},
            {QStringLiteral("eventName"), QString::fromLatin1(name)},
            {QStringLiteral("awsRegion"), QStringLiteral("us-east-1")},
            {QStringLiteral("sourceIPAddress"), sourceIp},
            {QStringLiteral("userAgent"), QString::fromLatin1(userAgent)},
            {QStringLiteral("eventID"), QStringLiteral("6f1d2c3b-4a59-4e7f-8d10-%1").arg(serial, 12, 10, QLatin1Char('0'))},
            {QStringLiteral("readOnly"), false},
            {QStringLiteral("eventType"), QStringLiteral("AwsApiCall")},
            {QStringLiteral("recipientAccountId"), account}};
}

const Eni &interfaceWithAddress(const std::string &address)
{
    for (const Eni &eni : demo::Estate::instance().interfaces())
        if (eni.address.text() == address)
            return eni;
    throw std::logic_error("the demo estate has no interface with address " + address);
}

QJsonObject runInstances(const Eni &eni, std::int64_t time)
{
    const QString instance = QString::fromUtf8(eni.instanceId.data(), eni.instanceId.size());
    const QString interfaceId = QString::fromUtf8(eni.interfaceId.data(), eni.interfaceId.size());
    const QString subnet = QString::fromUtf8(eni.subnet->id.data(), eni.subnet->id.size());
    const QString vpc = QString::fromUtf8(eni.subnet->vpc->id.data(), eni.subnet->vpc->id.size());
    const QString address = QString::fromStdString(std::string(eni.address.text()));
    const QJsonObject group{{QStringLiteral("groupId"), QString::fromLatin1(kAppGroup)},
                            {QStringLiteral("groupName"), QStringLiteral("app")}};
    QJsonObject e = event("ec2.amazonaws.com", "RunInstances", time, QString::fromLatin1(kPipelineRole),
                          QString::fromLatin1(kPipelineAddress),
                          "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22 command/ec2.run-instances", 2);
    e.insert(QStringLiteral("requestParameters"),
             QJsonObject{{QStringLiteral("instancesSet"),
                          items({QJsonObject{{QStringLiteral("imageId"), QStringLiteral("ami-0c7217cdde317cfec")},
                                             {QStringLiteral("minCount"), 1},
                                             {QStringLiteral("maxCount"), 1}}})},
                         {QStringLiteral("instanceType"), QStringLiteral("m6i.large")},
                         {QStringLiteral("subnetId"), subnet},
                         {QStringLiteral("groupSet"), items({QJsonObject{{QStringLiteral("groupId"), QString::fromLatin1(kAppGroup)}}})},
                         {QStringLiteral("iamInstanceProfile"), QJsonObject{{QStringLiteral("name"), QStringLiteral("app-server")}}}});
    const QJsonObject networkInterface{
        {QStringLiteral("networkInterfaceId"), interfaceId},
        {QStringLiteral("subnetId"), subnet},
        {QStringLiteral("vpcId"), vpc},
        {QStringLiteral("privateIpAddress"), address},
        {QStringLiteral("attachment"), QJsonObject{{QStringLiteral("attachmentId"), QStringLiteral("eni-attach-0d1e2f3a4b5c6d7e8")},
                                                  {QStringLiteral("deviceIndex"), 0},
                                                  {QStringLiteral("status"), QStringLiteral("attaching")}}},
        {QStringLiteral("groupSet"), items({group})}};
    e.insert(QStringLiteral("responseElements"),
             QJsonObject{{QStringLiteral("reservationId"), QStringLiteral("r-0a9b8c7d6e5f40312")},
                         {QStringLiteral("ownerId"), QString::fromUtf8(demo::kMainAccount.data(), demo::kMainAccount.size())},
                         {QStringLiteral("groupSet"), items({group})},
                         {QStringLiteral("instancesSet"),
                          items({QJsonObject{{QStringLiteral("instanceId"), instance},
                                             {QStringLiteral("imageId"), QStringLiteral("ami-0c7217cdde317cfec")},
                                             {QStringLiteral("instanceType"), QStringLiteral("m6i.large")},
                                             {QStringLiteral("subnetId"), subnet},
                                             {QStringLiteral("vpcId"), vpc},
                                             {QStringLiteral("privateIpAddress"), address},
                                             {QStringLiteral("networkInterfaceSet"), items({networkInterface})}}})}});
    return e;
}

// The instance role of the compromised server, through the EC2 interface
// endpoint (so CloudTrail shows its private address), opens RDP on the
// Windows servers' group to itself.
QJsonObject authorizeIngress(const Eni &eni, std::int64_t time)
{
    const QString address = QString::fromStdString(std::string(eni.address.text()));
    const QString role = QStringLiteral("arn:aws:sts::123456789012:assumed-role/app-server/")
        + QString::fromUtf8(eni.instanceId.data(), eni.instanceId.size());
    QJsonObject e = event("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", time, role, address,
                          "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.1.0 lang/python#3.11.8", 4);
    const QJsonObject permission{
        {QStringLiteral("ipProtocol"), QStringLiteral("tcp")},
        {QStringLiteral("fromPort"), 3389},
        {QStringLiteral("toPort"), 3389},
        {QStringLiteral("ipRanges"), items({QJsonObject{{QStringLiteral("cidrIp"), address + QStringLiteral("/32")}}})}};
    e.insert(QStringLiteral("requestParameters"),
             QJsonObject{{QStringLiteral("groupId"), QString::fromLatin1(kWindowsGroup)},
                         {QStringLiteral("ipPermissions"), items({permission})}});
    e.insert(QStringLiteral("responseElements"),
             QJsonObject{{QStringLiteral("_return"), true},
                         {QStringLiteral("securityGroupRuleSet"),
                          items({QJsonObject{{QStringLiteral("groupId"), QString::fromLatin1(kWindowsGroup)},
                                             {QStringLiteral("securityGroupRuleId"), QStringLiteral("sgr-0f1e2d3c4b5a69788")},
                                             {QStringLiteral("isEgress"), false},
                                             {QStringLiteral("ipProtocol"), QStringLiteral("tcp")},
                                             {QStringLiteral("fromPort"), 3389},
                                             {QStringLiteral("toPort"), 3389},
                                             {QStringLiteral("cidrIpv4"), address + QStringLiteral("/32")}}})}});
    return e;
}

} // namespace

DemoCloudTrail writeDemoCloudTrail(const std::filesystem::path &root, const DemoSummary &input, const DemoOptions &options)
{
    const Eni &compromised = interfaceWithAddress(input.beaconSource);
    const std::int64_t launch = options.startEpoch - 2 * 3600;
    const std::int64_t authorize = input.lateralStart - 4 * 60;
    const QString role = QString::fromLatin1(kPipelineRole);
    const QString pipeline = QString::fromLatin1(kPipelineAddress);
    QJsonObject login = event("signin.amazonaws.com", "ConsoleLogin", launch - 600, role, pipeline, "Mozilla/5.0", 1);
    QJsonObject describe = event("ec2.amazonaws.com", "DescribeInstances", launch + 90, role, pipeline,
                                 "aws-cli/2.15.30 command/ec2.describe-instances", 3);
    describe.insert(QStringLiteral("readOnly"), true);
    QJsonObject credentials = event("sts.amazonaws.com", "GetCallerIdentity", authorize - 30,
                                    QStringLiteral("arn:aws:sts::123456789012:assumed-role/app-server/")
                                        + QString::fromUtf8(compromised.instanceId.data(), compromised.instanceId.size()),
                                    QString::fromStdString(input.beaconSource), "Boto3/1.34.69", 5);
    const QJsonArray records{login, runInstances(compromised, launch), describe, credentials,
                             authorizeIngress(compromised, authorize)};

    const QDateTime first = QDateTime::fromSecsSinceEpoch(launch - 600, Qt::UTC);
    DemoCloudTrail out;
    out.relativePath = "AWSLogs/" + std::string(demo::kMainAccount) + "/CloudTrail/us-east-1/"
        + first.toString(QStringLiteral("yyyy/MM/dd/")).toStdString() + std::string(demo::kMainAccount)
        + "_CloudTrail_us-east-1_" + first.toString(QStringLiteral("yyyyMMddTHHmm")).toStdString() + "Z_Fl0wsc0peDem0.json.gz";
    const auto file = demo::openGzipFile(root / out.relativePath);
    file->write(QJsonDocument(QJsonObject{{QStringLiteral("Records"), records}}).toJson(QJsonDocument::Compact).toStdString());
    file->close();
    out.launchedInstance = std::string(compromised.instanceId);
    out.launchedInterface = std::string(compromised.interfaceId);
    out.launchPrincipal = kPipelineRole;
    out.launchSourceIp = kPipelineAddress;
    out.authorizedGroup = kWindowsGroup;
    out.networkEvents = 2;
    out.otherEvents = 3;
    return out;
}

} // namespace flowscope
