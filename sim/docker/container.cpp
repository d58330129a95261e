#include "sim/docker/container.hpp"

namespace sim::docker {

std::string_view toString(ContainerStatus s) {
    switch (s) {
        case ContainerStatus::Created: return "created";
        case ContainerStatus::Running: return "running";
        case ContainerStatus::Restarting: return "restarting";
        case ContainerStatus::Exited: return "exited";
    }
    return "created";
}

NetworkMode NetworkMode::parse(const std::string& value) {
    NetworkMode m;
    if (value.empty() || value == "default" || value == "bridge") {
        m.kind = value == "bridge" ? Kind::Named : Kind::Default;
        m.name = "bridge";
    } else if (value == "host") {
        m.kind = Kind::Host;
        m.name = "host";
    } else if (value == "none") {
        m.kind = Kind::None;
        m.name = "none";
    } else if (value.starts_with("container:")) {
        m.kind = Kind::Container;
        m.name = value.substr(10);
    } else {
        m.kind = Kind::Named;
        m.name = value;
    }
    return m;
}

std::string NetworkMode::toString() const {
    switch (kind) {
        case Kind::Default: return "default";
        case Kind::Host: return "host";
        case Kind::None: return "none";
        case Kind::Container: return "container:" + name;
        case Kind::Named: return name;
    }
    return "default";
}

}  // namespace sim::docker
