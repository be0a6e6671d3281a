// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The column layout of a flow log: which fields, in which order. It comes from
// an S3 header line, from a format string as the AWS console shows it
// ("${version} ${vpc-id} ..."), or is the default version 2 layout.

#include "field_catalog.h"

#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

class LogFormat {
public:
    LogFormat() = default;
    explicit LogFormat(std::vector<Field> fields);

    static LogFormat defaultV2();
    // Parse a header line ("version account-id ...") or a format string
    // ("${version} ${account-id} ..."). On failure returns an empty format and
    // sets *error to a reason naming the offending token.
    static LogFormat parse(std::string_view text, std::string *error);
    // True when every token of the line is a known field name (the S3 header).
    static bool looksLikeHeader(std::string_view line);

    const std::vector<Field> &fields() const { return m_fields; }
    bool isEmpty() const { return m_fields.empty(); }
    bool contains(Field f) const;
    bool isDefaultV2() const;
    // The highest version among the fields: what AWS writes in `version`.
    int version() const;
    // "version account-id ..." (header form) and "${version} ..." (console form).
    std::string headerLine() const;
    std::string formatString() const;

    friend bool operator==(const LogFormat &, const LogFormat &) = default;

private:
    std::vector<Field> m_fields;
};

} // namespace flowscope
