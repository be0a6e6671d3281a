// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The explainer's tables fit their columns to what they hold: a column that
// is "-" (or empty) on every row is hidden, as the Component and Rule of
// rejects explained without a snapshot; the others get the width of their
// widest value and header, a long text column no more than `maxWidth` (its
// cells elide, the full text in the tooltip).

class QTableView;

namespace flowscope {

void fitColumnsToContent(QTableView *table, int maxWidth);

// True when every row shows "-" or nothing in `column`.
bool isColumnEmpty(const QTableView *table, int column);

} // namespace flowscope
