// SPDX-License-Identifier: GPL-3.0-or-later
// `timeline`: ACCEPT and REJECT per time bucket, with the ENIs missing
// coverage in each, as rows a script can plot.

#include "cli_arguments.h"
#include "cli_case_filter.h"
#include "cli_commands.h"
#include "cli_output.h"

#include "analysis/timeline.h"
#include "export/timeline_series.h"
#include "format/record_parser.h"
#include "query/filter_error.h"
#include "selection/case_filter.h"
#include "store/case_db.h"

#include <iostream>

namespace flowscope::cli {

int runTimeline(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {"bucket", "metric", "format"}, {"no-spread"});
    const auto usage = "\nUsage: flowscope-cli timeline CASE [FILTER] [--bucket SECONDS] [--metric flows|bytes|packets]"
                       " [--no-spread] [--format json|csv]\n";
    if (!arguments.ok() || arguments.positional().empty() || arguments.positional().size() > 2) {
        std::cerr << "flowscope-cli timeline: " << (arguments.ok() ? "needs CASE and at most one FILTER" : arguments.error())
                  << usage;
        return ExitFatal;
    }
    TimelineOptions options;
    std::uint64_t bucket = 60;
    if (const auto text = arguments.value("bucket"); text && (!parseUnsigned(*text, 100'000'000'000ULL, bucket) || bucket == 0)) {
        std::cerr << "flowscope-cli timeline: --bucket '" << *text << "' is not a whole number of seconds above zero\n";
        return ExitFatal;
    }
    options.bucketSeconds = static_cast<std::int64_t>(bucket);
    options.spread = !arguments.flag("no-spread");
    const std::string metric = arguments.value("metric").value_or("flows");
    const std::string format = arguments.value("format").value_or("json");
    if ((metric != "flows" && metric != "bytes" && metric != "packets") || (format != "json" && format != "csv")) {
        std::cerr << "flowscope-cli timeline: unknown --metric or --format value" << usage;
        return ExitFatal;
    }
    options.metric = metric == "bytes" ? TimelineMetric::Bytes
        : metric == "packets"          ? TimelineMetric::Packets
                                       : TimelineMetric::Flows;
    const std::string expression = arguments.positional().size() == 2 ? arguments.positional()[1] : std::string();
    try {
        auto caseDb = CaseDb::open(arguments.positional()[0], CaseDb::Mode::ReadOnly);
        CliCaseFilter caseFilter;
        const auto compiled = caseFilter.compile(*caseDb, expression, "timeline");
        if (const auto *error = std::get_if<FilterError>(&compiled)) {
            std::cerr << "flowscope-cli timeline: " << renderFilterError(expression, *error) << '\n';
            return ExitFatal;
        }
        const Timeline timeline = computeTimeline(*caseDb, *std::get<std::shared_ptr<const CaseFilter>>(compiled), options);
        if (format == "json")
            writeTimelineJson(std::cout, timeline);
        else
            writeTimelineCsv(std::cout, timeline);
    } catch (const std::exception &error) {
        std::cerr << "flowscope-cli timeline: " << error.what() << '\n';
        return ExitFatal;
    }
    return ExitOk;
}

} // namespace flowscope::cli
