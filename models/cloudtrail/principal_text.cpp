// SPDX-License-Identifier: GPL-3.0-or-later
#include "principal_text.h"

#include <QStringList>

namespace flowscope::cloudtrail {

QString shortPrincipal(const QString &principal)
{
    // arn:partition:service:region:account:resource (the resource may hold colons)
    if (!principal.startsWith(QLatin1String("arn:")))
        return principal;
    const QString account = principal.section(QLatin1Char(':'), 4, 4);
    const QString resource = principal.section(QLatin1Char(':'), 5);
    if (resource.isEmpty())
        return principal;
    // An assumed role's session: the role and the session name say who.
    if (resource.startsWith(QLatin1String("assumed-role/")))
        return QStringLiteral("%1 (%2)").arg(resource.mid(int(qstrlen("assumed-role/"))), account);
    return account.isEmpty() ? resource : QStringLiteral("%1 (%2)").arg(resource, account);
}

} // namespace flowscope::cloudtrail
