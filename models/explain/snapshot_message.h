// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One finding of the snapshot loader: which file, which item, what is wrong.

#include <QString>

namespace flowscope::explain {

struct SnapshotMessage {
    enum class Severity {
        Error,   // the file was refused whole
        Warning, // the file loaded; explanations that need the item are inconclusive
    };
    Severity severity = Severity::Error;
    QString file;
    QString item; // "SecurityGroups[0] sg-… IpPermissions[1]", or "line 3, column 7"
    QString text;

    QString toString() const
    {
        return file + (item.isEmpty() ? QString() : QStringLiteral(": ") + item) + QStringLiteral(": ") + text;
    }
};

} // namespace flowscope::explain
