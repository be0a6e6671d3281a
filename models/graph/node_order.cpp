// SPDX-License-Identifier: GPL-3.0-or-later
#include "node_order.h"

#include <algorithm>

namespace flowscope::graph {

namespace {

constexpr qsizetype kPacked = 16;

struct Ranked {
    std::uint64_t weight = 0;
    std::uint64_t head[2] = {0, 0}; // the first kPacked characters, big-endian, zero after the end
    const QString *id = nullptr;
    std::uint32_t node = 0;
    bool whole = false; // the id is its head: no longer than kPacked characters
};

// False when a character of the head is not ASCII (or NUL): such an id is
// compared as a string.
bool pack(const QString &id, Ranked &ranked)
{
    const qsizetype n = std::min(id.size(), kPacked);
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = id[i].unicode();
        if (c == 0 || c >= 0x80)
            return false;
        ranked.head[i / 8] |= std::uint64_t(c) << (56 - 8 * (i % 8));
    }
    ranked.whole = id.size() <= kPacked;
    return true;
}

} // namespace

std::vector<std::uint32_t> heaviestFirst(const std::vector<std::uint64_t> &weights, const std::vector<const QString *> &ids)
{
    std::vector<Ranked> ranked(weights.size());
    bool packed = true;
    for (std::uint32_t i = 0; i < ranked.size(); ++i) {
        ranked[i].weight = weights[i];
        ranked[i].id = ids[i];
        ranked[i].node = i;
        packed = pack(*ids[i], ranked[i]) && packed;
    }
    if (packed) {
        // The heads order as the texts' first characters do (a text that
        // ends sorts before one that goes on, as a zero sorts first), so
        // where they differ they decide, and two whole ones that agree are
        // the same text.
        std::sort(ranked.begin(), ranked.end(), [](const Ranked &x, const Ranked &y) {
            if (x.weight != y.weight)
                return x.weight > y.weight;
            if (x.head[0] != y.head[0])
                return x.head[0] < y.head[0];
            if (x.head[1] != y.head[1])
                return x.head[1] < y.head[1];
            if (x.whole && y.whole)
                return false;
            return *x.id < *y.id;
        });
    } else {
        std::sort(ranked.begin(), ranked.end(), [](const Ranked &x, const Ranked &y) {
            return x.weight != y.weight ? x.weight > y.weight : *x.id < *y.id;
        });
    }
    std::vector<std::uint32_t> order(ranked.size());
    for (std::size_t i = 0; i < ranked.size(); ++i)
        order[i] = ranked[i].node;
    return order;
}

} // namespace flowscope::graph
