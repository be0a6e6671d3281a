// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter_bar.h"

#include "filter_bar_menu.h"
#include "filterbar/filter_history.h"
#include "tasks/work_pools.h"
#include "query/filter_error.h"
#include "store/case_db.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollBar>
#include <QSettings>
#include <QStandardItemModel>
#include <QStyle>
#include <QTextDocumentFragment>
#include <QThreadPool>
#include <QToolButton>

namespace flowscope {

namespace {

// Mixes a hue into the palette's base colour, so the tint reads on light and
// dark palettes alike and the text keeps its contrast.
QColor tinted(const QColor &base, const QColor &hue)
{
    const qreal weight = base.lightness() < 128 ? 0.35 : 0.22;
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - weight) + hue.redF() * weight),
                            static_cast<float>(base.greenF() * (1 - weight) + hue.greenF() * weight),
                            static_cast<float>(base.blueF() * (1 - weight) + hue.blueF() * weight));
}

QColor hueOf(FilterSyntaxState state)
{
    switch (state) {
    case FilterSyntaxState::Valid: return QColor(0x2e, 0xa0, 0x43);
    case FilterSyntaxState::Invalid: return QColor(0xd7, 0x3a, 0x49);
    case FilterSyntaxState::Intermediate: return QColor(0xe3, 0xb3, 0x41);
    case FilterSyntaxState::Empty: break;
    }
    return {};
}

std::unique_ptr<CaseDb> openCase(const QString &path, CaseDb::Mode mode)
{
    return CaseDb::open(path.toStdString(), mode);
}

} // namespace

QString filterErrorToolTip(const QString &expression, const FilterSyntax &syntax)
{
    if (!syntax.error)
        return {};
    const QByteArray utf8 = expression.toUtf8();
    const QString rendered = QString::fromStdString(
        renderFilterError(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), *syntax.error));
    // renderFilterError gives the expression, the caret line, then the message.
    const QStringList lines = rendered.split(QLatin1Char('\n'));
    const QString heading = syntax.state == FilterSyntaxState::Intermediate
        ? FilterBar::tr("The filter is not finished")
        : FilterBar::tr("The filter is not valid");
    return QStringLiteral("<qt><b>%1</b><pre>%2\n%3</pre><p>%4</p></qt>")
        .arg(heading.toHtmlEscaped(), lines.value(0).toHtmlEscaped(), lines.value(1).toHtmlEscaped(),
             lines.mid(2).join(QLatin1Char('\n')).toHtmlEscaped());
}

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_editor(new QLineEdit(this))
    , m_menuButton(new QToolButton(this))
    , m_applyButton(new QToolButton(this))
    , m_message(new QLabel(this))
    , m_menu(new FilterBarMenu(this))
    , m_completer(new QCompleter(this))
    , m_completionModel(new QStandardItemModel(this))
{
    m_history = FilterHistory::entries();
    m_editor->setPlaceholderText(tr("Filter: e.g. addr == 10.0.0.0/8 and action == reject"));
    m_editor->setClearButtonEnabled(true);
    m_editor->setAccessibleName(tr("Display filter"));
    m_editor->setAccessibleDescription(
        tr("Type a filter; Enter applies it, Escape restores the filter in force, Ctrl+Space completes"));
    m_editor->installEventFilter(this);
    setFocusProxy(m_editor);

    m_menuButton->setText(tr("Filters"));
    m_menuButton->setToolTip(tr("Recent and saved filters"));
    m_menuButton->setAccessibleName(tr("Recent and saved filters"));
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    m_menuButton->setMenu(m_menu);
    m_menuButton->setFocusPolicy(Qt::TabFocus);

    m_applyButton->setText(tr("Apply"));
    m_applyButton->setToolTip(tr("Apply the filter (Enter)"));
    m_applyButton->setAccessibleName(tr("Apply filter"));
    m_applyButton->setFocusPolicy(Qt::TabFocus);

    // Under the editor, in the layout: it pushes the table down rather than covering its rows.
    m_message->setObjectName(QStringLiteral("filterMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);
    m_message->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_message->setAutoFillBackground(true);
    m_message->setContentsMargins(4, 2, 4, 2);
    m_message->hide();
    connect(m_message, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("back"))
            goBack();
    });

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    row->addWidget(m_editor, 1);
    row->addWidget(m_menuButton);
    row->addWidget(m_applyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_message);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);

    // Completes the word under the cursor, so the completer is not the line
    // edit's own (that one replaces the whole line).
    m_completer->setModel(m_completionModel);
    m_completer->setWidget(m_editor);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setModelSorting(QCompleter::UnsortedModel); // keeps the most useful first
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_completer->setMaxVisibleItems(12);

    connect(m_editor, &QLineEdit::textEdited, this, &FilterBar::onTextEdited);
    connect(m_editor, &QLineEdit::returnPressed, this, [this] {
        // Enter on a chosen completion inserts it; it does not apply the filter.
        if (m_completer->popup()->isVisible() && m_completer->popup()->currentIndex().isValid())
            return;
        apply();
    });
    connect(m_applyButton, &QToolButton::clicked, this, &FilterBar::apply);
    connect(&m_debounce, &QTimer::timeout, this, &FilterBar::updateSyntax);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &FilterBar::insertCompletion);
    connect(m_menu, &QMenu::aboutToShow, this, &FilterBar::populateMenu);
    connect(m_menu, &FilterBarMenu::applyRequested, this, &FilterBar::applyFilterText);
    connect(m_menu, &FilterBarMenu::saveRequested, this, &FilterBar::promptSaveFilter);
    connect(m_menu, &FilterBarMenu::removeRequested, this, [this](const QString &name) {
        QString error;
        if (!removeSavedFilter(name, &error))
            QMessageBox::warning(this, tr("Remove Saved Filter"), error);
    });
    connect(m_menu, &FilterBarMenu::clearHistoryRequested, this, [this] {
        m_history.clear();
        storeHistory();
    });
    connect(&m_valuesWatcher, &QFutureWatcher<CaseValues>::finished, this, &FilterBar::onCaseValuesLoaded);

    showSyntax();
}

