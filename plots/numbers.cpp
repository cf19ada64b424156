// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/numbers.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace cleave::plots {

namespace {

constexpr int kDigits = 3;
constexpr int kMostDecimals = 9;

// Decimals that leave kDigits significant digits; none for numbers of kDigits or more.
int decimalsFor(double value)
{
    if (value == 0 || !std::isfinite(value))
        return 0;
    const int magnitude = int(std::floor(std::log10(std::abs(value))));
    return std::clamp(kDigits - 1 - magnitude, 0, kMostDecimals);
}

} // namespace

QString Numbers::significant(double value, Digits digits)
{
    if (!std::isfinite(value))
        return QLocale().toString(value);
    if (digits == Digits::AsNeeded && std::abs(value) < 1e3)
        return QLocale().toString(value, 'g', kDigits);
    // Rounding can carry into the next magnitude (9.996 -> 10.0): decide the decimals on the
    // rounded value.
    const double scale = std::pow(10.0, decimalsFor(value));
    const double rounded = std::round(value * scale) / scale;
    return QLocale().toString(rounded, 'f', decimalsFor(rounded));
}

QString Numbers::milliseconds(double seconds)
{
    return tr("%1 ms").arg(significant(seconds * 1e3));
}

QString Numbers::bytes(double bytes, Digits digits)
{
    const double size = std::abs(bytes);
    if (size < 1e3)
        return tr("%1 B").arg(significant(bytes, digits));
    if (size < 999.5e3)
        return tr("%1 KB").arg(significant(bytes / 1e3, digits));
    if (size < 999.5e6)
        return tr("%1 MB").arg(significant(bytes / 1e6, digits));
    return tr("%1 GB").arg(significant(bytes / 1e9, digits));
}

QString Numbers::megabitsPerSecond(double bitsPerSecond)
{
    return tr("%1 Mbit/s").arg(significant(bitsPerSecond / 1e6));
}

QString Numbers::percent(double percent)
{
    return tr("%1 %").arg(significant(percent));
}

QString Numbers::points(double points)
{
    return tr("%1 points").arg(QLocale().toString(points, 'f', 2));
}

QString Numbers::splits(int n)
{
    return tr("%n split(s)", nullptr, n);
}

QString Numbers::blocks(int n)
{
    return tr("%n block(s)", nullptr, n);
}

QString Numbers::runs(int n)
{
    return tr("%n run(s)", nullptr, n);
}

} // namespace cleave::plots
