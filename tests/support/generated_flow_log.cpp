// SPDX-License-Identifier: GPL-3.0-or-later
#include "generated_flow_log.h"

#include <random>

namespace flowscope::test {

QByteArray generatedFlowLog(std::uint64_t seed, int count, const QList<QByteArray> &enis)
{
    std::mt19937_64 random(seed);
    auto below = [&](std::uint64_t n) { return random() % n; };
    auto number = [](std::uint64_t n) { return QByteArray::number(static_cast<qulonglong>(n)); };
    const std::int64_t base = 1773100800; // a round hour
    static const char *const kActions[] = {"ACCEPT", "REJECT"};
    static const char *const kProtocols[] = {"6", "17", "1"};
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        const std::size_t e = below(static_cast<std::uint64_t>(enis.size()));
        const QByteArray prefix = "2 " + number(111111111111 + e) + ' ' + enis[static_cast<qsizetype>(e)] + ' ';
        const std::int64_t start = base + static_cast<std::int64_t>(below(6 * 3600));
        if (below(25) == 0) {
            const std::int64_t end = start + static_cast<std::int64_t>(below(900));
            out += prefix + "- - - - - - - " + QByteArray::number(start) + ' ' + QByteArray::number(end)
                + (below(3) == 0 ? " - SKIPDATA\n" : " - NODATA\n");
            continue;
        }
        const QByteArray src = "10." + number(below(4)) + '.' + number(below(8)) + '.' + number(below(250));
        const QByteArray dst = below(5) == 0 ? "203.0.113." + number(below(250))
                                             : "10." + number(below(4)) + '.' + number(below(8)) + '.' + number(below(250));
        const std::uint64_t length = below(10) == 0 ? 86400 + below(86400) : below(10) < 6 ? below(60) : below(3600);
        const QByteArray packets = below(30) == 0 ? QByteArray("-") : number(1 + below(5000));
        const QByteArray bytes = below(30) == 0 ? QByteArray("-") : number(40 + below(3000000));
        out += prefix + src + ' ' + dst + ' ' + number(32768 + below(28000)) + ' '
            + number(below(3) == 0 ? below(1024) : 443) + ' ' + kProtocols[below(3)] + ' ' + packets + ' ' + bytes
            + ' ' + QByteArray::number(start) + ' ' + QByteArray::number(start + static_cast<std::int64_t>(length))
            + ' ' + kActions[below(6) == 0 ? 1 : 0] + " OK\n";
    }
    return out;
}

} // namespace flowscope::test
