// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns a stored record back into AWS field values, resolving dictionary ids.

#include "dictionaries.h"
#include "encoded_flow.h"
#include "flow_reader.h"

struct sqlite3;

namespace flowscope {

class FlowRowDecoder {
public:
    explicit FlowRowDecoder(sqlite3 *db);
    void decode(const EncodedFlow &flow, std::int64_t id, const std::string &file, FlowRow &row) const;

    // What decode() resolves, for a reader of the stored values themselves:
    // the text of a dictionary id ("" for 0), and the texts' ids of a
    // record's interface (null when it has none).
    const std::string &text(std::uint32_t id) const { return m_strings.value(id); }
    std::uint32_t textCount() const { return m_strings.size(); }
    const InterfaceKey *interfaceKey(std::uint32_t id) const
    {
        return id >= 1 && id <= m_interfaces.size() ? &m_interfaces.key(id) : nullptr;
    }

private:
    StringDictionary m_strings;
    InterfaceDictionary m_interfaces;
};

} // namespace flowscope
