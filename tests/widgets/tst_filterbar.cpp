// SPDX-License-Identifier: GPL-3.0-or-later
// The filter bar: syntax colouring after the pause in typing, the error
// tooltip's caret, Enter and Esc, history, completion and saved filters.

#include "filter_bar.h"
#include "filter_bar_menu.h"
#include "filterbar/filter_history.h"
#include "incident/incident_record_marks.h"
#include "incident/record_star.h"
#include "incident/record_tag.h"
#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "store/flow_pager.h"
#include "test_files.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextDocumentFragment>
#include <QToolTip>
#include <QVBoxLayout>

using namespace flowscope;

namespace {

constexpr int kDebounceMs = 20;

QStringList completionsOf(const FilterBar &bar)
{
    QStringList out;
    QAbstractItemModel *model = bar.completer()->completionModel();
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, 0).data().toString();
    return out;
}

// The caret's column in the tooltip's monospace block.
int caretColumn(const QString &toolTip)
{
    const QRegularExpression pre(QStringLiteral("<pre>.*</pre>"), QRegularExpression::DotMatchesEverythingOption);
    const QString block = QTextDocumentFragment::fromHtml(pre.match(toolTip).captured(0)).toPlainText();
    for (const QString &line : block.split(QLatin1Char('\n')))
        if (line.trimmed().startsWith(QLatin1Char('^')))
            return static_cast<int>(line.indexOf(QLatin1Char('^')));
    return -1;
}

QStringList actionTexts(const QMenu *menu)
{
    QStringList out;
    for (const QAction *action : menu->actions())
        if (!action->isSeparator() && action->isEnabled())
            out << action->text();
    return out;
}

QAction *actionNamed(const QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions())
        if (action->text() == text)
            return action;
    return nullptr;
}

} // namespace

