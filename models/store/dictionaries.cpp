// SPDX-License-Identifier: GPL-3.0-or-later
#include "dictionaries.h"

#include "sqlite_handle.h"

namespace flowscope {

namespace {
constexpr char kSeparator = '\x1f'; // cannot occur in a flow-log token
const std::string kEmpty;
} // namespace

std::uint32_t StringDictionary::intern(std::string_view value)
{
    if (const auto it = m_ids.find(value); it != m_ids.end())
        return it->second;
    m_values.emplace_back(value);
    const auto id = static_cast<std::uint32_t>(m_values.size());
    m_ids.emplace(m_values.back(), id);
    return id;
}

std::uint32_t StringDictionary::find(std::string_view value) const
{
    const auto it = m_ids.find(value);
    return it == m_ids.end() ? 0 : it->second;
}

const std::string &StringDictionary::value(std::uint32_t id) const
{
    return id == 0 || id > m_values.size() ? kEmpty : m_values[id - 1];
}

void StringDictionary::load(sqlite3 *db)
{
    m_values.clear();
    m_ids.clear();
    Statement statement(db, "SELECT id, value FROM dictionary ORDER BY id");
    while (statement.step()) {
        const auto id = static_cast<std::uint32_t>(statement.int64(0));
        if (id != m_values.size() + 1)
            throw StoreError("case dictionary is not dense (id " + std::to_string(id) + ")");
        m_values.push_back(statement.text(1));
        m_ids.emplace(m_values.back(), id);
    }
    m_committed = size();
}

std::vector<std::pair<std::uint32_t, std::string>> StringDictionary::entriesAfter(std::uint32_t afterId) const
{
    std::vector<std::pair<std::uint32_t, std::string>> out;
    for (std::uint32_t id = afterId + 1; id <= size(); ++id)
        out.emplace_back(id, m_values[id - 1]);
    return out;
}

void StringDictionary::rollback()
{
    while (size() > m_committed) {
        m_ids.erase(m_values.back());
        m_values.pop_back();
    }
}

std::uint32_t InterfaceDictionary::intern(const std::array<std::string_view, kInterfaceFields.size()> &texts,
                                          StringDictionary &strings)
{
    m_scratch.clear();
    bool any = false;
    for (const auto &text : texts) {
        any = any || !text.empty();
        m_scratch.append(text);
        m_scratch.push_back(kSeparator);
    }
    if (!any)
        return 0;
    if (const auto it = m_ids.find(m_scratch); it != m_ids.end())
        return it->second;
    InterfaceKey key{};
    for (std::size_t i = 0; i < texts.size(); ++i)
        key[i] = texts[i].empty() ? 0 : strings.intern(texts[i]);
    m_keys.push_back(key);
    m_rawKeys.push_back(m_scratch);
    const auto id = static_cast<std::uint32_t>(m_keys.size());
    m_ids.emplace(m_rawKeys.back(), id);
    return id;
}

void InterfaceDictionary::load(sqlite3 *db, const StringDictionary &strings)
{
    m_keys.clear();
    m_rawKeys.clear();
    m_ids.clear();
    std::string columns;
    for (std::size_t i = 0; i < kInterfaceFields.size(); ++i) {
        std::string name(fieldInfo(kInterfaceFields[i]).name);
        for (char &c : name)
            if (c == '-')
                c = '_';
        columns += ", " + name;
    }
    Statement statement(db, "SELECT id" + columns + " FROM interface ORDER BY id");
    while (statement.step()) {
        const auto id = static_cast<std::uint32_t>(statement.int64(0));
        if (id != m_keys.size() + 1)
            throw StoreError("case interface table is not dense (id " + std::to_string(id) + ")");
        InterfaceKey key{};
        std::string raw;
        for (std::size_t i = 0; i < key.size(); ++i) {
            key[i] = static_cast<std::uint32_t>(statement.int64(static_cast<int>(i) + 1));
            raw.append(strings.value(key[i]));
            raw.push_back(kSeparator);
        }
        m_keys.push_back(key);
        m_rawKeys.push_back(std::move(raw));
        m_ids.emplace(m_rawKeys.back(), id);
    }
    m_committed = size();
}

std::vector<std::pair<std::uint32_t, InterfaceKey>> InterfaceDictionary::entriesAfter(std::uint32_t afterId) const
{
    std::vector<std::pair<std::uint32_t, InterfaceKey>> out;
    for (std::uint32_t id = afterId + 1; id <= size(); ++id)
        out.emplace_back(id, m_keys[id - 1]);
    return out;
}

void InterfaceDictionary::rollback()
{
    while (size() > m_committed) {
        m_ids.erase(m_rawKeys.back());
        m_rawKeys.pop_back();
        m_keys.pop_back();
    }
}

} // namespace flowscope
