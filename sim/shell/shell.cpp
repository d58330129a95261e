#include "sim/shell/shell.hpp"
#include "sim/shell/process_identity.hpp"

#include <algorithm>
#include <utility>

#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/shell/kill_command.hpp"
#include "sim/shell/package_commands.hpp"
#include "sim/shell/service_commands.hpp"
#include "sim/shell/text_filters.hpp"
#include "sim/shell/tool_contexts.hpp"
#include "sim/docker/container_software.hpp"
#include "sim/docker/host_environment.hpp"
#include "sim/tools/proc_sys.hpp"
#include "sim/tools/tool_runner.hpp"

namespace sim::shell {

namespace {

constexpr int kMaxDepth = 16;

std::string baseName(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool isShellProgram(const std::string& name) {
    const std::string b = baseName(name);
    return b == "sh" || b == "bash" || b == "ash" || b == "dash";
}

}  // namespace

Shell::Shell(DockerHost& lab) : m_lab(lab), m_docker(std::make_unique<DockerCli>(*this)) {
    // The engine runs containers' own commands (docker run alpine ping ...) through this shell.
    m_lab.engine().setProcessRunner([this](const docker::Container& c, const std::vector<std::string>& argv) {
        // The process's own `exit` and status end with it: a restart by its policy may run it
        // between two typed commands, and it must not end the user's session or change $?.
        const auto outerExit = std::exchange(m_exitRequest, std::nullopt);
        const int outerStatus = m_lastStatus;
        CommandResult r = runInContainer(c, argv);
        m_exitRequest = outerExit;
        m_lastStatus = outerStatus;
        return docker::ProcessResult{r.output.stdoutText(), r.output.stderrText(), r.exitCode};
    });
}

Shell::~Shell() { m_lab.engine().setProcessRunner({}); }

bool Shell::takeExitRequest(int& code) {
    if (!m_exitRequest) return false;
    code = *m_exitRequest;
    m_exitRequest.reset();
    return true;
}

std::string Shell::shellOf(const DockerHost& lab, const docker::Container& c) {
    const docker::ImageConfig* image = lab.engine().images().find(c.config.image);
    if (!image) return "sh";
    if (image->userland == docker::Userland::Alpine || image->userland == docker::Userland::Busybox) return "ash";
    return image->hasTool("bash") ? "bash" : "sh";
}

std::string Shell::shellNamed(const DockerHost& lab, const docker::Container& c, const std::string& program) {
    if (program == "bash") return "bash";
    if (program == "ash") return "ash";
    const docker::ImageConfig* image = lab.engine().images().find(c.config.image);
    if (program != "sh" || !image) return shellOf(lab, c);
    switch (image->shell) {
        case docker::ShellFlavor::Dash: return "sh";
        case docker::ShellFlavor::Ash: return "ash";
        case docker::ShellFlavor::Bash: return "bash";
    }
    return "sh";
}

std::string Shell::notFound(const ShellContext& ctx, const std::string& name) const {
    if (ctx.shellName == "ash") return "sh: " + name + ": not found\n";
    if (ctx.shellName == "sh") return "sh: 1: " + name + ": not found\n";
    return "bash: " + name + ": command not found\n";
}

CommandResult Shell::runList(const AndOrList& list, const ShellContext& ctx) {
    CommandResult total;
    int status = m_lastStatus;
    bool first = true;
    for (const auto& item : list.items) {
        if (!first) {
            if (item.connector == Connector::And && status != 0) continue;
            if (item.connector == Connector::Or && status == 0) continue;
        }
        first = false;
        CommandResult r = runPipeline(item.pipeline, ctx);
        total.output.append(r.output);
        status = r.exitCode;
        m_lastStatus = status;
        if (m_exitRequest) break;
    }
    total.exitCode = status;
    m_lastStatus = status;
    return total;
}

CommandResult Shell::runText(const std::string& text, const ShellContext& ctx, const std::string& stdinText) {
    CommandResult total;
    if (m_depth >= kMaxDepth) {
        total.output.err(ctx.shellName + ": maximum nesting level exceeded\n");
        total.exitCode = 1;
        return total;
    }
    ++m_depth;
    auto parsed = parseScript(text);
    if (!parsed) {
        total.output.err(ctx.shellName + ": " + parsed.error().message + "\n");
        total.exitCode = 2;
        --m_depth;
        return total;
    }
    const std::string savedStdin = m_pendingStdin;
    // stdin belongs to the first command, as in `echo x | sh -c 'cat'`.
    m_pendingStdin = stdinText;
    for (const auto& list : parsed->lists) {
        CommandResult r = runList(list, ctx);
        total.output.append(r.output);
        total.exitCode = r.exitCode;
        if (m_exitRequest) break;
    }
    m_pendingStdin = savedStdin;
    --m_depth;
    return total;
}

CommandResult Shell::runPipeline(const Pipeline& p, const ShellContext& ctx) {
    CommandResult total;
    std::string pipeData;
    int status = 0;
    for (std::size_t i = 0; i < p.commands.size(); ++i) {
        const SimpleCommand& sc = p.commands[i];
        Output substitutionErrors;
        const Environment vars = expansionEnvironment(ctx);
        ExpansionContext ectx{vars, m_lastStatus,
                              [this, &ctx, &substitutionErrors](const std::string& inner) -> core::Result<std::string> {
                                  CommandResult r = runText(inner, ctx);
                                  substitutionErrors.err(r.output.stderrText());
                                  m_lastStatus = r.exitCode;
                                  return r.output.stdoutText();
                              }};
        auto expanded = expandCommand(sc, ectx);
        total.output.append(substitutionErrors);
        if (!expanded) {
            total.output.err(ctx.shellName + ": " + expanded.error().message + "\n");
            status = 1;
            pipeData.clear();
            continue;
        }
        std::string stdoutText;
        const std::string input = i == 0 ? std::exchange(m_pendingStdin, std::string()) : pipeData;
        const bool toPipe = i + 1 < p.commands.size();
        CommandResult r = runCommand(*expanded, input, ctx, toPipe, stdoutText);
        total.output.append(r.output);  // stderr (and stdout of the last command) in order
        pipeData = stdoutText;
        status = r.exitCode;
        if (m_exitRequest) break;
    }
    if (p.negated) status = status == 0 ? 1 : 0;
    total.exitCode = status;
    return total;
}

CommandResult Shell::runCommand(const ExpandedCommand& cmd, const std::string& stdinText, const ShellContext& ctx,
                                bool toPipe, std::string& stdoutOut) {
    CommandResult result;
    if (cmd.argv.empty()) {
        // NAME=value alone sets a shell variable.
        for (const auto& [name, value] : cmd.assignments) shellVariables(ctx)[name] = value;
        return result;
    }
    // Input: a here-document or `< file` replaces the pipe.
    std::string input = stdinText;
    if (cmd.hereDoc) input = *cmd.hereDoc;
    for (const auto& r : cmd.redirections) {
        if (r.kind == RedirectionKind::Input && r.fd == 0) {
            auto content = ctx.onHost() ? m_lab.readFile(r.target)
                                        : m_lab.engine().readContainerFile(ctx.containerId, containerPath(ctx, r.target));
            if (!content) {
                result.output.err(ctx.shellName + ": " + r.target + ": No such file or directory\n");
                result.exitCode = 1;
                return result;
            }
            input = *content;
        } else if (r.kind == RedirectionKind::HereString) {
            input = r.target + "\n";
        }
    }

    // A redirection into /proc/sys opens a sysctl: one the model does not have fails before the
    // command runs, as bash's open() would; a container's /proc/sys is mounted read-only.
    for (const auto& red : cmd.redirections) {
        const bool writes = red.kind == RedirectionKind::Output || red.kind == RedirectionKind::Append ||
                            red.kind == RedirectionKind::OutputAndError || red.kind == RedirectionKind::AppendOutputAndError;
        const auto key = writes ? tools::sysctlKeyOfPath(red.target) : std::nullopt;
        if (writes && !key && !ctx.onHost()) {
            // A container's file: --read-only and a user other than root can make the open fail.
            const docker::Container* in = m_lab.engine().findContainer(ctx.containerId);
            auto id = in ? processIdentity(m_lab.engine(), *in, ctx.exec) : core::Result<ProcessIdentity>(ProcessIdentity{});
            const std::string abs = red.target.starts_with('/') || !id ? red.target
                                                                       : (id->workdir == "/" ? "" : id->workdir) + "/" + red.target;
            if (auto denied = id ? containerWriteError(*id, abs) : std::nullopt) {
                const std::string& sh = ctx.shellName;
                result.output.err(sh == "bash" ? sh + ": " + red.target + ": " + *denied + "\n"
                                  : sh == "sh" ? sh + ": 1: cannot create " + red.target + ": " + *denied + "\n"
                                               : sh + ": can't create " + red.target + ": " + *denied + "\n");
                result.exitCode = 1;  // as the /proc/sys refusal below
                return result;
            }
        }
        if (!key) continue;
        const auto ns = procNamespace(ctx);
        const docker::Container* in = ctx.onHost() ? nullptr : m_lab.engine().findContainer(ctx.containerId);
        const bool readOnly = !ctx.onHost() && !(in && in->config.privileged);  // only --privileged mounts it rw
        const auto who = in ? processIdentity(m_lab.engine(), *in, ctx.exec) : core::Result<ProcessIdentity>(ProcessIdentity{});
        const bool notRoot = !ctx.onHost() && who && who->user.uid != 0;  // the files are root's, 0644
        const char* why = !ns || !tools::readSysctl(m_lab.kernel(), *ns, *key) ? "No such file or directory"
                          : readOnly                                          ? "Read-only file system"
                          : notRoot                                           ? "Permission denied"
                                                                              : nullptr;
        if (why) {
            // Each shell words a failed open its own way.
            const std::string& sh = ctx.shellName;
            result.output.err(sh == "bash" ? sh + ": " + red.target + ": " + why + "\n"
                              : sh == "sh" ? sh + ": 1: cannot create " + red.target + ": " + why + "\n"
                                           : sh + ": can't create " + red.target + ": " + why + "\n");
            result.exitCode = 1;
            return result;
        }
    }

    CommandResult r = dispatch(cmd.argv, input, ctx);

    // Where the streams go: the terminal (Output), the pipe (stdoutOut), a file or nowhere.
    enum class Sink { Terminal, Pipe, Null, File, Stdout };
    struct Target {
        Sink sink = Sink::Terminal;
        std::string path;
        bool append = false;
    };
    auto to = [](Sink sink) {
        Target t;
        t.sink = sink;
        return t;
    };
    Target outT = to(toPipe ? Sink::Pipe : Sink::Terminal), errT = to(Sink::Terminal);
    for (const auto& red : cmd.redirections) {
        auto fileTarget = [&](bool append) {
            Target t;
            t.sink = red.target == "/dev/null" ? Sink::Null : Sink::File;
            t.path = red.target;
            t.append = append;
            return t;
        };
        switch (red.kind) {
            case RedirectionKind::Output:
            case RedirectionKind::Append:
                (red.fd == 2 ? errT : outT) = fileTarget(red.kind == RedirectionKind::Append);
                break;
            case RedirectionKind::OutputAndError:
            case RedirectionKind::AppendOutputAndError:
                outT = fileTarget(red.kind == RedirectionKind::AppendOutputAndError);
                errT = to(Sink::Stdout);
                break;
            case RedirectionKind::DuplicateOutput:
                if (red.fd == 2 && red.target == "1") errT = to(Sink::Stdout);
                else if (red.fd == 1 && red.target == "2") outT = to(Sink::Terminal);
                break;
            default: break;
        }
    }
    std::map<std::string, std::string> fileWrites;
    std::map<std::string, bool> fileAppend;
    auto deliver = [&](const Target& t, const std::string& text, Stream origin) {
        switch (t.sink) {
            case Sink::Terminal: result.output.add(origin, text); break;
            case Sink::Pipe: stdoutOut += text; break;
            case Sink::Null: break;
            case Sink::File:
                fileWrites[t.path] += text;
                fileAppend.emplace(t.path, t.append);
                break;
            case Sink::Stdout: break;
        }
    };
    for (const auto& [stream, text] : r.output.chunks) {
        if (stream == Stream::Out) {
            deliver(outT, text, Stream::Out);
        } else if (errT.sink == Sink::Stdout) {
            deliver(outT, text, Stream::Out);
        } else {
            deliver(errT, text, Stream::Err);
        }
    }
    // A redirection creates (or truncates) its file even when nothing was written.
    for (const auto& t : {outT, errT})
        if (t.sink == Sink::File) fileAppend.emplace(t.path, t.append);
    result.exitCode = r.exitCode;
    for (const auto& [path, append] : fileAppend) {
        if (const auto key = tools::sysctlKeyOfPath(path)) {
            // Checked above: the host's own sysctl. An empty write changes nothing, as write(2) of 0 bytes.
            const std::string& text = fileWrites[path];
            if (text.empty()) continue;
            if (auto w = tools::writeSysctl(m_lab.kernel(), *procNamespace(ctx), *key, text); !w) {
                result.output.err(ctx.shellName + ": " + cmd.argv[0] + ": write error: " + w.error().message + "\n");
                result.exitCode = 1;
            }
            continue;
        }
        // Inside a container the file is the container's: /etc/hosts and /etc/resolv.conf are
        // the ones its resolver reads, anything else stays in its writable layer.
        if (ctx.onHost()) m_lab.writeFile(path, fileWrites[path], append);
        else m_lab.engine().writeContainerFile(ctx.containerId, containerPath(ctx, path), fileWrites[path], append);
    }
    return result;
}

std::vector<std::string> Shell::processEnvironment(const docker::Container& c, const ShellContext& ctx) const {
    const docker::ImageConfig* image = m_lab.engine().images().find(c.config.image);
    std::vector<std::string> env;
    if (image) env = image->env;
    const auto links = m_lab.engine().linkEnvironment(c);
    env.insert(env.end(), links.begin(), links.end());
    env.insert(env.end(), c.config.env.begin(), c.config.env.end());
    env.insert(env.end(), ctx.exec.env.begin(), ctx.exec.env.end());  // docker exec -e, last
    env.push_back("HOSTNAME=" + c.hostname);
    // HOME as Docker sets it when the image does not: the user's passwd directory.
    const auto who = processIdentity(m_lab.engine(), c, ctx.exec);
    env.push_back("HOME=" + (who ? who->user.home : std::string("/root")));
    return env;
}

Environment Shell::expansionEnvironment(const ShellContext& ctx) {
    if (ctx.onHost()) return m_lab.env();
    Environment vars;
    if (const docker::Container* c = m_lab.engine().findContainer(ctx.containerId)) {
        for (const auto& kv : processEnvironment(*c, ctx)) {
            const auto eq = kv.find('=');
            if (eq != std::string::npos) vars[kv.substr(0, eq)] = kv.substr(eq + 1);  // a later one wins, as getenv's
        }
        for (const auto& [k, v] : m_containerVars[c->id]) vars[k] = v;
    }
    return vars;
}

Environment& Shell::shellVariables(const ShellContext& ctx) {
    return ctx.onHost() ? m_lab.env() : m_containerVars[ctx.containerId];
}

std::string Shell::containerPath(const ShellContext& ctx, const std::string& path) const {
    if (path.starts_with('/')) return path;
    const docker::Container* c = m_lab.engine().findContainer(ctx.containerId);
    const auto who = c ? processIdentity(m_lab.engine(), *c, ctx.exec) : core::Result<ProcessIdentity>(ProcessIdentity{});
    const std::string dir = who ? who->workdir : "/";
    return (dir == "/" ? "" : dir) + "/" + path;
}

std::optional<core::NamespaceId> Shell::procNamespace(const ShellContext& ctx) const {
    if (ctx.onHost()) return m_lab.engine().hostNamespace();
    const docker::Container* c = m_lab.engine().findContainer(ctx.containerId);
    if (!c || !c->isRunning()) return std::nullopt;
    return c->sandbox;
}

CommandResult Shell::dispatch(const std::vector<std::string>& argv, const std::string& stdinText, const ShellContext& ctx) {
    if (auto b = builtin(argv, stdinText, ctx)) return *b;
    return ctx.onHost() ? dispatchHost(argv, stdinText, ctx) : dispatchContainer(argv, stdinText, ctx);
}

std::optional<CommandResult> Shell::builtin(const std::vector<std::string>& argv, const std::string& stdinText,
                                            const ShellContext& ctx) {
    CommandResult r;
    const std::string& name = argv[0];
    if (name == "exit") {
        int code = m_lastStatus;
        if (argv.size() > 1) {
            try {
                code = std::stoi(argv[1]) & 0xff;
            } catch (...) {
                r.output.err(ctx.shellName + ": exit: " + argv[1] + ": numeric argument required\n");
                code = 2;
            }
        }
        if (!ctx.onHost()) m_exitRequest = code;
        r.exitCode = code;
        return r;
    }
    if (name == "export") {
        for (std::size_t i = 1; i < argv.size(); ++i) {
            auto eq = argv[i].find('=');
            if (eq != std::string::npos) shellVariables(ctx)[argv[i].substr(0, eq)] = argv[i].substr(eq + 1);
        }
        return r;
    }
    if (name == "unset") {
        for (std::size_t i = 1; i < argv.size(); ++i) shellVariables(ctx).erase(argv[i]);
        return r;
    }
    if (name == "cd" || name == "clear" || name == ":" || name == "history") return r;
    if (name == "pwd") {
        // In a container: where the process started (exec -w, run -w, the image's WORKDIR, /);
        // docknet's cd changes no directory.
        std::string dir = "/";
        if (ctx.onHost()) dir = m_lab.workdir();
        else if (const docker::Container* c = m_lab.engine().findContainer(ctx.containerId))
            if (auto id = processIdentity(m_lab.engine(), *c, ctx.exec)) dir = id->workdir;
        r.output.out(dir + "\n");
        return r;
    }
    if (name == "sudo" && ctx.onHost()) {
        if (argv.size() == 1) {
            r.output.err("usage: sudo -h | -K | -k | -V\n");
            r.exitCode = 1;
            return r;
        }
        return dispatch(std::vector<std::string>(argv.begin() + 1, argv.end()), stdinText, ctx);
    }
    const FileReader reader = [this, &ctx](const std::string& path) -> std::optional<std::string> {
        if (const auto key = tools::sysctlKeyOfPath(path)) {
            const auto ns = procNamespace(ctx);
            if (!ns) return std::nullopt;
            if (auto v = tools::readSysctl(m_lab.kernel(), *ns, *key)) return *v + "\n";
            return std::nullopt;
        }
        if (ctx.onHost()) {
            if (auto f = m_lab.readFile(path)) return f;
            if (path == "/etc/hosts") return m_lab.engine().host().etcHosts();
            if (path == "/etc/resolv.conf") return m_lab.engine().host().resolvConf();
            return std::nullopt;
        }
        return m_lab.engine().readContainerFile(ctx.containerId, containerPath(ctx, path));
    };
    if (auto filtered = runTextFilter(argv, stdinText, reader)) return filtered;
    if (ctx.onHost()) {
        if (name == "cat") {
            if (argv.size() == 1) {
                r.output.out(stdinText);
                return r;
            }
            for (std::size_t i = 1; i < argv.size(); ++i) {
                if (argv[i] == "-") {
                    r.output.out(stdinText);
                } else if (auto f = reader(argv[i])) {
                    r.output.out(*f);
                } else {
                    r.output.err("cat: " + argv[i] + ": No such file or directory\n");
                    r.exitCode = 1;
                }
            }
            return r;
        }
        if (name == "ls") {
            for (const auto& [path, content] : m_lab.files()) r.output.out(path + "\n");
            return r;
        }
        if (name == "mkdir" || name == "touch") {
            if (name == "touch")
                for (std::size_t i = 1; i < argv.size(); ++i)
                    if (!m_lab.readFile(argv[i])) m_lab.writeFile(argv[i], "", false);
            return r;
        }
        if (name == "rm" && argv.size() > 1 && argv[1] != "-rf") {
            for (std::size_t i = 1; i < argv.size(); ++i) m_lab.files().erase(m_lab.normalizePath(argv[i]));
            return r;
        }
    }
    return std::nullopt;
}

CommandResult Shell::dispatchHost(const std::vector<std::string>& argv, const std::string& stdinText, const ShellContext& ctx) {
    const std::string name = baseName(argv[0]);
    if (name == "docker") return m_docker->run(std::vector<std::string>(argv.begin() + 1, argv.end()), stdinText, ctx);
    if (isShellProgram(name) && argv.size() >= 3 && argv[1] == "-c") return runText(argv[2], ctx, stdinText);
    if (auto installed = runPackageCommand(m_lab, ctx, argv, stdinText)) return *installed;
    if (auto service = runServiceCommand(m_lab, ctx, argv)) return *service;
    if (auto killed = runKillCommand(m_lab, ctx, argv)) return *killed;
    if (tools::isModelledTool(name)) {
        tools::ToolContext tc = hostToolContext(m_lab, argv);
        tools::ToolResult t = tools::runTool(tc, argv);
        for (const auto& [path, content] : t.writtenFiles) m_lab.writeFile(path, content, false);
        CommandResult r;
        r.output.out(t.out);
        r.output.err(t.err);
        r.exitCode = t.exitCode;
        return r;
    }
    CommandResult r;
    r.output.err(notFound(ctx, argv[0]));
    r.exitCode = 127;
    return r;
}

CommandResult Shell::dispatchContainer(const std::vector<std::string>& argv, const std::string& stdinText,
                                       const ShellContext& ctx) {
    const docker::Container* c = m_lab.engine().findContainer(ctx.containerId);
    CommandResult r;
    if (!c || !c->isRunning()) {
        r.output.err("Error response from daemon: container " + ctx.containerId + " is not running\n");
        r.exitCode = 126;
        return r;
    }
    const std::string name = baseName(argv[0]);
    if (isShellProgram(name) && argv.size() >= 3 && argv[1] == "-c") {
        if (!docker::containerHasTool(m_lab.engine().images(), *c, name)) {
            r.output.err(notFound(ctx, argv[0]));
            r.exitCode = 127;
            return r;
        }
        ShellContext inner = ctx;
        inner.shellName = shellNamed(m_lab, *c, name);
        return runText(argv[2], inner, stdinText);
    }
    // kill is a builtin of every shell (dash, bash, busybox ash): a line a shell runs has it
    // whether or not the image ships /bin/kill (docker exec C kill, with no shell, needs that).
    if (auto killed = runKillCommand(m_lab, ctx, argv)) return *killed;
    if (!docker::containerHasTool(m_lab.engine().images(), *c, name)) {
        r.output.err(notFound(ctx, argv[0]));
        r.exitCode = 127;
        return r;
    }
    if (auto installed = runPackageCommand(m_lab, ctx, argv, stdinText)) return *installed;
    // What the container's shells exported is in the environment of what they run.
    std::vector<std::string> env = processEnvironment(*c, ctx);
    for (const auto& [k, v] : m_containerVars[c->id]) env.push_back(k + "=" + v);
    tools::ToolContext tc = containerToolContext(m_lab, *c, ctx, std::move(env), argv);
    tools::ToolResult t = tools::runTool(tc, argv);
    // A file a tool saves (curl -o, wget) lands in the process's working directory, unless
    // --read-only or the user's permissions refuse the open: then the tool fails as it does.
    const auto who = processIdentity(m_lab.engine(), *c, ctx.exec);
    const std::string cwd = who ? who->workdir : "/";
    for (const auto& [path, content] : t.writtenFiles) {
        const std::string abs = path.starts_with("/") ? path : (cwd == "/" ? "" : cwd) + "/" + path;
        if (auto denied = who ? containerWriteError(*who, abs) : std::nullopt) {
            if (name == "curl") {
                t.out.clear();
                t.err += "Warning: Failed to open the file " + path + ": " + *denied + "\ncurl: (23) Failure writing output to destination\n";
                t.exitCode = 23;
            } else {
                t.err = t.err.substr(0, t.err.find("saving to '")) + "wget: can't open '" + path + "': " + *denied + "\n";
                t.exitCode = 1;
            }
            continue;
        }
        m_lab.engine().writeContainerFile(c->id, abs, content, false);
    }
    r.output.out(t.out);
    r.output.err(t.err);
    r.exitCode = t.exitCode;
    return r;
}

CommandResult Shell::runInContainer(const docker::Container& c, const std::vector<std::string>& argv,
                                    const std::string& stdinText, bool tty, const ExecOverrides& exec) {
    CommandResult r;
    if (argv.empty()) return r;
    const std::string name = baseName(argv[0]);
    ShellContext ctx;
    ctx.kind = ShellContext::Kind::Container;
    ctx.containerId = c.id;
    ctx.shellName = shellOf(m_lab, c);
    ctx.tty = tty;
    ctx.exec = exec;
    // docker exec runs the program directly: a missing one is runc's error, not a shell's.
    const bool exists = docker::containerHasTool(m_lab.engine().images(), c, name);
    if (!exists) {
        r.output.err(tools::missingExecutableMessage(argv[0]));
        r.exitCode = tools::kMissingExecutableExitCode;
        return r;
    }
    if (isShellProgram(name) && argv.size() >= 3 && argv[1] == "-c") {
        ctx.shellName = shellNamed(m_lab, c, name);
        return runText(argv[2], ctx, stdinText);
    }
    if (isShellProgram(name)) {
        // A shell without -c reads its commands from stdin.
        return runText(stdinText, ctx);
    }
    if (auto b = builtin(argv, stdinText, ctx)) return *b;
    return dispatchContainer(argv, stdinText, ctx);
}

}  // namespace sim::shell
