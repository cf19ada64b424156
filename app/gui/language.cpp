// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace cleave::gui {

namespace {

// The translators in use; the application keeps pointers, these own them.
std::unique_ptr<QTranslator> g_cleave;
std::unique_ptr<QTranslator> g_qt;

} // namespace

QStringList languages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ko")};
}

QString installTranslations(const QString &language)
{
    for (auto *t : {g_cleave.get(), g_qt.get()})
        if (t)
            QCoreApplication::removeTranslator(t);
    g_cleave.reset();
    g_qt.reset();
    QLocale locale = language == QLatin1String("system") ? QLocale::system() : QLocale(language);
    auto cleave = std::make_unique<QTranslator>();
    // Looks for :/i18n/cleave_de_DE.qm, then cleave_de.qm, along the locale's UI languages.
    if (!cleave->load(locale, QStringLiteral("cleave"), QStringLiteral("_"),
                      QStringLiteral(":/i18n"))) {
        // A language without texts of its own: English, whose plurals are in cleave_en, and
        // numbers written the English way to match.
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
        if (!cleave->load(QStringLiteral(":/i18n/cleave_en.qm")))
            return QStringLiteral("en");
    }
    // Numbers follow the texts: "12,3 ms" in a German window.
    QLocale::setDefault(locale);
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        g_qt = std::move(qt);
    }
    QCoreApplication::installTranslator(cleave.get());
    const auto used = cleave->language().section(QLatin1Char('_'), 0, 0);
    g_cleave = std::move(cleave);
    return used.isEmpty() ? QStringLiteral("en") : used;
}

} // namespace cleave::gui
