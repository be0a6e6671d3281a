// SPDX-License-Identifier: GPL-3.0-or-later
#include "log_format_probe.h"

#include "file_walker.h"
#include "flow_record_shape.h"
#include "record_source.h"
#include "format/log_format.h"
#include "format/text_tokens.h"

namespace flowscope {

namespace {
// A JSON document may open with a few unusable events: look a little further.
constexpr int kMaxItemsLookedAt = 16;

std::size_t fieldCount(std::string_view record)
{
    std::size_t count = 0;
    bool comment = false;
    forEachToken(record, [&](std::string_view token) {
        if (comment || token.front() == '#') {
            comment = true; // a trailing comment is not a field
            return;
        }
        ++count;
    });
    return count;
}
} // namespace

LogFormatProbe probeLogFormat(const std::filesystem::path &file)
{
    LogFormatProbe probe;
    RecordSource source(file, std::nullopt);
    if (!source.open())
        return probe; // the import reports why it cannot read the file
    SourceItem item;
    for (int i = 0; i < kMaxItemsLookedAt && source.next(item); ++i) {
        if (item.kind != SourceItem::Kind::Record)
            continue;
        if (source.delivery() == Delivery::S3Text)
            return probe; // the header says which fields
        if (!looksLikeFlowRecord(item.text))
            continue; // not a record of any version: no format string reads it (the import refuses such a file)
        probe.firstRecord = std::string(trimLine(item.text));
        probe.fields = fieldCount(probe.firstRecord);
        probe.needsFormat = probe.fields != LogFormat::defaultV2().fields().size();
        return probe;
    }
    return probe;
}

LogFormatNeed findLogFormatNeed(const std::vector<std::filesystem::path> &inputs, const std::function<bool()> &cancelled)
{
    LogFormatNeed need;
    const WalkResult walk = collectInputFiles(inputs);
    for (const auto &file : walk.files) {
        if (cancelled && cancelled()) {
            need.cancelled = true;
            break;
        }
        ++need.filesSeen;
        LogFormatProbe probe = probeLogFormat(file);
        if (!probe.needsFormat)
            continue;
        if (need.files++ == 0) {
            need.exampleFile = file.string();
            need.example = std::move(probe);
        }
    }
    return need;
}

} // namespace flowscope
