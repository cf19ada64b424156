// SPDX-License-Identifier: GPL-3.0-or-later
// A throwaway PKI in files, for tests that start agents with TLS options.
#pragma once

#include "throwawayca.h"

#include <QString>
#include <QTemporaryDir>

#include <string>
#include <utility>

namespace cleave::testing {

/// The files of one throwaway PKI in a temporary folder: ca.pem, and NAME.pem + NAME.key for
/// each certificate issued.
class Pki
{
public:
    explicit Pki(const std::string &name = "Cleave test CA")
        : m_ca(name)
    {
        writeTextFile(path("ca.pem"), m_ca.certPem());
    }
    std::string path(const std::string &file) const
    {
        return m_dir.filePath(QString::fromStdString(file)).toStdString();
    }
    /// Issues a certificate for 127.0.0.1 and returns {cert file, key file}.
    std::pair<std::string, std::string> issue(const std::string &name)
    {
        const auto pair = m_ca.issue(name);
        writeTextFile(path(name + ".pem"), pair.cert);
        writeTextFile(path(name + ".key"), pair.key);
        return {path(name + ".pem"), path(name + ".key")};
    }
    std::string ca() const { return path("ca.pem"); }

private:
    QTemporaryDir m_dir;
    ThrowawayCa m_ca;
};

} // namespace cleave::testing
