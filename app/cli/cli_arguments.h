// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small argument splitter for subcommands: "--name value", "--name=value",
// boolean flags and positional arguments, with errors that say what is wrong.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace flowscope::cli {

class Arguments {
public:
    // `valued` options take a value; `flags` do not. Anything else starting
    // with "--" is an error.
    Arguments(const std::vector<std::string> &args, std::set<std::string> valued, std::set<std::string> flags);

    bool ok() const { return m_error.empty(); }
    const std::string &error() const { return m_error; }
    const std::vector<std::string> &positional() const { return m_positional; }
    bool flag(const std::string &name) const { return m_flags.count(name) > 0; }
    std::optional<std::string> value(const std::string &name) const;

private:
    std::vector<std::string> m_positional;
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_flags;
    std::string m_error;
};

} // namespace flowscope::cli
