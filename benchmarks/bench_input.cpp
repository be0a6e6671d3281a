// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the benchmark input: one S3-style .log.gz in a version 5 custom format.
// Usage: flowscope-bench-input FILE RECORDS [SEED]

#include "demo/demo_generator.h"

#include <cstdlib>
#include <iostream>

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::cerr << "usage: flowscope-bench-input FILE RECORDS [SEED]\n";
        return 2;
    }
    const std::uint64_t records = std::strtoull(argv[2], nullptr, 10);
    const std::uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
    try {
        const std::uint64_t written = flowscope::writeBenchmarkFile(argv[1], records, seed);
        std::cout << "wrote " << written << " records to " << argv[1] << '\n';
    } catch (const std::exception &error) {
        std::cerr << "flowscope-bench-input: " << error.what() << '\n';
        return 2;
    }
    return 0;
}
