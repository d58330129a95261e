#include "sim/shell/service_commands.hpp"

#include "sim/cli/docker_host.hpp"

namespace sim::shell {

namespace {

std::string baseName(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

CommandResult result(std::string err, int code) {
    CommandResult r;
    if (!err.empty()) r.output.err(std::move(err));
    r.exitCode = code;
    return r;
}

bool isDockerUnit(const std::string& unit) { return unit == "docker" || unit == "docker.service"; }

/// One verb on one unit, as systemctl does it.
CommandResult unitVerb(DockerHost& lab, const std::string& tool, const std::string& verb, const std::string& unit) {
    const std::string service = unit.find('.') == std::string::npos ? unit + ".service" : unit;
    const bool known = verb == "restart" || verb == "start" || verb == "reload" || verb == "try-restart" || verb == "stop" ||
                       verb == "status" || verb == "is-active" || verb == "enable" || verb == "disable";
    if (!known) return result("docknet: " + tool + " " + verb + ": this command is not modelled\n", 127);
    if (unit == "containerd" || unit == "containerd.service")
        return result("docknet: " + tool + " " + verb + " containerd: this command is not modelled\n", 127);
    if (!isDockerUnit(unit)) {
        // systemctl's own words for a unit the host does not have (exit 5, LSB "not installed";
        // status and is-active answer 4 and 3).
        if (verb == "status") return result("Unit " + service + " could not be found.\n", 4);
        if (verb == "is-active") {
            CommandResult r;
            r.output.out("inactive\n");
            r.exitCode = 3;
            return r;
        }
        return result("Failed to " + verb + " " + service + ": Unit " + service + " not found.\n", 5);
    }
    if (verb == "restart" || verb == "try-restart") {
        lab.engine().restartDaemon();
        return result({}, 0);
    }
    if (verb == "start" || verb == "reload") return result({}, 0);  // running already; daemon.json unchanged
    if (verb == "is-active") {
        CommandResult r;
        r.output.out("active\n");
        return r;
    }
    // Stopping dockerd (the API gone, every docker command refused) and systemd's status page
    // and unit files are outside the model.
    return result("docknet: " + tool + " " + verb + " docker: this command is not modelled (the daemon always runs; "
                  "`systemctl restart docker` is)\n",
                  127);
}

}  // namespace

std::optional<CommandResult> runServiceCommand(DockerHost& lab, const ShellContext& ctx, const std::vector<std::string>& argv) {
    const std::string name = baseName(argv[0]);
    if ((name != "systemctl" && name != "service") || !ctx.onHost()) return std::nullopt;
    std::vector<std::string> words;
    for (std::size_t i = 1; i < argv.size(); ++i)
        if (!argv[i].starts_with('-')) words.push_back(argv[i]);
        else if (name == "systemctl" && argv[i] != "--no-pager" && argv[i] != "-q" && argv[i] != "--quiet")
            return result("docknet: systemctl " + argv[i] + ": this option is not modelled\n", 127);
    if (name == "service") {  // service UNIT VERB
        if (words.size() != 2) return result("Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n", 1);
        return unitVerb(lab, name, words[1], words[0]);
    }
    if (words.size() < 2) return result("docknet: systemctl " + (words.empty() ? std::string() : words[0] + " ") +
                                            "without a unit is not modelled\n",
                                        127);
    CommandResult last;
    for (std::size_t i = 1; i < words.size(); ++i) {
        last = unitVerb(lab, name, words[0], words[i]);
        if (last.exitCode != 0) return last;
    }
    return last;
}

}  // namespace sim::shell
