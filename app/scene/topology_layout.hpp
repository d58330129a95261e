// TopologyLayout: where each shape of the canvas goes — the host frame, the router above it,
// bridge bars side by side, container cards in slots below their bridge, veth links from a
// port stub to the card, host-mode cards inside the frame's top row, container-mode cards
// under their donor, none-mode cards in the bottom row, port sockets on the frame's top edge.
//
// Plain C++ (no widget), so tests and benchmarks compute it headless. Stability: a container
// keeps its slot for as long as it exists (LayoutMemory), so a new container never moves the
// others; a bridge reserves slots in fours, so its neighbours move only when it outgrows them.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "sim/core/ids.hpp"
#include "topology_snapshot.hpp"

namespace docknet::scene {

struct Point {
    double x = 0;
    double y = 0;
};

struct Rect {
    double x = 0;
    double y = 0;
    double w = 0;
    double h = 0;
    [[nodiscard]] double right() const { return x + w; }
    [[nodiscard]] double bottom() const { return y + h; }
    [[nodiscard]] bool intersects(const Rect& o) const {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
};

enum class ItemKind { Host, Router, Bridge, Container, Veth, Port, Uplink, Shared };

/// One line of text on a shape, with its style (the scene picks fonts per style).
enum class TextStyle { Title, Normal, Small, Mono, MonoSmall };
struct TextLine {
    std::string text;
    TextStyle style = TextStyle::Normal;
    bool dim = false;  // lo, secondary facts
};

struct LayoutItem {
    ItemKind kind = ItemKind::Container;
    std::string id;               // "host", "router", "uplink", "bridge:<net id>", "container:<id>", "veth:<hostVeth>",
                                  // "port:<key>", "shared:<id>" (a container-mode card's tie to its donor)
    std::string modelId;          // the network / container id, the veth name, the port key
    Rect rect;                    // scene rectangle (for links: their bounding box)
    std::vector<TextLine> lines;  // what it says, top to bottom
    std::vector<Point> path;      // links: the polyline, from the bridge/host end to the container/router end
    sim::core::InterfaceId endA;  // links: the interface at path.front() (host side)
    sim::core::InterfaceId endB;  // links: the interface at path.back()
    bool dashed = false;          // host-mode and container-mode cards, port-to-target lines
    bool stopped = false;         // greyed
    int colorIndex = 0;           // bridges and their links: one colour per network
    std::string targetId;         // ports: the card the socket forwards to
};

struct Layout {
    std::vector<LayoutItem> items;
    Rect bounds;
    [[nodiscard]] const LayoutItem* find(const std::string& id) const;
};

/// Width of a text in scene units, for the scene's fonts.
using TextMeasure = std::function<double(const std::string& text, TextStyle style)>;

/// What the layout remembers between snapshots: slots of containers, bridge order and
/// capacity, the widest card seen, and where the user dragged things (by item id).
struct LayoutMemory {
    std::map<std::string, int> slotOf;          // container id -> slot under its home row
    std::map<std::string, int> bridgeCapacity;  // network id -> reserved slots
    std::map<std::string, int> portSlot;        // port key -> socket slot
    std::map<std::string, int> bridgeColor;     // network id -> colour index
    double cardWidth = 0;                       // grows, never shrinks: cards do not jump back
    std::map<std::string, Point> dragged;       // item id -> top-left the user chose
};

/// The words the canvas shows besides names and addresses, in the user's language (the GUI
/// fills them with tr(); the defaults are the English source texts).
struct LayoutPhrases {
    std::string hostNamespace = "host network namespace";
    std::string router = "Internet · router %1";
    std::string hostMode = "host network: no own IP, shares eth0";
    std::string noneMode = "network none: lo only";
    std::string containerMode = "shares %1's network namespace";
    std::string proxy = "docker-proxy · DNAT";
    /// A binding also on [::] (Docker 27's default): a second docker-proxy holds that side.
    std::string proxyWithIpv6 = "docker-proxy ×2 (+ [::]) · DNAT";
    /// Bound on [::] alone (`-p [::]:8080:80`): proxied, no iptables rule.
    std::string proxyIpv6Only = "docker-proxy · no DNAT (IPv6)";
};

Layout layoutTopology(const TopologySnapshot& snapshot, LayoutMemory& memory, const TextMeasure& measure,
                      const LayoutPhrases& phrases = {});

/// The lines a container card shows (also used to size it).
std::vector<TextLine> cardLines(const ContainerView& c, const LayoutPhrases& phrases, const std::string& donorName);

/// `pattern` with "%1" replaced by `arg`.
std::string fillIn(std::string pattern, const std::string& arg);

}  // namespace docknet::scene
