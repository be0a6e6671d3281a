// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The key that orders records by one column as the flow table shows it:
// numbers and times by value, addresses by number (IPv4 before IPv6), texts
// (the dictionary's and the named values') byte by byte. A record lacking
// the value sorts after every record that has one, whichever the direction;
// records with equal values follow in time order (start, then record id), so
// the order is the same on every run.

#include "format/field_catalog.h"
#include "store/dictionaries.h"
#include "store/encoded_flow.h"

#include <cstdint>
#include <vector>

struct sqlite3;

namespace flowscope {

struct SortEntry {
    std::uint64_t high = 0; // the value, most significant word first
    std::uint64_t low = 0;
    std::int64_t time = 0; // sortStart(): the pager's time order
    std::int64_t id = 0;
    std::uint8_t family = 0; // addresses: 0 IPv4, 1 IPv6
    bool absent = false;
};

// Strict weak order: true when `a` comes first.
struct SortEntryOrder {
    bool descending = false;
    bool operator()(const SortEntry &a, const SortEntry &b) const
    {
        if (a.absent != b.absent)
            return !a.absent;
        if (!a.absent) {
            if (a.family != b.family)
                return descending ? a.family > b.family : a.family < b.family;
            if (a.high != b.high)
                return descending ? a.high > b.high : a.high < b.high;
            if (a.low != b.low)
                return descending ? a.low > b.low : a.low < b.low;
        }
        if (a.time != b.time)
            return a.time < b.time;
        return a.id < b.id;
    }
};

class SortKeyReader {
public:
    // Reads the case's dictionaries when `field` is a text field.
    SortKeyReader(sqlite3 *db, Field field);

    SortEntry entry(const EncodedFlow &flow, std::int64_t id) const;
    Field field() const { return m_field; }

private:
    // Ranks of dictionary texts in byte order (index: text id; 0 absent).
    void rankStrings(const StringDictionary &strings);

    Field m_field;
    int m_interfaceSlot = -1; // index into InterfaceKey for context fields
    std::vector<std::uint32_t> m_rank;
    std::vector<std::uint32_t> m_interfaceRank; // by interface id; 0 absent
};

} // namespace flowscope
