// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Plain-language sentences for a blocking layer: what denied the packet, and
// the rule that would admit it (with the requester's ephemeral ports for a reply).

#include "path_evaluator.h"

namespace flowscope::explain {

// "tcp from 192.0.2.14:443 to 10.0.3.21:49152"
QString describePacket(const Packet &packet);
QString describeBlock(const ConfigSnapshot &snapshot, const LayerResult &layer, const Packet &packet, FlowRole role);
QString suggestFix(const ConfigSnapshot &snapshot, const LayerResult &layer, const Packet &packet, FlowRole role,
                   const NetworkInterface *requester);

} // namespace flowscope::explain
