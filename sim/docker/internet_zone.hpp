// The simulated Internet's names: what the host's upstream resolver (10.0.2.3, the router)
// answers. Every address here lives on the router's loopback, so a ping to it gets a reply.
// A name not listed, and every reserved name (.invalid, .test, .example, .localhost, RFC 6761),
// is NXDOMAIN. docs/NAMES.md lists the table for students and teachers.
#pragma once

#include <map>
#include <string>

#include "sim/wire/ipv4_address.hpp"

namespace sim::docker {

/// Lower-case names without the trailing dot.
std::map<std::string, wire::Ipv4Address> internetZone();

}  // namespace sim::docker
