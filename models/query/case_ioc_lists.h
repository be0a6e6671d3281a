// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A case's IOC lists as the filter language reads them (`@name`), each list's
// indicators loaded once and shared while the list stays as it is.

#include "ioc_indicators.h"

#include <memory>
#include <string>

namespace flowscope {

class CaseDb;

// The indicators of the case's list `name`, or null when it holds none of
// that name. Safe to call from any thread, each with its own connection.
std::shared_ptr<const IocIndicatorSet> loadCaseIocList(CaseDb &caseDb, const std::string &name);

// A resolver over the case for FilterParseOptions::iocLists; it must not
// outlive caseDb.
IocListResolver caseIocLists(CaseDb &caseDb);

} // namespace flowscope