FilterBar::~FilterBar()
{
    // The loader holds no reference to the bar: it is told to stop, not awaited.
    if (m_cancelValues)
        m_cancelValues->store(true);
}

QString FilterBar::filterText() const { return m_editor->text(); }

int FilterBar::debounceInterval() const { return m_debounce.interval(); }

void FilterBar::setDebounceInterval(int milliseconds) { m_debounce.setInterval(std::max(0, milliseconds)); }

void FilterBar::setIocListResolver(std::function<bool(const QString &)> resolver)
{
    m_iocListExists = std::move(resolver);
    updateSyntax();
}

void FilterBar::setInterfaceAttributes(std::shared_ptr<const InterfaceAttributes> attributes)
{
    m_interfaceAttributes = std::move(attributes);
    updateSyntax();
}

void FilterBar::setRecordMarks(std::shared_ptr<const RecordMarks> marks)
{
    m_recordMarks = std::move(marks);
    updateSyntax();
}

void FilterBar::onTextEdited()
{
    if (m_inserting)
        return;
    m_debounce.start();
    updateCompletions(false);
}

void FilterBar::updateSyntax()
{
    m_debounce.stop();
    const FilterSyntax syntax = checkFilterSyntax(m_editor->text(), m_iocListExists, m_interfaceAttributes.get(), m_recordMarks.get());
    const bool changed = syntax.state != m_syntax.state;
    m_syntax = syntax;
    showSyntax();
    if (changed)
        Q_EMIT syntaxStateChanged(syntaxStateName());
}

