// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace cleave::store {

/// A thin RAII wrapper over one SQLite connection. Errors become cleave::Error naming the file.
/// Not thread-safe: one owner thread per connection.
class Database
{
public:
    /// ReadOnly is for a file in a place that cannot be written (a read-only folder or mount):
    /// it is read as it is (SQLite's immutable), without the journal files writing would need.
    enum class Mode { ReadWriteCreate, ReadWrite, ReadOnly };

    Database(const std::string &path, Mode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const std::string &path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

    /// Runs one or more statements without results.
    void execute(std::string_view sql);
    int64_t lastInsertId() const;
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    int changes() const;
    /// SQLite's message for the last failure.
    std::string lastError() const;

    /// Error with the file name, what was being done, and SQLite's own message.
    [[noreturn]] void fail(std::string_view doing) const;

private:
    std::string m_path;
    sqlite3 *m_db = nullptr;
};

/// A prepared statement: bind by 1-based position, step, read columns by 0-based index.
class Statement
{
public:
    Statement(Database &db, std::string_view sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, int64_t value);
    Statement &bind(int index, int value) { return bind(index, int64_t(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view value);
    Statement &bind(int index, const char *value) { return bind(index, std::string_view(value)); }
    Statement &bindNull(int index);
    template<typename T>
    Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// Advances to the next row; false when there are no more.
    bool step();
    /// Runs a statement that returns no rows, then resets it for reuse.
    void run();
    void reset();

    int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;

private:
    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() was called.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    bool m_done = false;
};

} // namespace cleave::store
