#include "sim/shell/package_commands.hpp"

#include <utility>

#include "sim/shell/process_identity.hpp"

#include "sim/cli/docker_host.hpp"
#include "sim/docker/host_environment.hpp"
#include "sim/docker/package_manager.hpp"

namespace sim::shell {

namespace {

std::string baseName(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// About as many files as dpkg lists on a Debian 12 server with Docker installed.
constexpr int kHostDpkgFiles = 35418;

}  // namespace

namespace {

/// What apt-get / apk print when they cannot lock their database (and their exit status), for
/// the subcommands that take the lock; nullopt when the lock would be taken.
std::optional<std::pair<std::string, int>> lockRefusal(const docker::DockerEngine& engine, const docker::Container& c,
                                                       const ShellContext& ctx, const std::string& manager,
                                                       const std::vector<std::string>& args) {
    auto id = processIdentity(engine, c, ctx.exec);
    if (!id) return std::nullopt;
    std::string sub;
    for (std::size_t i = 1; i < args.size(); ++i)
        if (!args[i].starts_with('-')) {
            sub = args[i];
            break;
        }
    for (const auto& a : args)
        if (a == "-s" || a == "--simulate" || a == "--dry-run" || a == "--just-print" || a == "--no-act" || a == "-h" || a == "--help")
            return std::nullopt;
    if (manager == "apt-get" || manager == "apt") {
        const bool lists = sub == "update";
        const bool dpkg = sub == "install" || sub == "remove" || sub == "purge" || sub == "upgrade" || sub == "dist-upgrade" ||
                          sub == "full-upgrade" || sub == "autoremove" || sub == "reinstall";
        if (!lists && !dpkg) return std::nullopt;
        const std::string lock = lists ? "/var/lib/apt/lists/lock" : "/var/lib/dpkg/lock-frontend";
        const auto denied = containerWriteError(*id, lock);
        if (!denied) return std::nullopt;
        const std::string open = "E: Could not open lock file " + lock + " - open (" + std::to_string(errnoOf(*denied)) + ": " + *denied + ")\n";
        return std::pair{open + (lists ? "E: Unable to lock directory /var/lib/apt/lists/\n"
                                       : "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n"),
                         100};
    }
    if (manager == "apk") {
        if (sub != "add" && sub != "del" && sub != "update" && sub != "upgrade" && sub != "fix") return std::nullopt;
        const auto denied = containerWriteError(*id, "/lib/apk/db/lock");
        if (!denied) return std::nullopt;
        return std::pair{"ERROR: Unable to lock database: " + *denied + "\nERROR: Failed to open apk database: " + *denied + "\n", 99};
    }
    if (manager == "microdnf" && containerWriteError(*id, "/var/lib/rpm/.rpm.lock"))
        return std::pair{std::string("docknet: microdnf as a user other than root or on a read-only root is not modelled\n"), 125};
    return std::nullopt;
}

}  // namespace

std::optional<CommandResult> runPackageCommand(DockerHost& lab, const ShellContext& ctx, const std::vector<std::string>& argv,
                                               const std::string& stdinText) {
    const std::string name = baseName(argv[0]);
    using Manager = int (*)(docker::PackageRun&, const std::vector<std::string>&);
    Manager manager = name == "apt-get" || name == "apt" ? docker::runAptGet
                      : name == "apk"                     ? docker::runApk
                      : name == "microdnf"                ? docker::runMicrodnf
                                                          : nullptr;
    if (!manager || (ctx.onHost() && manager != docker::runAptGet)) return std::nullopt;

    CommandResult r;
    std::vector<std::string> args = argv;
    args[0] = name;
    auto say = [&r](std::string line, double, bool toStderr) {
        line += '\n';
        toStderr ? r.output.err(line) : r.output.out(line);
    };
    if (ctx.onHost()) {
        docker::PackageRun run{.distro = "bookworm",
                               .software = lab.engine().host().software(),
                               .tty = true,  // typed at the host's terminal
                               .fullSystem = true,
                               .dpkgFiles = kHostDpkgFiles,
                               .say = say};
        // Typed at the host's own terminal: there, too, stdin is the keyboard unless piped.
        run.answers = stdinText.empty() ? std::nullopt : std::optional(stdinText);
        r.exitCode = manager(run, args);
        return r;
    }
    auto& engine = lab.engine();
    const docker::Container* c = engine.findContainer(ctx.containerId);
    const docker::ImageConfig* image = c ? engine.images().find(c->config.image) : nullptr;
    docker::InstalledSoftware* software = engine.containerSoftware(ctx.containerId);
    if (!image || !software) return std::nullopt;
    // The package database is root's and on the root filesystem: a non-root user or --read-only
    // fails at the lock, before anything is fetched.
    if (auto refusal = lockRefusal(engine, *c, ctx, name, args)) {
        r.output.err(refusal->first);
        r.exitCode = refusal->second;
        return r;
    }
    docker::PackageRun run{.distro = image->distro,
                           .software = *software,
                           .baseBytes = image->sizeBytes,
                           .tty = ctx.tty,
                           .dpkgFiles = image->dpkgFiles,
                           .say = say};
    if (!stdinText.empty()) run.answers = stdinText;
    else if (ctx.stdinTerminal) run.answers = std::nullopt;
    r.exitCode = manager(run, args);
    return r;
}

}  // namespace sim::shell
