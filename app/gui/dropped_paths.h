// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The local files and folders a drag carries (what the window imports on a drop).

#include <QStringList>

class QMimeData;

namespace flowscope {

QStringList localPathsOf(const QMimeData *mimeData);

} // namespace flowscope
