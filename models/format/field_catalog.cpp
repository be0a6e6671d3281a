// SPDX-License-Identifier: GPL-3.0-or-later
#include "field_catalog.h"


#include <algorithm>

// The descriptions are marked for lupdate, which reads the macro's name; the
// format sources stay free of Qt (the fuzzers build them alone), so it is
// spelled out here when Qt's is not in sight.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace flowscope {
namespace {

constexpr std::uint64_t kU16 = 65535;
constexpr std::uint64_t kU8 = 255;
constexpr std::uint64_t kI64 = 9223372036854775807ULL;

constexpr std::array<FieldInfo, kFieldCount> kFields{{
    {Field::Version, "version", 2, FieldKind::Integer, kU8, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Flow log version")},
    {Field::AccountId, "account-id", 2, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "AWS account of the source interface")},
    {Field::InterfaceId, "interface-id", 2, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Network interface (ENI) id")},
    {Field::SrcAddr, "srcaddr", 2, FieldKind::Address, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Source address")},
    {Field::DstAddr, "dstaddr", 2, FieldKind::Address, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Destination address")},
    {Field::SrcPort, "srcport", 2, FieldKind::Integer, kU16, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Source port")},
    {Field::DstPort, "dstport", 2, FieldKind::Integer, kU16, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Destination port")},
    {Field::Protocol, "protocol", 2, FieldKind::Integer, kU8, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "IANA protocol number")},
    {Field::Packets, "packets", 2, FieldKind::Integer, kI64, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Packets in the interval")},
    {Field::Bytes, "bytes", 2, FieldKind::Integer, kI64, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Bytes in the interval")},
    {Field::Start, "start", 2, FieldKind::Integer, kI64, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "First packet (Unix seconds)")},
    {Field::End, "end", 2, FieldKind::Integer, kI64, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Last packet (Unix seconds)")},
    {Field::Action, "action", 2, FieldKind::Enum, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "ACCEPT or REJECT")},
    {Field::LogStatus, "log-status", 2, FieldKind::Enum, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "OK, NODATA or SKIPDATA")},
    {Field::VpcId, "vpc-id", 3, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "VPC of the interface")},
    {Field::SubnetId, "subnet-id", 3, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Subnet of the interface")},
    {Field::InstanceId, "instance-id", 3, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Instance owning the interface")},
    {Field::TcpFlags, "tcp-flags", 3, FieldKind::Integer, kU8, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "TCP flags OR-ed over the interval")},
    {Field::Type, "type", 3, FieldKind::Enum, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "IPv4, IPv6 or EFA")},
    {Field::PktSrcAddr, "pkt-srcaddr", 3, FieldKind::Address, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Packet-level source address")},
    {Field::PktDstAddr, "pkt-dstaddr", 3, FieldKind::Address, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Packet-level destination address")},
    {Field::Region, "region", 4, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Region of the interface")},
    {Field::AzId, "az-id", 4, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Availability Zone id")},
    {Field::SublocationType, "sublocation-type", 4, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "wavelength, outpost or localzone")},
    {Field::SublocationId, "sublocation-id", 4, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Id of the sublocation")},
    {Field::PktSrcAwsService, "pkt-src-aws-service", 5, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "AWS service of pkt-srcaddr")},
    {Field::PktDstAwsService, "pkt-dst-aws-service", 5, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "AWS service of pkt-dstaddr")},
    {Field::FlowDirection, "flow-direction", 5, FieldKind::Enum, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "ingress or egress")},
    {Field::TrafficPath, "traffic-path", 5, FieldKind::Integer, kU8, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Egress path (1-8)")},
    {Field::EcsClusterArn, "ecs-cluster-arn", 7, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "ECS cluster ARN")},
    {Field::EcsClusterName, "ecs-cluster-name", 7, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "ECS cluster name")},
    {Field::EcsContainerInstanceArn, "ecs-container-instance-arn", 7, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "ECS container instance ARN")},
    {Field::EcsContainerInstanceId, "ecs-container-instance-id", 7, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "ECS container instance id")},
    {Field::EcsContainerId, "ecs-container-id", 7, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "First container's runtime id")},
    {Field::EcsSecondContainerId, "ecs-second-container-id", 7, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Second container's runtime id")},
    {Field::EcsServiceName, "ecs-service-name", 7, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "ECS service name")},
    {Field::EcsTaskDefinitionArn, "ecs-task-definition-arn", 7, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "ECS task definition ARN")},
    {Field::EcsTaskArn, "ecs-task-arn", 7, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "ECS task ARN")},
    {Field::EcsTaskId, "ecs-task-id", 7, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "ECS task id")},
    {Field::RejectReason, "reject-reason", 8, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Why the traffic was rejected (e.g. BPA)")},
    {Field::ResourceId, "resource-id", 8, FieldKind::Text, 0, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "Resource id (newer field)")},
    {Field::EncryptionStatus, "encryption-status", 8, FieldKind::Integer, 3, QT_TRANSLATE_NOOP("flowscope::FieldCatalog", "VPC encryption status 0-3")},
}};

constexpr std::array<Field, 14> kDefaultFormat{
    Field::Version, Field::AccountId, Field::InterfaceId, Field::SrcAddr, Field::DstAddr,
    Field::SrcPort, Field::DstPort, Field::Protocol, Field::Packets, Field::Bytes,
    Field::Start, Field::End, Field::Action, Field::LogStatus};

constexpr std::array<int, kFieldCount> makeTextSlots()
{
    std::array<int, kFieldCount> slots{};
    int next = 0;
    for (const auto &info : kFields)
        slots[static_cast<int>(info.field)] = info.kind == FieldKind::Text ? next++ : -1;
    return slots;
}
constexpr auto kTextSlots = makeTextSlots();

constexpr bool catalogueIsOrdered()
{
    for (int i = 0; i < kFieldCount; ++i)
        if (static_cast<int>(kFields[i].field) != i)
            return false;
    return true;
}
static_assert(catalogueIsOrdered(), "kFields must follow the order of enum Field");
static_assert(makeTextSlots()[static_cast<int>(Field::ResourceId)] == kTextSlotCount - 1,
              "kTextSlotCount must match the number of text fields");

} // namespace

const FieldInfo &fieldInfo(Field f) { return kFields[static_cast<int>(f)]; }
const std::array<FieldInfo, kFieldCount> &allFields() { return kFields; }
const std::array<Field, 14> &defaultFormatFields() { return kDefaultFormat; }
int textSlot(Field f) { return kTextSlots[static_cast<int>(f)]; }

std::optional<Field> fieldByName(std::string_view awsName)
{
    // Accept the Parquet/Athena spelling (account_id) as well as the AWS one.
    for (const auto &info : kFields) {
        if (info.name.size() != awsName.size())
            continue;
        bool same = true;
        for (std::size_t i = 0; i < awsName.size() && same; ++i) {
            char c = awsName[i];
            if (c == '_')
                c = '-';
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
            same = c == info.name[i];
        }
        if (same)
            return info.field;
    }
    return std::nullopt;
}

} // namespace flowscope
