// SPDX-License-Identifier: GPL-3.0-or-later
#include "field_description.h"

#include <QCoreApplication>

namespace flowscope {

QString fieldDescription(Field field)
{
    // The catalogue's descriptions are string literals, so data() ends with a NUL.
    return QCoreApplication::translate("flowscope::FieldCatalog", fieldInfo(field).description.data());
}

} // namespace flowscope
