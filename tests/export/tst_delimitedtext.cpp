// SPDX-License-Identifier: GPL-3.0-or-later
// CSV and TSV fields and rows, as files, the CLI and the clipboard write them.

#include "export/delimited_text.h"

#include <QAbstractTableModel>
#include <QTest>

using namespace flowscope;

namespace {
// A fixed two-column table, with no GUI module needed.
class FixedTable : public QAbstractTableModel {
public:
    QList<QStringList> cells{{QStringLiteral("10.0.0.1"), QStringLiteral("a,b")},
                             {QStringLiteral("say \"hi\""), QStringLiteral("two\nlines")}};
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(cells.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 2; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        return role == Qt::DisplayRole ? QVariant(cells[index.row()][index.column()]) : QVariant();
    }
    QVariant headerData(int section, Qt::Orientation, int role) const override
    {
        return role == Qt::DisplayRole ? QVariant(section == 0 ? QStringLiteral("Source") : QStringLiteral("Note")) : QVariant();
    }
};
} // namespace

class TestDelimitedText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fields_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("tsv");
        QTest::newRow("plain") << "eni-0a1b" << "eni-0a1b" << "eni-0a1b";
        QTest::newRow("empty") << "" << "" << "";
        QTest::newRow("comma") << "a,b" << "\"a,b\"" << "a,b";
        QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"" << "say \"hi\"";
        QTest::newRow("newline") << "two\nlines" << "\"two\nlines\"" << "two lines";
        QTest::newRow("crlf") << "a\r\nb" << "\"a\r\nb\"" << "a  b";
        QTest::newRow("tab") << "a\tb" << "a\tb" << "a b";
        QTest::newRow("ipv6") << "2001:db8::1" << "2001:db8::1" << "2001:db8::1";
        QTest::newRow("non-ascii") << "Zürich,CH" << "\"Zürich,CH\"" << "Zürich,CH";
        QTest::newRow("only a quote") << "\"" << "\"\"\"\"" << "\"";
    }

    void fields()
    {
        QFETCH(QString, text);
        QFETCH(QString, csv);
        QFETCH(QString, tsv);
        QCOMPARE(delimitedField(text, Delimiter::Comma), csv);
        QCOMPARE(delimitedField(text, Delimiter::Tab), tsv);
    }

    void rows()
    {
        FixedTable model;
        QCOMPARE(modelRowsAsText(model, {0, 1}, {}, Delimiter::Comma),
                 QStringLiteral("Source,Note\r\n10.0.0.1,\"a,b\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n"));
        QCOMPARE(modelRowsAsText(model, {1}, {1, 0}, Delimiter::Tab, false),
                 QStringLiteral("two lines\tsay \"hi\"\r\n"));
        QCOMPARE(modelRowsAsText(model, {}, {}, Delimiter::Tab), QStringLiteral("Source\tNote\r\n"));
    }

    // The clipboard lands in spreadsheets: Copy as CSV neutralises formulas as export does.
    void clipboardFormulas()
    {
        FixedTable model;
        model.cells = {{QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("-5")}};
        QCOMPARE(modelRowsAsText(model, {0}, {}, Delimiter::Comma, false),
                 QStringLiteral("\"'=cmd|' /C calc'!A0\",-5\r\n"));
        QCOMPARE(modelRowsAsText(model, {0}, {}, Delimiter::Tab, false), QStringLiteral("'=cmd|' /C calc'!A0\t-5\r\n"));
        QCOMPARE(modelRowsAsText(model, {0}, {}, Delimiter::Comma, false, CsvCells::Raw),
                 QStringLiteral("=cmd|' /C calc'!A0,-5\r\n"));
    }
};

QTEST_APPLESS_MAIN(TestDelimitedText)
#include "tst_delimitedtext.moc"
