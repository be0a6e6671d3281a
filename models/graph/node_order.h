// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The order a graph's nodes are shown and folded into "more" in: heaviest
// first, by id among equal weights, ids compared as QString compares them
// (by UTF-16 code unit). A case facing the internet has a couple of hundred
// thousand nodes, many of equal weight (one-off scanners), and comparing
// their ids as strings, each on the heap, took a sixth of the whole-case
// graph: an id's first 16 characters, when ASCII, are packed into two
// integers that order as the text does, and the strings are compared only
// where those are equal. An ASCII id of at most 16 characters (every /24's)
// can be given as characters and needs no string at all.

#include <QString>

#include <cstdint>
#include <vector>

namespace flowscope::graph {

class NodeRanking {
public:
    void reserve(std::size_t nodes);
    // The next node (numbered 0, 1, 2 ... in the order given).
    void add(std::uint64_t weight, const QString &id);
    void addAscii(std::uint64_t weight, const char *id, std::size_t size);
    // The nodes' numbers in order.
    std::vector<std::uint32_t> heaviestFirst();

private:
    struct Ranked {
        std::uint64_t weight = 0;
        std::uint64_t head[2] = {0, 0}; // the first 16 characters, big-endian, zero after the end
        std::uint32_t node = 0;
        // In m_texts: an id not whole in its head; kNoText: the id is its
        // head (ASCII, no longer than 16 characters).
        std::uint32_t text = kNoText;
        bool whole() const { return text == kNoText; }
    };
    static constexpr std::uint32_t kNoText = 0xFFFFFFFFU;
    QString textOf(const Ranked &ranked) const;

    std::vector<Ranked> m_ranked;
    std::vector<QString> m_texts;
    bool m_packed = true; // every id's head orders as its text (no character outside ASCII, or NUL)
};

// Positions in `weights` (and `ids`, of the same size) in that order.
std::vector<std::uint32_t> heaviestFirst(const std::vector<std::uint64_t> &weights, const std::vector<const QString *> &ids);

} // namespace flowscope::graph
