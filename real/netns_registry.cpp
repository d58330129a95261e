#include "real/netns_registry.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "real/netns_path.hpp"

#ifndef NSFS_MAGIC
#define NSFS_MAGIC 0x6e736673
#endif

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;

namespace {

std::string errnoText(const std::string& what, int e = errno) { return what + ": " + std::strerror(e); }

bool runDirEmpty() {
    DIR* d = ::opendir(kNetnsRunDir);
    if (!d) return true;
    bool empty = true;
    while (const dirent* e = ::readdir(d)) {
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) {
            empty = false;
            break;
        }
    }
    ::closedir(d);
    return empty;
}

}  // namespace

sim::core::Result<void> NetnsRegistry::prepareRunDir() {
    struct stat st {};
    if (::stat(kNetnsRunDir, &st) != 0) {
        if (auto r = m_ledger.record("rundir", {kNetnsRunDir}); !r) return std::unexpected(r.error());
        if (::mkdir(kNetnsRunDir, 0755) != 0 && errno != EEXIST) return fail(ErrorCode::Internal, errnoText("mkdir /run/netns"));
    }
    // As iproute2: make it shared; if it is not a mount point yet (EINVAL), bind it onto
    // itself first, then make it shared.
    bool bound = false;
    while (::mount("", kNetnsRunDir, "none", MS_SHARED | MS_REC, nullptr) != 0) {
        if (errno != EINVAL || bound) return fail(ErrorCode::Internal, errnoText("mount --make-rshared /run/netns"));
        if (auto r = m_ledger.record("runmount", {kNetnsRunDir}); !r) return std::unexpected(r.error());
        if (::mount(kNetnsRunDir, kNetnsRunDir, "none", MS_BIND | MS_REC, nullptr) != 0)
            return fail(ErrorCode::Internal, errnoText("mount --rbind /run/netns /run/netns"));
        bound = true;
    }
    return {};
}

sim::core::Result<void> NetnsRegistry::create(const std::string& name) {
    if (!isDocknetName(name)) return fail(ErrorCode::Forbidden, "refusing to create " + name + ": not a docknet-* name");
    const std::string path = netnsPath(name);
    if (::access(path.c_str(), F_OK) == 0)
        return fail(ErrorCode::AlreadyExists, path + " exists and docknet did not record it (remove it with `ip netns del " + name + "`)");
    // EEXIST tells the caller (who recorded this namespace in the ledger) that the file is
    // someone else's, so the record is cancelled and down never deletes it.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
    if (fd < 0) {
        const int e = errno;
        return fail(e == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::Internal, errnoText("create " + path, e));
    }
    ::close(fd);

    const int home = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (home < 0) return fail(ErrorCode::Unsupported, errnoText("/proc/thread-self/ns/net"));
    if (::unshare(CLONE_NEWNET) != 0) {
        const int e = errno;
        ::close(home);
        ::unlink(path.c_str());
        return fail(e == EPERM ? ErrorCode::Forbidden : ErrorCode::Unsupported, errnoText("unshare(CLONE_NEWNET)", e));
    }
    // This thread's namespace, not the process's: setns and unshare are per thread.
    const std::string self = "/proc/self/task/" + std::to_string(::syscall(SYS_gettid)) + "/ns/net";
    const int mounted = ::mount(self.c_str(), path.c_str(), "none", MS_BIND, nullptr);
    const int mountErrno = errno;
    const int back = ::setns(home, CLONE_NEWNET);
    ::close(home);
    if (back != 0) return fail(ErrorCode::Internal, errnoText("setns back to the worker's namespace"));
    if (mounted != 0) {
        ::unlink(path.c_str());
        return fail(ErrorCode::Internal, errnoText("mount --bind " + self + " " + path, mountErrno));
    }
    return {};
}

bool NetnsRegistry::exists(const std::string& name) {
    struct statfs fs {};
    if (::statfs(netnsPath(name).c_str(), &fs) != 0) return false;
    return static_cast<unsigned long>(fs.f_type) == static_cast<unsigned long>(NSFS_MAGIC);
}

sim::core::Result<void> NetnsRegistry::remove(const std::string& name) {
    if (!isDocknetName(name)) return fail(ErrorCode::Forbidden, "refusing to remove " + name + ": not a docknet-* name");
    const std::string path = netnsPath(name);
    // Not mounted (a crash between create and mount) is fine: EINVAL; gone is fine: ENOENT.
    if (::umount2(path.c_str(), MNT_DETACH) != 0 && errno != EINVAL && errno != ENOENT)
        return fail(ErrorCode::Internal, errnoText("umount " + path));
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return fail(ErrorCode::Internal, errnoText("unlink " + path));
    return {};
}

sim::core::Result<void> NetnsRegistry::releaseRunMount() {
    if (!runDirEmpty()) return {};  // someone else's namespaces live there now: leave it
    if (::umount2(kNetnsRunDir, MNT_DETACH) != 0 && errno != EINVAL && errno != ENOENT)
        return fail(ErrorCode::Internal, errnoText("umount /run/netns"));
    return {};
}

sim::core::Result<void> NetnsRegistry::releaseRunDir() {
    if (!runDirEmpty()) return {};
    if (::rmdir(kNetnsRunDir) != 0 && errno != ENOENT && errno != EBUSY)
        return fail(ErrorCode::Internal, errnoText("rmdir /run/netns"));
    return {};
}

}  // namespace docknet::real
