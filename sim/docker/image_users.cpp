#include "sim/docker/image_users.hpp"

#include <cctype>
#include <vector>

#include "sim/docker/image_catalog.hpp"

namespace sim::docker {

namespace {

struct Account {
    const char* name;
    int id;
};

// The base accounts of each userland (Debian's base-passwd, Alpine's alpine-baselayout,
// busybox's image), users and groups of the same name sharing the id — the ones a tutorial
// names; the rest of each file is not modelled.
const std::vector<Account>& baseAccounts(Userland u) {
    static const std::vector<Account> debian = {{"root", 0},   {"daemon", 1},  {"bin", 2},     {"sys", 3},   {"sync", 4},
                                                {"games", 5},  {"man", 6},     {"lp", 7},      {"mail", 8},  {"news", 9},
                                                {"uucp", 10},  {"proxy", 13},  {"www-data", 33}, {"backup", 34},
                                                {"list", 38},  {"irc", 39},    {"_apt", 42},   {"nobody", 65534}};
    static const std::vector<Account> alpine = {{"root", 0},     {"bin", 1},      {"daemon", 2}, {"adm", 3},     {"lp", 4},
                                                {"sync", 5},     {"shutdown", 6}, {"halt", 7},   {"mail", 8},    {"news", 9},
                                                {"uucp", 10},    {"operator", 11}, {"man", 13},  {"postmaster", 14},
                                                {"cron", 16},    {"ftp", 21},     {"sshd", 22},  {"at", 25},     {"squid", 31},
                                                {"xfs", 33},     {"games", 35},   {"cyrus", 85}, {"vpopmail", 89},
                                                {"ntp", 123},    {"smmsp", 209},  {"guest", 405}, {"nobody", 65534}};
    static const std::vector<Account> busybox = {{"root", 0},      {"daemon", 1},  {"bin", 2},      {"sys", 3},
                                                 {"sync", 4},      {"mail", 8},    {"www-data", 33}, {"operator", 37},
                                                 {"nobody", 65534}};
    switch (u) {
        case Userland::Alpine: return alpine;
        case Userland::Busybox: return busybox;
        case Userland::Debian:
        case Userland::Ubuntu: break;
    }
    return debian;
}

/// The account a server image adds for its process (nginx's Dockerfile: uid 101; the
/// database images: 999).
std::optional<Account> serviceAccount(const ImageConfig& image) {
    const bool alpine = image.userland == Userland::Alpine;
    switch (image.service) {
        case Service::Nginx: return Account{"nginx", 101};
        case Service::Mysql: return Account{"mysql", 999};
        case Service::Postgres: return Account{"postgres", alpine ? 70 : 999};
        case Service::Redis: return Account{"redis", 999};
        case Service::Httpd:
        case Service::None: break;
    }
    return std::nullopt;
}

std::optional<Account> findAccount(const ImageConfig* image, const std::string& name) {
    const Userland u = image ? image->userland : Userland::Debian;
    for (const auto& a : baseAccounts(u))
        if (name == a.name) return a;
    if (image)
        if (auto s = serviceAccount(*image); s && name == s->name) return s;
    return std::nullopt;
}

std::optional<Account> findId(const ImageConfig* image, int id) {
    const Userland u = image ? image->userland : Userland::Debian;
    for (const auto& a : baseAccounts(u))
        if (a.id == id) return a;
    if (image)
        if (auto s = serviceAccount(*image); s && s->id == id) return s;
    return std::nullopt;
}

/// Groups mostly share their user's name and id; Debian's 65534 group is "nogroup".
bool debianLike(const ImageConfig* image) {
    return !image || image->userland == Userland::Debian || image->userland == Userland::Ubuntu;
}

std::optional<Account> findGroup(const ImageConfig* image, const std::string& name) {
    if (debianLike(image)) {
        if (name == "nogroup") return Account{"nogroup", 65534};
        if (name == "nobody") return std::nullopt;
    }
    return findAccount(image, name);
}

std::optional<Account> findGroupId(const ImageConfig* image, int id) {
    if (debianLike(image) && id == 65534) return Account{"nogroup", 65534};
    return findId(image, id);
}

bool isNumber(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return s.size() < 10;
}

}  // namespace

core::Result<ProcessUser> resolveUser(const ImageConfig* image, const std::string& spec) {
    const auto colon = spec.find(':');
    const std::string userPart = spec.substr(0, colon);
    const std::string groupPart = colon == std::string::npos ? "" : spec.substr(colon + 1);
    ProcessUser p;
    if (userPart.empty() || userPart == "root") {
        p = {};
    } else if (isNumber(userPart)) {
        p.uid = std::stoi(userPart);
        const auto a = findId(image, p.uid);
        p.name = a ? a->name : "";
        p.gid = a ? a->id : 0;  // no passwd entry: runc runs the uid with gid 0
    } else {
        const auto a = findAccount(image, userPart);
        if (!a) return core::fail(core::ErrorCode::NotFound, "unable to find user " + userPart + ": no matching entries in passwd file");
        p.uid = a->id;
        p.gid = a->id;
        p.name = a->name;
    }
    if (!groupPart.empty()) {
        if (isNumber(groupPart)) {
            p.gid = std::stoi(groupPart);
        } else {
            const auto g = findGroup(image, groupPart);
            if (!g) return core::fail(core::ErrorCode::NotFound, "unable to find group " + groupPart + ": no matching entries in group file");
            p.gid = g->id;
        }
    }
    const auto g = findGroupId(image, p.gid);
    p.group = g ? g->name : "";
    // alpine-baselayout's /etc/group lists root in bin, daemon, sys, adm, disk, wheel, floppy,
    // dialout, tape and video (what `id` shows as root in an alpine container).
    if (image && image->userland == Userland::Alpine && p.uid == 0 && groupPart.empty())
        p.extraGroups = {{1, "bin"}, {2, "daemon"}, {3, "sys"}, {4, "adm"}, {6, "disk"},
                         {10, "wheel"}, {11, "floppy"}, {20, "dialout"}, {26, "tape"}, {27, "video"}};
    return p;
}

}  // namespace sim::docker
