// SPDX-License-Identifier: GPL-3.0-or-later
#include "field_description.h"

#include <QCoreApplication>

namespace flowscope {

QString fieldDescription(Field field)
{
    // The catalogue's descriptions are string literals, so data() ends with a NUL.
    return QCoreApplication::translate("flowscope::FieldCatalog", fieldInfo(field).description.data());
}

QString logStatusMeaning(LogStatus status)
{
    switch (status) {
    case LogStatus::Ok:
        return QCoreApplication::translate("flowscope::LogStatus", "the interface's traffic was logged normally");
    case LogStatus::NoData:
        return QCoreApplication::translate("flowscope::LogStatus",
                                           "no traffic to or from the interface during the interval: a report, not a flow");
    case LogStatus::SkipData:
        return QCoreApplication::translate("flowscope::LogStatus",
                                           "records of the interval were skipped (a capacity limit or an internal error): "
                                           "traffic may be missing from the logs here");
    }
    return {};
}

} // namespace flowscope
