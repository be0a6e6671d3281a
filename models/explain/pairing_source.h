// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A case's stored records as pairing reads them: its dictionaries loaded once
// to name interfaces, tell subnets and recognise reject-reason BPA.

#include "flow_pairing.h"

#include "store/dictionaries.h"
#include "store/encoded_flow.h"

#include <QString>

#include <vector>

namespace flowscope {
class CaseDb;
}

namespace flowscope::explain {

class PairingSource {
public:
    explicit PairingSource(CaseDb &caseDb);

    PairingFlow pairingFlow(const EncodedFlow &flow, std::int64_t id) const;
    // The interface-id of an interface context ("eni-…"), empty when none.
    QString interfaceName(std::uint32_t interface) const;
    // Its string id: an ENI's records may differ in subnet or instance, so
    // several contexts share one ENI name.
    std::uint32_t eniNameId(std::uint32_t interface) const;

private:
    StringDictionary m_strings;
    InterfaceDictionary m_interfaces;
    std::uint32_t m_bpaReason = 0;
    std::vector<QString> m_interfaceNames; // by context id: each converted once
};

} // namespace flowscope::explain
