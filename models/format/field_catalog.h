// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The catalogue of every VPC Flow Log field from version 2 to 8 (plus the newer
// resource-id and encryption-status), by AWS name, with the version that
// introduced it and how its text is decoded.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace flowscope {

enum class Field : std::uint8_t {
    Version, AccountId, InterfaceId, SrcAddr, DstAddr, SrcPort, DstPort, Protocol,
    Packets, Bytes, Start, End, Action, LogStatus,
    VpcId, SubnetId, InstanceId, TcpFlags, Type, PktSrcAddr, PktDstAddr,
    Region, AzId, SublocationType, SublocationId,
    PktSrcAwsService, PktDstAwsService, FlowDirection, TrafficPath,
    EcsClusterArn, EcsClusterName, EcsContainerInstanceArn, EcsContainerInstanceId,
    EcsContainerId, EcsSecondContainerId, EcsServiceName, EcsTaskDefinitionArn,
    EcsTaskArn, EcsTaskId,
    RejectReason, ResourceId, EncryptionStatus,
    Count
};

constexpr int kFieldCount = static_cast<int>(Field::Count);

// How a field's token is decoded.
enum class FieldKind : std::uint8_t {
    Integer,    // unsigned decimal, range-checked
    Address,    // IPv4 or IPv6 text
    Enum,       // a closed set of names (action, log-status, type, flow-direction)
    Text,       // an open string, stored through a dictionary
};

struct FieldInfo {
    Field field;
    std::string_view name;        // AWS name, e.g. "interface-id"
    int version;                  // version that introduced it
    FieldKind kind;
    std::uint64_t maxValue;       // for Integer fields
    std::string_view description; // short, for help texts
};

const FieldInfo &fieldInfo(Field f);
const std::array<FieldInfo, kFieldCount> &allFields();
std::optional<Field> fieldByName(std::string_view awsName);

// The 14 fields of the default (version 2) format, in order.
const std::array<Field, 14> &defaultFormatFields();

// Index of a text field in FlowRecord::text (-1 for non-text fields).
int textSlot(Field f);
constexpr int kTextSlotCount = 23;

} // namespace flowscope
