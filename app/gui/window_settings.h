// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the analyst left the window: geometry, docks and toolbars,
// splitters and table columns, kept in QSettings between sessions.

#include <QByteArray>
#include <QString>
#include <QStringList>

class QHeaderView;
class QMainWindow;
class QSplitter;

namespace flowscope {

class WindowSettings {
public:
    // Bump when the window's layout changes so that old states are not applied.
    // 2: the Statistics dock; 3: the Timeline dock; 4: the Import Report a tab, the table most of the height.
    static constexpr int kLayoutVersion = 4;

    // What came back of what was saved: the geometry and the docks' layout
    // (a layout of an earlier version does not). False where the window keeps its defaults.
    struct Restored {
        bool geometry = false;
        bool layout = false;
    };
    Restored restoreWindow(QMainWindow &window) const;
    void saveWindow(const QMainWindow &window) const;
    // Keyed by the splitter's objectName.
    bool restoreSplitter(QSplitter &splitter) const;
    void saveSplitter(const QSplitter &splitter) const;
    bool restoreHeader(QHeaderView &header, const QString &key) const;
    void saveHeader(const QHeaderView &header, const QString &key) const;

    QByteArray state(const QString &key) const;
    void setState(const QString &key, const QByteArray &state) const;
    // A list kept by name (the flow table's columns); empty when never saved.
    QStringList list(const QString &key) const;
    void setList(const QString &key, const QStringList &values) const;
    // A choice kept by name (File > Keep Duplicate Records); `fallback` when never saved.
    bool flag(const QString &key, bool fallback) const;
    void setFlag(const QString &key, bool on) const;
    // The folder a file dialog showed last, by purpose ("cases", "imports").
    QString folder(const QString &purpose) const;
    // Where a file dialog for `purpose` starts: the folder it showed last,
    // else the first of `fallbacks` (folders, or files: their folder) that
    // exists, else the home folder; never the process's working folder.
    QString startFolder(const QString &purpose, const QStringList &fallbacks = {}) const;
    void setFolder(const QString &purpose, const QString &folder) const;
};

} // namespace flowscope
