// DnsMessage: RFC 1035 queries of any type, and answers holding A, AAAA (RFC 3596) and PTR records
// (what Docker's embedded DNS at 127.0.0.11 answers: addresses of container names, and
// NAME.NETWORK for the reverse name of a container's address). Class IN only; no EDNS, no TCP.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/wire/bytes.hpp"
#include "sim/wire/ipv4_address.hpp"
#include "sim/wire/ipv6_address.hpp"

namespace sim::wire {

inline constexpr std::uint16_t kDnsTypeA = 1;
inline constexpr std::uint16_t kDnsTypePtr = 12;
inline constexpr std::uint16_t kDnsTypeAaaa = 28;

enum class DnsRcode : std::uint8_t { NoError = 0, FormErr = 1, ServFail = 2, NxDomain = 3, NotImp = 4, Refused = 5 };

struct DnsQuestion {
    std::string name;                // "web" or "web.mynet", without the trailing dot
    std::uint16_t type = kDnsTypeA;  // 1 = A, 12 = PTR, ...
    bool operator==(const DnsQuestion&) const = default;
};

/// One resource record of the answer section: an A record (`address`), with type kDnsTypePtr a
/// PTR record (`target`, the domain name it points to, without the trailing dot), with type
/// kDnsTypeAaaa an AAAA record (`address6`). encode() writes any other type as an A record.
struct DnsAnswer {
    std::string name;
    Ipv4Address address;
    std::uint32_t ttl = 600;  // Docker's embedded DNS answers with TTL 600
    std::uint16_t type = kDnsTypeA;
    std::string target{};  // "{}": {name, address, ttl} stays free of -Wmissing-field-initializers
    Ipv6Address address6{};

    /// A PTR record: `name` ("3.0.18.172.in-addr.arpa") points to `target` ("db.mynet").
    static DnsAnswer ptr(std::string name, std::string target, std::uint32_t ttl = 600);
    /// An AAAA record.
    static DnsAnswer aaaa(std::string name, Ipv6Address address, std::uint32_t ttl = 600);
    bool operator==(const DnsAnswer&) const = default;
};

/// The reverse-mapping name of an address (RFC 1035 3.5): 172.18.0.3 -> "3.0.18.172.in-addr.arpa".
std::string reverseName(Ipv4Address address);
/// The address a reverse-mapping name stands for: exactly four decimal octets (no leading zeros)
/// followed by "in-addr.arpa", case-insensitive, a trailing dot allowed; nullopt for anything
/// else (a partial name such as "18.172.in-addr.arpa" included).
std::optional<Ipv4Address> parseReverseName(std::string_view name);

struct DnsMessage {
    std::uint16_t id = 0;
    bool isResponse = false;
    bool recursionDesired = true;
    bool recursionAvailable = false;
    DnsRcode rcode = DnsRcode::NoError;
    std::vector<DnsQuestion> questions;
    std::vector<DnsAnswer> answers;  // A, AAAA and PTR records

    static DnsMessage query(std::uint16_t id, std::string name, std::uint16_t type = kDnsTypeA);
    /// A response echoing the query's id and question.
    static DnsMessage answer(const DnsMessage& query, std::vector<DnsAnswer> answers, DnsRcode rcode = DnsRcode::NoError);

    /// tcpdump-like: "1234+ A? web. (21)" / "1234+ PTR? 3.0.18.172.in-addr.arpa. (41)" for a
    /// query, "1234 1/0/0 A 172.18.0.3 (37)" / "1234 1/0/0 PTR db.mynet. (63)" /
    /// "1234 NXDomain 0/0/0 (21)" for a response.
    [[nodiscard]] std::string summary() const;
    [[nodiscard]] Bytes encode() const;
    /// Strict: header counts must match the records present; name compression pointers are
    /// followed (with a loop guard); labels over 63 octets or names over 255 are errors; answers
    /// must be A (4 octets of data), AAAA (16) or PTR (a name filling its data exactly) records.
    static core::Result<DnsMessage> decode(ByteView data);

    bool operator==(const DnsMessage&) const = default;
};

}  // namespace sim::wire
