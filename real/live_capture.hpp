// openLiveHere: a libpcap handle on an interface of the calling thread's namespace, set up as
// docknet records: promiscuous (a bridge's frames between two ports are not addressed to it),
// immediate, non-blocking. A packet socket keeps the namespace it was opened in, so the handle
// may be read from any thread afterwards.
#pragma once

#include <memory>
#include <string>

#include "sim/core/error.hpp"

struct pcap;  // libpcap's pcap_t

namespace docknet::real {

struct PcapCloser {
    void operator()(pcap* p) const;
};
using PcapHandle = std::unique_ptr<pcap, PcapCloser>;

/// `where` names the namespace in errors ("docknet-host").
sim::core::Result<PcapHandle> openLiveHere(const std::string& iface, const std::string& where);

}  // namespace docknet::real
