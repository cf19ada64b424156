// SPDX-License-Identifier: GPL-3.0-or-later
// What a store looks like after a crash, read as SQLite itself reads it.
#pragma once

#include "core/store/sqlite.h"

#include <string>

namespace cleave::testing {

/// SQLite's PRAGMA integrity_check: "ok" for a sound file, else its findings.
inline std::string integrityOf(const std::string &path)
{
    store::Database db(path, store::Database::Mode::ReadWrite);
    store::Statement check(db, "PRAGMA integrity_check");
    std::string result;
    while (check.step())
        result += (result.empty() ? "" : "; ") + check.text(0);
    return result;
}

/// The rows of `table` (a name from the schema), or -1 while the file or table is not there
/// yet or is busy.
inline int64_t rowsIn(const std::string &path, const std::string &table)
{
    try {
        store::Database db(path, store::Database::Mode::ReadWrite);
        store::Statement count(db, "SELECT count(*) FROM " + table);
        return count.step() ? count.integer(0) : -1;
    } catch (...) {
        return -1;
    }
}

} // namespace cleave::testing
