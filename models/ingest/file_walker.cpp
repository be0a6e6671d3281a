// SPDX-License-Identifier: GPL-3.0-or-later
#include "file_walker.h"

#include <algorithm>
#include <set>

namespace flowscope {

namespace {

class Walker {
public:
    WalkResult result;

    void visit(const std::filesystem::path &path, bool explicitlyNamed)
    {
        std::error_code ec;
        const auto linkStatus = std::filesystem::symlink_status(path, ec);
        if (ec) {
            result.issues.push_back({path.string(), "cannot read: " + ec.message()});
            return;
        }
        if (!std::filesystem::exists(linkStatus)) {
            result.issues.push_back({path.string(), "no such file or folder"});
            return;
        }
        const auto status = std::filesystem::status(path, ec);
        if (std::filesystem::is_symlink(linkStatus) && (ec || !std::filesystem::exists(status))) {
            result.issues.push_back({path.string(), "broken symbolic link"});
            return;
        }
        if (std::filesystem::is_directory(status)) {
            visitFolder(path);
            return;
        }
        if (!std::filesystem::is_regular_file(status)) {
            result.issues.push_back({path.string(), "not a regular file"});
            return;
        }
        // Within folders, skip the hidden files that tools leave (.DS_Store, ._x).
        if (!explicitlyNamed && path.filename().string().starts_with('.'))
            return;
        // An AWSLogs tree's CloudTrail digests hold hashes of log files, no events.
        if (!explicitlyNamed && path.parent_path().string().find("CloudTrail-Digest") != std::string::npos)
            return;
        const auto canonical = std::filesystem::weakly_canonical(path, ec);
        if (!ec && !m_seenFiles.insert(canonical.string()).second)
            return; // the same file reached twice (a link or a repeated argument)
        result.files.push_back(path);
    }

private:
    void visitFolder(const std::filesystem::path &folder)
    {
        std::error_code ec;
        const auto canonical = std::filesystem::canonical(folder, ec);
        if (ec) {
            result.issues.push_back({folder.string(), "cannot resolve folder: " + ec.message()});
            return;
        }
        if (std::find(m_stack.begin(), m_stack.end(), canonical) != m_stack.end()) {
            result.issues.push_back({folder.string(), "symbolic link loop (leads back to " + canonical.string() + ")"});
            return;
        }
        if (!m_seenFolders.insert(canonical.string()).second)
            return; // already walked through another link
        std::vector<std::filesystem::path> entries;
        std::filesystem::directory_iterator it(folder, ec);
        if (ec) {
            result.issues.push_back({folder.string(), "cannot list folder: " + ec.message()});
            return;
        }
        for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
            if (ec) {
                result.issues.push_back({folder.string(), "cannot list folder: " + ec.message()});
                break;
            }
            entries.push_back(it->path());
        }
        std::sort(entries.begin(), entries.end());
        m_stack.push_back(canonical);
        for (const auto &entry : entries)
            visit(entry, false);
        m_stack.pop_back();
    }

    std::vector<std::filesystem::path> m_stack;
    std::set<std::string> m_seenFolders;
    std::set<std::string> m_seenFiles;
};

} // namespace

WalkResult collectInputFiles(const std::vector<std::filesystem::path> &inputs)
{
    Walker walker;
    for (const auto &input : inputs)
        walker.visit(input, true);
    return std::move(walker.result);
}

} // namespace flowscope
