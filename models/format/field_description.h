// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A field's description (FieldInfo::description) in the language the
// application shows: the catalogue marks them for translation under the
// context flowscope::FieldCatalog.

#include "field_catalog.h"
#include "flow_record.h"

#include <QString>

namespace flowscope {

QString fieldDescription(Field field);

// What a log-status value says of the record, after AWS's flow-log record
// reference: NODATA and SKIPDATA are reports of a gap, not flows.
QString logStatusMeaning(LogStatus status);

} // namespace flowscope
