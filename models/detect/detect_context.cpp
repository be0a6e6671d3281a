// SPDX-License-Identifier: GPL-3.0-or-later
#include "detector.h"

#include "store/dictionaries.h"

namespace flowscope {

std::string DetectContext::eniOf(std::uint32_t interfaceContext) const
{
    if (interfaceContext == 0 || interfaceContext > interfaces.size())
        return {};
    const std::uint32_t eni = interfaces.key(interfaceContext)[0]; // interface-id comes first
    return eni == 0 ? std::string() : std::string(strings.value(eni));
}

} // namespace flowscope
