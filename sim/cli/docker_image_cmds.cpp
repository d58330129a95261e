// docker pull / build (images and the other listings are in docker_view_cmds.cpp).
#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/docker/dockerfile.hpp"

namespace sim::cli {

void DockerCli::defineImageCommands() {
    auto& engine = lab().engine();
    {
        CommandSpec s;
        s.path = "docker pull";
        s.use = "[OPTIONS] NAME[:TAG|@DIGEST]";
        s.description = "Download an image from a registry";
        s.aliases = {"docker image pull", "docker pull"};
        s.args = ArgCount::exactly(1);
        s.flags = {FlagSpec::boolean("all-tags", 'a', "Download all tagged images in the repository"),
                   FlagSpec::string("platform", 0, "Set platform if server is multi-platform capable"),
                   FlagSpec::boolean("quiet", 'q', "Suppress verbose output")};
        define(s, [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
            CommandResult r;
            auto pulled = engine.images().pull(f.args[0]);
            if (!pulled) {
                r.output.err(daemonError(pulled.error().message));
                r.exitCode = 1;
                return r;
            }
            if (f.getBool("quiet")) {
                const auto ref = docker::parseImageReference(f.args[0]);
                r.output.out("docker.io/library/" + (ref ? ref->familiar() : f.args[0]) + "\n");
            } else {
                r.output.out(*pulled);
            }
            return r;
        });
    }
    {
        CommandSpec s;
        s.path = "docker build";
        s.use = "[OPTIONS] PATH | URL | -";
        s.description = "Build an image from a Dockerfile";
        s.aliases = {"docker image build", "docker build", "docker buildx build", "docker builder build"};
        s.args = ArgCount::exactly(1);
        s.flags = {FlagSpec::list("build-arg", 0, "Set build-time variables"),
                   FlagSpec::string("file", 'f', "Name of the Dockerfile (default: \"PATH/Dockerfile\")"),
                   FlagSpec::boolean("no-cache", 0, "Do not use cache when building the image"),
                   FlagSpec::string("progress", 0, "Set type of progress output (\"auto\", \"plain\", \"tty\", \"rawjson\")", "auto"),
                   FlagSpec::boolean("pull", 0, "Always attempt to pull all referenced images"),
                   FlagSpec::boolean("quiet", 'q', "Suppress the build output and print image ID on success"),
                   FlagSpec::list("tag", 't', "Name and optionally a tag (format: \"name:tag\")"),
                   FlagSpec::string("target", 0, "Set the target build stage to build")};
        define(s, [this, &engine](const ParsedFlags& f, const std::string& stdinText, const ShellContext&) {
            CommandResult r;
            const std::string context = f.args[0];
            std::string dockerfilePath = f.changed("file") ? f.getString("file")
                                                           : (context == "." ? std::string("Dockerfile") : context + "/Dockerfile");
            std::optional<std::string> text;
            if (context == "-") text = stdinText;
            else text = lab().readFile(dockerfilePath);
            if (!text) {
                if (context != "." && context != "-" && !lab().readFile(context + "/Dockerfile") && !f.changed("file")) {
                    r.output.err("ERROR: unable to prepare context: path \"" + context + "\" not found\n");
                } else {
                    r.output.err("ERROR: failed to solve: failed to read dockerfile: open " + lab().normalizePath(dockerfilePath) +
                                 ": no such file or directory\n");
                }
                r.exitCode = 1;
                return r;
            }
            const auto tags = f.getList("tag");
            if (f.getBool("no-cache")) engine.images().clearBuildCache();
            docker::BuildOptions options;
            options.created = engine.timestamp(engine.kernel().now());
            options.dockerfileName = lab().normalizePath(dockerfilePath);
            auto built = docker::buildAndStore(engine.images(), *text, tags.empty() ? std::string() : tags.front(), options);
            if (!built) {
                r.output.err(built.error().message);
                if (!built.error().message.empty() && built.error().message.back() != '\n') r.output.err("\n");
                r.exitCode = 1;
                return r;
            }
            if (f.getBool("quiet")) r.output.out(built->image.id + "\n");
            else r.output.err(built->transcript);
            for (std::size_t i = 1; i < tags.size(); ++i) {
                docker::ImageConfig copy = built->image;
                auto ref = docker::parseImageReference(tags[i]);
                if (!ref) continue;
                copy.repository = ref->repository;
                copy.tag = ref->tag;
                engine.images().add(copy);
            }
            return r;
        });
    }
}

}  // namespace sim::cli
