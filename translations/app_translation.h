// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Installs the application's translation (and Qt's own) for a language.

#include <QLocale>
#include <QStringList>

namespace flowscope {

// The languages Flowscope ships, as ISO 639 codes.
QStringList availableLanguages();

// Installs the translation for `locale` into the running application,
// replacing the one installed before. Returns false (and installs none)
// when Flowscope has no translation for it: the interface stays English.
bool installAppTranslation(const QLocale &locale);

// The language chosen in the settings: an ISO 639 code, or empty to follow
// the system locale.
QString configuredLanguage();
void setConfiguredLanguage(const QString &language);
// Installs the configured language (or the system's), falling back to
// English, whose translation holds the plural forms.
void installConfiguredTranslation();

} // namespace flowscope
