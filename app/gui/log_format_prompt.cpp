// SPDX-License-Identifier: GPL-3.0-or-later
#include "log_format_prompt.h"

#include "log_format_dialog.h"

#include <QPointer>

namespace flowscope {

LogFormatPrompt logFormatDialogPrompt(QWidget *parent)
{
    return [guard = QPointer<QWidget>(parent)](const LogFormatRequest &request) -> std::optional<QString> {
        LogFormatDialog dialog(guard);
        dialog.setExample(request.files, request.exampleFile, request.exampleRecord, request.exampleFields);
        dialog.setHistory(request.history);
        if (dialog.exec() != QDialog::Accepted || !dialog.isValid())
            return std::nullopt;
        return dialog.formatString();
    };
}

} // namespace flowscope
