// SPDX-License-Identifier: GPL-3.0-or-later
#include "verdict_label.h"

#include <QCoreApplication>

namespace flowscope::explain {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("VerdictLabel", text);
}

} // namespace

QString recordVerdictLabel(RecordVerdict verdict)
{
    switch (verdict) {
    case RecordVerdict::SecurityGroup: return tr("Security group");
    case RecordVerdict::NetworkAcl: return tr("Network ACL");
    case RecordVerdict::SecurityGroupAndNetworkAcl: return tr("Security group and network ACL");
    case RecordVerdict::SecurityGroupOrNetworkAcl: return tr("Security group or network ACL");
    case RecordVerdict::BlockPublicAccess: return tr("Block Public Access");
    case RecordVerdict::Inconclusive: return tr("Inconclusive");
    case RecordVerdict::NotExplained: return tr("Not explained");
    }
    return {};
}

QString basisLabel(ExplanationBasis basis)
{
    return basis == ExplanationBasis::Config ? tr("Snapshot") : tr("Flow records");
}

} // namespace flowscope::explain
