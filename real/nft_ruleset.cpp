#include "real/nft_ruleset.hpp"

#include <nftables/libnftables.h>

#include <memory>

namespace docknet::real {

namespace {

struct CtxFree {
    void operator()(nft_ctx* c) const { nft_ctx_free(c); }
};
using Ctx = std::unique_ptr<nft_ctx, CtxFree>;

/// 0 and nft's error text.
std::pair<int, std::string> run(const std::string& text) {
    Ctx ctx(nft_ctx_new(NFT_CTX_DEFAULT));
    if (!ctx) return {-1, "nft_ctx_new failed"};
    nft_ctx_buffer_output(ctx.get());
    nft_ctx_buffer_error(ctx.get());
    const int rc = nft_run_cmd_from_buffer(ctx.get(), text.c_str());
    const char* err = nft_ctx_get_error_buffer(ctx.get());
    return {rc, err ? err : ""};
}

}  // namespace

sim::core::Result<void> NftRuleset::apply(const std::string& script) {
    auto [rc, err] = run(script);
    if (rc != 0) return sim::core::fail(sim::core::ErrorCode::Internal, "nft: " + err);
    return {};
}

bool NftRuleset::tableExists(const std::string& table) { return run("list table ip " + table).first == 0; }

}  // namespace docknet::real
