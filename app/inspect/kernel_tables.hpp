// One Table per kernel table of a namespace or bridge, rows in the order the tools list them
// (`ip addr`, `ip neigh`, `ip route`, `iptables -S`, `ss`, `conntrack -L`, `bridge fdb`).
// Every cell is a function of the state only, not of the current time (the FDB shows when an
// entry was last refreshed, not its age), so two snapshots of the same state compare equal.
#pragma once

#include "inspect/namespace_tables.hpp"

namespace docknet::gui::tables {

Table interfaces(const sim::net::Kernel& k, sim::core::NamespaceId ns);
Table neighbours(const sim::net::Kernel& k, const sim::net::NetNamespace& ns);
Table routes(const sim::net::Kernel& k, const sim::net::NetNamespace& ns);
Table iptables(const sim::net::XtTable& table, std::string id);
Table sockets(const sim::net::NetNamespace& ns);
Table conntrack(const sim::net::Kernel& k, const sim::net::NetNamespace& ns);
Table bridgePorts(const sim::net::Kernel& k, const sim::net::Bridge& bridge);
Table fdb(const sim::net::Kernel& k, const sim::net::Bridge& bridge);
/// A file's lines, one row each ("hosts", "resolv").
Table fileLines(std::string id, const std::string& text);

}  // namespace docknet::gui::tables