void FilterBar::showSyntax()
{
    QPalette palette; // sets no role: the editor inherits the bar's palette
    if (m_syntax.state != FilterSyntaxState::Empty) {
        for (auto group : {QPalette::Active, QPalette::Inactive})
            palette.setColor(group, QPalette::Base,
                             tinted(this->palette().color(group, QPalette::Base), hueOf(m_syntax.state)));
    }
    m_editor->setPalette(palette);
    m_editor->setProperty("syntaxState", syntaxStateName());
    // The whole expression in the tooltip: a long one does not fit the editor.
    const QString hint = tr("Display filter: Enter applies it, Escape restores the filter in force");
    m_editor->setToolTip(m_syntax.error        ? filterErrorToolTip(m_editor->text(), m_syntax)
                             : m_editor->text().isEmpty() ? hint
                                                          : QStringLiteral("<qt>%1<br>%2</qt>")
                                                                .arg(m_editor->text().toHtmlEscaped(), hint.toHtmlEscaped()));
    // Style sheets select on the property: they must see it change.
    if (!styleSheet().isEmpty() || !qApp->styleSheet().isEmpty()) {
        style()->unpolish(m_editor);
        style()->polish(m_editor);
    }
}

QString FilterBar::message() const
{
    return m_message->isHidden() ? QString() : QTextDocumentFragment::fromHtml(m_message->text()).toPlainText();
}

void FilterBar::showMessage(MessageKind kind, const QString &html)
{
    m_messageKind = kind;
    QPalette palette;
    const QColor hue = kind == MessageKind::Error ? hueOf(FilterSyntaxState::Invalid) : QColor(0x3b, 0x82, 0xd6);
    for (auto group : {QPalette::Active, QPalette::Inactive})
        palette.setColor(group, QPalette::Window, tinted(this->palette().color(group, QPalette::Base), hue));
    m_message->setPalette(palette);
    m_message->setText(html);
    m_message->setAccessibleDescription(QTextDocumentFragment::fromHtml(html).toPlainText());
    m_message->show();
}

// Clears the message line when it shows a message of `kind` (None: any).
void FilterBar::clearMessage(MessageKind kind)
{
    if (kind != MessageKind::None && kind != m_messageKind)
        return;
    m_messageKind = MessageKind::None;
    m_message->clear();
    m_message->hide();
    if (kind != MessageKind::Error)
        m_backFilter.reset();
}

// The error with a caret under it, and the filter the table still shows.
void FilterBar::showRejection(const QString &inForce)
{
    QString caret;
    if (m_syntax.error) {
        const QByteArray utf8 = m_editor->text().toUtf8();
        const QStringList lines = QString::fromStdString(renderFilterError(
                                      std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), *m_syntax.error))
                                      .split(QLatin1Char('\n'));
        caret = QStringLiteral("<pre style=\"margin: 0\">%1\n%2</pre>")
                    .arg(lines.value(0).toHtmlEscaped(), lines.value(1).toHtmlEscaped());
    }
    showMessage(MessageKind::Error, QStringLiteral("<qt>%1<b>%2</b></qt>").arg(caret, inForce.toHtmlEscaped()));
}

// The settings file is written and synced to disk on a thread of its own:
// on a busy disk that took a tenth of a second, on every filter applied.
void FilterBar::storeHistory()
{
    settingsWriter()->start([history = m_history] {
        if (history.isEmpty())
            FilterHistory::clear();
        else
            QSettings().setValue(FilterHistory::settingsKey(), history);
    });
}

bool FilterBar::apply()
{
    updateSyntax();
    if (m_syntax.state == FilterSyntaxState::Invalid || m_syntax.state == FilterSyntaxState::Intermediate) {
        // The table keeps the filter in force: say which, so bar and table are not taken to agree.
        const QString error = QString::fromStdString(m_syntax.error ? m_syntax.error->message : std::string());
        const QString message = m_applied.isEmpty()
            ? tr("Filter not applied (%1): the table still shows every record.").arg(error)
            : tr("Filter not applied (%1): the table still shows %2").arg(error, m_applied);
        showRejection(message);
        Q_EMIT applyRejected(message);
        return false;
    }
    m_completer->popup()->hide();
    clearMessage(MessageKind::None); // a new filter in force: neither an error nor a finding's notice holds
    m_applied = m_editor->text().trimmed();
    if (QStringList after = FilterHistory::added(m_history, m_applied); after != m_history) {
        m_history = std::move(after);
        storeHistory();
    }
    Q_EMIT filterApplied(m_applied);
    return true;
}

