// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery.h"

namespace flowscope {

std::string_view deliveryName(Delivery d)
{
    switch (d) {
    case Delivery::S3Text: return "s3-text";
    case Delivery::PlainText: return "plain-text";
    case Delivery::CloudWatchExport: return "cloudwatch-export";
    case Delivery::CloudWatchJson: return "cloudwatch-json";
    case Delivery::JsonLines: return "json-lines";
    }
    return "plain-text";
}

bool hasIsoTimestampPrefix(std::string_view line, std::size_t *prefixLength)
{
    // YYYY-MM-DDTHH:MM:SS[.fff]Z<space>
    static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
    if (line.size() < kShape.size() + 2)
        return false;
    for (std::size_t i = 0; i < kShape.size(); ++i) {
        const char c = line[i];
        const bool ok = kShape[i] == 'd' ? (c >= '0' && c <= '9') : c == kShape[i];
        if (!ok)
            return false;
    }
    std::size_t i = kShape.size();
    if (line[i] == '.') {
        ++i;
        const std::size_t digits = i;
        while (i < line.size() && line[i] >= '0' && line[i] <= '9')
            ++i;
        if (i == digits)
            return false;
    }
    if (i + 1 >= line.size() || line[i] != 'Z' || line[i + 1] != ' ')
        return false;
    if (prefixLength)
        *prefixLength = i + 2;
    return true;
}

} // namespace flowscope
