// SPDX-License-Identifier: GPL-3.0-or-later
#include "detection_run.h"

#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/sqlite_handle.h"

#include <algorithm>
#include <map>

namespace flowscope {

namespace {

constexpr std::uint64_t kPollRecords = 4096;
constexpr std::uint64_t kRecordsPerBlock = 4096;

// Time order, then type, then title: what a reader scans first comes first.
void orderAndNumber(std::vector<Finding> &findings, std::size_t from, std::map<std::string, int> &numbers)
{
    std::stable_sort(findings.begin() + static_cast<std::ptrdiff_t>(from), findings.end(),
                     [](const Finding &a, const Finding &b) {
                         return std::tie(a.start, a.type, a.title, a.end) < std::tie(b.start, b.type, b.title, b.end);
                     });
    for (std::size_t i = from; i < findings.size(); ++i)
        findings[i].id = findings[i].type + '-' + std::to_string(++numbers[findings[i].type]);
}

} // namespace

DetectionResult runDetections(CaseDb &caseDb, const DetectionRequest &request)
{
    const CaseFilter *filter = request.filter && !request.filter->matchesEverything() ? request.filter.get() : nullptr;
    ColumnMask columns = filter ? filter->columnsRead() : 0;
    for (const Detector *d : request.detectors)
        columns |= d->columns();
    const std::optional<std::vector<std::int64_t>> blocks = filter ? filter->blocks() : std::nullopt;

    for (Detector *d : request.detectors)
        d->prepare(caseDb);
    DetectionProgress progress;
    if (blocks) {
        progress.recordsTotal = blocks->size() * kRecordsPerBlock;
    } else {
        Statement count(caseDb.handle(), "SELECT count(*) FROM flow_block");
        if (count.step())
            progress.recordsTotal = static_cast<std::uint64_t>(count.int64(0)) * kRecordsPerBlock;
    }
    DetectionResult result;
    std::uint64_t read = 0;
    const RecordPredicate *predicate = filter ? &filter->predicate() : nullptr;
    scanRecords(caseDb, blocks, columns, [&](const EncodedFlow &flow, std::int64_t) {
        if (++read % kPollRecords == 0 && request.cancelled) {
            progress.recordsRead = read;
            if (request.cancelled(progress))
                throw DetectionCancelled();
        }
        if (predicate && !(*predicate)(flow))
            return;
        ++result.recordsRead;
        for (Detector *d : request.detectors)
            d->observe(flow);
    });
    progress.recordsRead = read;
    if (request.cancelled && request.cancelled(progress))
        throw DetectionCancelled();

    StringDictionary strings;
    InterfaceDictionary interfaces;
    strings.load(caseDb.handle());
    interfaces.load(caseDb.handle(), strings);
    const DetectContext context{strings, interfaces, filter ? filter->expression() : std::string()};
    std::map<std::string, int> numbers;
    for (const bool last : {false, true}) {
        const std::size_t from = result.findings.size();
        for (std::size_t i = 0; i < request.detectors.size(); ++i) {
            if ((i < request.runsLast.size() && request.runsLast[i]) != last)
                continue;
            auto found = request.detectors[i]->finish(context, result.findings);
            for (Finding &f : found)
                f.type = std::string(request.detectors[i]->type());
            result.findings.insert(result.findings.end(), std::make_move_iterator(found.begin()),
                                   std::make_move_iterator(found.end()));
            if (request.cancelled && request.cancelled(progress))
                throw DetectionCancelled();
        }
        orderAndNumber(result.findings, from, numbers);
    }
    // One list in time order; the ids stay those given above.
    std::stable_sort(result.findings.begin(), result.findings.end(), [](const Finding &a, const Finding &b) {
        return std::tie(a.start, a.type, a.title, a.end) < std::tie(b.start, b.type, b.title, b.end);
    });
    return result;
}

} // namespace flowscope
