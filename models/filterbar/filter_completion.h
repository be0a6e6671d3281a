// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What can be typed at the cursor of a display filter: a field name where a
// term starts, an operator after a field, a named value (protocol, action,
// TCP flag, ...) or a value from the case (addresses, ports, ENIs, accounts)
// after an operator, and 'and'/'or' after a complete term. The completion
// replaces the word under the cursor, never the whole line.

#include <QList>
#include <QString>
#include <QStringList>

namespace flowscope {

struct CaseValues;
class InterfaceAttributes;
class RecordMarks;

enum class FilterCompletionKind { None, FieldName, Operator, Value, Connective };

struct FilterCompletionCandidate {
    QString text;        // as inserted
    QString description; // for a tooltip; may be empty
};

struct FilterCompletion {
    FilterCompletionKind kind = FilterCompletionKind::None;
    QString target;       // the field or shorthand an operator or value is for
    int replaceStart = 0; // the word under the cursor, in QString indices
    int replaceEnd = 0;
    QString prefix;       // the part of that word before the cursor
    QString suffix;       // typed after a chosen candidate (a space after names and operators)
    QList<FilterCompletionCandidate> candidates; // all that fit here, most useful first

    // The candidates that start with the prefix (case-insensitive).
    QStringList matching() const;
};

// `values` adds the case's own values where a value is expected;
// `attributes`, the configuration snapshot's values of security-group,
// instance-name, subnet-name and vpc-name; `marks`, the tags of the case.
FilterCompletion completeFilter(const QString &text, int cursor, const CaseValues *values = nullptr,
                                const InterfaceAttributes *attributes = nullptr, const RecordMarks *marks = nullptr);

struct CompletedText {
    QString text;
    int cursor = 0;
};
// The text with the word under the cursor replaced by `candidate`.
CompletedText applyCompletion(const QString &text, const FilterCompletion &completion, const QString &candidate);

} // namespace flowscope
