#include "lab_holder.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace docknet::cli {

namespace {

std::string holderFile(const std::string& stateDir) { return stateDir + "/holder"; }

/// Field 22 of /proc/PID/stat (clock ticks after boot), "" when the process does not exist.
std::string startTime(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat;
    if (!std::getline(in, stat)) return {};
    const auto close = stat.rfind(')');  // the command name may hold spaces and parentheses
    if (close == std::string::npos) return {};
    std::istringstream fields(stat.substr(close + 2));
    std::string f;
    for (int i = 3; i <= 22 && fields >> f; ++i)
        if (i == 22) return f;
    return {};
}

struct Record {
    int pid = 0;
    std::string start;
};

Record readRecord(const std::string& stateDir) {
    std::ifstream in(holderFile(stateDir));
    Record r;
    in >> r.pid >> r.start;
    return r;
}

}  // namespace

int liveHolder(const std::string& stateDir) {
    const Record r = readRecord(stateDir);
    if (r.pid <= 0 || r.start.empty() || startTime(r.pid) != r.start) return 0;
    return r.pid;
}

bool stopHolder(const std::string& stateDir) {
    const int pid = liveHolder(stateDir);
    if (pid > 0) {
        const std::string start = readRecord(stateDir).start;
        ::kill(pid, SIGTERM);
        for (int i = 0; i < 200 && startTime(pid) == start; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (startTime(pid) == start) return false;
    }
    std::remove(holderFile(stateDir).c_str());
    return true;
}

void forgetHolder(const std::string& stateDir) {
    if (readRecord(stateDir).pid == ::getpid()) std::remove(holderFile(stateDir).c_str());
}

int runDetached(const std::function<int(const std::function<void()>& holding)>& apply, const std::string& stateDir) {
    int output[2], status[2];
    if (::pipe2(output, O_CLOEXEC) != 0 || ::pipe2(status, O_CLOEXEC) != 0) {
        std::perror("docknet real apply --detach: pipe");
        return 1;
    }
    std::cout << std::flush;
    std::cerr << std::flush;
    const pid_t child = ::fork();
    if (child < 0) {
        std::perror("docknet real apply --detach: fork");
        return 1;
    }
    if (child == 0) {
        ::close(output[0]);
        ::close(status[0]);
        ::setsid();  // no terminal's Ctrl-C reaches it; SIGTERM from down does
        const int devnull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
        ::dup2(devnull, 0);
        ::dup2(output[1], 1);
        ::dup2(output[1], 2);
        ::close(output[1]);
        const int statusFd = status[1];
        auto holding = [&] {
            {
                std::ofstream(holderFile(stateDir)) << ::getpid() << " " << startTime(::getpid()) << "\n";
            }
            std::cout << "held in the background by docknet (pid " << ::getpid() << "): docknet real down stops it and removes the lab\n"
                      << std::flush;
            const char held = 'H';
            (void)!::write(statusFd, &held, 1);
            ::close(statusFd);
            ::dup2(devnull, 1);  // the parent sees the end of the output and returns
            ::dup2(devnull, 2);
        };
        const int rc = apply(holding);
        std::cout << std::flush;
        ::_exit(rc);
    }
    ::close(output[1]);
    ::close(status[1]);
    char buf[4096];
    for (ssize_t n; (n = ::read(output[0], buf, sizeof buf)) != 0;) {
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        std::cout.write(buf, n);
    }
    std::cout << std::flush;
    ::close(output[0]);
    char held = 0;
    const bool holds = ::read(status[0], &held, 1) == 1 && held == 'H';
    ::close(status[0]);
    if (holds) return 0;
    int st = 0;
    ::waitpid(child, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

}  // namespace docknet::cli
