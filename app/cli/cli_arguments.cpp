// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"

namespace flowscope::cli {

Arguments::Arguments(const std::vector<std::string> &args, std::set<std::string> valued, std::set<std::string> flags)
{
    for (std::size_t i = 0; i < args.size() && m_error.empty(); ++i) {
        const std::string &arg = args[i];
        if (arg == "--") {
            m_positional.insert(m_positional.end(), args.begin() + static_cast<long>(i) + 1, args.end());
            break;
        }
        if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
            m_positional.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name.resize(eq);
        }
        if (valued.count(name)) {
            if (inlineValue) {
                m_values[name] = *inlineValue;
            } else if (i + 1 < args.size()) {
                m_values[name] = args[++i];
            } else {
                m_error = "option --" + name + " needs a value";
            }
        } else if (flags.count(name) && !inlineValue) {
            m_flags.insert(name);
        } else {
            m_error = "unknown option --" + name;
        }
    }
}

std::optional<std::string> Arguments::value(const std::string &name) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return std::nullopt;
    return it->second;
}

} // namespace flowscope::cli
