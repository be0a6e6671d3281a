// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot_load_report.h"

#include "explain/snapshot_summary.h"
#include "explain/snapshot_timeline.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QStringList>

namespace flowscope {

namespace {

int countOf(const explain::SnapshotLoad &load, explain::SnapshotMessage::Severity severity)
{
    return static_cast<int>(std::count_if(load.messages.begin(), load.messages.end(),
                                          [severity](const explain::SnapshotMessage &m) { return m.severity == severity; }));
}

} // namespace

SnapshotLoadReport snapshotLoadReport(const explain::SnapshotImportOutcome &outcome, std::optional<qint64> firstRecord,
                                      std::optional<qint64> lastRecord)
{
    using Severity = explain::SnapshotMessage::Severity;
    const explain::SnapshotImport &imported = outcome.import;
    SnapshotLoadReport report;
    QStringList lines;
    for (const explain::SnapshotMessage &message : imported.load.messages)
        lines << (message.severity == Severity::Error ? QCoreApplication::translate("flowscope::SnapshotLoadReport", "error: ") : QCoreApplication::translate("flowscope::SnapshotLoadReport", "warning: ")) + message.toString();
    report.details = lines.join(u'\n');
    if (!outcome.error.isEmpty()) {
        report.text = QCoreApplication::translate("flowscope::SnapshotLoadReport", "The configuration snapshot was not loaded: %1").arg(outcome.error);
        report.summary = QCoreApplication::translate("flowscope::SnapshotLoadReport", "The configuration snapshot was not loaded.");
        return report;
    }
    if (imported.cancelled) {
        report.text = QCoreApplication::translate("flowscope::SnapshotLoadReport", "Loading the configuration snapshot was cancelled; the case is unchanged.");
        report.summary = report.text;
        return report;
    }
    if (!imported.isStored()) {
        const int errors = countOf(imported.load, Severity::Error);
        const auto first = std::find_if(imported.load.messages.begin(), imported.load.messages.end(),
                                        [](const explain::SnapshotMessage &m) { return m.severity == Severity::Error; });
        report.text = QCoreApplication::translate("flowscope::SnapshotLoadReport", "The configuration snapshot was refused, and the case is unchanged: %n error(s), the first: %1", nullptr, errors)
                          .arg(first == imported.load.messages.end() ? QString() : first->toString());
        report.summary = QCoreApplication::translate("flowscope::SnapshotLoadReport", "The configuration snapshot was refused: %n error(s).", nullptr, errors);
        return report;
    }
    report.ok = true;
    const int warnings = countOf(imported.load, Severity::Warning);
    report.text = QCoreApplication::translate("flowscope::SnapshotLoadReport", "Configuration snapshot %1 (%2), as of %3, loaded from %n file(s): %4.", nullptr, imported.load.filesLoaded)
                      .arg(imported.id)
                      .arg(imported.label, imported.asOf.toUTC().toString(Qt::ISODate),
                           explain::countSnapshot(imported.load.snapshot).toText());
    if (warnings > 0)
        report.text += u' '
            + QCoreApplication::translate("flowscope::SnapshotLoadReport", "%n reference(s) it cannot resolve: explanations that need them are inconclusive.", nullptr, warnings);
    const QString distance = explain::snapshotDistanceNote(imported.asOf, firstRecord, lastRecord);
    if (!distance.isEmpty())
        report.text += u' ' + QCoreApplication::translate("flowscope::SnapshotLoadReport", "It was %1.").arg(distance);
    report.summary = QCoreApplication::translate("flowscope::SnapshotLoadReport", "Configuration snapshot %1 loaded, as of %2.")
                         .arg(imported.id)
                         .arg(imported.asOf.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    if (warnings > 0)
        report.summary += u' ' + QCoreApplication::translate("flowscope::SnapshotLoadReport", "%n unresolved reference(s).", nullptr, warnings);
    if (!distance.isEmpty())
        report.summary += u' ' + QCoreApplication::translate("flowscope::SnapshotLoadReport", "Far from the records.");
    return report;
}

void showSnapshotLoadReport(QWidget *parent, const explain::SnapshotImportOutcome &outcome, std::optional<qint64> firstRecord,
                            std::optional<qint64> lastRecord)
{
    const SnapshotLoadReport report = snapshotLoadReport(outcome, firstRecord, lastRecord);
    const bool distant = !explain::snapshotDistanceNote(outcome.import.asOf, firstRecord, lastRecord).isEmpty();
    auto *box = new QMessageBox(report.ok && !distant ? QMessageBox::Information : QMessageBox::Warning, QCoreApplication::translate("flowscope::SnapshotLoadReport", "Configuration Snapshot"),
                                report.text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("snapshotLoadReport"));
    box->setDetailedText(report.details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace flowscope
