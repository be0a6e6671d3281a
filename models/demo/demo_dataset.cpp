// SPDX-License-Identifier: GPL-3.0-or-later
// writeDemoDataset: runs the demo estate's traffic and the incident over the
// span, routes each record to the flow log of its interface and writes every
// delivery.

#include "demo_background.h"
#include "demo_deliveries.h"
#include "demo_generator.h"
#include "demo_incident.h"
#include "demo_no_route.h"
#include "demo_output.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace flowscope {
namespace demo {
namespace {

constexpr std::int64_t kMinute = 60;
constexpr int kMaxHours = 24 * 31;

// Relative traffic by UTC hour: a site whose users are mostly in the Americas.
constexpr std::array<std::uint64_t, 24> kTrafficByUtcHour{
    120, 112, 104, 94, 84, 76, 68, 62, 60, 62, 68, 76, 88, 100, 112, 120, 126, 130, 132, 132, 130, 128, 126, 124};

std::uint64_t trafficWeight(std::int64_t minute)
{
    return kTrafficByUtcHour[static_cast<std::size_t>(minute / 3600 % 24)];
}

void validate(const DemoOptions &options)
{
    if (options.hours < 1 || options.hours > kMaxHours)
        throw std::invalid_argument("DemoOptions::hours must be between 1 and " + std::to_string(kMaxHours));
    if (options.recordsPerHour < 0)
        throw std::invalid_argument("DemoOptions::recordsPerHour must not be negative");
    if (options.startEpoch < 0)
        throw std::invalid_argument("DemoOptions::startEpoch must not be negative");
    if (options.s3ObjectMinutes < 0)
        throw std::invalid_argument("DemoOptions::s3ObjectMinutes must not be negative");
}

int s3ObjectMinutes(const DemoOptions &options)
{
    if (options.s3ObjectMinutes > 0)
        return options.s3ObjectMinutes;
    constexpr int kMaxObjects = 12;
    const int totalMinutes = options.hours * 60;
    for (int minutes : {5, 10, 15, 20, 30})
        if ((totalMinutes + minutes - 1) / minutes <= kMaxObjects)
            return minutes;
    return 60;
}

// Spreads hours * recordsPerHour background records over the minutes of the
// span following the time-of-day curve; integer-exact.
class VolumePlan {
public:
    VolumePlan(const DemoOptions &options, std::int64_t spanStart, std::int64_t spanEnd)
        : m_total(static_cast<std::uint64_t>(options.hours) * static_cast<std::uint64_t>(options.recordsPerHour))
    {
        for (std::int64_t m = spanStart; m < spanEnd; m += kMinute)
            m_weightTotal += trafficWeight(m);
    }

    std::uint64_t recordsFor(std::int64_t minute)
    {
        m_weightSoFar += trafficWeight(minute);
        const std::uint64_t due = m_total * m_weightSoFar / m_weightTotal;
        const std::uint64_t records = due - m_done;
        m_done = due;
        return records;
    }

private:
    std::uint64_t m_total;
    std::uint64_t m_weightTotal = 0;
    std::uint64_t m_weightSoFar = 0;
    std::uint64_t m_done = 0;
};

// Routes each record to the buffer of its interface's delivery, dropping
// the background records that a SKIPDATA interval stands for.
class Router final : public RecordSink {
public:
    Router(std::int64_t skipMinute, std::vector<const Eni *> skipped)
        : m_skipMinute(skipMinute), m_skipped(std::move(skipped)) {}

    void add(const SimRecord &record) override
    {
        if (isSkipped(record))
            return;
        m_buffers[static_cast<std::size_t>(record.eni->delivery)].push_back(record);
    }

    std::vector<SimRecord> &of(Delivery delivery) { return m_buffers[static_cast<std::size_t>(delivery)]; }

private:
    // Background traffic only: the incident stays complete so its ground truth holds.
    bool isSkipped(const SimRecord &record) const
    {
        if (record.incident || record.status != LogStatus::Ok)
            return false;
        if (record.start < m_skipMinute || record.start >= m_skipMinute + kMinute)
            return false;
        return std::find(m_skipped.begin(), m_skipped.end(), record.eni) != m_skipped.end();
    }

    std::int64_t m_skipMinute;
    std::vector<const Eni *> m_skipped;
    std::array<std::vector<SimRecord>, 5> m_buffers;
};

SimRecord statusRecord(const Eni &eni, LogStatus status, std::int64_t start, std::int64_t end)
{
    SimRecord r;
    r.eni = &eni;
    r.status = status;
    r.start = start;
    r.end = end;
    r.tcpFlags = -1;
    return r;
}

class DatasetRun {
public:
    DatasetRun(const std::filesystem::path &root, const DemoOptions &options)
        : m_options(options)
        , m_spanStart(options.startEpoch)
        , m_spanEnd(options.startEpoch + std::int64_t{options.hours} * 3600)
        , m_estate(Estate::instance())
        , m_internet(options.seed)
        , m_backgroundRandom(options.seed, "background")
        , m_gapRandom(options.seed, "gaps")
        , m_background(m_internet, m_backgroundRandom, BackgroundTraffic::Scope::WholeEstate)
        , m_incident(options.seed, m_spanStart, m_spanEnd)
        , m_noRoute(options.seed, m_spanStart, m_spanEnd)
        , m_volume(options, m_spanStart, m_spanEnd)
        , m_skipMinute(m_spanStart + (m_spanEnd - m_spanStart) * 45 / 100 / kMinute * kMinute)
        , m_router(m_skipMinute, {&m_estate.one(Role::NatGateway), m_estate.all(Role::Web).back()})
        , m_writer(root, options.seed, m_summary)
    {
        describeIncident();
    }

