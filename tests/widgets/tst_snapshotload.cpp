// SPDX-License-Identifier: GPL-3.0-or-later
// The configuration snapshot dialog (paths, an optional as-of time, a label)
// and the report of a load: stored with its counts and warnings, or refused
// naming the file and item.

#include "snapshot_load_dialog.h"
#include "snapshot_load_report.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::explain;

namespace {

SnapshotImportOutcome storedOutcome(int warnings)
{
    SnapshotImportOutcome outcome;
    outcome.casePath = QStringLiteral("/cases/a.flowcase");
    outcome.import.id = 3;
    outcome.import.label = QStringLiteral("prod");
    outcome.import.asOf = QDateTime::fromSecsSinceEpoch(1772355600, Qt::UTC);
    outcome.import.load.filesLoaded = 2;
    outcome.import.load.snapshot.securityGroups[QStringLiteral("sg-1")].id = QStringLiteral("sg-1");
    outcome.import.load.snapshot.networkAcls[QStringLiteral("acl-1")].id = QStringLiteral("acl-1");
    for (int i = 0; i < warnings; ++i)
        outcome.import.load.messages.push_back({SnapshotMessage::Severity::Warning, QStringLiteral("/in/groups.json"),
                                                QStringLiteral("sg-1 inbound tcp"), QStringLiteral("references group sg-0far")});
    return outcome;
}

} // namespace

