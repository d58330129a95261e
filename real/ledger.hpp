// Ledger: the on-disk list of every object docknet real made, written (and fsynced) BEFORE the
// object is created, so that `down` can remove all of it after a crash or kill -9 at any point,
// and never anything else. One record a line, fields separated by tabs:
//     netns   docknet-host
//     link    docknet-host  docker0
//     file    /etc/netns/docknet-nginx/hosts
// A record whose creation failed because the object was there already (someone else's) is
// followed by "cancel <its line number>": down must not delete it.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "sim/core/error.hpp"

namespace docknet::real {

struct LedgerRecord {
    std::string kind;                 // netns, rundir, runmount, link, addr, route, sysctl, nft, dir, file
    std::vector<std::string> fields;  // kind-specific: namespace, name, path ...
    std::size_t line = 0;             // 1-based, in the file

    [[nodiscard]] std::string field(std::size_t i) const { return i < fields.size() ? fields[i] : std::string(); }
    /// "link docknet-host docker0": how status and down name it.
    [[nodiscard]] std::string toString() const;
};

class Ledger {
public:
    /// The ledger lives at `stateDir`/ledger (the directory is created on the first record).
    explicit Ledger(std::string stateDir);
    Ledger(const Ledger&) = delete;
    Ledger& operator=(const Ledger&) = delete;
    ~Ledger();

    [[nodiscard]] const std::string& path() const { return m_path; }

    /// Takes the state directory's lock (flock) for as long as this Ledger lives, so two
    /// docknet real processes never apply or remove at the same time. Idempotent.
    sim::core::Result<void> lock();

    /// Appends the record; only then may the caller create the object. Returns the record's
    /// line number. The write reaches the page cache before the object exists, which is all a
    /// kill -9 needs; records of objects that outlive a reboot (netns files, /etc/netns files and
    /// directories, /run/netns) are fsynced too. Links, addresses, routes, sysctls and nft tables
    /// die with their namespace at reboot, so they skip the fsync (one per object made apply
    /// 10 times slower on ext4).
    sim::core::Result<std::size_t> record(const std::string& kind, const std::vector<std::string>& fields);
    /// Several records in one write and at most one fsync; their line numbers in order.
    sim::core::Result<std::vector<std::size_t>> recordAll(
        const std::vector<std::pair<std::string, std::vector<std::string>>>& records);
    /// Whether a record of this kind is fsynced (its object outlives a reboot).
    [[nodiscard]] static bool outlivesReboot(const std::string& kind);
    /// The object of record `line` was not created by us (it existed already): forget it.
    sim::core::Result<void> cancel(std::size_t line);

    /// The live records in creation order (cancelled ones and a torn last line left out).
    [[nodiscard]] sim::core::Result<std::vector<LedgerRecord>> load() const;
    /// Replaces the ledger by `remaining` (down keeps what it could not remove); removes the
    /// file when nothing remains.
    sim::core::Result<void> rewrite(const std::vector<LedgerRecord>& remaining);

private:
    sim::core::Result<void> append(const std::string& lines, std::size_t count, bool durable);

    std::string m_dir;
    std::string m_path;
    int m_fd = -1;
    int m_lockFd = -1;
    std::size_t m_lines = 0;  // lines in the file, once opened for appending
};

}  // namespace docknet::real
