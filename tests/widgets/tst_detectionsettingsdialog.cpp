// SPDX-License-Identifier: GPL-3.0-or-later
// Detection Settings: every detector's parameters from the registry with
// their defaults, each in an editor of its kind (spin boxes, check boxes,
// byte counts with units); a value is checked as it is typed, as `--set`
// checks it, with the reason beside it; kept in the settings when valid and
// given to the next Run Detections.

#include "detect/detection_settings.h"
#include "detect/detection_settings_dialog.h"
#include "detect/detector_registry.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QSpinBox>
#include <QTest>

using namespace flowscope;

namespace {

QDialogButtonBox *buttonsOf(const DetectionSettingsDialog &dialog) { return dialog.findChild<QDialogButtonBox *>(); }

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

    // Each parameter in an editor of its kind, showing its default: numbers
    // in spin boxes (seconds with their unit), yes/no in a check box, byte
    // counts with units, and its meaning beside it.
    void everyParameterInAnEditorOfItsKind()
    {
        DetectionSettingsDialog dialog;
        QStringList expected;
        for (const DetectorType &type : detectorTypes()) {
            const auto detector = type.make(); // the parameters point into it
            for (const DetectorParameter &p : detector->parameters()) {
                const QString name = QString::fromStdString(type.name + '.' + p.name);
                expected << name;
                QWidget *editor = dialog.editor(name);
                QVERIFY2(editor, qPrintable(name));
                QVERIFY2(dialog.problem(name).isEmpty(), qPrintable(name));
                const QString value = QString::fromStdString(p.text());
                switch (p.kind) {
                case DetectorParameter::Kind::Count:
                case DetectorParameter::Kind::Seconds: {
                    auto *spin = qobject_cast<QSpinBox *>(editor);
                    QVERIFY2(spin, qPrintable(name));
                    QCOMPARE(QString::number(spin->value()), value);
                    QCOMPARE(spin->suffix(), p.kind == DetectorParameter::Kind::Seconds ? QStringLiteral(" s") : QString());
                    break;
                }
                case DetectorParameter::Kind::Flag: {
                    auto *box = qobject_cast<QCheckBox *>(editor);
                    QVERIFY2(box, qPrintable(name));
                    QCOMPARE(box->isChecked(), value == QLatin1String("1"));
                    break;
                }
                case DetectorParameter::Kind::Bytes: {
                    auto *line = qobject_cast<QLineEdit *>(editor);
                    QVERIFY2(line, qPrintable(name));
                    QCOMPARE(line->text(), DetectionSettingsDialog::bytesText(value.toLongLong()));
                    break;
                }
                case DetectorParameter::Kind::Ratio:
                case DetectorParameter::Kind::Ports: {
                    auto *line = qobject_cast<QLineEdit *>(editor);
                    QVERIFY2(line, qPrintable(name));
                    QCOMPARE(line->text(), value);
                    break;
                }
                }
                auto *note = dialog.findChild<QLabel *>(name + QStringLiteral(".note"));
                QVERIFY(note);
                QVERIFY2(note->text().startsWith(QString::fromStdString(p.help)), qPrintable(note->text()));
            }
        }
        QCOMPARE(dialog.names(), expected);
        QVERIFY(dialog.changes().empty());
        QVERIFY(buttonsOf(dialog)->button(QDialogButtonBox::Ok)->isEnabled());
    }

    void bytesReadWithTheirUnits_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("decimal megabytes") << qint64(500'000'000) << "500 MB";
        QTest::newRow("binary gibibytes") << (qint64(2) << 30) << "2 GiB";
        QTest::newRow("kilobytes") << qint64(64'000) << "64 kB";
        QTest::newRow("odd count") << qint64(1'234'567) << "1234567 B";
        QTest::newRow("zero") << qint64(0) << "0 B";
    }

