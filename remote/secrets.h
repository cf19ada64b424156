// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Token files, shared by the agent (which requires a token) and its clients (which send one).
#include <string>

namespace cleave::remote {

/// The token in a token file, surrounding white space removed. Error(NotFound / InvalidInput)
/// naming the file when it cannot be read, holds nothing or more than one word; `warning` (when
/// given) gets a line when others may read the file.
std::string readTokenFile(const std::string &path, std::string *warning = nullptr);

/// Why `path` is no place for a secret, or empty when it is: it must be a regular file (not a
/// link) owned by this user that neither its group nor others may read or write.
std::string privateFileProblem(const std::string &path);

/// A fresh random token: 32 bytes from the system's generator, as 64 hex digits.
std::string newToken();

/// A token in a file of its own, readable by this user alone, in a folder only this user may
/// enter (under $TMPDIR); both go when this does. Error(Unavailable) when they cannot be made,
/// or when the file is not private once written (a file system that ignores permissions).
class PrivateTokenFile
{
public:
    explicit PrivateTokenFile(const std::string &token);
    ~PrivateTokenFile();
    PrivateTokenFile(const PrivateTokenFile &) = delete;
    PrivateTokenFile &operator=(const PrivateTokenFile &) = delete;

    const std::string &path() const { return m_path; }

private:
    std::string m_folder;
    std::string m_path;
};

} // namespace cleave::remote
