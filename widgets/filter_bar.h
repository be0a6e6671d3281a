// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The display-filter bar: an editor that shows by colour, after a short pause
// in typing, whether the filter is empty, unfinished, wrong or valid (with
// the error and a caret in its tooltip), completes field names, operators and
// values (from the open case too), and applies on Enter; Esc goes back to the
// filter in force. Its menu holds the recent filters and those saved in the case.
// A line under the editor (hidden when it has nothing to say, so it covers
// no row of the table) says why a filter was not applied and which one is
// still in force, or which finding's evidence a filter shows, with a link
// back to the filter before it.

#include "filterbar/case_values.h"
#include "filterbar/filter_completion.h"
#include "filterbar/filter_syntax_state.h"
#include "store/saved_filters.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QCompleter;
class QLabel;
class QLineEdit;
class QStandardItemModel;
class QToolButton;

namespace flowscope {

class InterfaceAttributes;
class RecordMarks;

class FilterBarMenu;

// Rich text for a tooltip: the expression with a caret under the error, in a
// monospace block, then the message.
QString filterErrorToolTip(const QString &expression, const FilterSyntax &syntax);

class FilterBar : public QWidget {
    Q_OBJECT
    // "empty", "intermediate", "invalid" or "valid", for style sheets:
    // flowscope--FilterBar[syntaxState="invalid"] QLineEdit { ... }
    Q_PROPERTY(QString syntaxState READ syntaxStateName NOTIFY syntaxStateChanged)
    Q_PROPERTY(QString appliedFilter READ appliedFilter NOTIFY filterApplied)
    Q_PROPERTY(int debounceInterval READ debounceInterval WRITE setDebounceInterval)

public:
    static constexpr int kDefaultDebounceMs = 250;

    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    QString filterText() const;
    QString appliedFilter() const { return m_applied; }
    FilterSyntaxState syntaxState() const { return m_syntax.state; }
    QString syntaxStateName() const { return filterSyntaxStateName(m_syntax.state); }
    const FilterSyntax &syntax() const { return m_syntax; }

    int debounceInterval() const;
    void setDebounceInterval(int milliseconds);
    // Answers whether `@name` names an IOC list; without one no list exists.
    void setIocListResolver(std::function<bool(const QString &)> resolver);
    // What the case's configuration snapshot says about interfaces: the
    // values of security-group and the other snapshot fields, which are an
    // error without it (null: no snapshot).
    void setInterfaceAttributes(std::shared_ptr<const InterfaceAttributes> attributes);
    // The case's stars and tags: `starred` and `tag` check against them and
    // the tags are completed (null: an error, as without a case).
    void setRecordMarks(std::shared_ptr<const RecordMarks> marks);

    QString casePath() const { return m_casePath; }
    bool hasCaseValues() const { return !m_caseValues.isEmpty(); }
    // The filters saved in the case (none without a case or when it cannot be read).
    std::vector<SavedFilter> savedFilters() const;
    // Saves a valid, non-empty expression under `name` in the case; false
    // with `error` set otherwise.
    bool saveFilter(const QString &name, const QString &expression, QString *error = nullptr);
    bool removeSavedFilter(const QString &name, QString *error = nullptr);

    // What the message line under the editor says (plain text; empty when hidden).
    QString message() const;
    QLabel *messageLine() const { return m_message; }
    // Whether the message line offers the filter before a finding's evidence.
    bool canGoBack() const { return m_backFilter.has_value(); }

    QLineEdit *editor() const { return m_editor; }
    QCompleter *completer() const { return m_completer; }
    FilterBarMenu *menu() const { return m_menu; }

public Q_SLOTS:
    // The case whose values are offered and where filters are saved; empty for none.
    void setCase(const QString &casePath);
    // Reads the case's values again (after an import).
    void refreshCaseValues();
    // Puts `text` in the editor without applying it ("Prepare as filter").
    void setFilterText(const QString &text);
    // Puts `text` in the editor and applies it ("Apply as filter", brushing).
    bool applyFilterText(const QString &text);
    // Applies a finding's evidence filter ("Apply as filter" from a finding):
    // the message line names the finding (`finding`, its name, and `title`)
    // and offers the filter in force before it.
    bool applyEvidenceFilter(const QString &expression, const QString &finding, const QString &title);
    // Applies the filter in force before the finding's evidence.
    void goBack();
    // Applies the editor's text when it is valid or empty; otherwise shows
    // the error and returns false.
    bool apply();
    // Puts the applied filter back in the editor (Esc).
    void restore();
    // Focuses the editor with its text selected.
    void focusEditor();
    // Shows the completions at the cursor (Ctrl+Space).
    void showCompletions();
    // Asks a name and saves the editor's filter in the case.
    void promptSaveFilter();

Q_SIGNALS:
    void filterApplied(const QString &expression);
    // Enter on a wrong or unfinished filter: the error and the filter still in force.
    void applyRejected(const QString &message);
    void syntaxStateChanged(const QString &state);
    void caseValuesLoaded();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onTextEdited();
    void updateSyntax();
    void showSyntax();
    enum class MessageKind { None, Error, Notice };
    void showMessage(MessageKind kind, const QString &html);
    void clearMessage(MessageKind kind);
    void showRejection(const QString &inForce);
    void updateCompletions(bool force);
    void insertCompletion(const QString &candidate);
    void populateMenu();
    void onCaseValuesLoaded();
    void storeHistory();

    QLineEdit *m_editor = nullptr;
    QToolButton *m_menuButton = nullptr;
    QToolButton *m_applyButton = nullptr;
    QLabel *m_message = nullptr;
    MessageKind m_messageKind = MessageKind::None;
    std::optional<QString> m_backFilter; // the filter before a finding's evidence
    FilterBarMenu *m_menu = nullptr;
    QCompleter *m_completer = nullptr;
    QStandardItemModel *m_completionModel = nullptr;
    QTimer m_debounce;

    FilterSyntax m_syntax;
    FilterCompletion m_completion;
    bool m_inserting = false;
    QString m_applied;
    QStringList m_history; // newest first, as the settings will hold it
    std::function<bool(const QString &)> m_iocListExists;
    std::shared_ptr<const InterfaceAttributes> m_interfaceAttributes;
    std::shared_ptr<const RecordMarks> m_recordMarks;

    QString m_casePath;
    CaseValues m_caseValues;
    quint64 m_valuesGeneration = 0;  // bumped by every setCase() and refresh
    quint64 m_watchedGeneration = 0; // the request m_valuesWatcher follows
    std::shared_ptr<std::atomic_bool> m_cancelValues;
    QFutureWatcher<CaseValues> m_valuesWatcher;
};

} // namespace flowscope
