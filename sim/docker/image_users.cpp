#include "sim/docker/image_users.hpp"

#include <cctype>
#include <vector>

#include "sim/docker/image_catalog.hpp"

namespace sim::docker {

namespace {

struct Account {
    const char* name;
    int id;
    const char* home;
};

// The base accounts of each userland (Debian's base-passwd, Alpine's alpine-baselayout,
// busybox's image), users and groups of the same name sharing the id, with their home
// directories; other entries of the files are not modelled.
const std::vector<Account>& baseAccounts(Userland u) {
    static const std::vector<Account> debian = {
        {"root", 0, "/root"},          {"daemon", 1, "/usr/sbin"},      {"bin", 2, "/bin"},
        {"sys", 3, "/dev"},            {"sync", 4, "/bin"},             {"games", 5, "/usr/games"},
        {"man", 6, "/var/cache/man"},  {"lp", 7, "/var/spool/lpd"},     {"mail", 8, "/var/mail"},
        {"news", 9, "/var/spool/news"}, {"uucp", 10, "/var/spool/uucp"}, {"proxy", 13, "/bin"},
        {"www-data", 33, "/var/www"},  {"backup", 34, "/var/backups"},  {"list", 38, "/var/list"},
        {"irc", 39, "/run/ircd"},      {"_apt", 42, "/nonexistent"},    {"nobody", 65534, "/nonexistent"}};
    static const std::vector<Account> alpine = {
        {"root", 0, "/root"},             {"bin", 1, "/bin"},                  {"daemon", 2, "/sbin"},
        {"adm", 3, "/var/adm"},           {"lp", 4, "/var/spool/lpd"},         {"sync", 5, "/sbin"},
        {"shutdown", 6, "/sbin"},         {"halt", 7, "/sbin"},                {"mail", 8, "/var/mail"},
        {"news", 9, "/usr/lib/news"},     {"uucp", 10, "/var/spool/uucppublic"}, {"operator", 11, "/root"},
        {"man", 13, "/usr/man"},          {"postmaster", 14, "/var/mail"},     {"cron", 16, "/var/spool/cron"},
        {"ftp", 21, "/var/lib/ftp"},      {"sshd", 22, "/dev/null"},           {"at", 25, "/var/spool/cron/atjobs"},
        {"squid", 31, "/var/cache/squid"}, {"xfs", 33, "/etc/X11/fs"},         {"games", 35, "/usr/games"},
        {"cyrus", 85, "/usr/cyrus"},      {"vpopmail", 89, "/var/vpopmail"},   {"ntp", 123, "/var/empty"},
        {"smmsp", 209, "/var/spool/mqueue"}, {"guest", 405, "/dev/null"},      {"nobody", 65534, "/"}};
    static const std::vector<Account> busybox = {
        {"root", 0, "/root"},      {"daemon", 1, "/usr/sbin"},     {"bin", 2, "/bin"},
        {"sys", 3, "/dev"},        {"sync", 4, "/bin"},            {"mail", 8, "/var/spool/mail"},
        {"www-data", 33, "/var/www"}, {"operator", 37, "/var"},    {"nobody", 65534, "/home"}};
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
        case Service::Nginx: return Account{"nginx", 101, "/nonexistent"};
        case Service::Mysql: return Account{"mysql", 999, "/var/lib/mysql"};
        case Service::Postgres: return Account{"postgres", alpine ? 70 : 999, "/var/lib/postgresql"};
        case Service::Redis: return Account{"redis", 999, "/home/redis"};
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
        if (name == "nogroup") return Account{"nogroup", 65534, ""};
        if (name == "nobody") return std::nullopt;
    }
    return findAccount(image, name);
}

std::optional<Account> findGroupId(const ImageConfig* image, int id) {
    if (debianLike(image) && id == 65534) return Account{"nogroup", 65534, ""};
    return findId(image, id);
}

bool isNumber(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return s.size() < 10;
}

}  // namespace

std::string serverUser(const ImageConfig& image) {
    switch (image.service) {
        case Service::Mysql: return "mysql";
        case Service::Postgres: return "postgres";
        case Service::Redis: return "redis";
        case Service::Nginx:
        case Service::Httpd:
        case Service::None: break;
    }
    return "";
}

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
        p.home = a ? a->home : "/";
    } else {
        const auto a = findAccount(image, userPart);
        if (!a) return core::fail(core::ErrorCode::NotFound, "unable to find user " + userPart + ": no matching entries in passwd file");
        p.uid = a->id;
        p.gid = a->id;
        p.name = a->name;
        p.home = a->home;
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
