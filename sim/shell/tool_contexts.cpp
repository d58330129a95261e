#include "sim/shell/tool_contexts.hpp"

#include "sim/cli/docker_host.hpp"
#include "sim/cli/process_table.hpp"
#include "sim/docker/container_software.hpp"
#include "sim/docker/host_environment.hpp"
#include "sim/shell/process_identity.hpp"
#include "sim/tools/tool_runner.hpp"
#include "sim/tools/tool_util.hpp"

namespace sim::shell {

namespace {

std::string joinedArgs(const std::vector<std::string>& argv) {
    std::string s;
    for (const auto& a : argv) s += (s.empty() ? "" : " ") + a;
    return s;
}

}  // namespace

tools::ToolContext hostToolContext(DockerHost& lab, const std::vector<std::string>& argv) {
    tools::ToolContext tc;
    tc.kernel = &lab.kernel();
    tc.ns = lab.engine().hostNamespace();
    tc.flavor = tools::Flavor::Gnu;
    tc.hostname = lab.engine().host().hostName();
    tc.files = {{"/etc/hosts", lab.engine().host().etcHosts()},
                {"/etc/resolv.conf", lab.engine().host().resolvConf()},
                {"/etc/hostname", tc.hostname + "\n"}};
    for (const auto& [path, content] : lab.files()) tc.files[lab.workdir() + "/" + path] = content;
    tc.cwd = lab.workdir();
    for (const auto& [k, v] : lab.env()) tc.env.push_back(k + "=" + v);
    tc.isDockerHost = true;
    tc.protectedInterfaces = lab.engine().managedInterfaces();
    if (tools::showsProcesses(tools::baseName(argv[0]))) {
        auto view = cli::hostProcessView(lab.engine(), joinedArgs(argv));
        tc.processes = std::move(view.processes);
        tc.socketHolders = std::move(view.socketHolders);
    }
    tc.epochSeconds = lab.engine().config().epochSeconds;
    return tc;
}

tools::ToolContext containerToolContext(DockerHost& lab, const docker::Container& c, const ShellContext& ctx,
                                        std::vector<std::string> env, const std::vector<std::string>& argv) {
    const docker::ImageConfig* image = lab.engine().images().find(c.config.image);
    tools::ToolContext tc;
    tc.kernel = &lab.kernel();
    tc.ns = c.sandbox;
    tc.flavor = image && (image->userland == docker::Userland::Alpine || image->userland == docker::Userland::Busybox)
                    ? tools::Flavor::Busybox
                    : tools::Flavor::Gnu;
    if (const auto* tools = docker::containerTools(lab.engine().images(), c)) tc.executables = *tools;
    tc.hostname = c.hostname;
    const auto who = processIdentity(lab.engine(), c, ctx.exec);
    if (who) {
        tc.capabilities = who->capabilities;
        tc.procSysWritable = who->procSysWritable;
        tc.uid = who->user.uid;
        tc.gid = who->user.gid;
        tc.userName = who->user.name;
        tc.groupName = who->user.group;
        tc.extraGroups = who->user.extraGroups;
        tc.cwd = who->workdir;
    }
    if (image) tc.files = image->files;
    for (const auto& [path, content] : c.files) tc.files[path] = content;
    tc.files["/etc/hosts"] = c.etcHosts;
    tc.files["/etc/resolv.conf"] = c.resolvConf;
    tc.files["/etc/hostname"] = c.hostname + "\n";
    tc.env = std::move(env);
    tc.protectedInterfaces = lab.engine().managedInterfaces();
    if (tools::showsProcesses(tools::baseName(argv[0]))) {
        // A docker exec -it session's shell (it has the terminal's detach keys and is not PID 1)
        // is the tool's parent.
        const bool execSession = !ctx.isMainProcess && !ctx.detachKeys.empty();
        const std::string execShell = !execSession ? "" : ctx.shellName == "bash" ? "bash" : "sh";
        const std::string user = !who ? "root" : who->user.name.empty() ? std::to_string(who->user.uid) : who->user.name;
        auto view = cli::containerProcessView(lab.engine(), c, joinedArgs(argv), execShell, user);
        tc.processes = std::move(view.processes);
        tc.socketHolders = std::move(view.socketHolders);
    }
    tc.epochSeconds = lab.engine().config().epochSeconds;
    return tc;
}

}  // namespace sim::shell