void FilterBar::restore()
{
    m_completer->popup()->hide();
    m_editor->setText(m_applied);
    updateSyntax();
    clearMessage(MessageKind::Error); // the bar shows the filter in force again
}

void FilterBar::setFilterText(const QString &text)
{
    m_completer->popup()->hide();
    m_editor->setText(text);
    // A filter put here from a view reads from its start (where the fields it
    // narrows are named), not scrolled to its end as setText() leaves it.
    m_editor->setCursorPosition(0);
    updateSyntax();
}

bool FilterBar::applyFilterText(const QString &text)
{
    setFilterText(text);
    return apply();
}

bool FilterBar::applyEvidenceFilter(const QString &expression, const QString &finding, const QString &title)
{
    // Back to the filter before the first of several findings looked at in a row.
    const QString before = m_backFilter.value_or(m_applied);
    if (!applyFilterText(expression))
        return false;
    const QString named = title.isEmpty() ? finding : tr("%1 (%2)").arg(finding, title);
    QString html = tr("Showing the evidence of finding %1.").arg(named).toHtmlEscaped();
    if (before.trimmed() != m_applied) { // else there is no other filter to go back to
        m_backFilter = before;
        // The link stays on one line when the message wraps: no breaking space in it, a long filter cut short.
        constexpr int kLinkFilterChars = 40;
        const QString shownBefore = before.size() > kLinkFilterChars ? before.left(kLinkFilterChars - 1) + QChar(0x2026) : before;
        const QString back = before.isEmpty() ? tr("Back to every record") : tr("Back to %1").arg(shownBefore);
        html += QStringLiteral(" <a href=\"back\">%1</a>")
                    .arg(back.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;")));
    }
    showMessage(MessageKind::Notice, QStringLiteral("<qt>%1</qt>").arg(html));
    return true;
}

void FilterBar::goBack()
{
    if (const std::optional<QString> before = std::exchange(m_backFilter, std::nullopt))
        applyFilterText(*before);
}

void FilterBar::focusEditor()
{
    m_editor->setFocus(Qt::ShortcutFocusReason);
    // All selected, the cursor at the start: a long filter shows its beginning.
    m_editor->setSelection(m_editor->text().size(), -m_editor->text().size());
}

void FilterBar::showCompletions() { updateCompletions(true); }

void FilterBar::updateCompletions(bool force)
{
    m_completion = completeFilter(m_editor->text(), m_editor->cursorPosition(), &m_caseValues, m_interfaceAttributes.get(),
                                  m_recordMarks.get());
    m_completionModel->clear();
    for (const FilterCompletionCandidate &candidate : m_completion.candidates) {
        auto *item = new QStandardItem(candidate.text);
        item->setToolTip(candidate.description);
        m_completionModel->appendRow(item);
    }
    m_completer->setCompletionPrefix(m_completion.prefix);

    // Without a word begun, offer only where the next thing is clear: an
    // operator after a field, a value after an operator.
    const int cursor = m_editor->cursorPosition();
    const QChar previous = cursor > 0 ? m_editor->text().at(cursor - 1) : QChar();
    const bool afterSeparator = previous.isSpace() || QStringLiteral("=!<>{,").contains(previous);
    const bool expected = (m_completion.kind == FilterCompletionKind::Operator
                           || m_completion.kind == FilterCompletionKind::Value)
        && afterSeparator;
    const int count = m_completer->completionCount();
    const bool alreadyComplete =
        count == 1 && m_completer->currentCompletion().compare(m_completion.prefix, Qt::CaseInsensitive) == 0;
    if (count == 0 || alreadyComplete || !(force || !m_completion.prefix.isEmpty() || expected)) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = m_editor->inputMethodQuery(Qt::ImCursorRectangle).toRect();
    QAbstractItemView *popup = m_completer->popup();
    rect.setWidth(popup->sizeHintForColumn(0) + popup->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->complete(rect);
}

void FilterBar::insertCompletion(const QString &candidate)
{
    const QString before = m_editor->text();
    const CompletedText done = applyCompletion(before, m_completion, candidate);
    // Replacing through the selection keeps the change undoable.
    const int start = m_completion.replaceStart;
    const int removed = m_completion.replaceEnd - start;
    m_inserting = true;
    m_editor->setSelection(start, removed);
    m_editor->insert(done.text.mid(start, done.text.size() - before.size() + removed));
    m_editor->setCursorPosition(done.cursor);
    m_inserting = false;
    m_debounce.start();
    // What comes next (an operator after a field, values after it), once the
    // completer has finished with this activation.
    QTimer::singleShot(0, this, [this] { updateCompletions(false); });
}

void FilterBar::setCase(const QString &casePath)
{
    m_casePath = casePath;
    clearMessage(MessageKind::None);
    refreshCaseValues();
}

void FilterBar::refreshCaseValues()
{
    if (m_cancelValues)
        m_cancelValues->store(true);
    m_caseValues = {};
    const quint64 generation = ++m_valuesGeneration;
    if (m_casePath.isEmpty()) {
        m_cancelValues.reset();
        return;
    }
    m_cancelValues = std::make_shared<std::atomic_bool>(false);
    m_watchedGeneration = generation;
    m_valuesWatcher.setFuture(loadCaseValuesAsync(m_casePath, kDefaultCaseValueLimit, m_cancelValues));
}

void FilterBar::onCaseValuesLoaded()
{
    // A newer case (or refresh) has been asked for since: this result is stale.
    if (m_watchedGeneration != m_valuesGeneration)
        return;
    m_caseValues = m_valuesWatcher.result();
    Q_EMIT caseValuesLoaded();
}

std::vector<SavedFilter> FilterBar::savedFilters() const
{
    if (m_casePath.isEmpty())
        return {};
    try {
        auto caseDb = openCase(m_casePath, CaseDb::Mode::ReadOnly);
        return SavedFilters(*caseDb).list();
    } catch (const std::exception &) {
        return {};
    }
}

bool FilterBar::saveFilter(const QString &name, const QString &expression, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_casePath.isEmpty())
        return fail(tr("Open a case to save filters in it."));
    if (name.trimmed().isEmpty())
        return fail(tr("A saved filter needs a name."));
    if (checkFilterSyntax(expression, m_iocListExists, m_interfaceAttributes.get(), m_recordMarks.get()).state != FilterSyntaxState::Valid)
        return fail(tr("Only a valid, non-empty filter can be saved."));
    try {
        auto caseDb = openCase(m_casePath, CaseDb::Mode::ReadWrite);
        SavedFilters(*caseDb).save(name.toStdString(), expression.trimmed().toStdString());
    } catch (const std::exception &e) {
        return fail(tr("The filter could not be saved: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    return true;
}

bool FilterBar::removeSavedFilter(const QString &name, QString *error)
{
    try {
        auto caseDb = openCase(m_casePath, CaseDb::Mode::ReadWrite);
        SavedFilters(*caseDb).remove(name.toStdString());
    } catch (const std::exception &e) {
        if (error)
            *error = tr("The saved filter could not be removed: %1").arg(QString::fromLocal8Bit(e.what()));
        return false;
    }
    return true;
}

void FilterBar::promptSaveFilter()
{
    const QString expression = m_editor->text().trimmed();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Filter"), tr("Name for %1:").arg(expression),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    QString error;
    if (!saveFilter(name, expression, &error))
        QMessageBox::warning(this, tr("Save Filter"), error);
}

void FilterBar::populateMenu()
{
    updateSyntax();
    m_menu->populate(m_history, savedFilters(), !m_casePath.isEmpty(),
                     m_syntax.state == FilterSyntaxState::Valid);
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_editor)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::ShortcutOverride) {
        // Esc belongs to the editor while it has something to restore.
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier && m_editor->text() != m_applied) {
            event->accept();
            return true;
        }
    } else if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            if (m_completer->popup()->isVisible()) {
                m_completer->popup()->hide(); // first Esc closes the list only
                return true;
            }
            restore();
            return true;
        }
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::ControlModifier) {
            showCompletions();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The tint is mixed from the palette: a new theme needs a new mix.
    if (event->type() == QEvent::PaletteChange)
        showSyntax();
}

} // namespace flowscope
