// NamespaceWorker: the one thread that does all namespace work. setns(2) changes the network
// namespace of the calling thread only, and netlink and nftables sockets bind to the namespace
// of the thread that opens them; keeping every such call on one dedicated thread means the
// caller's threads (the CLI's main thread, a GUI's event loop) never leave their namespace.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>

#include "sim/core/error.hpp"

namespace docknet::real {

class NamespaceWorker {
public:
    NamespaceWorker();
    ~NamespaceWorker();
    NamespaceWorker(const NamespaceWorker&) = delete;
    NamespaceWorker& operator=(const NamespaceWorker&) = delete;

    /// Runs `f` on the worker thread and waits for its result.
    template <class F>
    auto call(F f) -> decltype(f()) {
        std::packaged_task<decltype(f())()> task(std::move(f));
        auto result = task.get_future();
        post([&task] { task(); });
        return result.get();
    }

private:
    void post(std::function<void()> job);
    void loop();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    bool m_stop = false;
    std::thread m_thread;
};

/// While alive, the calling thread (the worker) is inside /run/netns/`name`; the destructor
/// returns it to the namespace it was in. Refuses names not starting with "docknet-" and a
/// namespace that turns out to be the one the thread started in (the machine's own).
class NamespaceEntry {
public:
    static sim::core::Result<NamespaceEntry> enter(const std::string& name);
    NamespaceEntry(NamespaceEntry&& other) noexcept;
    NamespaceEntry& operator=(NamespaceEntry&&) = delete;
    NamespaceEntry(const NamespaceEntry&) = delete;
    ~NamespaceEntry();

    [[nodiscard]] const std::string& name() const { return m_name; }

private:
    NamespaceEntry(std::string name, int home) : m_name(std::move(name)), m_home(home) {}
    std::string m_name;
    int m_home = -1;  // fd of the namespace to return to
};

/// The inode of the calling thread's network namespace (to tell namespaces apart).
sim::core::Result<unsigned long> currentNetnsInode();

}  // namespace docknet::real
