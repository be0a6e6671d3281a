// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The small AWS estate the demo traffic runs in.
//
// VPC A (vpc-0f3c9a1b2d4e6f701, us-east-1, account 123456789012, 10.0.0.0/16
// and 2600:1f18:4a3b:9c00::/56): a public and a private subnet with web
// servers behind an NLB, a bastion, a NAT gateway, app and database servers,
// Windows infrastructure and a few idle interfaces. Its VPC flow log goes to S3.
//
// VPC B (vpc-04d2e6f8a0b1c3e95, eu-west-1, 10.1.0.0/16): owned by the same
// account, peered with VPC A across regions, its subnets shared with a second
// account (210987654321) that runs an ECS cluster, Kafka and reporting there.
// Subnet ecs-a has a Hive-partitioned S3 flow log with ECS fields; interfaces
// of subnet ecs-b have interface-level flow logs to CloudWatch Logs and Firehose.

#include "demo_record.h"

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace flowscope::demo {

inline constexpr std::string_view kMainAccount = "123456789012";
inline constexpr std::string_view kPeerAccount = "210987654321";

// Where an interface's flow log is delivered: one output per value.
enum class Delivery : std::uint8_t { S3Text, S3Hive, CloudWatchExport, CloudWatchJson, Firehose };

enum class Role : std::uint8_t {
    NatGateway, LoadBalancer, Web, Bastion, Idle,
    App, Worker, MySql, Postgres, DomainController, FileServer, Monitoring,
    PaymentsTask, LedgerTask, EcsHost, EcrEndpoint,
    CiRunner, EuBastion, Reporting, Redis, Kafka,
};

struct Vpc {
    std::string_view id;
    std::string_view region;
};

struct Subnet {
    std::string_view id;
    const Vpc *vpc;
    std::string_view azId;
    std::uint32_t ipv4Base;                 // the /24, host order
    std::array<std::uint16_t, 4> ipv6Prefix; // the /64, or all zero
};

struct EcsTask {
    std::string_view clusterArn, clusterName;
    std::string_view containerInstanceArn, containerInstanceId; // '-' for Fargate
    std::string_view containerId, secondContainerId;
    std::string_view serviceName, taskDefinitionArn, taskArn, taskId;
};

struct Eni {
    std::string_view name; // for humans reading the generator
    Role role;
    Delivery delivery;
    std::string_view interfaceId;
    std::string_view accountId;
    std::string_view instanceId; // "-" for requester-managed interfaces
    const Subnet *subnet;
    SimAddress address;   // primary private IPv4
    SimAddress ipv6;      // empty when the interface has no IPv6 address
    bool hasPublicIpv4 = false;
    const EcsTask *ecs = nullptr;
};

class Estate {
public:
    static const Estate &instance();

    std::span<const Eni> interfaces() const { return m_enis; }
    const Eni &one(Role role) const;               // the first interface with that role
    std::vector<const Eni *> all(Role role) const; // every interface with that role

private:
    Estate();
    std::vector<Eni> m_enis;
};

} // namespace flowscope::demo
