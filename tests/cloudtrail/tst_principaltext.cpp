// SPDX-License-Identifier: GPL-3.0-or-later
// A principal's ARN shortened for a narrow column: who acted and the
// account, the rest of the ARN left out; anything else as it is.

#include "cloudtrail/principal_text.h"

#include <QTest>

using flowscope::cloudtrail::shortPrincipal;

class TestPrincipalText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shortens_data()
    {
        QTest::addColumn<QString>("principal");
        QTest::addColumn<QString>("shown");
        QTest::newRow("assumed role") << "arn:aws:sts::123456789012:assumed-role/deploy-pipeline/ci-run-4711"
                                      << "deploy-pipeline/ci-run-4711 (123456789012)";
        QTest::newRow("user") << "arn:aws:iam::123456789012:user/alice" << "user/alice (123456789012)";
        QTest::newRow("colon in resource") << "arn:aws:iam::1:a:b" << "a:b (1)";
        QTest::newRow("no account") << "arn:aws:s3:::bucket" << "bucket";
        QTest::newRow("no resource") << "arn:aws:iam::1:" << "arn:aws:iam::1:";
        QTest::newRow("not an arn") << "j.okafor" << "j.okafor";
        QTest::newRow("empty") << "" << "";
    }

    void shortens()
    {
        QFETCH(QString, principal);
        QFETCH(QString, shown);
        QCOMPARE(shortPrincipal(principal), shown);
    }
};

QTEST_APPLESS_MAIN(TestPrincipalText)
#include "tst_principaltext.moc"
