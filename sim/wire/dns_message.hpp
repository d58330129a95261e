// DnsMessage: RFC 1035 queries and answers for A records only (what Docker's embedded DNS at
// 127.0.0.11 answers). Class IN only; no EDNS, no TCP.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/wire/bytes.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::wire {

enum class DnsRcode : std::uint8_t { NoError = 0, FormErr = 1, ServFail = 2, NxDomain = 3, NotImp = 4, Refused = 5 };

struct DnsQuestion {
    std::string name;         // "web" or "web.mynet", without the trailing dot
    std::uint16_t type = 1;   // 1 = A
    bool operator==(const DnsQuestion&) const = default;
};

struct DnsAnswer {
    std::string name;
    Ipv4Address address;
    std::uint32_t ttl = 600;  // Docker's embedded DNS answers with TTL 600
    bool operator==(const DnsAnswer&) const = default;
};

struct DnsMessage {
    std::uint16_t id = 0;
    bool isResponse = false;
    bool recursionDesired = true;
    bool recursionAvailable = false;
    DnsRcode rcode = DnsRcode::NoError;
    std::vector<DnsQuestion> questions;
    std::vector<DnsAnswer> answers;  // A records

    static DnsMessage query(std::uint16_t id, std::string name);
    /// A response echoing the query's id and question.
    static DnsMessage answer(const DnsMessage& query, std::vector<DnsAnswer> answers, DnsRcode rcode = DnsRcode::NoError);

    /// tcpdump-like: "1234+ A? web. (21)" for a query, "1234 1/0/0 A 172.18.0.3 (37)" /
    /// "1234 NXDomain 0/0/0 (21)" for a response.
    [[nodiscard]] std::string summary() const;
    [[nodiscard]] Bytes encode() const;
    /// Strict: header counts must match the records present; name compression pointers are
    /// followed (with a loop guard); labels over 63 octets or names over 255 are errors.
    static core::Result<DnsMessage> decode(ByteView data);

    bool operator==(const DnsMessage&) const = default;
};

}  // namespace sim::wire
