// SPDX-License-Identifier: GPL-3.0-or-later
#include "flows_evidence_text.h"

#include <QCoreApplication>
#include <QStringList>

namespace flowscope {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("WhyRejectedPanel", text); }

QString actionWord(const explain::EvidenceRecord &record) { return record.accepted ? tr("ACCEPT") : tr("REJECT"); }

} // namespace

QString flowsEvidenceText(const explain::RecordExplanation &e)
{
    using namespace explain;
    const bool reply = e.role == FlowRole::Reply;
    const QString way = e.direction == FlowDirection::Egress ? tr("outbound") : tr("inbound");
    QStringList sentences;
    sentences << (reply ? tr("This reply was logged %1 by %2.") : tr("This request was logged %1 by %2.")).arg(way, e.interfaceId);
    bool sameInterface = false;
    bool otherEnd = false;
    for (const EvidenceRecord &record : e.evidence) {
        switch (record.role) {
        case EvidenceRole::Request:
            sameInterface = true;
            sentences << tr("Its request is record %1 there (%2).").arg(record.id).arg(actionWord(record));
            break;
        case EvidenceRole::Reply:
            sameInterface = true;
            sentences << tr("Its reply is record %1 there (%2).").arg(record.id).arg(actionWord(record));
            break;
        case EvidenceRole::PeerRequest:
            otherEnd = true;
            sentences << (record.accepted && !reply
                              ? tr("%1 at the other end logged the request as record %2 (ACCEPT): it left there and was "
                                   "rejected entering %3.")
                                    .arg(record.interfaceId)
                                    .arg(record.id)
                                    .arg(e.interfaceId)
                              : tr("%1 at the other end logged the request as record %2 (%3).")
                                    .arg(record.interfaceId)
                                    .arg(record.id)
                                    .arg(actionWord(record)));
            break;
        case EvidenceRole::PeerReply:
            otherEnd = true;
            sentences << tr("%1 at the other end logged the reply as record %2 (%3).")
                             .arg(record.interfaceId)
                             .arg(record.id)
                             .arg(actionWord(record));
            break;
        }
    }
    if (!sameInterface)
        sentences << (reply ? tr("No request for it lies nearby on %1: a network ACL, or a packet after the connection "
                                 "closed, is likelier than a security group.")
                            : tr("No reply to it lies nearby on %1."))
                               .arg(e.interfaceId);
    if (!otherEnd)
        sentences << tr("No interface of the case logged it at the other end (that end may not be logged).");
    return sentences.join(u' ');
}

} // namespace flowscope
