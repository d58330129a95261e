// JsonValue: the JSON document model behind `docker inspect`, `docker network inspect` and their
// `--format` templates, with writers that reproduce Go's encoding/json byte for byte.
//
// Objects come in two flavours, because Docker's JSON mixes Go structs and Go maps:
//   * JsonValue::object()       keeps INSERTION ORDER: a Go struct, printed in field order
//                               ("Name", "Id", "Created", ... in `network.Inspect`).
//   * JsonValue::sortedObject() keeps its keys SORTED (byte-wise, like Go's sort.Strings): a Go
//                               map such as "Containers", "Options", "Labels" or "Networks", which
//                               encoding/json always prints in key order.
// `set()` on a sorted object inserts at the sorted position, so items() is always print order;
// `sortKeys()` turns an existing object into a sorted one. The Go-template engine
// (sim/gotemplate/go_template.hpp) also uses the flavour: a missing key of a struct-like object is an
// error there, a missing key of a map-like object is `<no value>`.
//
// Writers:
//   * toIndentedString(): what Docker's CLI prints for inspect, i.e. Go's
//     json.Indent(dst, json.Marshal(v), "", "    "): 4-space indent, `"key": value`, `{}`/`[]`
//     for empty containers, no trailing newline.
//   * toCompactString(): json.Marshal output (no whitespace at all), e.g. {"a":1,"b":[1,2]}.
//     Docker's `{{json .X}}` template function uses escapeHtml = false (json.Encoder with
//     SetEscapeHTML(false)); the daemon's JSON, and therefore inspect, escapes HTML.
// String escaping is Go's: \" \\ \n \r \t, other control characters as \u00XX (Go <= 1.21
// spelling; 1.22 writes \b and \f instead of \u0008 and \u000c), `<` `>` `&` as \u003c \u003e
// \u0026 when escaping HTML, U+2028/U+2029 always escaped, invalid UTF-8 bytes as \ufffd.
// Integers print plainly; doubles like Go's float encoder ('f' shortest, 'e' below 1e-6 or from
// 1e21 on, "e-07" shortened to "e-7"); NaN and infinities, which Go refuses to encode, print null.
//
// parseJson() is strict RFC 8259 with Go's error wording (plus the byte offset), a nesting limit
// and no reads outside the input; duplicate keys keep the first position and the last value.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "sim/core/error.hpp"

namespace sim::core {

class JsonValue {
public:
    enum class Kind : std::uint8_t { Null, Bool, Integer, Double, String, Array, Object };
    using Array = std::vector<JsonValue>;
    using Member = std::pair<std::string, JsonValue>;
    using Members = std::vector<Member>;

    JsonValue() = default;  // null

    static JsonValue null() { return JsonValue(); }
    static JsonValue boolean(bool b);
    /// Any integer type; an unsigned value above INT64_MAX becomes a Double (Docker's JSON has none).
    template <std::integral T>
        requires(!std::same_as<T, bool>)
    static JsonValue number(T i) {
        JsonValue v;
        if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(std::int64_t)) {
            if (i > static_cast<T>(std::numeric_limits<std::int64_t>::max())) {
                v.m_value = static_cast<double>(i);
                return v;
            }
        }
        v.m_value = static_cast<std::int64_t>(i);
        return v;
    }
    static JsonValue number(double d);
    static JsonValue string(std::string s);
    static JsonValue array();
    static JsonValue array(Array elements);
    /// An array of strings, e.g. "Args" or "Links".
    static JsonValue stringArray(const std::vector<std::string>& items);
    /// Insertion-ordered object (a Go struct).
    static JsonValue object();
    /// Insertion-ordered object from members; a repeated key keeps its first position and its
    /// last value.
    static JsonValue object(Members members);
    /// Object whose keys are kept sorted (a Go map).
    static JsonValue sortedObject();

    [[nodiscard]] Kind kind() const;
    [[nodiscard]] bool isNull() const { return kind() == Kind::Null; }
    [[nodiscard]] bool isBool() const { return kind() == Kind::Bool; }
    [[nodiscard]] bool isInteger() const { return kind() == Kind::Integer; }
    [[nodiscard]] bool isDouble() const { return kind() == Kind::Double; }
    [[nodiscard]] bool isNumber() const { return isInteger() || isDouble(); }
    [[nodiscard]] bool isString() const { return kind() == Kind::String; }
    [[nodiscard]] bool isArray() const { return kind() == Kind::Array; }
    [[nodiscard]] bool isObject() const { return kind() == Kind::Object; }
    /// True for objects made by sortedObject() or sortKeys().
    [[nodiscard]] bool isSortedObject() const;

    // Accessors. Asking for the wrong kind is a programming error; it returns the zero value
    // (false, 0, "", empty) rather than crashing. asDouble() converts integers.
    [[nodiscard]] bool asBool() const;
    [[nodiscard]] std::int64_t asInteger() const;
    [[nodiscard]] double asDouble() const;
    [[nodiscard]] const std::string& asString() const;

