#include "real/ledger_teardown.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "real/link_builder.hpp"
#include "real/namespace_worker.hpp"
#include "real/netlink_session.hpp"
#include "real/netns_path.hpp"
#include "real/netns_registry.hpp"
#include "real/nft_ruleset.hpp"

namespace docknet::real {

namespace {

bool underEtcNetns(const std::string& path) {
    const std::string prefix = std::string(kNetnsEtcDir) + "/docknet-";
    return path.rfind(prefix, 0) == 0 && path.find("..") == std::string::npos;
}

bool linkExists(const std::string& ns, const std::string& name) {
    if (!NetnsRegistry::exists(ns)) return false;
    auto entry = NamespaceEntry::enter(ns);
    if (!entry) return false;
    auto session = NetlinkSession::open();
    return session && LinkBuilder(*session).exists(name);
}

}  // namespace

bool recordExists(const LedgerRecord& r) {
    const std::string& k = r.kind;
    if (k == "netns") return NetnsRegistry::exists(r.field(0));
    if (k == "link" || k == "veth") return linkExists(r.field(0), r.field(1));
    if (k == "addr" || k == "route" || k == "sysctl") return NetnsRegistry::exists(r.field(0));  // they live as long as it
    if (k == "nft") {
        if (!NetnsRegistry::exists(r.field(0))) return false;
        auto entry = NamespaceEntry::enter(r.field(0));
        return entry && NftRuleset::tableExists(r.field(1));
    }
    if (k == "dir" || k == "file" || k == "rundir" || k == "runmount") return ::access(r.field(0).c_str(), F_OK) == 0;
    return false;
}

std::vector<LedgerRecord> removeRecorded(const std::vector<LedgerRecord>& records, std::vector<std::string>& problems) {
    std::vector<LedgerRecord> left;
    auto keep = [&](const LedgerRecord& r, const std::string& why) {
        left.push_back(r);
        problems.push_back(r.toString() + ": " + why);
    };
    for (auto it = records.rbegin(); it != records.rend(); ++it) {
        const LedgerRecord& r = *it;
        const std::string& k = r.kind;
        if (k == "netns") {
            if (auto x = NetnsRegistry::remove(r.field(0)); !x) keep(r, x.error().message);
        } else if (k == "file") {
            if (!underEtcNetns(r.field(0))) keep(r, "not under /etc/netns/docknet-*: left alone");
            else if (::unlink(r.field(0).c_str()) != 0 && errno != ENOENT) keep(r, std::strerror(errno));
        } else if (k == "dir") {
            const bool ours = underEtcNetns(r.field(0)) || r.field(0) == kNetnsEtcDir;
            // A directory someone else put files in stays, and leaves the ledger: it is not
            // docknet's to empty.
            if (!ours) keep(r, "not a docknet directory: left alone");
            else if (::rmdir(r.field(0).c_str()) != 0 && errno != ENOENT && errno != ENOTEMPTY && errno != EEXIST)
                keep(r, std::strerror(errno));
        } else if (k == "runmount") {
            if (auto x = NetnsRegistry::releaseRunMount(); !x) keep(r, x.error().message);
        } else if (k == "rundir") {
            if (auto x = NetnsRegistry::releaseRunDir(); !x) keep(r, x.error().message);
        }
        // link, veth, addr, route, sysctl, nft: gone with their namespace.
    }
    std::reverse(left.begin(), left.end());
    return left;
}

}  // namespace docknet::real