    DemoSummary run()
    {
        const std::int64_t objectSeconds = std::int64_t{s3ObjectMinutes(m_options)} * kMinute;
        for (std::int64_t window = m_spanStart; window < m_spanEnd; window += objectSeconds) {
            const std::int64_t windowEnd = std::min(window + objectSeconds, m_spanEnd);
            for (std::int64_t minute = window; minute < windowEnd; minute += kMinute)
                generateMinute(minute, windowEnd);
            m_incident.emit(window, windowEnd, m_router);
            m_noRoute.emit(window, windowEnd, m_router);
            m_writer.writeS3Object(window, m_router.of(Delivery::S3Text));
            m_router.of(Delivery::S3Text).clear();
        }
        m_writer.writeHiveObjects(m_router.of(Delivery::S3Hive));
        m_writer.writeCloudWatchExport(m_router.of(Delivery::CloudWatchExport));
        m_writer.writeCloudWatchJson(m_router.of(Delivery::CloudWatchJson));
        m_writer.writeFirehose(m_router.of(Delivery::Firehose));
        return std::move(m_summary);
    }

private:
    void describeIncident()
    {
        m_summary.beaconSource = std::string(m_incident.compromised().address.text());
        m_summary.beaconDestination = std::string(m_incident.commandAndControl().text());
        m_summary.beaconPeriodSeconds = m_incident.beaconPeriodSeconds();
        m_summary.scannerAddress = std::string(m_incident.scanner().text());
        m_summary.scanTarget = std::string(m_incident.scanTarget().address.text());
        m_summary.scannedPorts = m_incident.scannedPorts();
        m_summary.scanStart = m_incident.scanStart();
        m_summary.scanEnd = m_incident.scanEnd();
        m_summary.lateralSource = m_summary.beaconSource;
        m_summary.lateralTargets = m_incident.lateralTargets();
        m_summary.lateralNaclTarget = std::string(m_incident.lateralNaclTarget().address.text());
        m_summary.lateralStart = m_incident.lateralStart();
        m_summary.lateralEnd = m_incident.lateralEnd();
        m_summary.exfiltrationSource = m_summary.beaconSource;
        m_summary.exfiltrationDestination = std::string(m_incident.exfiltrationHost().text());
        m_summary.exfiltrationBytes = Incident::kExfiltrationBytes;
        m_summary.exfiltrationStart = m_incident.exfiltrationStart();
    }

    void generateMinute(std::int64_t minute, std::int64_t windowEnd)
    {
        m_background.generateMinute(minute, m_volume.recordsFor(minute), windowEnd, m_router);
        addIdleInterfaces(minute, windowEnd);
        if (minute == m_skipMinute)
            addSkipData(minute, windowEnd);
    }

    // Interfaces without traffic write a NODATA record per capture window (every 10 minutes here).
    void addIdleInterfaces(std::int64_t minute, std::int64_t windowEnd)
    {
        const std::int64_t index = (minute - m_spanStart) / kMinute;
        std::int64_t phase = 0;
        for (const Eni *idle : m_estate.all(Role::Idle)) {
            phase += 3;
            if ((index + phase) % 10 != 0)
                continue;
            const std::int64_t start = minute + m_gapRandom.between(0, 4);
            const std::int64_t end = std::min(minute + m_gapRandom.between(55, 59), windowEnd - 1);
            m_router.add(statusRecord(*idle, LogStatus::NoData, start, std::max(start, end)));
        }
    }

    // One capture interval in which the NAT gateway and web-2 lost records (SKIPDATA).
    void addSkipData(std::int64_t minute, std::int64_t windowEnd)
    {
        for (const Eni *eni : {&m_estate.one(Role::NatGateway), m_estate.all(Role::Web).back()}) {
            const std::int64_t start = minute + m_gapRandom.between(0, 3);
            const std::int64_t end = std::min(minute + m_gapRandom.between(56, 59), windowEnd - 1);
            m_router.add(statusRecord(*eni, LogStatus::SkipData, start, std::max(start, end)));
        }
    }

    DemoOptions m_options;
    std::int64_t m_spanStart, m_spanEnd;
    const Estate &m_estate;
    Internet m_internet;
    DemoRandom m_backgroundRandom, m_gapRandom;
    BackgroundTraffic m_background;
    Incident m_incident;
    NoRouteAttempts m_noRoute;
    VolumePlan m_volume;
    std::int64_t m_skipMinute;
    Router m_router;
    DemoSummary m_summary;
    DeliveryWriter m_writer;
};

} // namespace
} // namespace demo

DemoSummary writeDemoDataset(const std::filesystem::path &root, const DemoOptions &options)
{
    demo::validate(options);
    demo::createDirectories(root);
    demo::DatasetRun run(root, options);
    return run.run();
}

} // namespace flowscope
