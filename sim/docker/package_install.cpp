// RUN apt-get/apt, apk and microdnf in `docker build`: the shared package managers
// (package_manager.hpp) applied to the image being built, their lines timed into the RUN's log.
#include "sim/docker/dockerfile_internal.hpp"
#include "sim/docker/package_manager.hpp"

namespace sim::docker::detail {

namespace {

using Manager = int (*)(PackageRun&, const std::vector<std::string>&);

int runOnImage(RunState& st, const std::vector<std::string>& argv, Manager manager) {
    ImageConfig& img = st.img;
    InstalledSoftware sw = softwareOf(img);
    PackageRun run{.distro = img.distro,
                   .software = sw,
                   .baseBytes = img.sizeBytes,
                   .addedBytes = st.addedBytes,
                   .say = [&st](std::string line, double dt, bool) { st.say(std::move(line), dt); }};
    const int status = manager(run, argv);
    img.tools = std::move(sw.tools);
    img.packages = std::move(sw.packages);
    img.aptListsPresent = sw.aptListsPresent;
    st.addedBytes = run.addedBytes;
    return status;
}

}  // namespace

int runApt(RunState& st, const std::vector<std::string>& argv) { return runOnImage(st, argv, runAptGet); }
int runApk(RunState& st, const std::vector<std::string>& argv) { return runOnImage(st, argv, sim::docker::runApk); }
int runMicrodnf(RunState& st, const std::vector<std::string>& argv) { return runOnImage(st, argv, sim::docker::runMicrodnf); }

}  // namespace sim::docker::detail
