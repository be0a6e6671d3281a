// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A table of a report: its header repeats on every page the rows run onto;
// its columns take the widths their content asks for (table_layout.h).

#include <QString>
#include <QList>
#include <QStringList>

#include <vector>

namespace flowscope::report {

struct ReportTable {
    QStringList headers;
    std::vector<QStringList> rows;
    QList<int> numericColumns; // aligned right
    double fontPoints = 8.5; // smaller where a column must hold a whole SHA-256
};

} // namespace flowscope::report
