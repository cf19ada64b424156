// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/secrets.h"

#include "core/error.h"

#include <openssl/rand.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cleave::remote {

namespace {

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string octalMode(mode_t mode)
{
    char text[8];
    std::snprintf(text, sizeof text, "%04o", unsigned(mode & 07777));
    return text;
}

void writeAll(int fd, const std::string &text)
{
    size_t done = 0;
    while (done < text.size()) {
        const auto n = write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw Error(ErrorKind::Unavailable,
                        std::string("cannot write a token file: ") + std::strerror(errno));
        done += size_t(n);
    }
}

} // namespace

std::string readTokenFile(const std::string &path, std::string *warning)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw Error(ErrorKind::NotFound, "--token-file " + path + ": cannot read the file");
    std::stringstream text;
    text << file.rdbuf();
    const auto token = trimmed(text.str());
    if (token.empty())
        throw Error(ErrorKind::InvalidInput, "--token-file " + path + ": the file is empty");
    if (token.find_first_of(" \t\r\n") != std::string::npos)
        throw Error(ErrorKind::InvalidInput,
                    "--token-file " + path + ": the token must be one word");
    if (warning) {
        if (const auto problem = privateFileProblem(path); !problem.empty())
            *warning = "--token-file " + path + ": " + problem;
    }
    return token;
}

std::string privateFileProblem(const std::string &path)
{
    struct stat info = {};
    if (stat(path.c_str(), &info) != 0)
        return std::string("cannot look at it: ") + std::strerror(errno);
    if (!S_ISREG(info.st_mode))
        return "not a regular file";
    if ((info.st_mode & 077) != 0)
        return "others may read it (permissions " + octalMode(info.st_mode) +
               "); keep it with permissions 0600 (chmod 600)";
    if (info.st_uid != geteuid())
        return "it belongs to user " + std::to_string(info.st_uid) + ", not to this user (" +
               std::to_string(geteuid()) + ")";
    return {};
}

std::string newToken()
{
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        throw Error(ErrorKind::Unavailable, "the system's random generator gave no token");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string token;
    for (const auto b : bytes) {
        token.push_back(kHex[b >> 4]);
        token.push_back(kHex[b & 15]);
    }
    return token;
}

PrivateTokenFile::PrivateTokenFile(const std::string &token)
{
    std::error_code ec;
    auto base = std::filesystem::temp_directory_path(ec);
    if (ec)
        base = "/tmp";
    std::string folder = (base / "cleave-token-XXXXXX").string();
    if (!mkdtemp(folder.data())) // mode 0700
        throw Error(ErrorKind::Unavailable, "cannot make a private folder for a token in " +
                                                base.string() + ": " + std::strerror(errno));
    m_folder = folder;
    m_path = folder + "/token";
    const int fd = open(m_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        const auto reason = std::string(std::strerror(errno));
        std::filesystem::remove_all(m_folder, ec);
        throw Error(ErrorKind::Unavailable,
                    "cannot write a token file in " + m_folder + ": " + reason);
    }
    try {
        writeAll(fd, token + '\n');
    } catch (...) {
        close(fd);
        std::filesystem::remove_all(m_folder, ec);
        throw;
    }
    close(fd);
    if (const auto problem = privateFileProblem(m_path); !problem.empty()) {
        std::filesystem::remove_all(m_folder, ec);
        throw Error(ErrorKind::Unavailable, m_path + ": " + problem);
    }
}

PrivateTokenFile::~PrivateTokenFile()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_folder, ignored);
}

} // namespace cleave::remote
