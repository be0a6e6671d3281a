// SPDX-License-Identifier: GPL-3.0-or-later
#include "window_settings.h"

#include "dialog_folder.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QSplitter>

namespace flowscope {

namespace {
QString keyOf(const QString &name) { return QStringLiteral("window/") + name; }
} // namespace

QByteArray WindowSettings::state(const QString &key) const { return QSettings().value(keyOf(key)).toByteArray(); }

void WindowSettings::setState(const QString &key, const QByteArray &state) const
{
    QSettings().setValue(keyOf(key), state);
}

QString WindowSettings::folder(const QString &purpose) const
{
    return QSettings().value(QStringLiteral("folders/") + purpose).toString();
}

QString WindowSettings::startFolder(const QString &purpose, const QStringList &fallbacks) const
{
    return dialogStartFolder(QStringLiteral("folders/") + purpose, fallbacks);
}

void WindowSettings::setFolder(const QString &purpose, const QString &folder) const
{
    QSettings().setValue(QStringLiteral("folders/") + purpose, folder);
}

bool WindowSettings::flag(const QString &key, bool fallback) const
{
    return QSettings().value(QStringLiteral("flags/") + key, fallback).toBool();
}

void WindowSettings::setFlag(const QString &key, bool on) const
{
    QSettings().setValue(QStringLiteral("flags/") + key, on);
}

QStringList WindowSettings::list(const QString &key) const
{
    return QSettings().value(QStringLiteral("lists/") + key).toStringList();
}

void WindowSettings::setList(const QString &key, const QStringList &values) const
{
    QSettings().setValue(QStringLiteral("lists/") + key, values);
}

WindowSettings::Restored WindowSettings::restoreWindow(QMainWindow &window) const
{
    Restored restored;
    const QByteArray geometry = state(QStringLiteral("geometry"));
    restored.geometry = !geometry.isEmpty() && window.restoreGeometry(geometry);
    const QByteArray layout = state(QStringLiteral("state"));
    restored.layout = !layout.isEmpty() && window.restoreState(layout, kLayoutVersion);
    return restored;
}

void WindowSettings::saveWindow(const QMainWindow &window) const
{
    setState(QStringLiteral("geometry"), window.saveGeometry());
    setState(QStringLiteral("state"), window.saveState(kLayoutVersion));
}

bool WindowSettings::restoreSplitter(QSplitter &splitter) const
{
    const QByteArray saved = state(QStringLiteral("splitters/") + splitter.objectName());
    return !saved.isEmpty() && splitter.restoreState(saved);
}

void WindowSettings::saveSplitter(const QSplitter &splitter) const
{
    setState(QStringLiteral("splitters/") + splitter.objectName(), splitter.saveState());
}

bool WindowSettings::restoreHeader(QHeaderView &header, const QString &key) const
{
    const QByteArray saved = state(QStringLiteral("headers/") + key);
    return !saved.isEmpty() && header.restoreState(saved);
}

void WindowSettings::saveHeader(const QHeaderView &header, const QString &key) const
{
    setState(QStringLiteral("headers/") + key, header.saveState());
}

} // namespace flowscope
