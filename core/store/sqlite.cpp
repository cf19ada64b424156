// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/sqlite.h"

#include "core/error.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstring>

namespace cleave::store {

namespace {

// A file name as an SQLite URI: the characters a URI gives a meaning are escaped.
std::string immutableUri(const std::string &path)
{
    std::string uri = "file:";
    for (const char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X",
                          unsigned(static_cast<unsigned char>(c)));
            uri += escaped;
        } else {
            uri += c;
        }
    }
    return uri + "?mode=ro&immutable=1";
}

} // namespace

Database::Database(const std::string &path, Mode mode)
    : m_path(path)
{
    const int flags = mode == Mode::ReadOnly
                          ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
                          : SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                                (mode == Mode::ReadWriteCreate ? SQLITE_OPEN_CREATE : 0);
    const auto name = mode == Mode::ReadOnly ? immutableUri(path) : path;
    if (sqlite3_open_v2(name.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
        const std::string reason = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(ErrorKind::InvalidInput, path + ": cannot open the database: " + reason);
    }
    // Writers from another process wait instead of failing at once.
    sqlite3_busy_timeout(m_db, 5000);
    sqlite3_extended_result_codes(m_db, 1);
}

namespace {

// "disk I/O error" alone does not say what to do. SQLite keeps the system's reason only when
// errno survives until it asks (often not), so a failed write also gets the usual cause.
std::string reasonOf(sqlite3 *db, const char *message)
{
    std::string reason = message ? message : sqlite3_errmsg(db);
    const int extended = sqlite3_extended_errcode(db);
    const int primary = extended & 0xff;
    const int system = sqlite3_system_errno(db);
    if ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) && system != 0)
        reason += std::string(" (") + std::strerror(system) + ")";
    else if (extended == SQLITE_IOERR_WRITE || extended == SQLITE_IOERR_FSYNC ||
             extended == SQLITE_IOERR_TRUNCATE)
        reason += " (writing failed: is the disk full?)";
    return reason;
}

} // namespace

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

void Database::execute(std::string_view sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const auto reason = reasonOf(m_db, message);
        sqlite3_free(message);
        throw Error(ErrorKind::Internal, m_path + ": " + reason);
    }
}

int64_t Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}
int Database::changes() const
{
    return sqlite3_changes(m_db);
}
std::string Database::lastError() const
{
    return sqlite3_errmsg(m_db);
}

void Database::fail(std::string_view doing) const
{
    const int code = sqlite3_errcode(m_db);
    const auto primary = code & 0xff;
    const bool badFile = primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
    const auto kind = badFile                  ? ErrorKind::InvalidInput
                      : primary == SQLITE_BUSY ? ErrorKind::Unavailable
                                               : ErrorKind::Internal;
    throw Error(kind, m_path + ": " + std::string(doing) + ": " + reasonOf(m_db, nullptr));
}

Statement::Statement(Database &db, std::string_view sql)
    : m_db(db)
{
    if (sqlite3_prepare_v2(db.handle(), sql.data(), int(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
        db.fail("preparing a query");
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, int64_t value)
{
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
        m_db.fail("binding a value");
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK)
        m_db.fail("binding a value");
    return *this;
}

Statement &Statement::bind(int index, std::string_view value)
{
    if (sqlite3_bind_text(m_stmt, index, value.data(), int(value.size()), SQLITE_TRANSIENT) !=
        SQLITE_OK)
        m_db.fail("binding a value");
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK)
        m_db.fail("binding a value");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_db.fail("running a query");
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}
double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return text ? std::string(text, size_t(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    m_db.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!m_done)
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    m_db.execute("COMMIT");
    m_done = true;
}

} // namespace cleave::store
