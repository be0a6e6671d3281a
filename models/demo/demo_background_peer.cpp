// SPDX-License-Identifier: GPL-3.0-or-later
// The conversations that involve VPC B: the inter-region peering with VPC A,
// the ECS tasks, Kafka, reporting, the container registry endpoint and the
// internet traffic that VPC Block Public Access rejects.

#include "demo_background.h"

#include <array>

namespace flowscope::demo {

// As in demo_background.cpp: at most one PRNG draw per call's arguments.

void BackgroundTraffic::peering(const Context &ctx)
{
    Connection c = tcp(ctx);
    c.requestBytes = m_random.heavyTail(600, 4 * kMiB);
    c.responseBytes = m_random.heavyTail(900, 20 * kMiB);
    c.requestPacketSize = 400;
    c.responsePacketSize = 1200;
    c.duration = m_random.between(0, 8);
    if (m_random.percent(60)) {
        const Eni &app = pick(m_apps);
        const Eni &task = pick(m_payments);
        internal(ctx, c, app, task, linuxEphemeralPort(m_random), 8443, kInterRegionPeering);
    } else {
        internal(ctx, c, m_estate.one(Role::LedgerTask), m_postgres, linuxEphemeralPort(m_random), 5432,
                 kInterRegionPeering);
    }
}

void BackgroundTraffic::kafka(const Context &ctx)
{
    Connection c = tcp(ctx);
    c.requestPacketSize = 1200;
    c.responsePacketSize = 120;
    if (m_random.percent(30)) {
        // Replication between the brokers: long-lived and busy.
        c.requestBytes = m_random.heavyTail(256 * kKiB, 2 * kGiB);
        c.responseBytes = m_random.between(4 * kKiB, 64 * kKiB);
        c.duration = m_random.between(60, 300);
        c.closes = false;
        internal(ctx, c, *m_kafka[1], *m_kafka[0], linuxEphemeralPort(m_random), 9093);
        return;
    }
    c.requestBytes = m_random.heavyTail(2 * kKiB, 64 * kMiB);
    c.responseBytes = m_random.heavyTail(400, kMiB);
    c.duration = m_random.between(0, 30);
    const Eni &producer = pick(m_producers);
    const Eni &broker = pick(m_kafka);
    internal(ctx, c, producer, broker, linuxEphemeralPort(m_random), 9092);
}

void BackgroundTraffic::reporting(const Context &ctx)
{
    Connection c = tcp(ctx);
    c.requestPacketSize = 200;
    c.responsePacketSize = 1100;
    c.duration = m_random.between(0, 6);
    if (m_random.percent(60)) {
        c.requestBytes = m_random.heavyTail(300, 512 * kKiB);
        c.responseBytes = m_random.heavyTail(600, 16 * kMiB);
        internal(ctx, c, m_reporting, m_redis, linuxEphemeralPort(m_random), 6379);
    } else {
        c.requestBytes = m_random.heavyTail(500, kMiB);
        c.responseBytes = m_random.heavyTail(20 * kKiB, 256 * kMiB); // consuming a topic
        const Eni &broker = pick(m_kafka);
        internal(ctx, c, m_reporting, broker, linuxEphemeralPort(m_random), 9092);
    }
}

void BackgroundTraffic::containerRegistry(const Context &ctx)
{
    static const std::array<Role, 3> kPullers{Role::EcsHost, Role::CiRunner, Role::PaymentsTask};
    const Role role = kPullers[m_random.below(kPullers.size())];
    const Eni &client = role == Role::PaymentsTask ? pick(m_payments) : m_estate.one(role);
    Connection c = tcp(ctx);
    c.requestBytes = m_random.between(1800, 6000);
    c.responseBytes = m_random.heavyTail(6 * kKiB, 8 * kMiB); // manifests and auth; layers come from S3
    c.requestPacketSize = 300;
    c.responsePacketSize = 1300;
    c.duration = m_random.between(0, 3);
    internal(ctx, c, client, m_ecr, linuxEphemeralPort(m_random), 443);
}

void BackgroundTraffic::ecsToS3(const Context &ctx)
{
    static const std::array<Role, 3> kClients{Role::PaymentsTask, Role::LedgerTask, Role::CiRunner};
    const Role role = kClients[m_random.below(kClients.size())];
    const Eni &client = role == Role::PaymentsTask ? pick(m_payments) : m_estate.one(role);
    const ServiceAddress s3 = m_internet.awsService(AwsService::S3EuWest1, m_random);
    Connection c = tcp(ctx);
    bulkTransfer(c, role != Role::CiRunner && m_random.percent(50));
    const std::array<Leg, 1> legs{directLeg(client, client.address, s3.address, linuxEphemeralPort(m_random), 443,
                                            true, kGatewayEndpoint, s3.service)};
    ctx.out.emit(c, legs, ctx.windowEnd);
}

void BackgroundTraffic::blockedByBpa(const Context &ctx)
{
    // VPC Block Public Access (ingress-only) drops internet traffic to the tasks' public addresses.
    static const std::array<std::uint16_t, 5> kPorts{443, 80, 22, 8080, 8443};
    const Eni &task = pick(m_payments);
    Connection c = tcp(ctx);
    c.outcome = Outcome::Rejected;
    c.rejectReason = "BPA";
    c.requestPacketSize = 60;
    c.requestBytes = 60 * static_cast<std::uint64_t>(m_random.between(1, 3));
    c.duration = m_random.between(0, 2);
    const SimAddress &bot = m_internet.bot(m_random);
    const std::uint16_t port = kPorts[m_random.below(kPorts.size())];
    const std::array<Leg, 1> legs{
        directLeg(task, task.address, bot, port, internetClientPort(m_random), false, kInternetGateway)};
    ctx.out.emit(c, legs, ctx.windowEnd);
}

void BackgroundTraffic::euAdmin(const Context &ctx)
{
    Connection c = tcp(ctx);
    c.requestBytes = m_random.heavyTail(4 * kKiB, 4 * kMiB);
    c.responseBytes = m_random.heavyTail(8 * kKiB, 40 * kMiB);
    c.requestPacketSize = 110;
    c.responsePacketSize = 260;
    c.duration = m_random.between(20, 900);
    if (m_random.percent(40)) {
        internal(ctx, c, m_bastion, m_euBastion, linuxEphemeralPort(m_random), 22, kInterRegionPeering);
        return;
    }
    const Eni &target = m_random.percent(60) ? m_ciRunner : m_reporting;
    internal(ctx, c, m_euBastion, target, linuxEphemeralPort(m_random), 22);
}

} // namespace flowscope::demo
