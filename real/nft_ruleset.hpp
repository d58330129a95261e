// NftRuleset: one nft script applied with libnftables in the calling thread's namespace, as one
// transaction (nft_run_cmd_from_buffer commits a whole buffer or nothing). The context is
// created here, after the caller entered the namespace: libnftables binds its netlink socket at
// nft_ctx_new(), so a context made earlier would write into the wrong namespace.
#pragma once

#include <string>

#include "sim/core/error.hpp"

namespace docknet::real {

class NftRuleset {
public:
    /// Applies `script` atomically; the error carries nft's own messages.
    static sim::core::Result<void> apply(const std::string& script);
    /// `nft list table ip <table>` succeeds.
    [[nodiscard]] static bool tableExists(const std::string& table);
};

}  // namespace docknet::real
