// SPDX-License-Identifier: GPL-3.0-or-later
// A certificate authority made for one test and thrown away with it: the TLS tests never depend
// on a file checked in (which would expire) or on a tool being installed.
#pragma once

#include <memory>
#include <string>

namespace cleave::testing {

/// A certificate and its private key, as PEM text.
struct PemPair
{
    std::string cert;
    std::string key;
};

class ThrowawayCa
{
public:
    /// A fresh P-256 root, valid for a day, named `name`.
    explicit ThrowawayCa(const std::string &name);
    ~ThrowawayCa();
    ThrowawayCa(const ThrowawayCa &) = delete;
    ThrowawayCa &operator=(const ThrowawayCa &) = delete;

    const std::string &certPem() const;
    /// A certificate this CA signs for `commonName`, good for servers and clients, with the
    /// subject alternative names `altNames` (e.g. "IP:127.0.0.1,DNS:localhost").
    PemPair issue(const std::string &commonName,
                  const std::string &altNames = "IP:127.0.0.1,DNS:localhost") const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// Writes `text` to `path`; false when it cannot.
bool writeTextFile(const std::string &path, const std::string &text);

} // namespace cleave::testing
