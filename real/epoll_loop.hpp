// EpollLoop: one thread waiting in one epoll set, handing each ready descriptor to its owner's
// handler with the loop's mutex held, so the owner's maps need no other lock; an eventfd wakes
// it to stop. The responders (HTTP, DNS, UDP) each run one. The thread never changes namespace:
// the descriptors it serves were opened inside theirs, and a socket keeps the namespace it was
// born in.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "sim/core/error.hpp"

namespace docknet::real {

class EpollLoop {
public:
    /// Called on the loop's thread, mutex() held, for every ready descriptor.
    using OnReady = std::function<void(int fd, std::uint32_t events)>;
    explicit EpollLoop(OnReady onReady);
    ~EpollLoop();  // stop()
    EpollLoop(const EpollLoop&) = delete;
    EpollLoop& operator=(const EpollLoop&) = delete;

    /// Starts waiting for `events` on `fd` (not taken over).
    sim::core::Result<void> watch(int fd, std::uint32_t events);
    /// Waits for other events on a watched `fd` (EPOLLOUT while an answer is pending).
    void rewatch(int fd, std::uint32_t events);
    /// Stops waiting on `fd` (closing it does the same).
    void unwatch(int fd);
    /// Ends the thread and waits for it; idempotent. Handlers are not called afterwards.
    void stop();
    /// Held while a handler runs; owners take it to change what the handler reads.
    [[nodiscard]] std::mutex& mutex() { return m_mutex; }

private:
    void loop();

    OnReady m_onReady;
    int m_epoll = -1;
    int m_wake = -1;  // eventfd: tells the thread to stop
    std::mutex m_mutex;
    std::thread m_thread;
};

}  // namespace docknet::real
