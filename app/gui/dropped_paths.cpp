// SPDX-License-Identifier: GPL-3.0-or-later
#include "dropped_paths.h"

#include <QMimeData>
#include <QUrl>

namespace flowscope {

QStringList localPathsOf(const QMimeData *mimeData)
{
    QStringList paths;
    if (!mimeData || !mimeData->hasUrls())
        return paths;
    for (const QUrl &url : mimeData->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

} // namespace flowscope
