// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cleave::gui {

/// Agent tokens in the platform's keychain (the Secret Service on Linux, through Qt Keychain),
/// so that neither the project nor a file holds them. An agent whose token lives there has
/// kTokenInKeychain as its token reference in the project; the entry is named after the agent's
/// address. Blocking calls with their own event loop: run them on a worker, never on the GUI
/// thread. Where no keychain answers, the caller falls back to a token file (0600).
namespace keychain {

/// What an agent's token reference says when the token is in the keychain.
inline const QString kTokenInKeychain = QStringLiteral("keychain:");

/// Stores `token` for `address`. An empty string when it worked, else why not (one line).
QString storeToken(const QString &address, const QString &token);
/// The token stored for `address`. Throws cleave::Error naming the agent when there is none or
/// no keychain answers.
QString readToken(const QString &address);
/// Forgets the token of `address`; an empty string when it worked (or there was none).
QString forgetToken(const QString &address);

} // namespace keychain
} // namespace cleave::gui
