#include "real/sysctl_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;

namespace {
bool safeKey(const std::string& key) { return key.rfind("net/", 0) == 0 && key.find("..") == std::string::npos; }
}  // namespace

sim::core::Result<void> writeSysctl(const std::string& key, const std::string& value) {
    // Only per-namespace entries: anything outside net/ would change the whole machine.
    if (!safeKey(key)) return fail(ErrorCode::Forbidden, "refusing sysctl " + key + ": not a net/ key");
    const std::string path = "/proc/sys/" + key;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return fail(ErrorCode::NotFound, path + ": " + std::strerror(errno));
    const ssize_t n = ::write(fd, value.data(), value.size());
    const int e = errno;
    ::close(fd);
    if (n != static_cast<ssize_t>(value.size())) return fail(ErrorCode::Internal, path + ": " + std::strerror(e));
    return {};
}

sim::core::Result<std::string> readSysctl(const std::string& key) {
    if (!safeKey(key)) return fail(ErrorCode::Forbidden, "refusing sysctl " + key);
    const std::string path = "/proc/sys/" + key;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(ErrorCode::NotFound, path + ": " + std::strerror(errno));
    char buf[256];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    ::close(fd);
    if (n < 0) return fail(ErrorCode::Internal, path + ": read failed");
    std::string s(buf, static_cast<std::size_t>(n));
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace docknet::real
