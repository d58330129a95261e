// docker info / docker system info (docker/cli 27 cli/command/system/info.go): the Client section
// (version, context, the buildx and compose plugins a docker-ce install ships), then the
// daemon's system.Info as prettyPrintServerInfo lays it out — counts from the engine, the rest
// from the simulated host (Debian 12, kernel 6.1, 2 CPUs, docker-ce 27.3.1 with containerd
// 1.7.22 and runc 1.1.14, overlay2 on ext4, cgroup v2 with systemd). --format runs the Go
// template over the same object docker/cli serialises (`{{json .}}`, `{{.ServerVersion}}`).
#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/cli/system_info.hpp"
#include "sim/gotemplate/go_template.hpp"

namespace sim::cli {

namespace {

std::string text(const SystemInfo& i) {
    std::string o;
    auto line = [&o](const std::string& s) { o += s + "\n"; };
    auto yes = [](bool b) { return std::string(b ? "true" : "false"); };
    line("Client: " + i.clientPlatform);
    line(" Version:    " + i.clientVersion);
    line(" Context:    default");
    line(" Debug Mode: false");
    line(" Plugins:");
    for (const auto& p : i.cliPlugins) {
        line("  " + p.name + ": " + p.description + " (" + p.vendor + ")");
        line("    Version:  " + p.version);
        line("    Path:     " + p.path);
    }
    line("");
    line("Server:");
    line(" Containers: " + std::to_string(i.containers));
    line("  Running: " + std::to_string(i.running));
    line("  Paused: " + std::to_string(i.paused));
    line("  Stopped: " + std::to_string(i.stopped));
    line(" Images: " + std::to_string(i.images));
    line(" Server Version: " + i.serverVersion);
    line(" Storage Driver: " + i.storageDriver);
    for (const auto& [k, v] : i.driverStatus) line("  " + k + ": " + v);
    line(" Logging Driver: json-file");
    line(" Cgroup Driver: systemd");
    line(" Cgroup Version: 2");
    line(" Plugins:");
    line("  Volume: " + joinWords(i.volumePlugins));
    line("  Network: " + joinWords(i.networkPlugins));
    line("  Log: " + joinWords(i.logPlugins));
    line(" Swarm: inactive");
    line(" Runtimes: " + joinWords(i.runtimes));
    line(" Default Runtime: runc");
    line(" Init Binary: docker-init");
    line(" containerd version: " + i.containerdCommit);
    line(" runc version: " + i.runcCommit);
    line(" init version: " + i.initCommit);
    line(" Security Options:");
    line("  apparmor");
    line("  seccomp");
    line("   Profile: builtin");
    line("  cgroupns");
    line(" Kernel Version: " + i.kernelVersion);
    line(" Operating System: " + i.operatingSystem);
    line(" OSType: linux");
    line(" Architecture: x86_64");
    line(" CPUs: " + std::to_string(i.cpus));
    line(" Total Memory: " + i.totalMemoryHuman);
    line(" Name: " + i.name);
    line(" ID: " + i.id);
    line(" Docker Root Dir: /var/lib/docker");
    line(" Debug Mode: false");
    line(" Experimental: " + yes(false));
    line(" Insecure Registries:");
    line("  127.0.0.0/8");
    line(" Live Restore Enabled: false");
    line("");
    return o;
}

}  // namespace

void DockerCli::defineInfoCommand() {
    auto& engine = lab().engine();
    define(commandSpec("docker info", "[OPTIONS]", "Display system-wide information", ArgCount::none(),
                       {FlagSpec::string("format", 'f',
                                         "Format output using a custom template:\n'json':             Print in JSON format\n"
                                         "'TEMPLATE':         Print output using the given Go template.\n"
                                         "Refer to https://docs.docker.com/go/formatting/ for more information about formatting "
                                         "output with templates")},
                       {"docker system info", "docker info"}),
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               CommandResult r;
               const SystemInfo info = systemInfo(engine);
               std::string format = f.getString("format");
               if (format.empty()) {
                   r.output.out(text(info));
                   return r;
               }
               if (format == "json") format = "{{json .}}";
               auto tpl = gotemplate::GoTemplate::parse(format);
               if (!tpl) {
                   r.output.err("template parsing error: " + tpl.error().message + "\n");
                   r.exitCode = 64;
                   return r;
               }
               auto out = tpl->execute(systemInfoJson(info));
               if (!out) {
                   // Go's Execute wrote nothing usable; docker prints the newline, then the error.
                   r.output.out("\n");
                   r.output.err(out.error().message + "\n");
                   r.exitCode = 1;
                   return r;
               }
               r.output.out(*out + "\n");
               return r;
           });
}

}  // namespace sim::cli
