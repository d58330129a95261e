// docker run / docker create --pull: missing (the default) pulls an image that is not here, as
// ensureImage does; always pulls first and says "Image is up to date" when it was pulled
// already (the progress of the CLI's pullImage, without `docker pull`'s "Using default tag" and
// final reference); never creates from what is here, so an absent image is the daemon's
// "No such image: NAME:TAG".
#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_host.hpp"

namespace sim::cli {

namespace {

void daemonError(CommandResult& r, std::string message, const std::string& helpCommand) {
    if (!message.empty() && message.back() == '.') message.pop_back();
    r.output.err("docker: Error response from daemon: " + message + ".\nSee '" + helpCommand + " --help'.\n");
    r.exitCode = 125;
}

}  // namespace

bool DockerCli::pullForRun(const std::string& ref, const std::string& policy, CommandResult& r, const std::string& helpCommand) {
    auto& images = lab().engine().images();
    const docker::ImageConfig* image = images.find(ref);
    const bool present = image && (image->builtLocally || images.isPulled(ref));
    if (policy == "never") {
        if (present) return true;
        auto parsed = docker::parseImageReference(ref);
        daemonError(r, "No such image: " + (parsed ? parsed->familiar() : ref), helpCommand);
        return false;
    }
    if (policy != "always" || !docker::parseImageReference(ref)) return ensureImage(ref, r, helpCommand);
    const std::string transcript = images.alwaysPullTranscript(ref);
    if (auto pulled = images.pull(ref); !pulled) {
        daemonError(r, pulled.error().message, helpCommand);
        return false;
    }
    r.output.err(transcript);
    return true;
}

}  // namespace sim::cli
