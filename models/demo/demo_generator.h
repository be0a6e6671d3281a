// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A deterministic generator of realistic VPC Flow Log input: the demo case,
// test fixtures and benchmark input. The same seed and options give
// byte-identical files on every platform (own PRNG, integer-only arithmetic,
// fixed gzip header).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace flowscope {

struct DemoOptions {
    std::uint64_t seed = 20260310;
    std::int64_t startEpoch = 1773108000; // 2026-03-10T02:00:00Z
    int hours = 6;                         // span of background traffic
    int recordsPerHour = 4000;             // background volume, scaled by time of day
    // Minutes per S3 object. 0 picks the smallest of 5, 10, 15, 20, 30 and 60
    // that keeps the S3 tree to about a dozen objects (30 for 6 hours).
    int s3ObjectMinutes = 0;
};

struct DemoFile {
    std::string relativePath; // '/'-separated, under the dataset root
    // "s3-text", "s3-hive", "cloudwatch-export", "cloudwatch-json", "firehose-jsonl" or "plain"
    std::string delivery;
    // The ${...} format string when the file has no header and is not in the
    // default version 2 format; empty otherwise.
    std::string logFormat;
    std::uint64_t records = 0;
};

struct DemoSummary {
    std::vector<DemoFile> files;
    std::uint64_t records = 0;         // every record line / event in every file
    std::uint64_t nodataRecords = 0;
    std::uint64_t skipdataRecords = 0;
    std::uint64_t ipv6Records = 0;
    std::uint64_t rejectRecords = 0;

    // Incident ground truth. Addresses are as the flow logs show them (the
    // scan target's private address, not its public one).
    std::string beaconSource, beaconDestination;
    int beaconPeriodSeconds = 0;
    std::uint64_t beaconRecords = 0;   // records with srcaddr beaconSource and dstaddr beaconDestination
    std::string scannerAddress, scanTarget;
    int scannedPorts = 0;              // distinct destination ports probed
    std::int64_t scanStart = 0, scanEnd = 0;
    std::string lateralSource;
    std::vector<std::string> lateralTargets;
    std::string lateralNaclTarget;     // where the inbound-accept / reply-reject pattern shows
    std::int64_t lateralStart = 0, lateralEnd = 0;
    std::string exfiltrationSource, exfiltrationDestination; // through the NAT gateway
    std::uint64_t exfiltrationBytes = 0; // uploaded, as one interface on the path logs them
    std::int64_t exfiltrationStart = 0;
};

// Writes the demo input tree under root (created if needed; existing files
// overwritten). Throws std::runtime_error naming the path on I/O failure and
// std::invalid_argument for options out of range.
DemoSummary writeDemoDataset(const std::filesystem::path &root, const DemoOptions &options = {});

// What the benchmark input looks like.
//  - Realistic: an internet-facing estate over one day (see
//    demo_realistic_estate.h): 300 ENIs with heavy-tailed activity in 45
//    subnets of 5 VPCs, 600 private and 20,000 internet addresses with
//    Zipf-like popularity, background scanning from one-off sources, random
//    ephemeral ports, ~3% IPv6, ~12% rejects, a few multi-GB transfers, NODATA
//    and SKIPDATA; 23 fields of version 5.
//  - Tidy: the demo's VPC A at 30,000 records a minute (14 ENIs, few
//    addresses per block); the 29-field version 5 layout of the AWS example 8.
enum class BenchmarkShape { Realistic, Tidy };

// Benchmark input: one gzip S3-style object with a header line and `records`
// records, streamed in constant memory. Returns the number of records written
// (= records).
std::uint64_t writeBenchmarkFile(const std::filesystem::path &file, std::uint64_t records, std::uint64_t seed = 1,
                                 BenchmarkShape shape = BenchmarkShape::Tidy);

// The header line of writeBenchmarkFile's output in that shape (the tidy one
// is also that of the demo S3 objects).
std::string benchmarkHeaderLine(BenchmarkShape shape = BenchmarkShape::Tidy);

// The realistic shape's day: records start in [start, start + 86400).
inline constexpr std::int64_t kRealisticBenchmarkStart = 1773100800; // 2026-03-10T00:00:00Z

} // namespace flowscope
