// The tests' session: two busybox containers on docker0 and a1's first ping to a2, and lookups
// in the tables it produces.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "inspect/namespace_tables.hpp"
#include "inspect/time_machine.hpp"

namespace docknet::gui::testing {

inline Session firstPingSession() {
    return Session{{}, {"docker run -dit --name a1 busybox", "docker run -dit --name a2 busybox", "docker exec a1 ping -c 1 172.17.0.3"}};
}

inline const Table* tableById(const std::vector<Table>& tables, const std::string& id) {
    auto it = std::find_if(tables.begin(), tables.end(), [&](const Table& t) { return t.id == id; });
    return it == tables.end() ? nullptr : &*it;
}

/// The first row whose cell `column` equals `value`, or nullptr.
inline const std::vector<std::string>* rowWhere(const Table* t, const std::string& column, const std::string& value) {
    if (!t) return nullptr;
    auto col = std::find(t->columns.begin(), t->columns.end(), column);
    if (col == t->columns.end()) return nullptr;
    const auto c = std::size_t(col - t->columns.begin());
    for (const auto& row : t->rows)
        if (c < row.size() && row[c] == value) return &row;
    return nullptr;
}

inline std::string cell(const Table* t, const std::vector<std::string>* row, const std::string& column) {
    if (!t || !row) return {};
    auto col = std::find(t->columns.begin(), t->columns.end(), column);
    const auto c = std::size_t(col - t->columns.begin());
    return col == t->columns.end() || c >= row->size() ? std::string() : (*row)[c];
}

}  // namespace docknet::gui::testing