    void bytesReadWithTheirUnits()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, text);
        QCOMPARE(DetectionSettingsDialog::bytesText(bytes), text);
        // And read back to the same count, as `--set` reads it.
        std::int64_t parsed = -1;
        DetectorParameter p = bytesParameter("b", "", parsed);
        QVERIFY(!p.set(QString(text).remove(u' ').toStdString()));
        QCOMPARE(qint64(parsed), bytes);
    }

    void keepsAValidChangeForTheNextRuns()
    {
        {
            DetectionSettingsDialog dialog;
            auto *window = qobject_cast<QSpinBox *>(dialog.editor(QStringLiteral("port-scan.window-s")));
            QVERIFY(window);
            window->setValue(600);
            auto *bytes = qobject_cast<QLineEdit *>(dialog.editor(QStringLiteral("exfiltration.min-bytes")));
            QVERIFY(bytes);
            bytes->setText(QStringLiteral("2 GiB"));
            dialog.show();
            buttonsOf(dialog)->button(QDialogButtonBox::Ok)->click();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(loadDetectorSettings(),
                 (DetectorSettings{{"exfiltration.min-bytes", std::to_string(2LL << 30)}, {"port-scan.window-s", "600"}}));
        // A run configured with them uses the value.
        const DetectorSelection selection = selectDetectors({"port-scan"}, loadDetectorSettings());
        QVERIFY(selection.error.empty());
        QVERIFY(QString::fromStdString(describeParameters(selection.detectors)).contains(QStringLiteral("port-scan.window-s=600")));

        DetectionSettingsDialog reopened;
        QCOMPARE(qobject_cast<QSpinBox *>(reopened.editor(QStringLiteral("port-scan.window-s")))->value(), 600);
        QCOMPARE(qobject_cast<QLineEdit *>(reopened.editor(QStringLiteral("exfiltration.min-bytes")))->text(), QStringLiteral("2 GiB"));
        buttonsOf(reopened)->button(QDialogButtonBox::RestoreDefaults)->click();
        QVERIFY(reopened.changes().empty());
        reopened.accept();
        QVERIFY(loadDetectorSettings().empty());
    }

    void aBooleanIsACheckBox()
    {
        bool was = false;
        {
            DetectionSettingsDialog dialog;
            auto *box = qobject_cast<QCheckBox *>(dialog.editor(QStringLiteral("beaconing.external-only")));
            QVERIFY(box);
            was = box->isChecked();
            box->click();
            QCOMPARE(dialog.changes(), (DetectorSettings{{"beaconing.external-only", was ? "0" : "1"}}));
            dialog.accept();
        }
        DetectionSettingsDialog reopened;
        QCOMPARE(qobject_cast<QCheckBox *>(reopened.editor(QStringLiteral("beaconing.external-only")))->isChecked(), !was);
        QCOMPARE(reopened.changes().size(), std::size_t(1));
    }

    // Checked as it is typed: the reason beside the field and OK off until it is fixed.
    void aBadValueIsShownAsItIsTyped_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("bytes") << "exfiltration.min-bytes" << "lots" << "needs a byte count";
        QTest::newRow("unknown unit") << "exfiltration.min-bytes" << "5 parsecs" << "needs a byte count";
        QTest::newRow("ratio") << "beaconing.min-score" << "high" << "needs a number";
        QTest::newRow("port out of range") << "lateral-movement.ports" << "22, 70000" << "needs ports from 0 to 65535";
        QTest::newRow("empty") << "lateral-movement.ports" << "" << "needs a value";
    }

    void aBadValueIsShownAsItIsTyped()
    {
        QFETCH(QString, setting);
        QFETCH(QString, text);
        QFETCH(QString, reason);
        DetectionSettingsDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *line = qobject_cast<QLineEdit *>(dialog.editor(setting));
        QVERIFY(line);
        const QString good = line->text();
        line->selectAll();
        QTest::keyClick(line, Qt::Key_Delete);
        QTest::keyClicks(line, text);
        QVERIFY2(dialog.problem(setting).startsWith(reason), qPrintable(dialog.problem(setting)));
        auto *note = dialog.findChild<QLabel *>(setting + QStringLiteral(".note"));
        QVERIFY(note && note->isVisible());
        QVERIFY2(note->text().contains(reason), qPrintable(note->text()));
        QPushButton *ok = buttonsOf(dialog)->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        dialog.accept(); // Enter in the dialog: refused with the setting named
        QVERIFY(dialog.isVisible());
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("settingsError"));
        QVERIFY(error && error->isVisible());
        QVERIFY2(error->text().contains(setting), qPrintable(error->text()));
        QVERIFY(loadDetectorSettings().empty());

        // Fixed: the reason goes and OK comes back.
        line->setText(good);
        QVERIFY(dialog.problem(setting).isEmpty());
        QVERIFY(ok->isEnabled());
        QVERIFY(!error->isVisible());
    }
};

QTEST_MAIN(TestDetectionSettingsDialog)
#include "tst_detectionsettingsdialog.moc"
