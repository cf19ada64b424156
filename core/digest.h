// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace cleave {

/// SHA-256 fed in steps. Copies carry the bytes fed so far, so one prefix serves several
/// endings.
class Sha256
{
public:
    Sha256();
    Sha256(const Sha256 &other);
    Sha256 &operator=(const Sha256 &other);
    ~Sha256();

    void add(std::string_view data);
    /// Lower-case hex of the digest of everything added; the hash itself can take more.
    std::string hex() const;

private:
    struct Context;
    std::unique_ptr<Context> d;
};

/// Lower-case hex SHA-256 of `data`.
std::string sha256Hex(std::string_view data);

} // namespace cleave
