// SPDX-License-Identifier: GPL-3.0-or-later
// A token file as an administrator would make one for `cleave-agent --token-file`.
#pragma once

#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace cleave::testing {

/// Writes `token` and a newline to DIR/NAME with permissions 0600 (`othersMayRead`: 0644).
/// Returns the path, or an empty string when the file cannot be written.
inline QString writeTokenFile(const QTemporaryDir &dir, const QString &name,
                              const QByteArray &token, bool othersMayRead = false)
{
    const auto path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(token + '\n') < 0)
        return {};
    f.close();
    auto permissions = QFile::ReadOwner | QFile::WriteOwner;
    if (othersMayRead)
        permissions |= QFile::ReadGroup | QFile::ReadOther;
    QFile::setPermissions(path, permissions);
    return path;
}

} // namespace cleave::testing
