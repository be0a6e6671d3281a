// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a file dialog starts: the folder the analyst chose last for that
// purpose (kept in the application's settings under `key`) while it still
// exists, else the first of `fallbacks` that exists (a folder, or a file's
// folder: the open case's), else the home folder; never the process's
// working folder, which for a desktop launch is wherever it happened to be,
// nor the application's cache folder, where the bundled demo case lives.

#include <QString>
#include <QStringList>

namespace flowscope {

QString dialogStartFolder(const QString &key, const QStringList &fallbacks = {});
// Keeps the folder of what was chosen (a file's folder, or the folder itself) under `key`.
void rememberDialogFolder(const QString &key, const QString &chosen);

} // namespace flowscope
