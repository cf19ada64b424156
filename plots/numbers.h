// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdint>

namespace cleave::plots {

// One way to write a number for people, used by tables, tool-tips, logs and plots alike:
// three significant digits (whole numbers keep all of theirs), the locale's decimal point and
// thousands separators, and the unit that keeps the figure short.
//
//     Numbers::significant(1234.5)   // "1,235"
//     Numbers::milliseconds(0.01234) // "12.3 ms"
//     Numbers::bytes(2'048'000)      // "2.05 MB"
//     Numbers::splits(1)             // "1 split"
class Numbers
{
    Q_DECLARE_TR_FUNCTIONS(cleave::plots::Numbers)

public:
    /// Three significant digits always ("1.00 MB", for columns that line up), or only those the
    /// value needs ("1 MB", for axis ticks at round values).
    enum class Digits { Three, AsNeeded };

    static QString significant(double value, Digits digits = Digits::Three);
    static QString milliseconds(double seconds);
    static QString bytes(double bytes, Digits digits = Digits::Three);
    static QString megabitsPerSecond(double bitsPerSecond);
    static QString percent(double percent);
    /// Percentage points, two decimals: "0.50 points" (accuracy drops).
    static QString points(double points);

    // Counts, with the plural the language asks for.
    static QString splits(int n);
    static QString blocks(int n);
    static QString runs(int n);
};

} // namespace cleave::plots
