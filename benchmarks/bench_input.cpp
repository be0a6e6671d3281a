// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the benchmark input: one S3-style .log.gz of version 5 records with a
// header line, in the realistic shape (the default) or the tidy one.
// Usage: flowscope-bench-input OUT.log.gz RECORDS [--shape realistic|tidy] [--seed N]

#include "demo/demo_generator.h"

#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view kUsage = "usage: flowscope-bench-input OUT.log.gz RECORDS [--shape realistic|tidy] [--seed N]\n";

std::optional<std::uint64_t> number(std::string_view text)
{
    if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    errno = 0;
    const std::uint64_t value = std::strtoull(std::string(text).c_str(), nullptr, 10);
    if (errno == ERANGE)
        return std::nullopt;
    return value;
}

int usageError(const std::string &reason)
{
    std::cerr << "flowscope-bench-input: " << reason << '\n' << kUsage;
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3)
        return usageError("an output file and a record count are needed");
    const auto records = number(argv[2]);
    if (!records)
        return usageError(std::string("not a record count: '") + argv[2] + "'");
    auto shape = flowscope::BenchmarkShape::Realistic;
    std::uint64_t seed = 1;
    for (int i = 3; i < argc; ++i) {
        const std::string_view option = argv[i];
        if (i + 1 >= argc)
            return usageError(std::string("'") + argv[i] + "' needs a value");
        const std::string_view value = argv[++i];
        if (option == "--shape" && value == "realistic")
            shape = flowscope::BenchmarkShape::Realistic;
        else if (option == "--shape" && value == "tidy")
            shape = flowscope::BenchmarkShape::Tidy;
        else if (option == "--shape")
            return usageError("unknown shape '" + std::string(value) + "' (realistic or tidy)");
        else if (option == "--seed" && number(value))
            seed = *number(value);
        else if (option == "--seed")
            return usageError("not a seed: '" + std::string(value) + "'");
        else
            return usageError("unknown option '" + std::string(option) + "'");
    }
    try {
        const std::uint64_t written = flowscope::writeBenchmarkFile(argv[1], *records, seed, shape);
        std::cout << "wrote " << written << " records to " << argv[1] << '\n';
    } catch (const std::exception &error) {
        std::cerr << "flowscope-bench-input: " << error.what() << '\n';
        return 2;
    }
    return 0;
}