class TestFilterBar : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FlowscopeTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_filterbar"));
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), test::smallTrafficRecords());
        m_case = m_dir.filePath(QStringLiteral("bar.flowcase"));
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records, 5u);
    }

    void init() { QSettings().clear(); }

    void stateAfterDebounce_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("state");
        QTest::newRow("blank") << "   " << "empty";
        QTest::newRow("valid") << "addr == 10.0.0.0/8 and action == reject" << "valid";
        QTest::newRow("incomplete") << "dstport ==" << "intermediate";
        QTest::newRow("open parenthesis") << "(addr == 1.2.3.4" << "intermediate";
        QTest::newRow("out of range") << "dstport == 70000" << "invalid";
        QTest::newRow("unknown field") << "foo == 1" << "invalid";
    }

    void stateAfterDebounce()
    {
        QFETCH(QString, typed);
        QFETCH(QString, state);
        FilterBar bar;
        bar.setDebounceInterval(kDebounceMs);
        QCOMPARE(bar.debounceInterval(), kDebounceMs);
        bar.show();
        QCOMPARE(bar.property("syntaxState").toString(), QStringLiteral("empty"));
        QTest::keyClicks(bar.editor(), typed);
        QCOMPARE(bar.property("syntaxState").toString(), QStringLiteral("empty")); // not before the pause
        QTRY_COMPARE(bar.property("syntaxState").toString(), state);
        QCOMPARE(bar.editor()->property("syntaxState").toString(), state);
    }

    void coloursDifferByState()
    {
        FilterBar bar;
        const QColor plain = bar.editor()->palette().color(QPalette::Base);
        bar.setFilterText(QStringLiteral("dstport == 22"));
        const QColor valid = bar.editor()->palette().color(QPalette::Base);
        bar.setFilterText(QStringLiteral("dstport == 70000"));
        const QColor invalid = bar.editor()->palette().color(QPalette::Base);
        bar.setFilterText(QStringLiteral("dstport =="));
        const QColor intermediate = bar.editor()->palette().color(QPalette::Base);
        bar.setFilterText(QString());
        QCOMPARE(bar.editor()->palette().color(QPalette::Base), plain);
        QVERIFY(valid != plain && invalid != plain && intermediate != plain);
        QVERIFY(valid.green() > valid.red());
        QVERIFY(invalid.red() > invalid.green());
        QVERIFY(valid != invalid && invalid != intermediate);
    }

    void toolTipCaret_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("value out of range") << "dstport == 70000" << 11 << "out of range";
        QTest::newRow("missing value") << "dstport ==" << 10 << "expected a number";
        QTest::newRow("after non-ASCII text") << "vpc-id == \"ü\" and foo == 1" << 18 << "unknown field 'foo'";
        QTest::newRow("html in the text") << "vpc-id == \"<b>\" or <" << 19 << "expected a field name";
    }

    void toolTipCaret()
    {
        QFETCH(QString, text);
        QFETCH(int, column);
        QFETCH(QString, message);
        FilterBar bar;
        bar.setFilterText(text);
        const QString toolTip = bar.editor()->toolTip();
        QVERIFY2(toolTip.contains(message), qPrintable(toolTip));
        QCOMPARE(caretColumn(toolTip), column);
        bar.setFilterText(QStringLiteral("dstport == 22"));
        QCOMPARE(caretColumn(bar.editor()->toolTip()), -1);
    }

    void enterApplies_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("applies");
        QTest::newRow("valid") << "dstport == 22" << true;
        QTest::newRow("empty") << "" << true;
        QTest::newRow("intermediate") << "dstport ==" << false;
        QTest::newRow("invalid") << "dstport == 70000" << false;
    }

    void enterApplies()
    {
        QFETCH(QString, typed);
        QFETCH(bool, applies);
        FilterBar bar;
        bar.setDebounceInterval(60000); // Enter judges the text at once, not after the pause
        bar.show();
        QSignalSpy applied(&bar, &FilterBar::filterApplied);
        QSignalSpy rejected(&bar, &FilterBar::applyRejected);
        QTest::keyClicks(bar.editor(), typed);
        bar.completer()->popup()->hide();
        QTest::keyClick(bar.editor(), Qt::Key_Return);
        QCOMPARE(applied.size(), applies ? 1 : 0);
        QCOMPARE(rejected.size(), applies ? 0 : 1);
        if (applies) {
            QCOMPARE(applied.first().first().toString(), typed);
            QCOMPARE(bar.appliedFilter(), typed);
        } else {
            QVERIFY(!rejected.first().first().toString().isEmpty());
            QCOMPARE(bar.appliedFilter(), QString());
        }
    }

    // Enter on a wrong filter leaves the table on the filter in force: the message says which.
    void rejectedApplyNamesTheFilterInForce()
    {
        FilterBar bar;
        bar.setDebounceInterval(60000);
        bar.show();
        QSignalSpy rejected(&bar, &FilterBar::applyRejected);
        QTest::keyClicks(bar.editor(), QStringLiteral("dstport =="));
        bar.completer()->popup()->hide();
        QTest::keyClick(bar.editor(), Qt::Key_Return);
        QCOMPARE(rejected.size(), 1);
        QVERIFY2(rejected.last().first().toString().contains(QStringLiteral("every record")),
                 qPrintable(rejected.last().first().toString()));
        bar.applyFilterText(QStringLiteral("action == reject"));
        QCOMPARE(bar.appliedFilter(), QStringLiteral("action == reject"));
        bar.editor()->clear();
        QTest::keyClicks(bar.editor(), QStringLiteral("dstport == 22 and"));
        bar.completer()->popup()->hide();
        QTest::keyClick(bar.editor(), Qt::Key_Return);
        QCOMPARE(rejected.size(), 2);
        const QString message = rejected.last().first().toString();
        QVERIFY2(message.contains(QStringLiteral("still shows action == reject")), qPrintable(message));
        QCOMPARE(bar.appliedFilter(), QStringLiteral("action == reject"));
    }

    // The error goes on a line under the editor, in the bar's layout: it pushes
    // the table below down instead of covering its first rows, as a tooltip did.
    void rejectedFilterSaysSoUnderTheBar()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *bar = new FilterBar(&window);
        auto *below = new QLabel(QStringLiteral("the table"), &window);
        layout->addWidget(bar);
        layout->addWidget(below, 1);
        window.resize(600, 300);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(bar->applyFilterText(QStringLiteral("action == reject")));
        QVERIFY(bar->message().isEmpty());
        QVERIFY(!bar->messageLine()->isVisible());

        bar->setFilterText(QStringLiteral("dstport == 22 and"));
        QVERIFY(!bar->apply());
        QVERIFY(bar->messageLine()->isVisible());
        QVERIFY2(bar->message().contains(QStringLiteral("still shows action == reject")), qPrintable(bar->message()));
        QVERIFY2(bar->message().contains(QStringLiteral("dstport == 22 and")), qPrintable(bar->message())); // with its caret
        QVERIFY(!QToolTip::isVisible());
        // Laid out above the table, not over it.
        QTRY_VERIFY(below->geometry().top() >= bar->mapTo(&window, bar->messageLine()->geometry().bottomLeft()).y());

        // Esc puts the filter in force back in the editor: nothing left to warn about.
        QTest::keyClick(bar->editor(), Qt::Key_Escape);
        QVERIFY(bar->message().isEmpty());
        bar->setFilterText(QStringLiteral("dstport =="));
        QVERIFY(!bar->apply());
        QVERIFY(!bar->message().isEmpty());
        QVERIFY(bar->applyFilterText(QStringLiteral("dstport == 22")));
        QVERIFY(bar->message().isEmpty());
        QVERIFY(!bar->messageLine()->isVisible());
    }

    // A finding's evidence applied: the line names the finding and leads back
    // to the filter before it, the first one when several findings are looked at in a row.
    void evidenceNoticeNamesTheFindingAndGoesBack()
    {
        FilterBar bar;
        bar.show();
        QSignalSpy applied(&bar, &FilterBar::filterApplied);
        QVERIFY(bar.applyFilterText(QStringLiteral("action == reject")));
        QVERIFY(bar.applyEvidenceFilter(QStringLiteral("srcaddr == 10.0.0.1"), QStringLiteral("beaconing-1"),
                                        QStringLiteral("10.0.0.1 connects to 203.0.113.9:443 every 60 s")));
        QCOMPARE(bar.appliedFilter(), QStringLiteral("srcaddr == 10.0.0.1"));
        QCOMPARE(applied.size(), 2);
        QVERIFY2(bar.message().contains(QStringLiteral("beaconing-1 (10.0.0.1 connects to 203.0.113.9:443 every 60 s)")),
                 qPrintable(bar.message()));
        QVERIFY2(bar.message().contains(QStringLiteral("Back to action == reject")), qPrintable(bar.message()));
        QVERIFY(bar.canGoBack());
        QVERIFY(bar.applyEvidenceFilter(QStringLiteral("srcaddr == 10.0.0.2"), QStringLiteral("port-scan-3"), {}));
        QVERIFY2(bar.message().contains(QStringLiteral("port-scan-3")), qPrintable(bar.message()));
        QVERIFY2(bar.message().contains(QStringLiteral("Back to action == reject")), qPrintable(bar.message()));
        Q_EMIT bar.messageLine()->linkActivated(QStringLiteral("back"));
        QCOMPARE(bar.appliedFilter(), QStringLiteral("action == reject"));
        QCOMPARE(applied.last().first().toString(), QStringLiteral("action == reject"));
        QVERIFY(bar.message().isEmpty());
        QVERIFY(!bar.canGoBack());

        // Another filter applied by hand ends the notice; from every record, Back goes to every record.
        QVERIFY(bar.applyFilterText(QString()));
        QVERIFY(bar.applyEvidenceFilter(QStringLiteral("srcaddr == 10.0.0.1"), QStringLiteral("beaconing-1"), {}));
        QVERIFY2(bar.message().contains(QStringLiteral("Back to every record")), qPrintable(bar.message()));
        QVERIFY(bar.applyFilterText(QStringLiteral("dstport == 22")));
        QVERIFY(bar.message().isEmpty());
        QVERIFY(!bar.canGoBack());
        // A wrong evidence filter is refused as any filter: the one in force stays, and says so.
        QVERIFY(!bar.applyEvidenceFilter(QStringLiteral("srcaddr =="), QStringLiteral("x-1"), {}));
        QCOMPARE(bar.appliedFilter(), QStringLiteral("dstport == 22"));
        QVERIFY2(bar.message().contains(QStringLiteral("still shows dstport == 22")), qPrintable(bar.message()));
    }

    // The line wraps in a narrow window, but not inside its link: "Back to every record" stays whole.
    void theBackLinkStaysOnOneLine_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("link");
        QTest::newRow("every record") << QString() << QStringLiteral("Back to every record");
        QTest::newRow("a filter") << QStringLiteral("action == reject") << QStringLiteral("Back to action == reject");
        QTest::newRow("a long filter, cut short")
            << QStringLiteral("srcaddr == 10.0.0.0/8 and dstport in {22, 3389, 5900} and action == reject")
            << QStringLiteral("Back to srcaddr == 10.0.0.0/8 and dstport in {2…");
    }

    void theBackLinkStaysOnOneLine()
    {
        QFETCH(QString, before);
        QFETCH(QString, link);
        FilterBar bar;
        QVERIFY(bar.applyFilterText(before));
        QVERIFY(bar.applyEvidenceFilter(QStringLiteral("srcaddr == 10.0.0.1"), QStringLiteral("exfiltration-1"),
                                        QStringLiteral("10.0.0.1 sent 640.0 MB to 203.0.113.9 over 10 min")));
        QTextDocument doc; // laid out as the label lays out its wrapped text
        doc.setDefaultFont(bar.messageLine()->font());
        QTextOption wrap;
        wrap.setWrapMode(QTextOption::WordWrap);
        doc.setDefaultTextOption(wrap);
        doc.setHtml(bar.messageLine()->text());
        const QString plain = doc.toRawText();
        const QString nbspLink = QString(link).replace(QLatin1Char(' '), QChar(QChar::Nbsp));
        const qsizetype start = plain.indexOf(nbspLink);
        QVERIFY2(start >= 0, qPrintable(plain));
        for (const qreal width : {160.0, 240.0, 320.0, 480.0}) {
            doc.setTextWidth(width);
            doc.size(); // lays the text out
            const QTextBlock block = doc.findBlock(int(start));
            QTextLayout *layout = block.layout();
            const int first = layout->lineForTextPosition(int(start - block.position())).lineNumber();
            const int last = layout->lineForTextPosition(int(start + link.size() - 1 - block.position())).lineNumber();
            QVERIFY2(layout->lineCount() > 1 || width >= 320, qPrintable(QString::number(width))); // it does wrap
            QCOMPARE(last, first);
        }
    }

    void aLongFilterShowsItsStart_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("prepared") << "prepare";
        QTest::newRow("prepared, the editor focused") << "focus";
        QTest::newRow("applied") << "apply";
        QTest::newRow("a finding's evidence") << "evidence";
    }

    // A long filter put in the bar by a view (a finding's evidence, a graph
    // click) shows its start in a narrow editor, not its end; the tooltip
    // holds the whole expression.
    void aLongFilterShowsItsStart()
    {
        QFETCH(QString, how);
        const QString expression = QStringLiteral(
            "srcaddr == 203.0.113.66 and dstaddr in {10.0.1.10, 10.0.1.11, 10.0.1.12, 10.0.1.13} and action == reject "
            "and dstport in {22, 80, 443, 3389, 5432} and time >= 2026-03-10T06:00Z and bytes > 1000");
        FilterBar bar;
        bar.resize(260, bar.sizeHint().height());
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        if (how == QLatin1String("prepare") || how == QLatin1String("focus")) {
            bar.setFilterText(expression);
            if (how == QLatin1String("focus"))
                bar.focusEditor();
        } else if (how == QLatin1String("apply")) {
            QVERIFY(bar.applyFilterText(expression));
        } else {
            QVERIFY(bar.applyEvidenceFilter(expression, QStringLiteral("port-scan-1"), {}));
        }
        QCOMPARE(bar.filterText(), expression);
        QCOMPARE(bar.editor()->cursorPosition(), 0);
        // The start is drawn at the editor's left, the end is out of sight.
        const QRect cursor = bar.editor()->inputMethodQuery(Qt::ImCursorRectangle).toRect();
        QVERIFY2(cursor.left() < bar.editor()->width() / 4, qPrintable(QString::number(cursor.left())));
        const QString toolTip = QTextDocumentFragment::fromHtml(bar.editor()->toolTip()).toPlainText();
        QVERIFY2(toolTip.simplified().contains(expression), qPrintable(toolTip));
    }

    void escRestoresApplied()
    {
        FilterBar bar;
        bar.setDebounceInterval(kDebounceMs);
        bar.show();
        QSignalSpy applied(&bar, &FilterBar::filterApplied);
        QVERIFY(bar.applyFilterText(QStringLiteral("dstport == 22")));
        QTest::keyClicks(bar.editor(), QStringLiteral(" and foo"));
        bar.completer()->popup()->hide();
        QTRY_COMPARE(bar.syntaxStateName(), QStringLiteral("invalid"));
        QTest::keyClick(bar.editor(), Qt::Key_Escape);
        QCOMPARE(bar.filterText(), QStringLiteral("dstport == 22"));
        QCOMPARE(bar.syntaxStateName(), QStringLiteral("valid"));
        QCOMPARE(applied.size(), 1); // restoring applies nothing
        bar.setFilterText(QStringLiteral("action == reject")); // prepared, not applied
        QCOMPARE(bar.appliedFilter(), QStringLiteral("dstport == 22"));
        bar.restore();
        QCOMPARE(bar.filterText(), QStringLiteral("dstport == 22"));
    }

    void historyNewestFirstOnce()
    {
        FilterBar bar;
        bar.applyFilterText(QStringLiteral("dstport == 1"));
        bar.applyFilterText(QStringLiteral("dstport == 2"));
        bar.applyFilterText(QStringLiteral("  dstport == 1 "));
        bar.applyFilterText(QStringLiteral("dstport == 70000")); // refused: not kept
        bar.applyFilterText(QString());                          // empty: nothing to recall
        // Written off the GUI thread, in order.
        QTRY_COMPARE(QSettings().value(QStringLiteral("filter/history")).toStringList(),
                     (QStringList{"dstport == 1", "dstport == 2"}));
        for (int i = 0; i < 60; ++i)
            FilterHistory::add(QStringLiteral("port == %1").arg(i));
        QCOMPARE(FilterHistory::entries().size(), FilterHistory::kMaxEntries);

        FilterHistory::clear();
        bar.applyFilterText(QStringLiteral("dstport == 2"));
        bar.applyFilterText(QStringLiteral("dstport == 1"));
        Q_EMIT bar.menu()->aboutToShow();
        const QStringList texts = actionTexts(bar.menu());
        QVERIFY(texts.indexOf(QStringLiteral("dstport == 1")) < texts.indexOf(QStringLiteral("dstport == 2")));
        QSignalSpy applied(&bar, &FilterBar::filterApplied);
        actionNamed(bar.menu(), QStringLiteral("dstport == 2"))->trigger();
        QCOMPARE(applied.size(), 1);
        QCOMPARE(bar.filterText(), QStringLiteral("dstport == 2"));
    }

    void completesFieldNames()
    {
        FilterBar bar;
        bar.show();
        QTest::keyClicks(bar.editor(), QStringLiteral("action == reject and prot"));
        QCOMPARE(completionsOf(bar), QStringList{QStringLiteral("protocol")});
        QVERIFY(bar.completer()->popup()->isVisible());
        Q_EMIT bar.completer()->activated(QStringLiteral("protocol"));
        QCOMPARE(bar.filterText(), QStringLiteral("action == reject and protocol "));
        QCOMPARE(bar.editor()->cursorPosition(), bar.filterText().size());
        // Then the operators, without asking.
        QTRY_VERIFY(completionsOf(bar).contains(QStringLiteral("==")));
        bar.editor()->undo();
        QCOMPARE(bar.filterText(), QStringLiteral("action == reject and prot")); // one undo step
    }

    void completesNamedValues()
    {
        FilterBar bar;
        bar.setDebounceInterval(kDebounceMs);
        bar.show();
        QTest::keyClicks(bar.editor(), QStringLiteral("protocol == "));
        QCOMPARE(completionsOf(bar).mid(0, 4), (QStringList{"tcp", "udp", "icmp", "icmpv6"}));
        QTest::keyClicks(bar.editor(), QStringLiteral("ic"));
        QCOMPARE(completionsOf(bar), (QStringList{"icmp", "icmpv6"}));
        Q_EMIT bar.completer()->activated(QStringLiteral("icmpv6"));
        QCOMPARE(bar.filterText(), QStringLiteral("protocol == icmpv6"));
        QTRY_COMPARE(bar.syntaxStateName(), QStringLiteral("valid"));
    }

    void completesInTheMiddle()
    {
        FilterBar bar;
        bar.show();
        bar.setFilterText(QStringLiteral("dst == 22 and action == reject"));
        bar.editor()->setCursorPosition(3);
        bar.showCompletions();
        QCOMPARE(completionsOf(bar), (QStringList{"dstaddr", "dstport"}));
        Q_EMIT bar.completer()->activated(QStringLiteral("dstport"));
        QCOMPARE(bar.filterText(), QStringLiteral("dstport == 22 and action == reject"));
    }

    void completesValuesOfTheCase()
    {
        FilterBar bar;
        bar.show();
        QSignalSpy loaded(&bar, &FilterBar::caseValuesLoaded);
        bar.setCase(m_case);
        QVERIFY(loaded.wait(10000));
        QVERIFY(bar.hasCaseValues());
        QTest::keyClicks(bar.editor(), QStringLiteral("addr == 10"));
        QCOMPARE(completionsOf(bar), (QStringList{"10.0.0.1", "10.0.0.2"}));
        bar.setFilterText(QString());
        QTest::keyClicks(bar.editor(), QStringLiteral("eni == "));
        QCOMPARE(completionsOf(bar), (QStringList{"eni-a", "eni-b", "eni-c"}));
        bar.setCase(QString()); // values of a closed case are not offered
        QVERIFY(!bar.hasCaseValues());
    }

    // The table filters by the case's stars and tags: the bar accepts
    // `starred` and `tag` once it has them, and completes the tags.
    void starsAndTagsOfTheCase()
    {
        {
            auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadWrite);
            const std::int64_t first = FlowPager(*caseDb).rowsAt(0, 1).front().id;
            incident::RecordStars(*caseDb).star({first}, "erin");
            incident::RecordTags(*caseDb).add(first, {"c2", "beacon"}, "erin");
        }
        FilterBar bar;
        bar.show();
        const auto stateOf = [&bar](const QString &text) {
            bar.setFilterText(text);
            return bar.syntax().state;
        };
        // Without the marks the filter bar cannot resolve them.
        QCOMPARE(stateOf(QStringLiteral("starred")), FilterSyntaxState::Invalid);
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        bar.setRecordMarks(std::make_shared<incident::RecordMarksSnapshot>(*caseDb));
        QCOMPARE(stateOf(QStringLiteral("starred")), FilterSyntaxState::Valid);
        QCOMPARE(stateOf(QStringLiteral("tag == \"c2\" and not starred")), FilterSyntaxState::Valid);
        QCOMPARE(stateOf(QStringLiteral("tag contains \"bea\"")), FilterSyntaxState::Valid);
        QCOMPARE(stateOf(QStringLiteral("tag ==")), FilterSyntaxState::Intermediate);
        QVERIFY(bar.applyFilterText(QStringLiteral("tag == \"c2\"")));
        QCOMPARE(bar.appliedFilter(), QStringLiteral("tag == \"c2\""));
        bar.setFilterText(QString());
        QTest::keyClicks(bar.editor(), QStringLiteral("tag == "));
        QCOMPARE(completionsOf(bar), (QStringList{"\"beacon\"", "\"c2\""}));
    }

    void savedFiltersRoundTrip()
    {
        const QString file = m_dir.filePath(QStringLiteral("saved.flowcase"));
        CaseDb::open(file.toStdString(), CaseDb::Mode::CreateIfMissing).reset();
        FilterBar bar;
        QString error;
        QVERIFY(!bar.saveFilter(QStringLiteral("ssh"), QStringLiteral("dstport == 22"), &error)); // no case
        QVERIFY(!error.isEmpty());
        bar.setCase(file);
        QVERIFY(bar.saveFilter(QStringLiteral("ssh"), QStringLiteral("dstport == 22"), &error));
        QVERIFY(bar.saveFilter(QStringLiteral("Bob's \"web\""), QStringLiteral("dstport == 443")));
        QVERIFY(!bar.saveFilter(QStringLiteral("broken"), QStringLiteral("dstport =="), &error));
        QVERIFY(!bar.saveFilter(QStringLiteral(" "), QStringLiteral("dstport == 22")));

        FilterBar other; // another window on the same case sees them
        other.setCase(file);
        const auto saved = other.savedFilters();
        QCOMPARE(saved.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(saved[0].name), QStringLiteral("Bob's \"web\""));
        QCOMPARE(QString::fromStdString(saved[1].expression), QStringLiteral("dstport == 22"));

        bar.setFilterText(QStringLiteral("dstport == 22"));
        Q_EMIT bar.menu()->aboutToShow();
        QVERIFY(actionTexts(bar.menu()).contains(QStringLiteral("&Save Filter…")));
        QSignalSpy applied(&bar, &FilterBar::filterApplied);
        actionNamed(bar.menu(), QStringLiteral("Bob's \"web\""))->trigger();
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.first().first().toString(), QStringLiteral("dstport == 443"));

        QVERIFY(bar.removeSavedFilter(QStringLiteral("ssh")));
        QCOMPARE(other.savedFilters().size(), std::size_t(1));
    }
};

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
