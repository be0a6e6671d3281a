// SPDX-License-Identifier: GPL-3.0-or-later
#include "encoded_flow.h"

namespace flowscope {

EncodedFlow encodeFlow(const FlowRecord &record, std::uint64_t line, StringDictionary &strings,
                       InterfaceDictionary &interfaces)
{
    static_assert(kFieldCount <= 64, "EncodedFlow::present holds one bit per field");
    EncodedFlow out;
    static_cast<FlowValues &>(out) = record;
    out.line = line;
    out.present = record.present.to_ullong();

    std::array<std::string_view, kInterfaceFields.size()> context;
    for (std::size_t i = 0; i < kInterfaceFields.size(); ++i)
        context[i] = record.textOf(kInterfaceFields[i]);
    out.interface = interfaces.intern(context, strings);

    auto internIfPresent = [&](Field f) -> std::uint32_t {
        const std::string_view text = record.textOf(f);
        return text.empty() ? 0 : strings.intern(text);
    };
    out.pktSrcService = internIfPresent(Field::PktSrcAwsService);
    out.pktDstService = internIfPresent(Field::PktDstAwsService);
    out.rejectReason = internIfPresent(Field::RejectReason);
    return out;
}

} // namespace flowscope
