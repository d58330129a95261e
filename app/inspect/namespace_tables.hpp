// inspectTables: the tables a teacher would open to see what a place on the Docker host knows
// right now — for the host its interfaces, neighbours, routes, iptables nat and filter rules,
// sockets and conntrack; for a bridge its ports and FDB; for a container its namespace's tables
// and its /etc/hosts and /etc/resolv.conf. Plain strings, Qt-free, so the time machine can
// compare snapshots and the GUI only has to lay them out.
#pragma once

#include <string>
#include <vector>

#include "sim/cli/docker_host.hpp"

namespace docknet::gui {

struct Table {
    /// "interfaces", "neighbours", "routes", "nat", "filter", "sockets", "conntrack", "ports",
    /// "fdb", "hosts", "resolv": the GUI picks the tab title by it.
    std::string id;
    /// Column keys ("name", "mac", "state", ...): the GUI translates them into header titles.
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    bool operator==(const Table&) const = default;
};

struct InspectTarget {
    enum class Kind { Host, Bridge, Container };
    Kind kind = Kind::Host;
    std::string name;  // the bridge's interface name ("docker0") or the container's name; unused for the host
    bool operator==(const InspectTarget&) const = default;
};

/// The target's tables in a fixed order; empty when there is no such bridge or container.
/// A host-mode container shows the host's namespace, a container-mode one its donor's; a
/// container that is not running has no namespace and shows only its /etc files.
std::vector<Table> inspectTables(const sim::cli::DockerHost& lab, const InspectTarget& target);

}  // namespace docknet::gui
