#include "sim/shell/package_commands.hpp"

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

std::optional<CommandResult> runPackageCommand(DockerHost& lab, const ShellContext& ctx, const std::vector<std::string>& argv) {
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
        r.exitCode = manager(run, args);
        return r;
    }
    auto& engine = lab.engine();
    const docker::Container* c = engine.findContainer(ctx.containerId);
    const docker::ImageConfig* image = c ? engine.images().find(c->config.image) : nullptr;
    docker::InstalledSoftware* software = engine.containerSoftware(ctx.containerId);
    if (!image || !software) return std::nullopt;
    docker::PackageRun run{.distro = image->distro, .software = *software, .baseBytes = image->sizeBytes, .tty = ctx.tty, .say = say};
    r.exitCode = manager(run, args);
    return r;
}

}  // namespace sim::shell
