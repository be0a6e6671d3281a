// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// qcustomplot.h is written with Qt's lower-case keywords (signals, slots,
// emit, foreach), which Flowscope turns off (QT_NO_KEYWORDS) so they can
// never clash with other libraries' names. They are mapped back for that one
// header and nowhere else: include QCustomPlot through this file.

#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef foreach
#undef emit
#undef slots
#undef signals
