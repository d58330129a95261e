#include "sim/net/net_namespace.hpp"

#include "sim/net/arp.hpp"

namespace sim::net {

NetNamespace::NetNamespace(core::NamespaceId id, std::string name) : m_id(id), m_name(std::move(name)) {}

NetNamespace::~NetNamespace() = default;

}  // namespace sim::net
