// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QString>

namespace cleave::gui {

/// The workbench's colours: the system's (light or dark, as the desktop says), or a fixed light
/// or dark palette for presenting.
enum class Theme { System, Light, Dark };

QString themeName(Theme theme);           ///< "system", "light", "dark": how settings store it
Theme themeFromName(const QString &name); ///< unknown names: System

/// The palette a theme gives the application.
QPalette themePalette(Theme theme);
/// Applies `theme` to the application (the plots follow on their palette change).
void applyTheme(Theme theme);
/// Whether `palette` is a dark one (light text on a dark base).
bool isDark(const QPalette &palette);

} // namespace cleave::gui
