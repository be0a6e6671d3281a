// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Filter fields that a flow record does not carry but a configuration
// snapshot says about the record's interface: its security groups, its
// instance's Name tag, its subnet's and its VPC's names. The query layer
// knows only this abstract lookup; whoever compiles a filter supplies it
// (the explainer implements it over a snapshot).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

enum class InterfaceAttribute : std::uint8_t { SecurityGroup, InstanceName, SubnetName, VpcName };

inline constexpr std::array kInterfaceAttributes{InterfaceAttribute::SecurityGroup, InterfaceAttribute::InstanceName,
                                                 InterfaceAttribute::SubnetName, InterfaceAttribute::VpcName};

// "security-group", "instance-name", "subnet-name", "vpc-name".
std::string_view interfaceAttributeName(InterfaceAttribute attribute);
// Case-insensitive, as field names are.
std::optional<InterfaceAttribute> interfaceAttributeByName(std::string_view name);

// Whether the expression uses one of these fields (a word of the filter that
// is their name), so a caller loads a snapshot only for filters that need it.
bool namesInterfaceAttributes(std::string_view expression);

class InterfaceAttributes {
public:
    virtual ~InterfaceAttributes() = default;
    // The interface ids (as interface-id holds them) whose attribute is value,
    // sorted; a security group is named by its id or its name.
    virtual std::vector<std::string> interfacesWith(InterfaceAttribute attribute, std::string_view value) const = 0;
    // Every value the attribute takes, sorted (security groups: ids and names).
    virtual std::vector<std::string> valuesOf(InterfaceAttribute attribute) const = 0;
};

} // namespace flowscope
