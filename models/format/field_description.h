// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A field's description (FieldInfo::description) in the language the
// application shows: the catalogue marks them for translation under the
// context flowscope::FieldCatalog.

#include "field_catalog.h"

#include <QString>

namespace flowscope {

QString fieldDescription(Field field);

} // namespace flowscope
