// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The verdict the flow records alone support, from a REJECT and its paired
// counterparts (the stateless and stateful rules of the facts AWS documents):
// - a reply REJECTed on the interface whose request it ACCEPTed: a security
//   group passes the reply of a request it admitted, so the network ACL in
//   the reply's direction denied it (outbound for a server, inbound for a client);
// - a request ACCEPTed out of the source interface and REJECTed into the
//   destination's: blocked at the destination (security group or network ACL);
// - two interfaces in one subnet cross no network ACL: a security group;
// - reject-reason BPA: Block Public Access;
// - otherwise security group or network ACL, with what may make it wrong.

#include "flow_pairing.h"
#include "record_explanation.h"

#include <functional>

namespace flowscope::explain {

struct FlowsContext {
    std::function<QString(std::uint32_t interface)> interfaceName;
    // Whether the rejected record's interface and the far end share a subnet:
    // from the records' subnet-id (peer: a record of the far end's interface,
    // may be null) or a snapshot; nullopt when neither says.
    std::function<std::optional<bool>(const PairingFlow &rejected, const PairingFlow *peer)> sameSubnet;
    // A SKIPDATA gap of the interface within the slack of [begin, end].
    std::function<bool(std::uint32_t interface, std::int64_t begin, std::int64_t end)> missingDataNear;
    bool withText = true;
};

RecordExplanation explainFromFlows(const PairingFlow &rejected, const Pairing &pairing, const FlowsContext &context);

// "tcp from 10.0.1.5:443 to 192.0.2.7:51234"
QString describeFlow(const PairingFlow &flow);

} // namespace flowscope::explain
