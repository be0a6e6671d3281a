// SPDX-License-Identifier: GPL-3.0-or-later
#include "interface_attributes.h"

#include "filter_lexer.h"

#include <algorithm>

namespace flowscope {

std::string_view interfaceAttributeName(InterfaceAttribute attribute)
{
    switch (attribute) {
    case InterfaceAttribute::SecurityGroup: return "security-group";
    case InterfaceAttribute::InstanceName: return "instance-name";
    case InterfaceAttribute::SubnetName: return "subnet-name";
    case InterfaceAttribute::VpcName: return "vpc-name";
    }
    return {};
}

std::optional<InterfaceAttribute> interfaceAttributeByName(std::string_view name)
{
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    for (InterfaceAttribute attribute : kInterfaceAttributes) {
        const std::string_view candidate = interfaceAttributeName(attribute);
        if (candidate.size() == name.size()
            && std::equal(candidate.begin(), candidate.end(), name.begin(),
                          [&](char a, char b) { return a == lower(b); }))
            return attribute;
    }
    return std::nullopt;
}

bool namesInterfaceAttributes(std::string_view expression)
{
    const LexedFilter lexed = lexFilter(expression);
    return std::any_of(lexed.tokens.begin(), lexed.tokens.end(), [](const FilterToken &token) {
        return token.type == FilterTokenType::Word && interfaceAttributeByName(token.text).has_value();
    });
}

} // namespace flowscope
