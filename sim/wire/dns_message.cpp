#include "sim/wire/dns_message.hpp"

#include <charconv>
#include <utility>

#include "sim/wire/byte_io.hpp"

namespace sim::wire {

namespace {

constexpr std::size_t kHeaderLength = 12;
constexpr std::size_t kMaxLabel = 63;    // RFC 1035 2.3.4
constexpr std::size_t kMaxName = 255;    // RFC 1035 2.3.4, counted in wire octets
constexpr std::uint16_t kTypeA = kDnsTypeA;
constexpr std::uint16_t kTypePtr = kDnsTypePtr;
constexpr std::uint16_t kTypeAaaa = kDnsTypeAaaa;
constexpr std::uint16_t kClassIn = 1;
constexpr std::uint16_t kFlagResponse = 0x8000;
constexpr std::uint16_t kFlagRecursionDesired = 0x0100;
constexpr std::uint16_t kFlagRecursionAvailable = 0x0080;
// No legitimate name needs more jumps than it has labels (at most 127 in 255 octets).
constexpr int kMaxPointerJumps = 128;

core::Result<DnsMessage> malformed(std::string message) {
    return core::fail(core::ErrorCode::InvalidArgument, std::move(message));
}

std::string typeName(std::uint16_t type) {
    switch (type) {
        case 1: return "A";
        case 2: return "NS";
        case 5: return "CNAME";
        case 6: return "SOA";
        case 12: return "PTR";
        case 15: return "MX";
        case 16: return "TXT";
        case 28: return "AAAA";
        case 33: return "SRV";
        case 255: return "ANY";
        default: return "Type" + std::to_string(type);
    }
}

/// Splits "web.mynet" into labels. Empty labels ("a..b", a trailing dot) are dropped, and a label
/// over 63 octets is cut, so encode() never emits an invalid name; validating user input is the
/// resolver's job, not the codec's.
std::vector<std::string_view> labelsOf(std::string_view name) {
    std::vector<std::string_view> labels;
    std::size_t total = 1;
    while (!name.empty()) {
        const std::size_t dot = name.find('.');
        std::string_view label = name.substr(0, dot);
        name.remove_prefix(dot == std::string_view::npos ? name.size() : dot + 1);
        if (label.empty()) continue;
        if (label.size() > kMaxLabel) label = label.substr(0, kMaxLabel);
        if (total + 1 + label.size() > kMaxName) break;
        total += 1 + label.size();
        labels.push_back(label);
    }
    return labels;
}

/// Writes names, pointing (RFC 1035 4.1.4) at an identical name written earlier; that makes an
/// answer's owner name 2 octets, as in real responses.
class NameWriter {
public:
    void write(ByteWriter& w, const std::string& name) {
        for (const auto& [earlier, offset] : m_written) {
            if (earlier == name) {
                w.u16(std::uint16_t(0xc000 | offset));
                return;
            }
        }
        if (w.size() < 0x3fff) m_written.emplace_back(name, w.size());
        for (std::string_view label : labelsOf(name)) {
            w.u8(std::uint8_t(label.size()));
            for (char c : label) w.u8(std::uint8_t(c));
        }
        w.u8(0);
    }

private:
    std::vector<std::pair<std::string, std::size_t>> m_written;
};

/// Reads a possibly compressed name starting at the reader's position and leaves the reader
/// after it (after the first pointer, if any).
core::Result<std::string> readName(ByteView message, ByteReader& r) {
    std::string name;
    std::size_t wireLength = 1;  // the terminating zero octet
    std::size_t pos = r.offset();
    bool jumped = false;
    int jumps = 0;
    for (;;) {
        if (pos >= message.size()) return core::fail(core::ErrorCode::InvalidArgument, "DNS name runs past the message");
        const std::uint8_t len = message[pos];
        if ((len & 0xc0) == 0xc0) {
            if (pos + 1 >= message.size())
                return core::fail(core::ErrorCode::InvalidArgument, "DNS name runs past the message");
            const std::size_t target = std::size_t((len & 0x3f) << 8) | message[pos + 1];
            if (!jumped) r.skip(pos + 2 - r.offset());
            jumped = true;
            if (++jumps > kMaxPointerJumps)
                return core::fail(core::ErrorCode::InvalidArgument, "DNS name compression pointer loop");
            if (target >= message.size())
                return core::fail(core::ErrorCode::InvalidArgument,
                                  "DNS compression pointer out of range: " + std::to_string(target));
            pos = target;
            continue;
        }
        if (len > kMaxLabel)
            return core::fail(core::ErrorCode::InvalidArgument, "DNS label longer than 63 octets: " + std::to_string(len));
        if (len == 0) {
            if (!jumped) r.skip(pos + 1 - r.offset());
            return name;
        }
        wireLength += 1 + len;
        if (wireLength > kMaxName) return core::fail(core::ErrorCode::InvalidArgument, "DNS name longer than 255 octets");
        if (message.size() - pos - 1 < len)
            return core::fail(core::ErrorCode::InvalidArgument, "DNS name runs past the message");
        if (!name.empty()) name += '.';
        for (std::size_t i = 0; i < len; ++i) {
            const char c = char(message[pos + 1 + i]);
            // A dot inside a label could not be told apart from a separator in `name`.
            if (c == '.') return core::fail(core::ErrorCode::InvalidArgument, "DNS label contains a dot");
            name += c;
        }
        pos += 1 + len;
    }
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

}  // namespace

DnsAnswer DnsAnswer::aaaa(std::string name, Ipv6Address address, std::uint32_t ttl) {
    DnsAnswer a;
    a.name = std::move(name);
    a.ttl = ttl;
    a.type = kTypeAaaa;
    a.address6 = address;
    return a;
}

DnsAnswer DnsAnswer::ptr(std::string name, std::string target, std::uint32_t ttl) {
    DnsAnswer a;
    a.name = std::move(name);
    a.ttl = ttl;
    a.type = kTypePtr;
    a.target = std::move(target);
    return a;
}

std::string reverseName(Ipv4Address address) {
    const std::uint32_t v = address.value();
    return std::to_string(v & 0xff) + "." + std::to_string((v >> 8) & 0xff) + "." + std::to_string((v >> 16) & 0xff) +
           "." + std::to_string(v >> 24) + ".in-addr.arpa";
}

std::optional<Ipv4Address> parseReverseName(std::string_view name) {
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    constexpr std::string_view kSuffix = ".in-addr.arpa";
    if (name.size() <= kSuffix.size() || !equalsIgnoringCase(name.substr(name.size() - kSuffix.size()), kSuffix))
        return std::nullopt;
    name.remove_suffix(kSuffix.size());
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
        const std::size_t dot = name.find('.');
        if ((i < 3) != (dot != std::string_view::npos)) return std::nullopt;  // exactly four labels
        const std::string_view label = name.substr(0, dot);
        unsigned octet = 0;
        const auto [end, ec] = std::from_chars(label.data(), label.data() + label.size(), octet);
        if (ec != std::errc() || end != label.data() + label.size() || label.empty() || octet > 255 ||
            (label.size() > 1 && label.front() == '0'))
            return std::nullopt;
        value |= std::uint32_t(octet) << (8 * i);  // the least significant octet comes first
        name.remove_prefix(dot == std::string_view::npos ? name.size() : dot + 1);
    }
    return Ipv4Address(value);
}

DnsMessage DnsMessage::query(std::uint16_t id, std::string name, std::uint16_t type) {
    DnsMessage m;
    m.id = id;
    m.questions.push_back(DnsQuestion{std::move(name), type});
    return m;
}

DnsMessage DnsMessage::answer(const DnsMessage& query, std::vector<DnsAnswer> answers, DnsRcode rcode) {
    DnsMessage m;
    m.id = query.id;
    m.isResponse = true;
    m.recursionDesired = query.recursionDesired;
    // libnetwork's resolver sets RA on every response (setCommonFlags).
    m.recursionAvailable = true;
    m.rcode = rcode;
    m.questions = query.questions;
    m.answers = std::move(answers);
    return m;
}

std::string DnsMessage::summary() const {
    // tcpdump's print-domain.c without -v: id, flags, then the question (query) or the
    // section counts and answers (response), then the message length.
    std::string s = std::to_string(id);
    if (isResponse) {
        static constexpr const char* kRcodeText[] = {"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused"};
        const auto rc = std::size_t(rcode);
        s += rc < std::size(kRcodeText) ? kRcodeText[rc] : " Resp" + std::to_string(rc);
        if (!recursionAvailable) s += '-';
        if (questions.size() != 1) s += " [" + std::to_string(questions.size()) + "q]";
        s += " " + std::to_string(answers.size()) + "/0/0";
        for (std::size_t i = 0; i < answers.size(); ++i) {
            if (i > 0) s += ',';
            const auto& a = answers[i];
            s += a.type == kTypePtr    ? " PTR " + a.target + "."
                 : a.type == kTypeAaaa ? " AAAA " + a.address6.toString()
                                       : " A " + a.address.toString();
        }
    } else {
        if (recursionDesired) s += '+';
        if (!answers.empty()) s += " [" + std::to_string(answers.size()) + "a]";
        if (questions.size() != 1) s += " [" + std::to_string(questions.size()) + "q]";
        for (const auto& q : questions) s += " " + typeName(q.type) + "? " + q.name + ".";
    }
    return s + " (" + std::to_string(encode().size()) + ")";
}

Bytes DnsMessage::encode() const {
    Bytes out;
    ByteWriter w(out);
    NameWriter names;
    w.u16(id);
    std::uint16_t flags = std::uint16_t(rcode) & 0x0f;
    if (isResponse) flags |= kFlagResponse;
    if (recursionDesired) flags |= kFlagRecursionDesired;
    if (recursionAvailable) flags |= kFlagRecursionAvailable;
    w.u16(flags);
    w.u16(std::uint16_t(questions.size()));
    w.u16(std::uint16_t(answers.size()));
    w.u16(0);
    w.u16(0);
    for (const auto& q : questions) {
        names.write(w, q.name);
        w.u16(q.type);
        w.u16(kClassIn);
    }
    for (const auto& a : answers) {
        names.write(w, a.name);
        const bool ptr = a.type == kTypePtr;
        const bool aaaa = a.type == kTypeAaaa;
        w.u16(ptr ? kTypePtr : aaaa ? kTypeAaaa : kTypeA);
        w.u16(kClassIn);
        w.u32(a.ttl);
        if (ptr) {
            // PTR data is a domain name, which may be compressed (RFC 1035 4.1.4).
            const std::size_t lengthAt = w.size();
            w.u16(0);
            names.write(w, a.target);
            w.patchU16(lengthAt, std::uint16_t(w.size() - lengthAt - 2));
        } else if (aaaa) {
            w.u16(16);
            for (const std::uint64_t half : {a.address6.high(), a.address6.low()}) {
                w.u32(std::uint32_t(half >> 32));
                w.u32(std::uint32_t(half & 0xffffffffu));
            }
        } else {
            w.u16(4);
            w.u32(a.address.value());
        }
    }
    return out;
}

core::Result<DnsMessage> DnsMessage::decode(ByteView data) {
    if (data.size() < kHeaderLength) return malformed("DNS message too short: " + std::to_string(data.size()) + " octets");
    ByteReader r(data);
    DnsMessage m;
    m.id = r.u16();
    const std::uint16_t flags = r.u16();
    const std::uint16_t qdcount = r.u16();
    const std::uint16_t ancount = r.u16();
    const std::uint16_t nscount = r.u16();
    const std::uint16_t arcount = r.u16();

    const unsigned opcode = (flags >> 11) & 0x0f;
    const unsigned rcode = flags & 0x0f;
    if (opcode != 0) return core::fail(core::ErrorCode::Unsupported, "unsupported DNS opcode " + std::to_string(opcode));
    if (rcode > unsigned(DnsRcode::Refused))
        return core::fail(core::ErrorCode::Unsupported, "unsupported DNS rcode " + std::to_string(rcode));
    if (nscount != 0 || arcount != 0)
        return core::fail(core::ErrorCode::Unsupported, "DNS authority and additional records are not supported");
    m.isResponse = (flags & kFlagResponse) != 0;
    m.recursionDesired = (flags & kFlagRecursionDesired) != 0;
    m.recursionAvailable = (flags & kFlagRecursionAvailable) != 0;
    m.rcode = DnsRcode(rcode);

    // A question takes at least 5 octets and an answer 12 (a PTR record with the root as owner
    // and target), so impossible counts are refused before any work or allocation.
    if (std::size_t(qdcount) * 5 + std::size_t(ancount) * 12 > r.remaining())
        return malformed("DNS counts disagree with the data: " + std::to_string(qdcount) + " questions and " +
                         std::to_string(ancount) + " answers in " + std::to_string(data.size()) + " octets");

    for (unsigned i = 0; i < qdcount; ++i) {
        auto name = readName(data, r);
        if (!name) return std::unexpected(name.error());
        const std::uint16_t type = r.u16();
        const std::uint16_t cls = r.u16();
        if (!r.ok()) return malformed("DNS message truncated in question " + std::to_string(i + 1));
        if (cls != kClassIn) return core::fail(core::ErrorCode::Unsupported, "unsupported DNS class " + std::to_string(cls));
        m.questions.push_back(DnsQuestion{std::move(*name), type});
    }
    for (unsigned i = 0; i < ancount; ++i) {
        auto name = readName(data, r);
        if (!name) return std::unexpected(name.error());
        const std::uint16_t type = r.u16();
        const std::uint16_t cls = r.u16();
        const std::uint32_t ttl = r.u32();
        const std::uint16_t rdlength = r.u16();
        if (!r.ok()) return malformed("DNS message truncated in answer " + std::to_string(i + 1));
        if (type != kTypeA && type != kTypePtr && type != kTypeAaaa)
            return core::fail(core::ErrorCode::Unsupported, "unsupported DNS record type " + typeName(type));
        if (cls != kClassIn) return core::fail(core::ErrorCode::Unsupported, "unsupported DNS class " + std::to_string(cls));
        if (type == kTypePtr) {
            if (rdlength > r.remaining()) return malformed("DNS message truncated in answer " + std::to_string(i + 1));
            const std::size_t dataStart = r.offset();
            // The name is read from the whole message (it may point backwards) but must end
            // exactly where the record's data does.
            auto target = readName(data, r);
            if (!target) return std::unexpected(target.error());
            if (r.offset() - dataStart != rdlength)
                return malformed("DNS PTR record with " + std::to_string(rdlength) + " octets of data holding a " +
                                 std::to_string(r.offset() - dataStart) + "-octet name");
            m.answers.push_back(DnsAnswer::ptr(std::move(*name), std::move(*target), ttl));
            continue;
        }
        if (type == kTypeAaaa) {
            if (rdlength != 16) return malformed("DNS AAAA record with " + std::to_string(rdlength) + " octets of data");
            const std::uint64_t high = (std::uint64_t(r.u32()) << 32) | r.u32();
            const std::uint64_t low = (std::uint64_t(r.u32()) << 32) | r.u32();
            if (!r.ok()) return malformed("DNS message truncated in answer " + std::to_string(i + 1));
            m.answers.push_back(DnsAnswer::aaaa(std::move(*name), Ipv6Address(high, low), ttl));
            continue;
        }
        if (rdlength != 4) return malformed("DNS A record with " + std::to_string(rdlength) + " octets of data");
        const std::uint32_t address = r.u32();
        if (!r.ok()) return malformed("DNS message truncated in answer " + std::to_string(i + 1));
        m.answers.push_back(DnsAnswer{std::move(*name), Ipv4Address(address), ttl});
    }
    if (r.remaining() != 0)
        return malformed("DNS counts disagree with the data: " + std::to_string(r.remaining()) +
                         " octets after the last record");
    return m;
}

}  // namespace sim::wire
