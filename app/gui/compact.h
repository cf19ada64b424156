// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QComboBox>
#include <QWidget>

namespace cleave::gui {

/// Lets every combo box under `parent` grow with the room it gets but shrink to `characters`
/// (its text elided, the full list still shown when it opens), so that long item texts, in any
/// language, do not widen the window.
inline void letCombosShrink(QWidget *parent, int characters = 10)
{
    for (auto *box : parent->findChildren<QComboBox *>()) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(characters);
    }
}

} // namespace cleave::gui
