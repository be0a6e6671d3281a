// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A table of a report: its header repeats on every page the rows run onto.

#include <QString>
#include <QStringList>

#include <vector>

namespace flowscope::report {

struct ReportTable {
    QStringList headers;
    std::vector<double> widths; // relative column widths, one per header
    std::vector<QStringList> rows;
    double fontPoints = 8.5; // smaller where a column must hold a whole SHA-256
};

} // namespace flowscope::report
