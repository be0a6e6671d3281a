// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// In-memory mirrors of the case's dictionaries, used while importing: strings
// get small integer ids, and the interface context (ENI, account, VPC, subnet,
// instance, region, ECS task, ...) of a record becomes a single id, since
// those fields repeat for every record of an interface.

#include "format/field_catalog.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace flowscope {

struct TransparentStringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

class StringDictionary {
public:
    // 0 is never an id: it means "absent".
    std::uint32_t intern(std::string_view value);
    std::uint32_t find(std::string_view value) const;
    const std::string &value(std::uint32_t id) const;
    std::uint32_t size() const { return static_cast<std::uint32_t>(m_values.size()); }

    void load(sqlite3 *db);
    // Copies of the entries with an id above `afterId`, for the writer.
    std::vector<std::pair<std::uint32_t, std::string>> entriesAfter(std::uint32_t afterId) const;
    void markCommitted() { m_committed = size(); }
    // Forgets what was added since markCommitted() (the file was rolled back).
    void rollback();

private:
    std::vector<std::string> m_values; // id - 1 -> value
    std::unordered_map<std::string, std::uint32_t, TransparentStringHash, std::equal_to<>> m_ids;
    std::uint32_t m_committed = 0;
};

// The text fields that describe where a record was captured.
constexpr std::array<Field, 20> kInterfaceFields{
    Field::InterfaceId, Field::AccountId, Field::VpcId, Field::SubnetId, Field::InstanceId,
    Field::Region, Field::AzId, Field::SublocationType, Field::SublocationId,
    Field::EcsClusterArn, Field::EcsClusterName, Field::EcsContainerInstanceArn,
    Field::EcsContainerInstanceId, Field::EcsContainerId, Field::EcsSecondContainerId,
    Field::EcsServiceName, Field::EcsTaskDefinitionArn, Field::EcsTaskArn, Field::EcsTaskId,
    Field::ResourceId};

using InterfaceKey = std::array<std::uint32_t, kInterfaceFields.size()>;

class InterfaceDictionary {
public:
    // Looks up the context by its raw texts; interns new strings on a miss.
    // Returns 0 when every field is absent.
    std::uint32_t intern(const std::array<std::string_view, kInterfaceFields.size()> &texts, StringDictionary &strings);
    const InterfaceKey &key(std::uint32_t id) const { return m_keys[id - 1]; }
    std::uint32_t size() const { return static_cast<std::uint32_t>(m_keys.size()); }

    void load(sqlite3 *db, const StringDictionary &strings);
    std::vector<std::pair<std::uint32_t, InterfaceKey>> entriesAfter(std::uint32_t afterId) const;
    void markCommitted() { m_committed = size(); }
    void rollback();

private:
    std::vector<InterfaceKey> m_keys;
    std::vector<std::string> m_rawKeys; // joined texts, the map's key
    std::unordered_map<std::string, std::uint32_t, TransparentStringHash, std::equal_to<>> m_ids;
    std::string m_scratch;
    std::uint32_t m_committed = 0;
};

} // namespace flowscope
