// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_format.h"

#include "demo_estate.h"

#include <charconv>

namespace flowscope::demo {
namespace {

template <typename Integer>
void appendNumber(std::string &out, Integer value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

void appendOrDash(std::string &out, std::string_view text)
{
    if (text.empty())
        out += '-';
    else
        out += text;
}

// Fields AWS writes as '-' when there was no traffic to describe.
bool isTrafficField(Field field)
{
    switch (field) {
    case Field::SrcAddr: case Field::DstAddr: case Field::SrcPort: case Field::DstPort:
    case Field::Protocol: case Field::Packets: case Field::Bytes: case Field::Action:
    case Field::TcpFlags: case Field::Type: case Field::PktSrcAddr: case Field::PktDstAddr:
    case Field::PktSrcAwsService: case Field::PktDstAwsService: case Field::FlowDirection:
    case Field::TrafficPath: case Field::RejectReason: case Field::EncryptionStatus:
        return true;
    default:
        return false;
    }
}

std::string_view ecsField(Field field, const EcsTask *ecs)
{
    if (!ecs)
        return "-";
    switch (field) {
    case Field::EcsClusterArn: return ecs->clusterArn;
    case Field::EcsClusterName: return ecs->clusterName;
    case Field::EcsContainerInstanceArn: return ecs->containerInstanceArn;
    case Field::EcsContainerInstanceId: return ecs->containerInstanceId;
    case Field::EcsContainerId: return ecs->containerId;
    case Field::EcsSecondContainerId: return ecs->secondContainerId;
    case Field::EcsServiceName: return ecs->serviceName;
    case Field::EcsTaskDefinitionArn: return ecs->taskDefinitionArn;
    case Field::EcsTaskArn: return ecs->taskArn;
    case Field::EcsTaskId: return ecs->taskId;
    default: return "-";
    }
}

LogFormat formatOf(std::initializer_list<Field> fields) { return LogFormat(std::vector<Field>(fields)); }

} // namespace

RecordFormatter::RecordFormatter(LogFormat format)
    : m_format(std::move(format))
    , m_version(std::to_string(m_format.version()))
{
}

void RecordFormatter::append(const SimRecord &record, std::string &out) const
{
    bool first = true;
    for (Field field : m_format.fields()) {
        if (!first)
            out += ' ';
        first = false;
        appendField(field, record, out);
    }
}

void RecordFormatter::appendField(Field field, const SimRecord &r, std::string &out) const
{
    if (r.status != LogStatus::Ok && isTrafficField(field)) {
        out += '-';
        return;
    }
    const Eni &eni = *r.eni;
    switch (field) {
    case Field::Version: out += m_version; break;
    case Field::AccountId: out += eni.accountId; break;
    case Field::InterfaceId: out += eni.interfaceId; break;
    case Field::SrcAddr: out += r.src.text(); break;
    case Field::DstAddr: out += r.dst.text(); break;
    case Field::SrcPort: appendNumber(out, r.srcPort); break;
    case Field::DstPort: appendNumber(out, r.dstPort); break;
    case Field::Protocol: appendNumber(out, r.protocol); break;
    case Field::Packets: appendNumber(out, r.packets); break;
    case Field::Bytes: appendNumber(out, r.bytes); break;
    case Field::Start: appendNumber(out, r.start); break;
    case Field::End: appendNumber(out, r.end); break;
    case Field::Action: out += actionName(r.action); break;
    case Field::LogStatus: out += logStatusName(r.status); break;
    case Field::VpcId: out += eni.subnet->vpc->id; break;
    case Field::SubnetId: out += eni.subnet->id; break;
    case Field::InstanceId: out += eni.instanceId; break;
    case Field::TcpFlags:
        if (r.tcpFlags < 0)
            out += '-';
        else
            appendNumber(out, r.tcpFlags);
        break;
    case Field::Type: out += r.isIpv6() ? "IPv6" : "IPv4"; break;
    case Field::PktSrcAddr: out += r.pktSrc.text(); break;
    case Field::PktDstAddr: out += r.pktDst.text(); break;
    case Field::Region: out += eni.subnet->vpc->region; break;
    case Field::AzId: out += eni.subnet->azId; break;
    case Field::SublocationType: out += '-'; break;
    case Field::SublocationId: out += '-'; break;
    case Field::PktSrcAwsService: appendOrDash(out, r.pktSrcService); break;
    case Field::PktDstAwsService: appendOrDash(out, r.pktDstService); break;
    case Field::FlowDirection: out += flowDirectionName(r.direction); break;
    case Field::TrafficPath:
        if (r.trafficPath == 0)
            out += '-';
        else
            appendNumber(out, r.trafficPath);
        break;
    case Field::EcsClusterArn: case Field::EcsClusterName: case Field::EcsContainerInstanceArn:
    case Field::EcsContainerInstanceId: case Field::EcsContainerId: case Field::EcsSecondContainerId:
    case Field::EcsServiceName: case Field::EcsTaskDefinitionArn: case Field::EcsTaskArn:
    case Field::EcsTaskId:
        out += ecsField(field, eni.ecs);
        break;
    case Field::RejectReason: appendOrDash(out, r.rejectReason); break;
    case Field::ResourceId: out += '-'; break;
    case Field::EncryptionStatus: out += '-'; break;
    case Field::Count: break;
    }
}

LogFormat s3TextFormat()
{
    using F = Field;
    return formatOf({F::Version, F::SrcAddr, F::DstAddr, F::SrcPort, F::DstPort, F::Protocol, F::Start,
                     F::End, F::Type, F::Packets, F::Bytes, F::AccountId, F::VpcId, F::SubnetId,
                     F::InstanceId, F::InterfaceId, F::Region, F::AzId, F::SublocationType,
                     F::SublocationId, F::Action, F::TcpFlags, F::PktSrcAddr, F::PktDstAddr,
                     F::PktSrcAwsService, F::PktDstAwsService, F::TrafficPath, F::FlowDirection,
                     F::LogStatus});
}

LogFormat realisticBenchmarkFormat()
{
    using F = Field;
    return formatOf({F::Version, F::AccountId, F::InterfaceId, F::SrcAddr, F::DstAddr, F::SrcPort, F::DstPort,
                     F::Protocol, F::Packets, F::Bytes, F::Start, F::End, F::Action, F::LogStatus, F::VpcId,
                     F::SubnetId, F::InstanceId, F::TcpFlags, F::Type, F::PktSrcAddr, F::PktDstAddr,
                     F::Region, F::FlowDirection});
}

LogFormat s3HiveFormat()
{
    using F = Field;
    return formatOf({F::Version, F::AccountId, F::InterfaceId, F::SrcAddr, F::DstAddr, F::SrcPort,
                     F::DstPort, F::Protocol, F::Packets, F::Bytes, F::Start, F::End, F::Action,
                     F::LogStatus, F::VpcId, F::SubnetId, F::InstanceId, F::TcpFlags, F::Type,
                     F::PktSrcAddr, F::PktDstAddr, F::Region, F::AzId, F::FlowDirection,
                     F::TrafficPath, F::EcsClusterArn, F::EcsClusterName, F::EcsContainerInstanceArn,
                     F::EcsContainerInstanceId, F::EcsContainerId, F::EcsSecondContainerId,
                     F::EcsServiceName, F::EcsTaskDefinitionArn, F::EcsTaskArn, F::EcsTaskId,
                     F::RejectReason});
}

LogFormat cloudWatchJsonFormat()
{
    using F = Field;
    return formatOf({F::Version, F::VpcId, F::SubnetId, F::InstanceId, F::InterfaceId, F::AccountId,
                     F::Type, F::SrcAddr, F::DstAddr, F::SrcPort, F::DstPort, F::PktSrcAddr,
                     F::PktDstAddr, F::Protocol, F::Bytes, F::Packets, F::Start, F::End, F::Action,
                     F::TcpFlags, F::LogStatus});
}

UtcTime utcFromEpoch(std::int64_t epochSeconds)
{
    // Howard Hinnant's civil_from_days: exact for the proleptic Gregorian calendar.
    std::int64_t days = epochSeconds / 86400;
    std::int64_t secondsOfDay = epochSeconds % 86400;
    if (secondsOfDay < 0) {
        secondsOfDay += 86400;
        --days;
    }
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t dayOfEra = days - era * 146097;
    const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t mp = (5 * dayOfYear + 2) / 153;
    const std::int64_t day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return {static_cast<int>(year), static_cast<int>(month), static_cast<int>(day),
            static_cast<int>(secondsOfDay / 3600), static_cast<int>(secondsOfDay / 60 % 60),
            static_cast<int>(secondsOfDay % 60)};
}

std::string twoDigits(int value)
{
    std::string out(2, '0');
    out[0] = static_cast<char>('0' + value / 10 % 10);
    out[1] = static_cast<char>('0' + value % 10);
    return out;
}

std::string compactUtc(std::int64_t epochSeconds)
{
    const UtcTime t = utcFromEpoch(epochSeconds);
    return std::to_string(t.year) + twoDigits(t.month) + twoDigits(t.day) + 'T' + twoDigits(t.hour)
        + twoDigits(t.minute) + 'Z';
}

std::string isoUtcMillis(std::int64_t epochMillis)
{
    std::int64_t seconds = epochMillis / 1000;
    std::int64_t millis = epochMillis % 1000;
    if (millis < 0) {
        millis += 1000;
        --seconds;
    }
    const UtcTime t = utcFromEpoch(seconds);
    std::string ms = std::to_string(1000 + millis).substr(1);
    return std::to_string(t.year) + '-' + twoDigits(t.month) + '-' + twoDigits(t.day) + 'T'
        + twoDigits(t.hour) + ':' + twoDigits(t.minute) + ':' + twoDigits(t.second) + '.' + ms + 'Z';
}

std::string jsonEscaped(std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += kHex[u >> 4];
            out += kHex[u & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace flowscope::demo
