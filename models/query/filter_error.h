// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A filter syntax or type error, and its Wireshark-style rendering.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace flowscope {

struct FilterError {
    // Incomplete: the text ended where more was expected (an editor may wait
    // for more typing); Invalid: the text is wrong as it stands.
    enum class Kind : std::uint8_t { Incomplete, Invalid };
    Kind kind = Kind::Invalid;
    std::size_t position = 0; // 0-based byte offset in the expression
    std::size_t length = 0;   // bytes of the offending token (0 at the end)
    std::string token;        // the offending token's text
    std::string message;      // what was expected
};

// The expression, a caret line under the error (columns count UTF-8 code
// points, so it lines up in a terminal) and the message:
//   dstport == 70000
//              ^~~~~
//   70000 is out of range for dstport (0..65535)
std::string renderFilterError(std::string_view expression, const FilterError &error);

} // namespace flowscope
