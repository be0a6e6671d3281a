// SPDX-License-Identifier: GPL-3.0-or-later
#include "ephemeral_ports.h"

#include <QCoreApplication>

namespace flowscope::explain {

EphemeralRange ephemeralRangeOf(const ConfigSnapshot &snapshot, const NetworkInterface *eni)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("flowscope::explain::Explainer", text); };
    if (!eni)
        return {1024, 65535, tr("an unknown client")};
    if (eni->type != u"interface" && !eni->type.isEmpty())
        return {1024, 65535, tr("a NAT gateway, load balancer or Lambda")};
    const Instance *instance = findById(snapshot.instances, eni->instanceId);
    if (!instance)
        return {1024, 65535, tr("an unknown client")};
    if (instance->platform.compare(u"windows", Qt::CaseInsensitive) == 0)
        return {49152, 65535, tr("Windows")};
    return {32768, 61000, tr("Linux")};
}

} // namespace flowscope::explain
