// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace cleave::gui {

/// The languages the workbench speaks: "en", "de", "ko".
QStringList languages();

/// Installs the translations for `language` ("system": the system's locale; a language the
/// workbench does not speak falls back to English) into the application, replacing any
/// installed before, with Qt's own for the standard dialogs. Returns the language used.
QString installTranslations(const QString &language);

} // namespace cleave::gui
