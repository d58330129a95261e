// NetnsRegistry: named network namespaces under /run/netns, made and removed the way iproute2's
// `ip netns add` / `ip netns del` do it (a shared-propagation /run/netns, an nsfs bind mount per
// namespace), each step written to the Ledger first. All of it runs on the NamespaceWorker.
#pragma once

#include <string>

#include "real/ledger.hpp"
#include "sim/core/error.hpp"

namespace docknet::real {

class NetnsRegistry {
public:
    explicit NetnsRegistry(Ledger& ledger) : m_ledger(ledger) {}

    /// /run/netns exists and is a shared mount (so namespaces mounted later show up in every
    /// mount namespace, as with `ip netns add`). Records what it had to make.
    sim::core::Result<void> prepareRunDir();
    /// unshare(CLONE_NEWNET) on the calling thread, bind-mount its namespace on
    /// /run/netns/<name>, and return the thread to its namespace. Fails (AlreadyExists) if the
    /// name is taken. The caller records the namespace in the ledger first.
    sim::core::Result<void> create(const std::string& name);

    /// Exists as a mounted namespace file.
    [[nodiscard]] static bool exists(const std::string& name);
    /// umount2(MNT_DETACH) + unlink; absent is success (down is idempotent).
    static sim::core::Result<void> remove(const std::string& name);
    /// Undo prepareRunDir's self bind mount / directory if no namespace is left in it.
    static sim::core::Result<void> releaseRunMount();
    static sim::core::Result<void> releaseRunDir();

private:
    Ledger& m_ledger;
};

}  // namespace docknet::real
