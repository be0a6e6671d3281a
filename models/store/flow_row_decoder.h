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

private:
    StringDictionary m_strings;
    InterfaceDictionary m_interfaces;
};

} // namespace flowscope
