// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialog_folder.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace flowscope {

namespace {

// The application's cache folder holds the bundled demo case: its folder is
// no place an analyst looks for evidence or keeps an export.
bool inApplicationCache(const QFileInfo &info)
{
    const QString cache = QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).canonicalPath();
    const QString path = (info.isDir() ? QDir(info.absoluteFilePath()) : info.absoluteDir()).canonicalPath();
    return !cache.isEmpty() && (path == cache || path.startsWith(cache + QLatin1Char('/')));
}

} // namespace

QString dialogStartFolder(const QString &key, const QStringList &fallbacks)
{
    QStringList candidates{QSettings().value(key).toString()};
    candidates += fallbacks;
    for (const QString &candidate : std::as_const(candidates)) {
        if (candidate.isEmpty())
            continue;
        const QFileInfo info(candidate);
        if (inApplicationCache(info))
            continue;
        if (info.isDir())
            return info.absoluteFilePath();
        if (info.isFile() && info.absoluteDir().exists())
            return info.absolutePath();
    }
    return QDir::homePath();
}

void rememberDialogFolder(const QString &key, const QString &chosen)
{
    if (chosen.isEmpty())
        return;
    const QFileInfo info(chosen);
    QSettings().setValue(key, info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

} // namespace flowscope
