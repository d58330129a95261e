// A main process that ended by itself, and the restart policy (moby daemon/monitor.go
// handleContainerExit, restartmanager, daemon.restore): the container restarts after the
// backoff on the simulated clock, counting RestartCount, with its networking made again as any
// start makes it; or it exits. The daemon's own start brings back what the policy asks for.
#include "sim/docker/docker_engine.hpp"
#include "sim/docker/docker_messages.hpp"

namespace sim::docker {

void DockerEngine::processExited(const std::string& id, int code) {
    Container* c = mutableContainer(id);
    if (!c || !c->isRunning()) return;
    const core::Duration ran = m_kernel.now() - c->startedAt;
    const auto wait = shouldRestart(c->config.restartPolicy, c->restartBackoff, c->restartCount, code, c->manuallyStopped, ran);
    if (!wait) {
        finishExit(*c, code);
        return;
    }
    // Cleanup releases the network as for any exit; SetRestarting keeps the exit code and stamps
    // FinishedAt, and State.Running stays true until the wait is over.
    stopMainProcess(*c);
    teardownNetworking(*c);
    ++c->restartCount;
    c->status = ContainerStatus::Restarting;
    c->exitCode = code;
    c->finishedAt = m_kernel.now();
    c->pendingRestart = m_kernel.scheduler().schedule(*wait, [this, id] { restartByPolicy(id); });
}

void DockerEngine::signalInit(const std::string& id, InitSignal signal) {
    const Container* c = findContainer(id);
    if (!c || !c->isRunning()) return;
    if (signal == InitSignal::Kill) processExited(c->id, 137);
    else if (initHandlesTerm(*c)) processExited(c->id, 0);
}

void DockerEngine::restartByPolicy(const std::string& id) {
    Container* c = mutableContainer(id);
    if (!c || c->status != ContainerStatus::Restarting) return;
    c->pendingRestart = {};
    // containerStart without a reset; a start that fails leaves the container Exited with the
    // status it exited with (SetStopped(&ctrExitStatus)), as a port now taken or a network gone do.
    const int exitCode = c->exitCode;
    c->status = ContainerStatus::Exited;
    if (auto started = startContainer(*c, false); !started) c->exitCode = exitCode;
}

void DockerEngine::cancelPolicyRestart(Container& c) {
    m_kernel.scheduler().cancel(c.pendingRestart);
    c.pendingRestart = {};
    c.status = ContainerStatus::Exited;
}

core::Result<void> DockerEngine::updateRestartPolicy(const std::string& ref, const RestartPolicy& policy) {
    Container* c = mutableContainer(ref);
    if (!c) return msg::noSuchContainer(ref);
    if (c->config.autoRemove && !policy.isNone())
        return core::fail(core::ErrorCode::Conflict, "Cannot update container " + c->id +
                                                         ": Restart policy cannot be updated because AutoRemove is enabled "
                                                         "for the container");
    c->config.restartPolicy = policy;
    return {};
}

std::vector<std::string> DockerEngine::restoreContainers() {
    std::vector<std::string> started;
    for (const auto& c : m_containers) {
        // A new daemon process has new restart managers.
        c->restartBackoff = {};
        if (!c->everStarted || c->status != ContainerStatus::Exited) continue;
        // c.ShouldRestart(): the policy asked with the last exit, the manual stop and how long
        // the last run lasted. on-failure brings back a container the shutdown stopped with a
        // non-zero status (137 for a process that ignored SIGTERM), as dockerd does.
        RestartBackoff fresh;
        if (!shouldRestart(c->config.restartPolicy, fresh, c->restartCount, c->exitCode, c->manuallyStopped,
                           c->finishedAt - c->startedAt))
            continue;
        // In creation order, so a link target or a network donor started before what needs it;
        // a start that fails leaves the container as it was (dockerd only logs it).
        if (startContainer(*c, true)) started.push_back(c->name);
    }
    return started;
}

}  // namespace sim::docker
