// JsonValue's document model: building, reading and changing values.
#include "sim/core/json.hpp"

#include <algorithm>
#include <unordered_map>

namespace sim::core {

namespace {

const std::string kEmptyString;
const JsonValue::Members kEmptyMembers;
const JsonValue::Array kEmptyArray;
const JsonValue kNull;

}  // namespace

// ---- JsonValue -------------------------------------------------------------------------------

JsonValue JsonValue::boolean(bool b) {
    JsonValue v;
    v.m_value = b;
    return v;
}

JsonValue JsonValue::number(double d) {
    JsonValue v;
    v.m_value = d;
    return v;
}

JsonValue JsonValue::string(std::string s) {
    JsonValue v;
    v.m_value = std::move(s);
    return v;
}

JsonValue JsonValue::array() {
    JsonValue v;
    v.m_value = Array{};
    return v;
}

JsonValue JsonValue::array(Array elements) {
    JsonValue v;
    v.m_value = std::move(elements);
    return v;
}

JsonValue JsonValue::stringArray(const std::vector<std::string>& items) {
    Array elements;
    elements.reserve(items.size());
    for (const auto& s : items) elements.push_back(string(s));
    return array(std::move(elements));
}

JsonValue JsonValue::object() {
    JsonValue v;
    v.m_value = ObjectData{};
    return v;
}

JsonValue JsonValue::object(Members members) {
    // First pass over the untouched keys: where each member goes. Second pass: move.
    std::unordered_map<std::string_view, std::size_t> slotOf;
    slotOf.reserve(members.size());
    std::vector<std::size_t> slot(members.size());
    std::vector<bool> first(members.size());
    std::size_t count = 0;
    for (std::size_t i = 0; i < members.size(); ++i) {
        const auto [it, inserted] = slotOf.try_emplace(members[i].first, count);
        if (inserted) ++count;
        slot[i] = it->second;
        first[i] = inserted;
    }
    Members unique;
    unique.reserve(count);
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (first[i]) {
            unique.push_back(std::move(members[i]));
        } else {
            unique[slot[i]].second = std::move(members[i].second);
        }
    }
    JsonValue v;
    v.m_value = ObjectData{std::move(unique), false};
    return v;
}

JsonValue JsonValue::sortedObject() {
    JsonValue v;
    v.m_value = ObjectData{{}, true};
    return v;
}

JsonValue::Kind JsonValue::kind() const {
    switch (m_value.index()) {
        case 1: return Kind::Bool;
        case 2: return Kind::Integer;
        case 3: return Kind::Double;
        case 4: return Kind::String;
        case 5: return Kind::Array;
        case 6: return Kind::Object;
        default: return Kind::Null;
    }
}

bool JsonValue::isSortedObject() const {
    const auto* o = std::get_if<ObjectData>(&m_value);
    return o != nullptr && o->sorted;
}

bool JsonValue::asBool() const {
    const auto* b = std::get_if<bool>(&m_value);
    return b != nullptr && *b;
}

std::int64_t JsonValue::asInteger() const {
    if (const auto* i = std::get_if<std::int64_t>(&m_value)) return *i;
    return 0;
}

double JsonValue::asDouble() const {
    if (const auto* d = std::get_if<double>(&m_value)) return *d;
    if (const auto* i = std::get_if<std::int64_t>(&m_value)) return static_cast<double>(*i);
    return 0.0;
}

const std::string& JsonValue::asString() const {
    if (const auto* s = std::get_if<std::string>(&m_value)) return *s;
    return kEmptyString;
}

std::size_t JsonValue::size() const {
    if (const auto* a = std::get_if<Array>(&m_value)) return a->size();
    if (const auto* o = std::get_if<ObjectData>(&m_value)) return o->members.size();
    return 0;
}

