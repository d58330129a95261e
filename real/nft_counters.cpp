#include "real/nft_counters.hpp"

#include <nftables/libnftables.h>

#include <map>
#include <memory>

#include "sim/core/json.hpp"

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;
using sim::plan::CounterObservation;

Result<std::vector<CounterObservation>> parseRuleCounters(const std::string& ns, const std::string& json) {
    auto doc = sim::core::parseJson(json);
    if (!doc) return fail(ErrorCode::Internal, "nft's JSON: " + doc.error().message);
    const auto* items = doc->find("nftables");
    if (!items || !items->isArray()) return fail(ErrorCode::Internal, "nft's JSON has no \"nftables\" array");
    std::vector<CounterObservation> out;
    std::map<std::string, std::size_t> seen;  // chain -> rules so far
    for (const auto& item : items->elements()) {
        const auto* rule = item.find("rule");
        if (!rule) continue;
        const auto* chain = rule->find("chain");
        const auto* exprs = rule->find("expr");
        if (!chain || !chain->isString() || !exprs || !exprs->isArray()) continue;
        const std::size_t place = ++seen[chain->asString()];  // nft lists a chain's rules in order
        for (const auto& e : exprs->elements()) {
            const auto* counter = e.find("counter");
            const auto* packets = counter ? counter->find("packets") : nullptr;
            if (!packets || !packets->isInteger()) continue;
            out.push_back({ns, chain->asString(), place, static_cast<std::uint64_t>(packets->asInteger())});
            break;
        }
    }
    return out;
}

Result<std::vector<CounterObservation>> readRuleCounters(const std::string& ns, const std::string& table) {
    struct CtxFree {
        void operator()(nft_ctx* c) const { nft_ctx_free(c); }
    };
    std::unique_ptr<nft_ctx, CtxFree> ctx(nft_ctx_new(NFT_CTX_DEFAULT));
    if (!ctx) return fail(ErrorCode::Internal, "nft_ctx_new failed");
    nft_ctx_output_set_flags(ctx.get(), NFT_CTX_OUTPUT_JSON);
    nft_ctx_buffer_output(ctx.get());
    nft_ctx_buffer_error(ctx.get());
    const std::string cmd = "list table ip " + table;
    if (nft_run_cmd_from_buffer(ctx.get(), cmd.c_str()) != 0) {
        const char* err = nft_ctx_get_error_buffer(ctx.get());
        return fail(ErrorCode::Internal, "nft " + cmd + ": " + (err ? err : ""));
    }
    const char* text = nft_ctx_get_output_buffer(ctx.get());
    return parseRuleCounters(ns, text ? text : "");
}

}  // namespace docknet::real
