// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_commands.h"

#include "demo/demo_case.h"
#include "format/record_parser.h"
#include "store/case_db.h"

#include <iostream>

namespace flowscope::cli {

int runDemo(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {"case", "seed"}, {});
    if (!arguments.ok() || arguments.positional().size() != 1) {
        std::cerr << "flowscope-cli demo: " << (arguments.ok() ? "needs exactly one OUTDIR" : arguments.error())
                  << "\nUsage: flowscope-cli demo OUTDIR [--case CASE] [--seed N]\n";
        return ExitFatal;
    }
    const std::filesystem::path root = arguments.positional()[0];
    DemoOptions options;
    if (const auto seed = arguments.value("seed")) {
        std::uint64_t value = 0;
        if (!parseUnsigned(*seed, ~std::uint64_t(0), value)) {
            std::cerr << "flowscope-cli demo: --seed '" << *seed << "' is not a whole number\n";
            return ExitFatal;
        }
        options.seed = value;
    }
    try {
        // The configuration snapshot the demo case holds, as describe-* files
        // beside the logs, their modification time its as-of.
        const std::filesystem::path configFolder = root / "demo-config";
        const auto snapshotNote = [&] {
            const auto files = writeDemoSnapshotFiles(configFolder, options);
            std::cout << "wrote the configuration snapshot of the demo estate in " << files.size() << " files under "
                      << configFolder.string() << " (load it with flowscope-cli config CASE " << configFolder.string() << ")\n";
        };
        const auto casePath = arguments.value("case");
        if (!casePath) {
            const DemoSummary summary = writeDemoDataset(root, options);
            const DemoCloudTrail trail = writeDemoCloudTrail(root, summary, options);
            std::cout << "wrote " << summary.records << " records in " << summary.files.size() << " files under "
                      << root.string() << " and the CloudTrail log " << trail.relativePath << '\n';
            snapshotNote();
            return ExitOk;
        }
        auto caseDb = CaseDb::open(*casePath, CaseDb::Mode::CreateIfMissing);
        const DemoCaseResult result = importDemoInput(*caseDb, root, options);
        std::cout << "wrote " << result.input.records << " records in " << result.input.files.size()
                  << " files under " << root.string() << "; imported " << result.records << " records into "
                  << *casePath << " (" << result.errors << " errors) with configuration snapshot "
                  << result.snapshotId << " of the demo estate\n";
        snapshotNote();
        return result.errors ? ExitRejected : ExitOk;
    } catch (const std::exception &error) {
        std::cerr << "flowscope-cli demo: " << error.what() << '\n';
        return ExitFatal;
    }
}

} // namespace flowscope::cli
