// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A report request's sections one at a time, each from the request's cache
// or else read from its case (and then kept in the cache): the case is
// opened and the filter compiled only once a section has to be read. Tells
// where it is (section N of M, which one) so the window can say so.

#include "report_export_job.h"

#include <memory>
#include <optional>

namespace flowscope {
class CaseDb;
class CaseFilter;
} // namespace flowscope

namespace flowscope::report {

// `done` of the `total` sections this read has to take from the case;
// `reading`: the one under way, none when between reads or done.
struct SectionProgress {
    int done = 0;
    int total = 0;
    std::optional<ReportPart> reading;
};
using SectionProgressFn = std::function<void(const SectionProgress &)>;

class SectionReads {
public:
    // Throws std::runtime_error when a read finds the filter invalid.
    SectionReads(const ReportRequest &request, ReportCancelled cancelled, SectionProgressFn progress = {});
    ~SectionReads();
    SectionReads(const SectionReads &) = delete;
    SectionReads &operator=(const SectionReads &) = delete;

    // The section of request.parts[index]; throws ReportStopped when cancelled.
    std::shared_ptr<const ReportSection> at(std::size_t index);
    // Every section of the request, in its order.
    ReportSections all();
    // Whether request.parts[index] is at hand without reading the case.
    bool isRead(std::size_t index) const { return m_sections.at(index) != nullptr; }

private:
    void open();
    void tell(std::optional<ReportPart> reading) const;

    const ReportRequest &m_request;
    const ReportCancelled m_cancelled;
    const SectionProgressFn m_progress;
    std::vector<std::shared_ptr<const ReportSection>> m_sections;
    int m_toRead = 0;
    int m_read = 0;
    std::unique_ptr<CaseDb> m_caseDb;
    std::shared_ptr<const CaseFilter> m_filter;
};

// A section kept in the cache, drawn as itself (the report owns its sections).
ReportSections sharedSections(const std::vector<std::shared_ptr<const ReportSection>> &sections);

} // namespace flowscope::report
