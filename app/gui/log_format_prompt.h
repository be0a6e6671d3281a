// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The import controller's format prompt as the analyst sees it: the log
// format dialog, modal over the window.

#include "import_controller.h"

class QWidget;

namespace flowscope {

LogFormatPrompt logFormatDialogPrompt(QWidget *parent);

} // namespace flowscope
