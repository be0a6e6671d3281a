// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_estate.h"

#include <stdexcept>

namespace flowscope::demo {
namespace {

const Vpc kVpcA{"vpc-0f3c9a1b2d4e6f701", "us-east-1"};
const Vpc kVpcB{"vpc-04d2e6f8a0b1c3e95", "eu-west-1"};

const Subnet kPublicA{"subnet-0a7e1c2b3d4f5a601", &kVpcA, "use1-az4", ipv4(10, 0, 0, 0), {0x2600, 0x1f18, 0x4a3b, 0x9c00}};
const Subnet kPrivateA{"subnet-0b8f2d3c4e5a6b702", &kVpcA, "use1-az6", ipv4(10, 0, 1, 0), {0x2600, 0x1f18, 0x4a3b, 0x9c01}};
const Subnet kEcsA{"subnet-0c9d3e4f5a6b7c803", &kVpcB, "euw1-az1", ipv4(10, 1, 0, 0), {}};
const Subnet kEcsB{"subnet-0d0e4f5a6b7c8d904", &kVpcB, "euw1-az2", ipv4(10, 1, 1, 0), {}};

#define FS_CLUSTER "arn:aws:ecs:eu-west-1:210987654321:cluster/payments-prod"
#define FS_TASK(id) "arn:aws:ecs:eu-west-1:210987654321:task/payments-prod/" id

// Fargate tasks have no container instance; their runtime ids are "<task id>-<n>".
const EcsTask kPaymentsTask1{
    FS_CLUSTER, "payments-prod", "-", "-",
    "3f8e2a1c9b7d4e6f8a0b1c2d3e4f5a6b-2531612879", "3f8e2a1c9b7d4e6f8a0b1c2d3e4f5a6b-1180243961",
    "payments-api", "arn:aws:ecs:eu-west-1:210987654321:task-definition/payments-api:42",
    FS_TASK("3f8e2a1c9b7d4e6f8a0b1c2d3e4f5a6b"), "3f8e2a1c9b7d4e6f8a0b1c2d3e4f5a6b"};
const EcsTask kPaymentsTask2{
    FS_CLUSTER, "payments-prod", "-", "-",
    "8b1d4c7e2f5a4b9c8d3e6f1a2b7c4d9e-2531612879", "8b1d4c7e2f5a4b9c8d3e6f1a2b7c4d9e-1180243961",
    "payments-api", "arn:aws:ecs:eu-west-1:210987654321:task-definition/payments-api:42",
    FS_TASK("8b1d4c7e2f5a4b9c8d3e6f1a2b7c4d9e"), "8b1d4c7e2f5a4b9c8d3e6f1a2b7c4d9e"};
// EC2 launch type: a container instance and Docker runtime ids.
const EcsTask kLedgerTask{
    FS_CLUSTER, "payments-prod",
    "arn:aws:ecs:eu-west-1:210987654321:container-instance/payments-prod/5c2e9f7a1b3d4c6e8f0a2b4c6d8e0f1a",
    "5c2e9f7a1b3d4c6e8f0a2b4c6d8e0f1a",
    "9d3c1a7f5e2b8c4d6a0f1e3b5c7d9a2e4f6b8d0c1e3a5f7b9d2c4e6a8f0b1d3c", "-",
    "ledger-worker", "arn:aws:ecs:eu-west-1:210987654321:task-definition/ledger-worker:17",
    FS_TASK("e4a7c1f9b2d54e8a9c3f6b1d7e2a5c8f"), "e4a7c1f9b2d54e8a9c3f6b1d7e2a5c8f"};

#undef FS_TASK
#undef FS_CLUSTER

struct EniSpec {
    std::string_view name;
    Role role;
    Delivery delivery;
    std::string_view interfaceId;
    std::string_view accountId;
    std::string_view instanceId;
    const Subnet *subnet;
    std::uint8_t host;                  // last octet in the subnet's /24
    std::array<std::uint16_t, 4> ipv6Host; // interface id of the IPv6 address, or all zero
    bool publicIpv4;
    const EcsTask *ecs;
};

constexpr std::array<std::uint16_t, 4> kNoIpv6{};

const EniSpec kEniSpecs[] = {
    // VPC A, public subnet
    {"nat-gw", Role::NatGateway, Delivery::S3Text, "eni-0f1e2d3c4b5a69788", kMainAccount, "-", &kPublicA, 220, kNoIpv6, true, nullptr},
    {"nlb", Role::LoadBalancer, Delivery::S3Text, "eni-0a4c6e8f0b2d4f6a1", kMainAccount, "-", &kPublicA, 45, kNoIpv6, true, nullptr},
    {"web-1", Role::Web, Delivery::S3Text, "eni-0b5d7f91a3c5e7f92", kMainAccount, "i-0c50d5961bcb2d47b", &kPublicA, 71, {0x5d2f, 0x8a41, 0x1c3e, 0x9b07}, true, nullptr},
    {"web-2", Role::Web, Delivery::S3Text, "eni-0c6e8fa2b4d6f8a03", kMainAccount, "i-0d61e6a72cdc3e58c", &kPublicA, 72, {0x3a9c, 0x77e1, 0x40d2, 0x6b15}, false, nullptr},
    {"bastion", Role::Bastion, Delivery::S3Text, "eni-0d7f9ab3c5e7f9b14", kMainAccount, "i-0a9f8e7d6c5b4a321", &kPublicA, 10, kNoIpv6, true, nullptr},
    {"web-standby", Role::Idle, Delivery::S3Text, "eni-0e8fabc4d6f8fac25", kMainAccount, "i-0e72f7b83ded4f69d", &kPublicA, 73, kNoIpv6, false, nullptr},
    // VPC A, private subnet
    {"app-1", Role::App, Delivery::S3Text, "eni-01a2b3c4d5e6f7081", kMainAccount, "i-01234567890123456", &kPrivateA, 5, {0x1f3a, 0xc2d4, 0x9e8b, 0x51a6}, false, nullptr},
    {"app-2", Role::App, Delivery::S3Text, "eni-02b3c4d5e6f708192", kMainAccount, "i-0f9e8d7c6b5a49382", &kPrivateA, 6, {0x7b21, 0x04ce, 0xd3f9, 0x2a80}, false, nullptr},
    {"app-3", Role::App, Delivery::S3Text, "eni-03c4d5e6f70819a23", kMainAccount, "i-0e8d7c6b5a4938271", &kPrivateA, 7, kNoIpv6, false, nullptr},
    {"worker", Role::Worker, Delivery::S3Text, "eni-04d5e6f708192ab34", kMainAccount, "i-0d7c6b5a493827160", &kPrivateA, 20, kNoIpv6, false, nullptr},
    {"mysql", Role::MySql, Delivery::S3Text, "eni-05e6f708192a3bc45", kMainAccount, "i-0c6b5a49382716f5e", &kPrivateA, 30, kNoIpv6, false, nullptr},
    {"postgres", Role::Postgres, Delivery::S3Text, "eni-06f708192a3b4cd56", kMainAccount, "i-0b5a49382716f5e4d", &kPrivateA, 31, kNoIpv6, false, nullptr},
    {"dc-1", Role::DomainController, Delivery::S3Text, "eni-0708192a3b4c5de67", kMainAccount, "i-0a49382716f5e4d3c", &kPrivateA, 10, kNoIpv6, false, nullptr},
    {"files", Role::FileServer, Delivery::S3Text, "eni-08192a3b4c5d6ef78", kMainAccount, "i-0938271605f4e3d2b", &kPrivateA, 40, kNoIpv6, false, nullptr},
    {"monitor", Role::Monitoring, Delivery::S3Text, "eni-092a3b4c5d6e7f089", kMainAccount, "i-08271605f4e3d2c1a", &kPrivateA, 50, kNoIpv6, false, nullptr},
    {"dr-replica", Role::Idle, Delivery::S3Text, "eni-0a3b4c5d6e7f8091a", kMainAccount, "i-0716a5f4e3d2c1b09", &kPrivateA, 60, kNoIpv6, false, nullptr},
    {"jenkins-old", Role::Idle, Delivery::S3Text, "eni-0b4c5d6e7f8091a2b", kMainAccount, "i-06a5f4e3d2c1b0a98", &kPrivateA, 61, kNoIpv6, false, nullptr},
    // VPC B, subnet ecs-a (shared with the second account)
    {"payments-1", Role::PaymentsTask, Delivery::S3Hive, "eni-0c5d6e7f8091a2b3c", kPeerAccount, "-", &kEcsA, 11, kNoIpv6, true, &kPaymentsTask1},
    {"payments-2", Role::PaymentsTask, Delivery::S3Hive, "eni-0d6e7f8091a2b3c4d", kPeerAccount, "-", &kEcsA, 12, kNoIpv6, true, &kPaymentsTask2},
    {"ledger-1", Role::LedgerTask, Delivery::S3Hive, "eni-0e7f8091a2b3c4d5e", kPeerAccount, "i-05f4e3d2c1b0a9f87", &kEcsA, 21, kNoIpv6, false, &kLedgerTask},
    {"ecs-host-1", Role::EcsHost, Delivery::S3Hive, "eni-0f8091a2b3c4d5e6f", kPeerAccount, "i-05f4e3d2c1b0a9f87", &kEcsA, 20, kNoIpv6, false, nullptr},
    {"vpce-ecr", Role::EcrEndpoint, Delivery::S3Hive, "eni-0091a2b3c4d5e6f70", kMainAccount, "-", &kEcsA, 100, kNoIpv6, false, nullptr},
    // VPC B, subnet ecs-b: interface-level flow logs
    {"ci-runner", Role::CiRunner, Delivery::CloudWatchExport, "eni-01b2c3d4e5f607182", kMainAccount, "i-04e3d2c1b0a9f8e76", &kEcsB, 20, kNoIpv6, false, nullptr},
    {"bastion-eu", Role::EuBastion, Delivery::CloudWatchExport, "eni-02c3d4e5f60718293", kMainAccount, "i-03d2c1b0a9f8e7d65", &kEcsB, 10, kNoIpv6, false, nullptr},
    {"reporting", Role::Reporting, Delivery::CloudWatchJson, "eni-03d4e5f6071829304", kPeerAccount, "i-02c1b0a9f8e7d6c54", &kEcsB, 30, kNoIpv6, false, nullptr},
    {"redis", Role::Redis, Delivery::CloudWatchJson, "eni-04e5f607182930415", kPeerAccount, "-", &kEcsB, 31, kNoIpv6, false, nullptr},
    {"kafka-1", Role::Kafka, Delivery::Firehose, "eni-05f60718293041526", kPeerAccount, "-", &kEcsB, 40, kNoIpv6, false, nullptr},
    {"kafka-2", Role::Kafka, Delivery::Firehose, "eni-06071829304152637", kPeerAccount, "-", &kEcsB, 41, kNoIpv6, false, nullptr},
};

SimAddress ipv6Of(const EniSpec &spec)
{
    if (spec.ipv6Host == kNoIpv6)
        return {};
    const auto &p = spec.subnet->ipv6Prefix;
    const auto &h = spec.ipv6Host;
    return SimAddress::v6({p[0], p[1], p[2], p[3], h[0], h[1], h[2], h[3]});
}

} // namespace

const Estate &Estate::instance()
{
    static const Estate estate;
    return estate;
}

Estate::Estate()
{
    for (const EniSpec &spec : kEniSpecs) {
        Eni eni{spec.name, spec.role, spec.delivery, spec.interfaceId, spec.accountId, spec.instanceId,
                spec.subnet, SimAddress::v4(spec.subnet->ipv4Base + spec.host), ipv6Of(spec),
                spec.publicIpv4, spec.ecs};
        m_enis.push_back(eni);
    }
}

const Eni &Estate::one(Role role) const
{
    for (const Eni &eni : m_enis)
        if (eni.role == role)
            return eni;
    throw std::logic_error("demo estate has no interface for a role");
}

std::vector<const Eni *> Estate::all(Role role) const
{
    std::vector<const Eni *> out;
    for (const Eni &eni : m_enis)
        if (eni.role == role)
            out.push_back(&eni);
    return out;
}

} // namespace flowscope::demo
