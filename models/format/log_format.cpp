// SPDX-License-Identifier: GPL-3.0-or-later
#include "log_format.h"

#include "text_tokens.h"

#include <algorithm>
#include <bitset>

namespace flowscope {

LogFormat::LogFormat(std::vector<Field> fields)
    : m_fields(std::move(fields))
{
}

LogFormat LogFormat::defaultV2()
{
    const auto &d = defaultFormatFields();
    return LogFormat(std::vector<Field>(d.begin(), d.end()));
}

namespace {
// "${srcaddr}" -> "srcaddr"; a bare "srcaddr" is accepted too.
std::string_view unwrapFieldToken(std::string_view token)
{
    if (token.size() >= 3 && token.substr(0, 2) == "${" && token.back() == '}')
        return token.substr(2, token.size() - 3);
    return token;
}
} // namespace

LogFormat LogFormat::parse(std::string_view text, std::string *error)
{
    std::vector<Field> fields;
    std::bitset<kFieldCount> seen;
    std::string problem;
    forEachToken(trimLine(text), [&](std::string_view token) {
        if (!problem.empty())
            return;
        const std::string_view name = unwrapFieldToken(token);
        const auto field = fieldByName(name);
        if (!field) {
            problem = "unknown field '" + std::string(token) + "'";
            return;
        }
        if (seen.test(static_cast<std::size_t>(*field))) {
            problem = "field '" + std::string(name) + "' appears twice";
            return;
        }
        seen.set(static_cast<std::size_t>(*field));
        fields.push_back(*field);
    });
    if (problem.empty() && fields.empty())
        problem = "the format names no field";
    if (!problem.empty()) {
        if (error)
            *error = problem;
        return {};
    }
    return LogFormat(std::move(fields));
}

bool LogFormat::looksLikeHeader(std::string_view line)
{
    bool any = false;
    bool all = true;
    forEachToken(trimLine(line), [&](std::string_view token) {
        any = true;
        // A header uses the bare hyphenated names; a '${' form is a format string.
        if (all && !fieldByName(token))
            all = false;
    });
    return any && all;
}

bool LogFormat::contains(Field f) const
{
    return std::find(m_fields.begin(), m_fields.end(), f) != m_fields.end();
}

bool LogFormat::isDefaultV2() const
{
    const auto &d = defaultFormatFields();
    return std::equal(m_fields.begin(), m_fields.end(), d.begin(), d.end());
}

int LogFormat::version() const
{
    int v = 2;
    for (Field f : m_fields)
        v = std::max(v, fieldInfo(f).version);
    return v;
}

std::string LogFormat::headerLine() const
{
    std::string out;
    for (Field f : m_fields) {
        if (!out.empty())
            out += ' ';
        out += fieldInfo(f).name;
    }
    return out;
}

std::string LogFormat::formatString() const
{
    std::string out;
    for (Field f : m_fields) {
        if (!out.empty())
            out += ' ';
        out += "${";
        out += fieldInfo(f).name;
        out += '}';
    }
    return out;
}

} // namespace flowscope
