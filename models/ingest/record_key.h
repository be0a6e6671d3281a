// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What makes two flow-log records the same record, whichever delivery they
// came by (S3, CloudWatch, Firehose): interface-id, addresses, ports,
// protocol, start, end, packets, bytes, action and log status agree, an
// absent field agreeing with an absent one only.

#include "store/encoded_flow.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace flowscope {

struct RecordKey {
    std::array<std::uint8_t, 16> src{}, dst{};
    std::int64_t start = 0, end = 0;
    std::uint64_t packets = 0, bytes = 0;
    std::uint32_t eni = 0; // StringDictionary id of interface-id, 0 absent
    std::uint16_t srcPort = 0, dstPort = 0;
    std::uint16_t present = 0; // a bit per key field
    std::uint8_t families = 0; // address families, so 10.0.0.1 never equals ::a00:1
    std::uint8_t protocol = 0, action = 0, logStatus = 0;

    friend bool operator==(const RecordKey &, const RecordKey &) = default;
};

// `eni`: the id of the record's interface-id text (0 when absent).
inline RecordKey recordKeyOf(const EncodedFlow &f, std::uint32_t eni)
{
    RecordKey k;
    std::uint16_t bit = 1;
    auto take = [&](Field field) {
        const bool has = f.has(field);
        if (has)
            k.present |= bit;
        bit = static_cast<std::uint16_t>(bit << 1);
        return has;
    };
    if (eni)
        k.present |= bit;
    k.eni = eni;
    bit = static_cast<std::uint16_t>(bit << 1);
    if (take(Field::SrcAddr)) {
        k.src = f.srcAddr.bytes;
        k.families |= f.srcAddr.isV4() ? 1 : 2;
    }
    if (take(Field::DstAddr)) {
        k.dst = f.dstAddr.bytes;
        k.families |= f.dstAddr.isV4() ? 4 : 8;
    }
    if (take(Field::SrcPort))
        k.srcPort = f.srcPort;
    if (take(Field::DstPort))
        k.dstPort = f.dstPort;
    if (take(Field::Protocol))
        k.protocol = f.protocol;
    if (take(Field::Start))
        k.start = f.start;
    if (take(Field::End))
        k.end = f.end;
    if (take(Field::Packets))
        k.packets = f.packets;
    if (take(Field::Bytes))
        k.bytes = f.bytes;
    if (take(Field::Action))
        k.action = static_cast<std::uint8_t>(f.action);
    if (take(Field::LogStatus))
        k.logStatus = static_cast<std::uint8_t>(f.logStatus);
    return k;
}

inline std::uint64_t hashRecordKey(const RecordKey &k)
{
    // Word by word, mixed as in splitmix64; the struct's padding is not read.
    auto mix = [](std::uint64_t h, std::uint64_t v) {
        h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9ULL;
        return h;
    };
    auto word = [](const std::uint8_t *p) {
        std::uint64_t v;
        std::memcpy(&v, p, sizeof v);
        return v;
    };
    std::uint64_t h = mix(0, word(k.src.data()));
    h = mix(h, word(k.src.data() + 8));
    h = mix(h, word(k.dst.data()));
    h = mix(h, word(k.dst.data() + 8));
    h = mix(h, static_cast<std::uint64_t>(k.start));
    h = mix(h, static_cast<std::uint64_t>(k.end));
    h = mix(h, k.packets);
    h = mix(h, k.bytes);
    h = mix(h, std::uint64_t(k.eni) << 32 | std::uint64_t(k.srcPort) << 16 | k.dstPort);
    h = mix(h, std::uint64_t(k.present) << 32 | std::uint64_t(k.families) << 24 | std::uint64_t(k.protocol) << 16
                   | std::uint64_t(k.action) << 8 | k.logStatus);
    return h ^ (h >> 29);
}

// How many fields a record has: of two copies, the richer one is kept.
inline int fieldCount(const EncodedFlow &f) { return std::popcount(f.present); }

} // namespace flowscope
