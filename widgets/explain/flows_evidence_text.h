// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// When the flow records alone cannot name the layer that rejected a record,
// the verdict already says so: what adds to it is what the records beside it
// show, which counterparts were found (request, reply, the other end's
// record) and which are missing.

#include "explain/record_explanation.h"

#include <QString>

namespace flowscope {

QString flowsEvidenceText(const explain::RecordExplanation &explanation);

} // namespace flowscope
