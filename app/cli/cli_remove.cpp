// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_commands.h"
#include "cli_output.h"

#include "store/case_db.h"
#include "store/file_removal.h"
#include "store/sqlite_handle.h"

#include <iostream>

namespace flowscope::cli {

namespace {

const char *const kUsage = "Usage: flowscope-cli remove CASE FILE-ID|SHA256 [--json]\n"
                           "       flowscope-cli remove CASE --list [--json]\n";

void printFiles(CaseDb &caseDb, bool json)
{
    Statement s(caseDb.handle(), "SELECT id, sha256, records, path FROM source_file ORDER BY id");
    if (json)
        std::cout << '[';
    for (bool first = true; s.step(); first = false) {
        if (json)
            std::cout << (first ? "" : ",") << "{\"id\":" << s.int64(0) << ",\"sha256\":" << jsonString(s.text(1))
                      << ",\"records\":" << s.int64(2) << ",\"path\":" << jsonString(s.text(3)) << '}';
        else
            std::cout << s.int64(0) << '\t' << s.text(1) << '\t' << s.int64(2) << '\t' << s.text(3) << '\n';
    }
    if (json)
        std::cout << "]\n";
}

void printResult(const FileRemovalResult &r, bool json)
{
    if (json) {
        std::cout << "{\"file\":" << jsonString(r.file.path) << ",\"id\":" << r.file.id
                  << ",\"sha256\":" << jsonString(r.file.sha256) << ",\"records\":" << r.file.records
                  << ",\"blocks\":" << r.blocks << ",\"import_errors\":" << r.importErrors
                  << ",\"marked_records\":" << r.markedRecords << ",\"notes\":" << r.notes
                  << ",\"detection_runs\":" << r.detectionRuns << "}\n";
        return;
    }
    std::cout << "Removed " << r.file.path << " (id " << r.file.id << ", SHA-256 " << r.file.sha256 << "): "
              << r.file.records << " records in " << r.blocks << " blocks, " << r.importErrors
              << " import errors, " << r.markedRecords << " starred or tagged records, " << r.notes << " notes\n";
    if (r.detectionRuns > 0)
        std::cout << "Dropped the findings of " << r.detectionRuns
                  << " detectors (they counted the file's records): run detect again\n";
}

} // namespace

int runRemove(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {}, {"json", "list"});
    const std::size_t wanted = arguments.flag("list") ? 1 : 2;
    if (!arguments.ok() || arguments.positional().size() != wanted) {
        std::cerr << "flowscope-cli remove: "
                  << (arguments.ok() ? "needs a CASE and one FILE-ID or SHA256" : arguments.error()) << '\n'
                  << kUsage;
        return ExitFatal;
    }
    const std::string &casePath = arguments.positional()[0];
    try {
        if (arguments.flag("list")) {
            auto caseDb = CaseDb::open(casePath, CaseDb::Mode::ReadOnly);
            printFiles(*caseDb, arguments.flag("json"));
            return ExitOk;
        }
        const std::string &which = arguments.positional()[1];
        auto caseDb = CaseDb::open(casePath, CaseDb::Mode::ReadWrite);
        const std::optional<CaseFileRef> file = findCaseFile(caseDb->handle(), which);
        if (!file) {
            std::cerr << "flowscope-cli remove: " << casePath << ": no imported file has the id or SHA-256 '" << which
                      << "' (remove CASE --list lists them)\n";
            return ExitRejected;
        }
        Transaction transaction(caseDb->handle());
        const FileRemovalResult result = removeFileFromCase(caseDb->handle(), file->id);
        transaction.commit();
        printResult(result, arguments.flag("json"));
    } catch (const FileRemovalRefused &refused) {
        std::cerr << "flowscope-cli remove: " << casePath << ": " << refused.what() << "; the case is unchanged\n";
        return ExitRejected;
    } catch (const std::exception &error) {
        std::cerr << "flowscope-cli remove: " << casePath << ": " << error.what() << '\n';
        return ExitFatal;
    }
    return ExitOk;
}

} // namespace flowscope::cli