    /// Elements of an array or members of an object; 0 for anything else.
    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] bool empty() const { return size() == 0; }

    /// Object: replaces the value of `key` in place, or adds it (at the end, or at its sorted
    /// position for a sorted object). A null value becomes an insertion-ordered object first;
    /// on any other kind this does nothing. Returns *this for chaining (moved out of a temporary:
    /// `auto v = JsonValue::object().set("a", x).set("b", y);`).
    JsonValue& set(std::string key, JsonValue value) &;
    JsonValue&& set(std::string key, JsonValue value) && { return std::move(set(std::move(key), std::move(value))); }
    /// Array: appends. A null value becomes an array first; other kinds: no-op.
    JsonValue& push(JsonValue value) &;
    JsonValue&& push(JsonValue value) && { return std::move(push(std::move(value))); }
    /// Object member lookup; nullptr when absent or when this is not an object.
    [[nodiscard]] const JsonValue* find(std::string_view key) const;
    [[nodiscard]] JsonValue* find(std::string_view key);
    [[nodiscard]] bool contains(std::string_view key) const { return find(key) != nullptr; }
    /// Removes a member; false if there was none.
    bool remove(std::string_view key);
    /// Array element; a shared null for an index out of range or a non-array.
    [[nodiscard]] const JsonValue& operator[](std::size_t index) const;
    /// Mutable array element; nullptr when out of range.
    [[nodiscard]] JsonValue* at(std::size_t index);
    /// Members in print order (empty for non-objects).
    [[nodiscard]] const Members& items() const;
    /// Array elements (empty for non-arrays).
    [[nodiscard]] const Array& elements() const;
    /// Object: a Go struct field encoding/json leaves out (omitempty, e.g. a nil *bool), with the
    /// value the field has in Go. It is not a member: items(), find(), the writers and == do not
    /// see it; the Go-template engine does, as Docker's templates run on the typed struct.
    /// set() of the same key replaces it. A null value becomes an object first; other kinds: no-op.
    JsonValue& setOmitted(std::string key, JsonValue goValue) &;
    JsonValue&& setOmitted(std::string key, JsonValue goValue) && { return std::move(setOmitted(std::move(key), std::move(goValue))); }
    /// The Go value of an omitted field; nullptr when `key` is a member or unknown.
    [[nodiscard]] const JsonValue* findOmitted(std::string_view key) const;
    /// Marks this object as a Go map and sorts its keys (this level only). No-op otherwise.
    JsonValue& sortKeys() &;
    JsonValue&& sortKeys() && { return std::move(sortKeys()); }

    /// json.Indent(json.Marshal(v), "", "    "): what `docker inspect` prints (without the final
    /// newline).
    [[nodiscard]] std::string toIndentedString() const;
    /// json.Marshal(v), or json.Encoder with SetEscapeHTML(false) when escapeHtml is false.
    [[nodiscard]] std::string toCompactString(bool escapeHtml = true) const;

    /// Same kind and same content, i.e. the same JSON text: objects compare members in order (the
    /// sorted flag itself does not matter), the Integer/Double distinction does (1 != 1.0).
    bool operator==(const JsonValue& other) const;

private:
    struct ObjectData {
        Members members;
        bool sorted = false;
        Members omitted;  // setOmitted(): fields the JSON text leaves out
        bool operator==(const ObjectData& o) const { return members == o.members; }
    };
    std::variant<std::monostate, bool, std::int64_t, double, std::string, Array, ObjectData> m_value;
};

/// The nesting limit parseJson() applies unless told otherwise.
inline constexpr std::size_t kJsonMaxDepth = 512;

/// Strict JSON parser. Errors (ErrorCode::InvalidArgument) use Go's wording followed by the byte
/// offset, e.g. `invalid character 'x' looking for beginning of value (offset 5)` or
/// `unexpected end of JSON input (offset 3)`. Integers that fit in int64 become Integer, every
/// other number Double (a number outside the double range is an error). Invalid UTF-8 inside
/// strings becomes U+FFFD, like Go's Unmarshal.
Result<JsonValue> parseJson(std::string_view text, std::size_t maxDepth = kJsonMaxDepth);

/// Go's encoding/json quoting of a string, with the surrounding quotes.
std::string jsonQuote(std::string_view text, bool escapeHtml = true);
void appendJsonQuoted(std::string& out, std::string_view text, bool escapeHtml = true);

/// strconv.FormatFloat(v, format, precision, 64) for format 'e', 'E', 'f', 'g' or 'G';
/// precision -1 means the shortest representation that reads back exactly. Go's %v for a
/// float64 is formatGoFloat(v, 'g', -1): 0.5, 100000, 1e+06, 1.5e-07.
std::string formatGoFloat(double v, char format, int precision = -1);

}  // namespace sim::core
