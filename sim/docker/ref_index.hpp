// RefIndex: finds a container (or a network) by name, full id or unique id prefix without
// scanning them all — Docker's lookup order, kept in step by the engine as items are added,
// renamed and removed. Creating 10,000 containers used to be O(N²) in these lookups.
#pragma once

#include <map>
#include <string>
#include <unordered_map>

namespace sim::docker {

template <class T>
class RefIndex {
public:
    void add(T* item) {
        m_byName[item->name] = item;
        m_byId[item->id] = item;
    }
    void remove(const T* item) {
        if (auto it = m_byName.find(item->name); it != m_byName.end() && it->second == item) m_byName.erase(it);
        m_byId.erase(item->id);
    }
    /// Call before the item's name changes to `newName`.
    void rename(T* item, const std::string& newName) {
        if (auto it = m_byName.find(item->name); it != m_byName.end() && it->second == item) m_byName.erase(it);
        m_byName[newName] = item;
    }

    [[nodiscard]] T* byName(const std::string& name) const {
        auto it = m_byName.find(name);
        return it == m_byName.end() ? nullptr : it->second;
    }
    /// The full id, else the one id that starts with `ref` (nullptr when none or ambiguous).
    [[nodiscard]] T* byIdOrPrefix(const std::string& ref) const {
        if (ref.empty()) return nullptr;
        auto it = m_byId.lower_bound(ref);
        if (it == m_byId.end() || !it->first.starts_with(ref)) return nullptr;
        if (it->first == ref) return it->second;
        auto next = std::next(it);
        if (next != m_byId.end() && next->first.starts_with(ref)) return nullptr;  // ambiguous prefix
        return it->second;
    }
    /// Exact name, then full id, then a unique id prefix.
    [[nodiscard]] T* find(const std::string& ref) const {
        if (ref.empty()) return nullptr;
        if (T* t = byName(ref)) return t;
        return byIdOrPrefix(ref);
    }

private:
    std::unordered_map<std::string, T*> m_byName;
    std::map<std::string, T*> m_byId;  // ordered: the ids starting with a prefix are neighbours
};

}  // namespace sim::docker
