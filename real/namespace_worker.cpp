#include "real/namespace_worker.hpp"

#include <fcntl.h>
#include <sched.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "real/netns_path.hpp"

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;

NamespaceWorker::NamespaceWorker() : m_thread([this] { loop(); }) {}

NamespaceWorker::~NamespaceWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void NamespaceWorker::post(std::function<void()> job) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_all();
}

void NamespaceWorker::loop() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
            if (m_jobs.empty()) return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job();
    }
}

sim::core::Result<unsigned long> currentNetnsInode() {
    struct stat st {};
    if (::stat("/proc/thread-self/ns/net", &st) != 0)
        return fail(ErrorCode::Unsupported, std::string("/proc/thread-self/ns/net: ") + std::strerror(errno));
    return static_cast<unsigned long>(st.st_ino);
}

sim::core::Result<NamespaceEntry> NamespaceEntry::enter(const std::string& name) {
    if (!isDocknetName(name)) return fail(ErrorCode::Forbidden, "refusing to enter " + name + ": not a docknet-* namespace");
    const auto homeInode = currentNetnsInode();
    if (!homeInode) return std::unexpected(homeInode.error());
    const int home = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (home < 0) return fail(ErrorCode::Unsupported, std::string("/proc/thread-self/ns/net: ") + std::strerror(errno));
    const std::string path = netnsPath(name);
    const int target = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (target < 0) {
        const int e = errno;
        ::close(home);
        return fail(ErrorCode::NotFound, path + ": " + std::strerror(e));
    }
    const int rc = ::setns(target, CLONE_NEWNET);
    const int e = errno;
    ::close(target);
    if (rc != 0) {
        ::close(home);
        return fail(ErrorCode::Internal, "setns " + name + ": " + std::strerror(e));
    }
    NamespaceEntry entry(name, home);
    // /run/netns/<name> could be a bind mount of the machine's own namespace (made by someone
    // else): never work there.
    // The main thread never leaves the process's namespace, so /proc/self/ns/net is the
    // machine's side even when this entry is nested.
    struct stat processNs {};
    const auto now = currentNetnsInode();
    if (!now || *now == *homeInode || ::stat("/proc/self/ns/net", &processNs) != 0 || processNs.st_ino == *now)
        return fail(ErrorCode::Forbidden, name + " is the namespace docknet runs in; refusing to touch it");
    return entry;
}

NamespaceEntry::NamespaceEntry(NamespaceEntry&& other) noexcept : m_name(std::move(other.m_name)), m_home(other.m_home) {
    other.m_home = -1;
}

NamespaceEntry::~NamespaceEntry() {
    if (m_home < 0) return;
    // If this failed the thread would stay in a lab namespace; nothing sensible can be done
    // but it only ever affects the worker thread.
    (void)::setns(m_home, CLONE_NEWNET);
    ::close(m_home);
}

}  // namespace docknet::real
