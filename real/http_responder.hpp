// HttpResponder: what the plan's service listeners send back, as in the sim: nginx and httpd
// answer a request with the bytes the sim's curl prints for that image (the page and its
// headers, sim::tools::httpReplyOf / httpResponseHeaders), any other service (mysqld) closes
// without a reply (curl: "Empty reply from server"). The listening sockets stay the backend's
// (bound inside their namespaces by the worker); this class accepts on them from one epoll
// thread that never changes namespace: an accepted socket belongs to its listener's namespace.
// docker-proxy's listeners forward, as the sim's proxy does: each accepted connection gets a
// relay thread, whose onward socket the caller's opener makes inside the proxy's namespace (on
// the NamespaceWorker): no thread here opens a socket of its own, they live in the machine's
// namespace.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "real/epoll_loop.hpp"
#include "sim/core/error.hpp"

namespace docknet::real {

/// True when `owner`'s connections are answered here (every service but docker-proxy, which
/// forwards instead: serveProxy).
bool servesConnections(const std::string& owner);
/// True when `owner` answers HTTP (nginx, httpd).
bool answersHttp(const std::string& owner);
/// The whole response `owner` sends to `request` (a GET, or a HEAD: headers only), Date from
/// `unixSeconds`; empty for a service that closes without a reply.
std::string httpAnswer(const std::string& owner, std::string_view request, std::int64_t unixSeconds);

class HttpResponder {
public:
    HttpResponder();
    ~HttpResponder();
    HttpResponder(const HttpResponder&) = delete;
    HttpResponder& operator=(const HttpResponder&) = delete;

    /// Answers connections on `listener` (not taken over: the caller closes it, after stopAll).
    sim::core::Result<void> serve(int listener, std::string owner);
    /// A socket connected to the proxy's target, made inside the proxy's namespace; an error
    /// (refused, timed out) resets the client, as the sim's proxy does.
    using OnwardOpener = std::function<sim::core::Result<int>()>;
    /// Forwards every connection on `listener` (docker-proxy's) through `openOnward`.
    sim::core::Result<void> serveProxy(int listener, OnwardOpener openOnward);
    /// Forgets every listener, closes every open connection and ends the relays (the thread
    /// keeps running, idle).
    void stopAll();

private:
    struct Connection {
        std::string owner;
        std::string request;  // read so far
        std::string pending;  // answer bytes not yet written
    };
    void onReady(int fd);
    void onListener(int fd, const std::string& owner);
    void onProxyListener(int fd, const OnwardOpener& openOnward);
    void onConnection(int fd, Connection& c);
    void dropConnection(int fd);

    std::map<int, std::string> m_listeners;  // fd -> owner
    std::map<int, Connection> m_connections;
    std::map<int, OnwardOpener> m_proxies;  // docker-proxy listener fd -> its onward opener
    int m_stopRelays = -1;                  // eventfd: readable while relays must end
    std::vector<std::thread> m_relays;
    EpollLoop m_loop;  // last: its thread stops before the maps it reads go
};

}  // namespace docknet::real
