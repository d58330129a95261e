#include "sim/cli/docker_cli.hpp"

#include "sim/cli/docker_host.hpp"

namespace sim::cli {

CommandSpec commandSpec(std::string path, std::string use, std::string description, ArgCount args,
                        std::vector<FlagSpec> flags, std::vector<std::string> aliases) {
    CommandSpec s;
    s.path = std::move(path);
    s.use = std::move(use);
    s.description = std::move(description);
    s.args = args;
    s.flags = std::move(flags);
    s.aliases = std::move(aliases);
    return s;
}

std::string daemonError(const std::string& message) { return "Error response from daemon: " + message + "\n"; }

namespace {

// docker/cli's top-level groups, for "docker network" without a subcommand and the like.
const char* kDockerUsage =
    "\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\n"
    "Common Commands:\n"
    "  run         Create and run a new container from an image\n"
    "  exec        Execute a command in a running container\n"
    "  ps          List containers\n"
    "  build       Build an image from a Dockerfile\n"
    "  pull        Download an image from a registry\n"
    "  images      List images\n"
    "  version     Show the Docker version information\n"
    "  info        Display system-wide information\n\n"
    "Management Commands:\n"
    "  container   Manage containers\n"
    "  image       Manage images\n"
    "  network     Manage networks\n\n"
    "Commands:\n"
    "  attach      Attach local standard input, output, and error streams to a running container\n"
    "  create      Create a new container\n"
    "  inspect     Return low-level information on Docker objects\n"
    "  kill        Kill one or more running containers\n"
    "  logs        Fetch the logs of a container\n"
    "  port        List port mappings or a specific mapping for the container\n"
    "  rename      Rename a container\n"
    "  restart     Restart one or more containers\n"
    "  rm          Remove one or more containers\n"
    "  start       Start one or more stopped containers\n"
    "  stop        Stop one or more running containers\n"
    "  update      Update configuration of one or more containers\n"
    "  wait        Block until one or more containers stop, then print their exit codes\n\n"
    "Run 'docker COMMAND --help' for more information on a command.\n";

const char* kNetworkUsage =
    "\nUsage:  docker network COMMAND\n\nManage networks\n\nCommands:\n"
    "  connect     Connect a container to a network\n"
    "  create      Create a network\n"
    "  disconnect  Disconnect a container from a network\n"
    "  inspect     Display detailed information on one or more networks\n"
    "  ls          List networks\n"
    "  prune       Remove all unused networks\n"
    "  rm          Remove one or more networks\n\n"
    "Run 'docker network COMMAND --help' for more information on a command.\n";

}  // namespace

DockerCli::DockerCli(Shell& shell) : m_shell(shell) {
    defineRunCommands();
    defineContainerCommands();
    defineNetworkCommands();
    defineImageCommands();
    defineViewCommands();
    defineAttachCommand();
    defineWaitCommand();
    defineInfoCommand();
    defineUpdateCommand();
}

DockerHost& DockerCli::lab() { return m_shell.lab(); }

void DockerCli::define(CommandSpec spec, Handler handler) {
    const std::string path = spec.path;
    m_handlers[path] = std::move(handler);
    m_specs[path] = std::move(spec);
}

CommandResult DockerCli::run(const std::vector<std::string>& args, const std::string& stdinText, const ShellContext& ctx) {
    CommandResult r;
    if (args.empty() || args[0] == "--help" || args[0] == "help") {
        r.output.out(kDockerUsage);
        return r;
    }
    if (args[0] == "-v" || args[0] == "--version") {
        r.output.out("Docker version 27.3.1, build ce12230\n");
        return r;
    }
    // Management groups: "docker network ls", "docker container ls", "docker image ls".
    std::string path = "docker " + args[0];
    std::size_t consumed = 1;
    static const std::map<std::string, std::string> kGroupAliases = {
        {"docker container ls", "docker ps"},      {"docker container list", "docker ps"},
        {"docker container ps", "docker ps"},      {"docker container run", "docker run"},
        {"docker container create", "docker create"}, {"docker container start", "docker start"},
        {"docker container stop", "docker stop"},  {"docker container restart", "docker restart"},
        {"docker container kill", "docker kill"},  {"docker container rm", "docker rm"},
        {"docker container rename", "docker rename"}, {"docker container logs", "docker logs"},
        {"docker container exec", "docker exec"},  {"docker container inspect", "docker inspect"},
        {"docker container attach", "docker attach"}, {"docker system info", "docker info"},
        {"docker container port", "docker port"},  {"docker container update", "docker update"},
        {"docker container wait", "docker wait"},
        {"docker image ls", "docker images"},
        {"docker image list", "docker images"},    {"docker image pull", "docker pull"},
        {"docker image build", "docker build"},    {"docker image inspect", "docker inspect"},
        {"docker network list", "docker network ls"}, {"docker network remove", "docker network rm"}};
    if (args[0] == "network" || args[0] == "container" || args[0] == "image" || args[0] == "system") {
        if (args.size() < 2 || args[1] == "--help") {
            if (args[0] == "network") r.output.out(kNetworkUsage);
            else r.output.out("\nUsage:  docker " + args[0] + " COMMAND\n\nManage " + (args[0] == "system" ? std::string("Docker") : args[0] + "s") + "\n\nRun 'docker " + args[0] +
                              " COMMAND --help' for more information on a command.\n");
            return r;
        }
        path += " " + args[1];
        consumed = 2;
        if (auto it = kGroupAliases.find(path); it != kGroupAliases.end()) path = it->second;
    }
    auto handler = m_handlers.find(path);
    if (handler == m_handlers.end()) {
        if (consumed == 2) {
            r.output.err("docker: '" + args[0] + " " + args[1] + "' is not a docker command.\nSee 'docker " + args[0] +
                         " --help'\n");
        } else {
            r.output.err("docker: '" + args[0] + "' is not a docker command.\nSee 'docker --help'\n");
        }
        r.exitCode = 1;
        return r;
    }
    const CommandSpec& spec = m_specs.at(path);
    const std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(consumed), args.end());
    auto parsed = parseFlags(spec, rest);
    if (!parsed) {
        r.output.err(flagErrorMessage(spec, parsed.error().message) + "\n");
        r.exitCode = 125;
        return r;
    }
    for (const auto& n : parsed->notices) r.output.err(n + "\n");
    if (parsed->helpRequested) {
        r.output.out(helpText(spec));
        return r;
    }
    if (auto count = checkArgCount(spec, parsed->args); !count) {
        r.output.err(count.error().message + "\n");
        r.exitCode = 1;
        return r;
    }
    CommandResult out = handler->second(*parsed, stdinText, ctx);
    r.output.append(out.output);
    r.exitCode = out.exitCode;
    return r;
}

bool DockerCli::ensureImage(const std::string& ref, CommandResult& r, const std::string& helpCommand) {
    auto& images = lab().engine().images();
    const docker::ImageConfig* image = images.find(ref);
    if (image && (image->builtLocally || images.isPulled(ref))) return true;
    auto parsedRef = docker::parseImageReference(ref);
    if (!parsedRef) {
        r.output.err("docker: invalid reference format.\nSee '" + helpCommand + " --help'.\n");
        r.exitCode = 125;
        return false;
    }
    const std::string transcript = images.runPullTranscript(ref);
    auto pulled = images.pull(ref);
    if (!pulled) {
        r.output.err("Unable to find image '" + parsedRef->familiar() + "' locally\n");
        std::string msg = pulled.error().message;
        if (!msg.empty() && msg.back() == '.') msg.pop_back();
        r.output.err("docker: Error response from daemon: " + msg + ".\nSee '" + helpCommand + " --help'.\n");
        r.exitCode = 125;
        return false;
    }
    // docker run shows the pull progress without "Using default tag" and the final reference.
    r.output.err(transcript);
    return true;
}

}  // namespace sim::cli
