// forEachConcurrently: f(0) ... f(n - 1) from up to 8 threads. For teardown steps that each wait
// in the kernel and do little else (a namespace's umount2, an rmdir under /etc/netns: some 3-4 ms
// each in this VM, a grace period or a tick), so overlapping waits share their time. Only for
// steps that are independent of each other and need no particular thread (the mount table and
// the file system are the process's).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace docknet::real {

template <class F>
void forEachConcurrently(std::size_t n, F f) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < n; i = next++) f(i);
    };
    const std::size_t threads = std::min<std::size_t>(8, n);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
}

}  // namespace docknet::real
