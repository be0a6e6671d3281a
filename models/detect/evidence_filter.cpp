// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidence_filter.h"

#include <ctime>

namespace flowscope {

std::string isoUtcSeconds(std::int64_t epochSeconds)
{
    const std::time_t t = static_cast<std::time_t>(epochSeconds);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

EvidenceFilter &EvidenceFilter::address(std::string_view field, const IpAddress &address)
{
    m_terms.push_back(std::string(field) + " == " + address.toString());
    return *this;
}

EvidenceFilter &EvidenceFilter::number(std::string_view field, std::int64_t value)
{
    m_terms.push_back(std::string(field) + " == " + std::to_string(value));
    return *this;
}

EvidenceFilter &EvidenceFilter::startsBetween(std::int64_t from, std::int64_t to)
{
    m_terms.push_back("start >= " + isoUtcSeconds(from));
    m_terms.push_back("start <= " + isoUtcSeconds(to));
    return *this;
}

EvidenceFilter &EvidenceFilter::text(std::string_view field, std::string_view value)
{
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    m_terms.push_back(std::string(field) + " == " + quoted + '"');
    return *this;
}

EvidenceFilter &EvidenceFilter::term(std::string term)
{
    m_terms.push_back(term.find(" or ") == std::string::npos ? std::move(term) : '(' + term + ')');
    return *this;
}

std::string EvidenceFilter::joinedTo(std::string_view runFilter) const
{
    std::string out;
    if (!runFilter.empty() && runFilter.find_first_not_of(" \t\r\n") != std::string_view::npos)
        out = '(' + std::string(runFilter) + ')';
    for (const std::string &t : m_terms)
        out += (out.empty() ? "" : " and ") + t;
    return out;
}

} // namespace flowscope
