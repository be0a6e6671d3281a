// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A detector's threshold as `--set type.name=value` and a settings page see
// it: a name, what it means, and the member of the detector's parameter
// struct it reads and writes.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace flowscope {

struct DetectorParameter {
    enum class Kind { Count, Seconds, Bytes, Ratio, Flag, Ports };
    std::string name; // "window-s"
    std::string help; // one line for the README and the usage text
    Kind kind = Kind::Count;
    std::variant<std::int64_t *, double *, bool *, std::vector<std::uint16_t> *> value;

    // The current value as `--set` takes it.
    std::string text() const;
    // Sets the value from text (bytes take units: 500MB); an error message
    // saying what is wrong when the text is not a valid value.
    std::optional<std::string> set(std::string_view text);
};

DetectorParameter countParameter(std::string name, std::string help, std::int64_t &value);
DetectorParameter secondsParameter(std::string name, std::string help, std::int64_t &value);
DetectorParameter bytesParameter(std::string name, std::string help, std::int64_t &value);
DetectorParameter ratioParameter(std::string name, std::string help, double &value);
DetectorParameter flagParameter(std::string name, std::string help, bool &value);
DetectorParameter portsParameter(std::string name, std::string help, std::vector<std::uint16_t> &value);

} // namespace flowscope
