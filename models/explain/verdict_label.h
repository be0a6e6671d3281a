// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A verdict and its basis as people read them ("Security group", "Network
// ACL"), for every place that shows them to the analyst: the Rejects tab,
// the Why Rejected? panel and the PDF report. The machine names
// (recordVerdictName) stay for the CSV and JSON a tool reads.

#include "record_explanation.h"

#include <QString>

namespace flowscope::explain {

QString recordVerdictLabel(RecordVerdict verdict);
// "Snapshot" when a configuration snapshot decided, "Flow records" when the records alone did.
QString basisLabel(ExplanationBasis basis);

} // namespace flowscope::explain
