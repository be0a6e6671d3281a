// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The order a graph's nodes are shown and folded into "more" in: heaviest
// first, by id among equal weights, ids compared as QString compares them
// (by UTF-16 code unit). A case facing the internet has a couple of hundred
// thousand nodes, many of equal weight (one-off scanners), and comparing
// their ids as strings, each on the heap, took a sixth of the whole-case
// graph: an id's first 16 characters, when ASCII, are packed into two
// integers that order as the text does, and the strings are compared only
// where those are equal.

#include <QString>

#include <cstdint>
#include <vector>

namespace flowscope::graph {

// Positions in `weights` (and `ids`, of the same size) in that order.
std::vector<std::uint32_t> heaviestFirst(const std::vector<std::uint64_t> &weights, const std::vector<const QString *> &ids);

} // namespace flowscope::graph
