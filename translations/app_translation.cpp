// SPDX-License-Identifier: GPL-3.0-or-later
#include "app_translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace flowscope {

namespace {
std::unique_ptr<QTranslator> &appTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}
const QString kLanguageKey = QStringLiteral("language");

std::unique_ptr<QTranslator> &qtTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}
} // namespace

QStringList availableLanguages() { return {QStringLiteral("en"), QStringLiteral("de")}; }

bool installAppTranslation(const QLocale &locale)
{
    for (auto *slot : {&appTranslator(), &qtTranslator()}) {
        if (*slot) {
            QCoreApplication::removeTranslator(slot->get());
            slot->reset();
        }
    }
    auto app = std::make_unique<QTranslator>();
    // Compiled in by qt_add_translations under :/i18n.
    if (!app->load(locale, QStringLiteral("flowscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return false;
    QCoreApplication::installTranslator(app.get());
    appTranslator() = std::move(app);
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qtTranslator() = std::move(qt);
    }
    return true;
}

QString configuredLanguage() { return QSettings().value(kLanguageKey).toString(); }

void setConfiguredLanguage(const QString &language)
{
    QSettings settings;
    if (language.isEmpty())
        settings.remove(kLanguageKey);
    else
        settings.setValue(kLanguageKey, language);
}

void installConfiguredTranslation()
{
    const QString language = configuredLanguage();
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    // Numbers and dates as the chosen language writes them ("39.815" in German), not as the system's.
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    if (!installAppTranslation(locale))
        installAppTranslation(QLocale(QLocale::English));
}

} // namespace flowscope
