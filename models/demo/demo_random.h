// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The demo generator's own PRNG and distributions. Everything is integer
// arithmetic on xoshiro256** output, so a seed gives the same numbers with every
// compiler and standard library (std::uniform_*_distribution does not).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace flowscope::demo {

class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed) { reseed(seed); }
    // An independent stream per purpose: adding draws to one part of the
    // generator does not shift the numbers of another.
    DemoRandom(std::uint64_t seed, std::string_view purpose) { reseed(seed ^ fnv1a(purpose)); }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, bound); bound 0 gives 0. Rejection removes modulo bias.
    std::uint64_t below(std::uint64_t bound)
    {
        if (bound <= 1)
            return 0;
        const std::uint64_t threshold = (0 - bound) % bound;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold)
                return r % bound;
        }
    }

    // Uniform in [lo, hi] (inclusive); hi < lo gives lo.
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        if (hi <= lo)
            return lo;
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

    bool percent(std::uint32_t chance) { return below(100) < chance; }

    // Index skewed towards 0 (popular items first): P(i) falls roughly like 1/i.
    std::size_t popular(std::size_t size) { return static_cast<std::size_t>(below(below(size) + 1)); }

    // Pareto-like with tail index 1 (flow sizes): each doubling is half as likely.
    std::uint64_t heavyTail(std::uint64_t minimum, std::uint64_t maximum)
    {
        std::uint64_t base = minimum == 0 ? 1 : minimum;
        while (base <= maximum / 2 && (next() >> 63) != 0)
            base *= 2;
        const std::uint64_t value = base + below(base);
        return value > maximum ? maximum : value;
    }

    // Index drawn with the given relative weights (at least one non-zero).
    std::size_t weighted(std::span<const std::uint32_t> weights)
    {
        std::uint64_t total = 0;
        for (std::uint32_t w : weights)
            total += w;
        std::uint64_t r = below(total);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < weights[i])
                return i;
            r -= weights[i];
        }
        return weights.size() - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    static std::uint64_t fnv1a(std::string_view text)
    {
        std::uint64_t h = 14695981039346656037ULL;
        for (char c : text) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ULL;
        }
        return h;
    }

    static std::uint64_t splitmix64(std::uint64_t &state)
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    void reseed(std::uint64_t seed)
    {
        std::uint64_t state = seed;
        for (auto &word : m_s)
            word = splitmix64(state);
    }

    std::uint64_t m_s[4];
};

} // namespace flowscope::demo
