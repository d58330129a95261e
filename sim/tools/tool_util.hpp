// Small helpers the tools share: text padding and splitting, the kernel facts several tools print
// the same way (carrier, operstate, link-netnsid, frame counters), and running the Scheduler while
// a tool waits for something (a DNS answer, a TCP handshake).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/sim_time.hpp"
#include "sim/net/interface.hpp"
#include "sim/net/kernel.hpp"
#include "sim/tools/tool_context.hpp"

namespace sim::tools {

using Args = std::vector<std::string>;

// --- text -----------------------------------------------------------------------------------
/// printf("%-Ns"): pads on the right, never truncates.
std::string padRight(std::string_view s, std::size_t width);
/// printf("%Ns"): pads on the left, never truncates.
std::string padLeft(std::string_view s, std::size_t width);
/// printf("%-N.Ns"): pads and truncates to exactly `width`.
std::string fitRight(std::string_view s, std::size_t width);
std::vector<std::string> splitWords(std::string_view text);
std::vector<std::string> splitLines(std::string_view text);
std::string toLower(std::string_view s);
bool startsWith(std::string_view s, std::string_view prefix);
/// iproute2's matches(): `word` is a non-empty abbreviation of `full` ("a" for "address").
inline bool isAbbreviationOf(std::string_view word, std::string_view full) { return !word.empty() && startsWith(full, word); }
/// "/usr/bin/ping" -> "ping".
std::string baseName(std::string_view path);
/// A non-negative decimal integer, the whole string (strtol with a full-string check).
std::optional<long> parseLong(std::string_view s);
/// A decimal number like "0.2" or "5", the whole string.
std::optional<double> parseDouble(std::string_view s);
std::string lines(const std::vector<std::string>& ls);  // each followed by '\n'

// --- options ------------------------------------------------------------------------------------
struct ParsedOptions {
    std::vector<std::pair<char, std::string>> options;  // in order; the value is empty for flags
    std::vector<std::string> operands;
    std::optional<char> invalid;     // "invalid option -- 'z'"
    std::optional<char> missingArg;  // "option requires an argument -- 'c'"
};
/// getopt(3) as glibc does it (operands may come before options; "--" ends options):
/// `optstring` lists the letters, a ':' after one means it takes a value ("-c3" or "-c 3").
ParsedOptions parseOptions(const Args& argv, std::string_view optstring);

// --- results ----------------------------------------------------------------------------------
ToolResult ok(std::string out = {});
ToolResult failure(std::string err, int exitCode);

// --- kernel facts -------------------------------------------------------------------------------
/// IFF_RUNNING / LOWER_UP: lo and a veth when up (and the peer up); a bridge when up and at least
/// one of its ports has carrier (br_port_carrier_check: no port up means NO-CARRIER).
bool hasCarrier(const net::Kernel& kernel, const net::Interface& iface);
/// IFLA_OPERSTATE as `ip link` prints it: UNKNOWN (lo), UP, DOWN, LOWERLAYERDOWN (veth whose
/// peer is down).
std::string operState(const net::Kernel& kernel, const net::Interface& iface);
/// The id the namespace `self` gives `other` (`link-netnsid N`): the peer namespaces of `self`'s
/// veths, numbered from 0 in namespace creation order, as ids are handed out on first use.
int linkNetnsId(const net::Kernel& kernel, core::NamespaceId self, core::NamespaceId other);

struct FrameCounters {
    std::uint64_t rxPackets = 0, rxBytes = 0, txPackets = 0, txBytes = 0;
};
/// RX/TX counters of an interface, tallied from the FrameRx/FrameTx records of the kernel trace
/// (zero when recording is off). Frame sizes are computed from the record's tcpdump-style text:
/// ARP 42 octets, ICMP 34 + its length, UDP/DNS 42 + payload, TCP 54 (no options modelled).
FrameCounters countFrames(const net::Kernel& kernel, core::InterfaceId iface);
/// Octets of an Ethernet frame (no FCS, no padding: veths do not pad) described by a trace detail.
std::uint64_t frameLengthFromSummary(std::string_view detail);

// --- time -----------------------------------------------------------------------------------------
/// Runs the kernel's Scheduler until `done()` holds or `deadline` is reached; returns done().
/// When it gives up, the clock stands at `deadline` (the tool waited that long).
bool runUntil(net::Kernel& kernel, const std::function<bool()>& done, core::SimTime deadline);

}  // namespace sim::tools
