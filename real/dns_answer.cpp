#include "real/dns_answer.hpp"

#include <cctype>

#include "sim/wire/dns_message.hpp"

namespace docknet::real {

namespace {

std::string normalised(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

}  // namespace

std::optional<sim::wire::Bytes> answerQuery(const sim::plan::PlanResolver& records, sim::wire::ByteView query) {
    using namespace sim::wire;
    auto q = DnsMessage::decode(query);
    if (!q || q->isResponse || q->questions.empty()) return std::nullopt;
    const auto& question = q->questions.front();
    const std::string name = normalised(question.name);
    if (question.type == kDnsTypePtr) {
        if (auto address = parseReverseName(name))
            if (auto it = records.pointers.find(address->toString()); it != records.pointers.end())
                return DnsMessage::answer(*q, {DnsAnswer::ptr(question.name, it->second, records.ttl)}).encode();
    } else if (auto it = records.addresses.find(name); it != records.addresses.end()) {
        std::vector<DnsAnswer> answers;
        if (question.type == kDnsTypeA) answers.push_back(DnsAnswer{question.name, *Ipv4Address::parse(it->second), records.ttl});
        return DnsMessage::answer(*q, answers).encode();
    }
    // Docker would forward this upstream; docknet's lab sends nothing out of its namespaces.
    return DnsMessage::answer(*q, {}, DnsRcode::NxDomain).encode();
}

}  // namespace docknet::real
