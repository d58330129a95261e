#include "sim/docker/entrypoint_scripts.hpp"

namespace sim::docker {

namespace {

bool isEntrypointScript(const std::string& program) {
    const auto slash = program.rfind('/');
    const std::string b = slash == std::string::npos ? program : program.substr(slash + 1);
    return b == "docker-entrypoint.sh" || b == "entrypoint.sh";
}

}  // namespace

std::vector<std::string> entrypointExec(const ImageConfig* image, const std::vector<std::string>& path) {
    if (path.size() < 2 || !isEntrypointScript(path[0])) return path;
    std::vector<std::string> args(path.begin() + 1, path.end());
    const std::string& first = args[0];
    const bool option = first.starts_with("-");
    const char* server = nullptr;
    switch (image ? image->service : Service::None) {
        case Service::Redis:
            if (option || first.ends_with(".conf")) server = "redis-server";
            break;
        case Service::Postgres:
            if (option) server = "postgres";
            break;
        case Service::Mysql:
            if (option) server = "mysqld";
            break;
        default: break;
    }
    if (server) args.insert(args.begin(), server);
    return args;
}

}  // namespace sim::docker
