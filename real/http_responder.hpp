// HttpResponder: what the plan's service listeners send back, as in the sim: nginx and httpd
// answer a request with the bytes the sim's curl prints for that image (the page and its
// headers, sim::tools::httpReplyOf / httpResponseHeaders), any other service (mysqld) closes
// without a reply (curl: "Empty reply from server"). The listening sockets stay the backend's
// (bound inside their namespaces by the worker); this class accepts on them from one epoll
// thread that never changes namespace: an accepted socket belongs to its listener's namespace.
// docker-proxy's listeners are not served: the sim's proxy connects onward from the host, and
// this thread opens no socket of its own (it lives in the machine's namespace).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "sim/core/error.hpp"

namespace docknet::real {

/// True when `owner`'s connections are served here (every service but docker-proxy, whose
/// listeners only complete handshakes).
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
    /// Forgets every listener and closes every open connection (the thread keeps running, idle).
    void stopAll();

private:
    struct Connection {
        std::string owner;
        std::string request;  // read so far
        std::string pending;  // answer bytes not yet written
    };
    void loop();
    void onListener(int fd, const std::string& owner);
    void onConnection(int fd, Connection& c);
    void dropConnection(int fd);

    int m_epoll = -1;
    int m_wake = -1;  // eventfd: tells the thread to stop
    std::mutex m_mutex;
    std::map<int, std::string> m_listeners;  // fd -> owner
    std::map<int, Connection> m_connections;
    std::thread m_thread;
};

}  // namespace docknet::real
