// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Asks what to load as a configuration snapshot: describe-* files and folders
// (any names; in folders, *.json and *.json.gz), when it was taken (by
// default the newest file's modification time) and a label.

#include <QDialog>
#include <QStringList>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace flowscope {

struct SnapshotLoadRequest {
    QStringList paths;
    std::optional<qint64> asOf; // epoch seconds; nothing for the newest file time
    QString label;
};

class SnapshotLoadDialog : public QDialog {
    Q_OBJECT
public:
    explicit SnapshotLoadDialog(const QString &startFolder, QWidget *parent = nullptr);

    void addPaths(const QStringList &paths);
    void setAsOfText(const QString &text);
    void setLabel(const QString &label);
    // The case the snapshot goes into, named in the title and the Load button
    // (as the import dialogs do), so that it is not stored in the wrong case unawares.
    void setCaseName(const QString &caseName);
    // The case's first and last record times (epoch seconds): a snapshot taken
    // far from them gets a warning under its time.
    void setCaseRecords(std::optional<qint64> first, std::optional<qint64> last);
    // Nothing while there is no path or the as-of time is not a time.
    std::optional<SnapshotLoadRequest> request() const;
    const QString &lastFolder() const { return m_folder; }

private:
    void addFiles();
    void addFolder();
    void updateState();

    QString m_folder;
    QListWidget *m_paths;
    QLineEdit *m_asOf;
    QLineEdit *m_label;
    QLabel *m_asOfNote;
    QLabel *m_distanceNote;
    std::optional<qint64> m_firstRecord, m_lastRecord;
    QDialogButtonBox *m_buttons;
};

// Shows the dialog; nothing when cancelled. folder: where the file choosers
// start, updated to the last one used.
std::optional<SnapshotLoadRequest> askSnapshotLoad(QWidget *parent, QString &folder, const QString &caseName,
                                                   std::optional<qint64> firstRecord = {},
                                                   std::optional<qint64> lastRecord = {});

} // namespace flowscope