JsonValue& JsonValue::set(std::string key, JsonValue value) & {
    if (isNull()) m_value = ObjectData{};
    auto* o = std::get_if<ObjectData>(&m_value);
    if (o == nullptr) return *this;
    std::erase_if(o->omitted, [&](const Member& m) { return m.first == key; });
    auto& members = o->members;
    if (o->sorted) {
        const auto it = std::lower_bound(members.begin(), members.end(), key,
                                         [](const Member& m, const std::string& k) { return m.first < k; });
        if (it != members.end() && it->first == key) {
            it->second = std::move(value);
        } else {
            members.emplace(it, std::move(key), std::move(value));
        }
        return *this;
    }
    for (auto& m : members) {
        if (m.first == key) {
            m.second = std::move(value);
            return *this;
        }
    }
    members.emplace_back(std::move(key), std::move(value));
    return *this;
}

JsonValue& JsonValue::setOmitted(std::string key, JsonValue goValue) & {
    if (isNull()) m_value = ObjectData{};
    auto* o = std::get_if<ObjectData>(&m_value);
    if (o == nullptr) return *this;
    std::erase_if(o->members, [&](const Member& m) { return m.first == key; });
    for (auto& m : o->omitted) {
        if (m.first == key) {
            m.second = std::move(goValue);
            return *this;
        }
    }
    o->omitted.emplace_back(std::move(key), std::move(goValue));
    return *this;
}

const JsonValue* JsonValue::findOmitted(std::string_view key) const {
    const auto* o = std::get_if<ObjectData>(&m_value);
    if (o == nullptr) return nullptr;
    for (const auto& m : o->omitted)
        if (m.first == key) return &m.second;
    return nullptr;
}

JsonValue& JsonValue::push(JsonValue value) & {
    if (isNull()) m_value = Array{};
    if (auto* a = std::get_if<Array>(&m_value)) a->push_back(std::move(value));
    return *this;
}

const JsonValue* JsonValue::find(std::string_view key) const {
    const auto* o = std::get_if<ObjectData>(&m_value);
    if (o == nullptr) return nullptr;
    if (o->sorted) {
        const auto it = std::lower_bound(o->members.begin(), o->members.end(), key,
                                         [](const Member& m, std::string_view k) { return m.first < k; });
        return it != o->members.end() && it->first == key ? &it->second : nullptr;
    }
    for (const auto& m : o->members) {
        if (m.first == key) return &m.second;
    }
    return nullptr;
}

JsonValue* JsonValue::find(std::string_view key) {
    return const_cast<JsonValue*>(std::as_const(*this).find(key));
}

bool JsonValue::remove(std::string_view key) {
    auto* o = std::get_if<ObjectData>(&m_value);
    if (o == nullptr) return false;
    const auto it = std::find_if(o->members.begin(), o->members.end(), [&](const Member& m) { return m.first == key; });
    if (it == o->members.end()) return false;
    o->members.erase(it);
    return true;
}

const JsonValue& JsonValue::operator[](std::size_t index) const {
    const auto* a = std::get_if<Array>(&m_value);
    if (a == nullptr || index >= a->size()) return kNull;
    return (*a)[index];
}

JsonValue* JsonValue::at(std::size_t index) {
    auto* a = std::get_if<Array>(&m_value);
    if (a == nullptr || index >= a->size()) return nullptr;
    return &(*a)[index];
}

const JsonValue::Members& JsonValue::items() const {
    const auto* o = std::get_if<ObjectData>(&m_value);
    return o != nullptr ? o->members : kEmptyMembers;
}

const JsonValue::Array& JsonValue::elements() const {
    const auto* a = std::get_if<Array>(&m_value);
    return a != nullptr ? *a : kEmptyArray;
}

JsonValue& JsonValue::sortKeys() & {
    auto* o = std::get_if<ObjectData>(&m_value);
    if (o == nullptr) return *this;
    std::stable_sort(o->members.begin(), o->members.end(),
                     [](const Member& a, const Member& b) { return a.first < b.first; });
    o->sorted = true;
    return *this;
}

bool JsonValue::operator==(const JsonValue& other) const {
    if (m_value.index() != other.m_value.index()) return false;
    if (const auto* o = std::get_if<ObjectData>(&m_value)) {
        return o->members == std::get<ObjectData>(other.m_value).members;
    }
    return m_value == other.m_value;
}

}  // namespace sim::core