class TestSnapshotLoad : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dialogAsksForPathsAndAValidTime()
    {
        SnapshotLoadDialog dialog(QStringLiteral("/tmp"));
        QPushButton *load = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!dialog.request());
        QVERIFY(!load->isEnabled());
        dialog.addPaths({QStringLiteral("/in/groups.json"), QStringLiteral("/in/config"), QStringLiteral("/in/groups.json")});
        QVERIFY(load->isEnabled());
        auto request = dialog.request();
        QVERIFY(request);
        QCOMPARE(request->paths, (QStringList{QStringLiteral("/in/groups.json"), QStringLiteral("/in/config")}));
        QVERIFY(!request->asOf); // the newest file time

        auto *asOf = dialog.findChild<QLineEdit *>(QStringLiteral("snapshotAsOf"));
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("snapshotAsOfNote"));
        QTest::keyClicks(asOf, QStringLiteral("yesterday"));
        QVERIFY(!load->isEnabled());
        QCOMPARE(note->text(), QStringLiteral("'yesterday' is not a time."));
        asOf->setText(QStringLiteral("2026-03-01T10:00:00+01:00"));
        QVERIFY(load->isEnabled());
        QVERIFY2(note->text().startsWith(u"ISO 8601"), qPrintable(note->text()));
        dialog.setLabel(QStringLiteral("  before the change "));
        request = dialog.request();
        QCOMPARE(request->asOf.value_or(0), qint64(1772355600));
        QCOMPARE(request->label, QStringLiteral("before the change"));
    }

    // As the import dialogs do, it names the case the snapshot goes into, and
    // its text names every kind of document it accepts, prefix lists too.
    void dialogNamesTheCaseAndWhatItAccepts()
    {
        SnapshotLoadDialog dialog(QStringLiteral("/tmp"));
        dialog.setCaseName(QStringLiteral("incident.flowcase"));
        QVERIFY2(dialog.windowTitle().endsWith(u"into incident.flowcase"), qPrintable(dialog.windowTitle()));
        const QString load = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->text();
        QVERIFY2(load.contains(u"incident.flowcase"), qPrintable(load));
        QString intro;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            intro += label->text();
        for (const char *command : {"describe-prefix-lists", "describe-managed-prefix-lists", "get-managed-prefix-list-entries",
                                    "describe-security-groups", "describe-route-tables"})
            QVERIFY2(intro.contains(QLatin1String(command)), command);
    }

    // The time defaults to the files' modification time: nine months after the
    // case's records, the dialog and the report after loading warn of it.
    void warnsOfASnapshotFarFromTheRecords()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("groups.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{\"SecurityGroups\": []}");
        out.close();
        const QDateTime modified = QDateTime::fromSecsSinceEpoch(1772355600, Qt::UTC); // 2026-03-01T09:00:00Z
        QVERIFY(out.open(QIODevice::ReadWrite));
        QVERIFY(out.setFileTime(modified, QFileDevice::FileModificationTime));
        out.close();
        const qint64 day = 24 * 3600;
        const qint64 last = modified.toSecsSinceEpoch() - 275 * day;

        SnapshotLoadDialog dialog(dir.path());
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("snapshotDistanceNote"));
        QVERIFY(note);
        dialog.setCaseRecords(last - day, last);
        dialog.addPaths({file});
        QVERIFY2(note->text().contains(u"taken 9 months after the case's last record"), qPrintable(note->text()));
        QVERIFY(!note->isHidden());
        // A time given near the records: no warning.
        dialog.findChild<QLineEdit *>(QStringLiteral("snapshotAsOf"))
            ->setText(QDateTime::fromSecsSinceEpoch(last, Qt::UTC).toString(Qt::ISODate));
        QVERIFY(note->text().isEmpty());
        QVERIFY(note->isHidden());

        const SnapshotLoadReport report = snapshotLoadReport(storedOutcome(0), last - day, last);
        QVERIFY2(report.text.contains(u"taken 9 months after the case's last record: explanations of earlier records may "
                                      u"not match the configuration then"),
                 qPrintable(report.text));
        QVERIFY(!snapshotLoadReport(storedOutcome(0)).text.contains(u"taken"));
        QVERIFY2(report.summary.endsWith(u"Far from the records."), qPrintable(report.summary));
    }

    void reportsWhatWasStored()
    {
        const SnapshotLoadReport report = snapshotLoadReport(storedOutcome(0));
        QVERIFY(report.ok);
        QVERIFY2(report.text.startsWith(u"Configuration snapshot 3 (prod), as of 2026-03-01T09:00:00Z, loaded from 2 file"),
                 qPrintable(report.text));
        QVERIFY2(report.text.contains(u"1 security group"), qPrintable(report.text));
        QVERIFY2(report.text.contains(u"1 network ACL"), qPrintable(report.text));
        QVERIFY(!report.text.contains(u"cannot resolve"));
        QVERIFY(report.details.isEmpty());

        const SnapshotLoadReport warned = snapshotLoadReport(storedOutcome(2));
        QVERIFY(warned.ok);
        QVERIFY2(warned.text.contains(u"cannot resolve"), qPrintable(warned.text));
        QCOMPARE(warned.details.count(u'\n'), 1);
        QVERIFY(warned.details.startsWith(u"warning: /in/groups.json: sg-1 inbound tcp: references group sg-0far"));

        // The status bar's few words: which snapshot, as of when; the counts stay in the paragraph.
        QCOMPARE(report.summary, QStringLiteral("Configuration snapshot 3 loaded, as of 2026-03-01 09:00 UTC."));
        QVERIFY(report.summary.size() < report.text.size());
        QVERIFY2(warned.summary.startsWith(u"Configuration snapshot 3 loaded, as of 2026-03-01 09:00 UTC. 2 unresolved reference"),
                 qPrintable(warned.summary));
    }

    void reportsARefusalNamingFileAndItem()
    {
        SnapshotImportOutcome outcome;
        outcome.import.load.filesRefused = 1;
        outcome.import.load.messages.push_back({SnapshotMessage::Severity::Error, QStringLiteral("/in/acls.json"),
                                                QStringLiteral("line 2, column 20"), QStringLiteral("malformed or truncated JSON")});
        const SnapshotLoadReport report = snapshotLoadReport(outcome);
        QVERIFY(!report.ok);
        QVERIFY2(report.text.contains(u"refused, and the case is unchanged"), qPrintable(report.text));
        QVERIFY2(report.text.endsWith(u"/in/acls.json: line 2, column 20: malformed or truncated JSON"), qPrintable(report.text));
        QCOMPARE(report.details, QStringLiteral("error: /in/acls.json: line 2, column 20: malformed or truncated JSON"));

        SnapshotImportOutcome failed;
        failed.error = QStringLiteral("case '/cases/x.flowcase' does not exist");
        QVERIFY(snapshotLoadReport(failed).text.endsWith(u"case '/cases/x.flowcase' does not exist"));
        SnapshotImportOutcome cancelled;
        cancelled.import.cancelled = true;
        QVERIFY(snapshotLoadReport(cancelled).text.contains(u"cancelled"));
    }
};

QTEST_MAIN(TestSnapshotLoad)
#include "tst_snapshotload.moc"
