// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A principal's ARN as a narrow column shows it: the resource, which names
// who acted ("user/alice"; for an assumed role its role and session,
// "deploy-pipeline/ci-run-4711"), then the account in parentheses;
// "arn:aws:sts::" says nothing a reader needs. Text that is no ARN comes
// back as it is. The CSV export keeps the ARN whole.

#include <QString>

namespace flowscope::cloudtrail {

QString shortPrincipal(const QString &principal);

} // namespace flowscope::cloudtrail
