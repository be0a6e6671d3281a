// SPDX-License-Identifier: GPL-3.0-or-later
// Detection Settings: every detector's parameters from the registry with
// their defaults; an edited value is checked as `--set` checks it, kept in
// the settings when valid and given to the next Run Detections, and a bad
// one refused with the reason.

#include "detect/detection_settings.h"
#include "detect/detection_settings_dialog.h"
#include "detect/detector_registry.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace flowscope;

namespace {

int rowOf(QTableWidget *table, const QString &detector, const QString &setting)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, DetectionSettingsDialog::DetectorColumn)->text() == detector
            && table->item(row, DetectionSettingsDialog::SettingColumn)->text() == setting)
            return row;
    return -1;
}

} // namespace

class TestDetectionSettingsDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FlowscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_detectionsettingsdialog"));
    }
    void init() { QSettings().remove(QStringLiteral("detection")); }

    void listsEveryParameterWithItsDefault()
    {
        DetectionSettingsDialog dialog;
        QAbstractItemModelTester tester(dialog.table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        int expected = 0;
        for (const DetectorType &type : detectorTypes()) {
            const auto detector = type.make(); // the parameters point into it
            for (const DetectorParameter &p : detector->parameters()) {
                ++expected;
                const int row = rowOf(dialog.table(), QString::fromStdString(type.name), QString::fromStdString(p.name));
                QVERIFY2(row >= 0, p.name.c_str());
                QCOMPARE(dialog.table()->item(row, DetectionSettingsDialog::DefaultColumn)->text(),
                         QString::fromStdString(p.text()));
                QCOMPARE(dialog.table()->item(row, DetectionSettingsDialog::ValueColumn)->text(),
                         QString::fromStdString(p.text()));
                QCOMPARE(dialog.table()->item(row, DetectionSettingsDialog::MeaningColumn)->text(),
                         QString::fromStdString(p.help));
                QVERIFY(!(dialog.table()->item(row, DetectionSettingsDialog::DefaultColumn)->flags() & Qt::ItemIsEditable));
                QVERIFY(dialog.table()->item(row, DetectionSettingsDialog::ValueColumn)->flags() & Qt::ItemIsEditable);
            }
        }
        QCOMPARE(dialog.table()->rowCount(), expected);
        QVERIFY(dialog.changes().empty());
    }

    void keepsAValidChangeForTheNextRuns()
    {
        {
            DetectionSettingsDialog dialog;
            const int row = rowOf(dialog.table(), QStringLiteral("port-scan"), QStringLiteral("window-s"));
            QVERIFY(row >= 0);
            dialog.table()->item(row, DetectionSettingsDialog::ValueColumn)->setText(QStringLiteral("600"));
            dialog.show();
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(loadDetectorSettings(), (DetectorSettings{{"port-scan.window-s", "600"}}));
        // A run configured with them uses the value.
        const DetectorSelection selection = selectDetectors({"port-scan"}, loadDetectorSettings());
        QVERIFY(selection.error.empty());
        QCOMPARE(QString::fromStdString(describeParameters(selection.detectors)).contains(QStringLiteral("port-scan.window-s=600")),
                 true);

        DetectionSettingsDialog reopened;
        const int row = rowOf(reopened.table(), QStringLiteral("port-scan"), QStringLiteral("window-s"));
        QCOMPARE(reopened.table()->item(row, DetectionSettingsDialog::ValueColumn)->text(), QStringLiteral("600"));
        reopened.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::RestoreDefaults)->click();
        QVERIFY(reopened.changes().empty());
        reopened.accept();
        QVERIFY(loadDetectorSettings().empty());
    }

    void refusesABadValueWithTheReason()
    {
        DetectionSettingsDialog dialog;
        const int row = rowOf(dialog.table(), QStringLiteral("exfiltration"), QStringLiteral("min-bytes"));
        QVERIFY(row >= 0);
        dialog.table()->item(row, DetectionSettingsDialog::ValueColumn)->setText(QStringLiteral("lots"));
        dialog.show();
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(dialog.isVisible()); // stays open
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("settingsError"));
        QVERIFY(error && error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("exfiltration.min-bytes")), qPrintable(error->text()));
        QVERIFY2(error->text().contains(QStringLiteral("'lots'")), qPrintable(error->text()));
        QVERIFY(loadDetectorSettings().empty());
    }
};

QTEST_MAIN(TestDetectionSettingsDialog)
#include "tst_detectionsettingsdialog.moc"
