#include "topology_layout.hpp"

#include <algorithm>
#include <set>

namespace docknet::scene {

namespace {

constexpr double kMargin = 20;
constexpr double kRouterH = 40;
constexpr double kFrameTop = kRouterH + 60;
constexpr double kFramePad = 24;
constexpr double kHeaderH = 64;      // title line and the port labels under the top edge
constexpr double kBarH = 28;
constexpr double kLinkLen = 84;      // bar bottom to card top: room for the veth name
constexpr double kSlotGap = 26;
constexpr double kRowGap = 36;
constexpr double kMinCardW = 170;
constexpr double kCardPadX = 10;
constexpr double kCardPadY = 8;
constexpr double kBandMaxW = 1900;   // wider rows of bridges wrap into a new band
constexpr int kSlotChunk = 2;        // a bridge reserves slots two at a time
// A port's dashed line runs between the sockets' captions (down to frame top + 32) and the
// frame's title (from frame top + 40, drawn at x + 16), then left of the title and the bars.
constexpr double kPortLaneY = 36;
constexpr double kPortLaneX = 8;

double lineHeight(TextStyle s) {
    switch (s) {
        case TextStyle::Title: return 20;
        case TextStyle::Normal: return 17;
        case TextStyle::Small: return 15;
        case TextStyle::Mono: return 16;
        case TextStyle::MonoSmall: return 15;
    }
    return 16;
}

double linesHeight(const std::vector<TextLine>& lines) {
    double h = 0;
    for (const auto& l : lines) h += lineHeight(l.style);
    return h;
}

double linesWidth(const std::vector<TextLine>& lines, const TextMeasure& measure) {
    double w = 0;
    for (const auto& l : lines) w = std::max(w, measure(l.text, l.style));
    return w;
}

/// Gives every container of a row a slot: remembered ones keep theirs, new ones take the
/// lowest free slot. Returns the number of slots in use (highest + 1).
int assignSlots(const std::vector<const ContainerView*>& row, LayoutMemory& memory) {
    std::set<int> used;
    for (const auto* c : row)
        if (auto it = memory.slotOf.find(c->id); it != memory.slotOf.end()) used.insert(it->second);
    for (const auto* c : row) {
        if (memory.slotOf.contains(c->id)) continue;
        int s = 0;
        while (used.contains(s)) ++s;
        memory.slotOf[c->id] = s;
        used.insert(s);
    }
    return used.empty() ? 0 : *used.rbegin() + 1;
}

struct Placer {
    const TopologySnapshot& snap;
    LayoutMemory& memory;
    const TextMeasure& measure;
    Layout out;
    std::map<std::string, Rect> cardRect;  // container id -> rect
    double cardH = 0;
    std::function<std::vector<TextLine>(const ContainerView&)> linesOf;

    [[nodiscard]] double slotW() const { return memory.cardWidth + kSlotGap; }

    Rect placeDragged(const std::string& id, Rect r) const {
        if (auto it = memory.dragged.find(id); it != memory.dragged.end()) {
            r.x = it->second.x;
            r.y = it->second.y;
        }
        return r;
    }

    void addCard(const ContainerView& c, Rect r, bool dashed) {
        LayoutItem it;
        it.kind = ItemKind::Container;
        it.id = "container:" + c.id;
        it.modelId = c.id;
        it.lines = linesOf(c);
        it.rect = placeDragged(it.id, r);
        it.dashed = dashed;
        it.stopped = !c.running;
        cardRect[c.id] = it.rect;
        out.items.push_back(std::move(it));
    }
};

}  // namespace

const LayoutItem* Layout::find(const std::string& id) const {
    for (const auto& i : items)
        if (i.id == id) return &i;
    return nullptr;
}

std::string fillIn(std::string pattern, const std::string& arg) {
    if (auto at = pattern.find("%1"); at != std::string::npos) pattern.replace(at, 2, arg);
    return pattern;
}

std::vector<TextLine> cardLines(const ContainerView& c, const LayoutPhrases& phrases, const std::string& donorName) {
    std::vector<TextLine> lines;
    lines.push_back({c.name, TextStyle::Title, false});
    lines.push_back({c.image + " · " + c.status, TextStyle::Small, true});
    switch (c.mode) {
        case NetworkModeView::Host:
            lines.push_back({phrases.hostMode, TextStyle::Small, false});
            break;
        case NetworkModeView::None:
            lines.push_back({phrases.noneMode, TextStyle::Small, false});
            break;
        case NetworkModeView::Container:
            lines.push_back({fillIn(phrases.containerMode, donorName), TextStyle::Small, false});
            break;
        case NetworkModeView::Bridge:
            for (const auto& i : c.interfaces) {
                lines.push_back({i.ifName + " " + i.address, TextStyle::Mono, false});
                lines.push_back({"   " + i.mac, TextStyle::MonoSmall, true});
            }
            break;
    }
    if (c.mode != NetworkModeView::Host) lines.push_back({"lo 127.0.0.1", TextStyle::MonoSmall, true});
    return lines;
}

Layout layoutTopology(const TopologySnapshot& snap, LayoutMemory& memory, const TextMeasure& measure,
                      const LayoutPhrases& phrases) {
    std::map<std::string, std::string> nameOf;
    for (const auto& c : snap.containers) nameOf[c.id] = c.name;
    auto linesOf = [&](const ContainerView& c) { return cardLines(c, phrases, nameOf[c.donorId]); };
    Placer p{snap, memory, measure, {}, {}, 0, linesOf};

    // Forget what is gone, so its slot can be taken again.
    std::set<std::string> alive;
    for (const auto& c : snap.containers) alive.insert(c.id);
    std::erase_if(memory.slotOf, [&](const auto& kv) { return !alive.contains(kv.first); });

    // Uniform card size: the widest and tallest card decide, and the width never shrinks.
    for (const auto& c : snap.containers) {
        const auto lines = linesOf(c);
        memory.cardWidth = std::max({memory.cardWidth, kMinCardW, linesWidth(lines, measure) + 2 * kCardPadX});
        p.cardH = std::max(p.cardH, linesHeight(lines) + 2 * kCardPadY);
    }
    if (memory.cardWidth == 0) memory.cardWidth = kMinCardW;
    if (p.cardH == 0) p.cardH = 90;

    // Rows: one per bridge, plus host mode, none mode, and container mode under each donor.
    std::map<std::string, std::vector<const ContainerView*>> underBridge;
    std::vector<const ContainerView*> hostRow, noneRow;
    std::map<std::string, std::vector<const ContainerView*>> attachedTo;
    std::set<std::string> bridgeIds;
    for (const auto& b : snap.bridges) bridgeIds.insert(b.networkId);
    for (const auto& c : snap.containers) {
        switch (c.mode) {
            case NetworkModeView::Host: hostRow.push_back(&c); break;
            case NetworkModeView::None: noneRow.push_back(&c); break;
            case NetworkModeView::Container:
                if (alive.contains(c.donorId)) attachedTo[c.donorId].push_back(&c);
                else noneRow.push_back(&c);
                break;
            case NetworkModeView::Bridge:
                if (bridgeIds.contains(c.homeNetworkId)) underBridge[c.homeNetworkId].push_back(&c);
                else noneRow.push_back(&c);
                break;
        }
    }

    const double x0 = kMargin + kFramePad;
    double y = kFrameTop + kHeaderH;
    double contentRight = x0 + 400;

    // Host-mode cards: dashed, inside the frame, no veth; right of the port sockets, so the
    // sockets' lines down to their containers do not cross them.
    if (!hostRow.empty()) {
        double socketsW = 0;
        for (const auto& port : snap.ports) {
            const std::string label = port.hostIp + ":" + std::to_string(port.hostPort) + " → " + port.targetIp + ":" +
                                      std::to_string(port.containerPort);
            socketsW = std::max(socketsW, measure(label, TextStyle::Mono) + 16 + 14);
        }
        const double hx = x0 + socketsW * static_cast<double>(snap.ports.size() + 1);
        const int slots = assignSlots(hostRow, memory);
        for (const auto* c : hostRow)
            p.addCard(*c, Rect{hx + memory.slotOf[c->id] * p.slotW(), y, memory.cardWidth, p.cardH}, true);
        contentRight = std::max(contentRight, hx + slots * p.slotW());
        y += p.cardH + kRowGap;
    }

    // Bridges side by side, wrapping into bands.
    struct PlacedBridge {
        const BridgeView* b;
        Rect bar;
    };
    std::vector<PlacedBridge> bars;
    double bandX = x0;
    double bandY = y;
    double bandBottom = y;
    for (const auto& b : snap.bridges) {
        auto& row = underBridge[b.networkId];
        const int used = assignSlots(row, memory);
        int& cap = memory.bridgeCapacity[b.networkId];
        while (cap < std::max(used, 1)) cap += kSlotChunk;
        if (!memory.bridgeColor.contains(b.networkId)) memory.bridgeColor[b.networkId] = static_cast<int>(memory.bridgeColor.size());
        const std::string label = b.bridgeName + "   " + b.networkName + "   " + b.gateway + " · " + b.subnet;
        const double w = std::max(cap * p.slotW() - kSlotGap, measure(label, TextStyle::Normal) + 30);
        if (bandX > x0 && bandX + w > x0 + kBandMaxW) {
            bandX = x0;
            bandY = bandBottom + kRowGap;
        }
        Rect bar{bandX, bandY, w, kBarH};
        LayoutItem it;
        it.kind = ItemKind::Bridge;
        it.id = "bridge:" + b.networkId;
        it.modelId = b.networkId;
        it.rect = p.placeDragged(it.id, bar);
        it.lines = {{b.bridgeName, TextStyle::Normal, false}, {b.networkName, TextStyle::Normal, false},
                    {b.gateway + " · " + b.subnet, TextStyle::Small, false}};
        it.colorIndex = memory.bridgeColor[b.networkId];
        it.endA = b.bridgeIf;
        bars.push_back({&b, it.rect});
        p.out.items.push_back(std::move(it));

        double rowBottom = bar.bottom();
        for (const auto* c : row) {
            const Rect r{bar.x + memory.slotOf[c->id] * p.slotW(), bar.bottom() + kLinkLen, memory.cardWidth, p.cardH};
            p.addCard(*c, r, false);
            rowBottom = std::max(rowBottom, r.bottom());
            // Container-mode cards hang below their donor, one under the other.
            double ay = r.bottom() + kRowGap;
            for (const auto* a : attachedTo[c->id]) {
                p.addCard(*a, Rect{r.x, ay, memory.cardWidth, p.cardH}, true);
                ay += p.cardH + kRowGap;
                rowBottom = std::max(rowBottom, ay - kRowGap);
            }
        }
        bandBottom = std::max(bandBottom, rowBottom);
        contentRight = std::max(contentRight, bar.right());
        bandX = bar.right() + 2 * kSlotGap;
    }
    y = bandBottom + kRowGap;

    // Donors outside bridges (host or none mode) also carry their container-mode cards.
    for (const auto* row : {&hostRow}) {
        for (const auto* c : *row) {
            const Rect donor = p.cardRect[c->id];
            double ay = donor.bottom() + kRowGap;
            for (const auto* a : attachedTo[c->id]) {
                p.addCard(*a, Rect{donor.x, std::max(ay, y), memory.cardWidth, p.cardH}, true);
                ay += p.cardH + kRowGap;
                y = std::max(y, ay);
            }
        }
    }

    // None mode (and cards whose network is gone): the bottom row, no links.
    if (!noneRow.empty()) {
        const int slots = assignSlots(noneRow, memory);
        for (const auto* c : noneRow) {
            const Rect r{x0 + memory.slotOf[c->id] * p.slotW(), y, memory.cardWidth, p.cardH};
            p.addCard(*c, r, false);
            double ay = r.bottom() + kRowGap;
            for (const auto* a : attachedTo[c->id]) {
                p.addCard(*a, Rect{r.x, ay, memory.cardWidth, p.cardH}, true);
                ay += p.cardH + kRowGap;
            }
        }
        contentRight = std::max(contentRight, x0 + slots * p.slotW());
        y += p.cardH + kRowGap;
    }

    // Veth links: from a port stub on the bar down to the card, one per interface.
    for (const auto& c : snap.containers) {
        if (c.mode != NetworkModeView::Bridge || !p.cardRect.contains(c.id)) continue;
        const Rect card = p.cardRect[c.id];
        const double n = static_cast<double>(c.interfaces.size());
        for (std::size_t k = 0; k < c.interfaces.size(); ++k) {
            const auto& i = c.interfaces[k];
            auto bar = std::find_if(bars.begin(), bars.end(), [&](const PlacedBridge& pb) { return pb.b->networkId == i.networkId; });
            if (bar == bars.end()) continue;
            const double cx = card.x + card.w * (static_cast<double>(k) + 1) / (n + 1);
            const double sx = std::clamp(cx, bar->bar.x + 12, bar->bar.right() - 12);
            const bool below = card.y >= bar->bar.bottom();
            const double sy = below ? bar->bar.bottom() : bar->bar.y;
            const double ey = below ? card.y : card.bottom();
            LayoutItem it;
            it.kind = ItemKind::Veth;
            it.id = "veth:" + i.hostVeth;
            it.modelId = i.hostVeth;
            it.lines = {{i.hostVeth, TextStyle::MonoSmall, true}};
            it.endA = i.hostVethIf;
            it.endB = i.containerIf;
            it.colorIndex = memory.bridgeColor[i.networkId];
            it.targetId = "container:" + c.id;
            if (std::abs(sx - cx) < 0.5) {
                it.path = {{sx, sy}, {cx, ey}};
            } else {
                const double mid = sy + (ey - sy) * 0.5;
                it.path = {{sx, sy}, {sx, mid}, {cx, mid}, {cx, ey}};
            }
            double minX = sx, maxX = sx;
            for (const auto& pt : it.path) {
                minX = std::min(minX, pt.x);
                maxX = std::max(maxX, pt.x);
            }
            it.rect = Rect{minX, std::min(sy, ey), std::max(maxX - minX, 1.0), std::abs(ey - sy)};
            p.out.items.push_back(std::move(it));
        }
    }

    // Container-mode ties: a dashed line from the donor's card to the sharer's.
    for (const auto& c : snap.containers) {
        if (c.mode != NetworkModeView::Container || !p.cardRect.contains(c.id) || !p.cardRect.contains(c.donorId)) continue;
        const Rect a = p.cardRect[c.donorId];
        const Rect b = p.cardRect[c.id];
        LayoutItem it;
        it.kind = ItemKind::Shared;
        it.id = "shared:" + c.id;
        it.modelId = c.id;
        it.dashed = true;
        it.targetId = "container:" + c.id;
        it.path = {{a.x + a.w / 2, a.bottom()}, {b.x + b.w / 2, b.y}};
        it.rect = Rect{std::min(it.path[0].x, it.path[1].x), a.bottom(), std::abs(it.path[1].x - it.path[0].x) + 1,
                       std::max(b.y - a.bottom(), 1.0)};
        p.out.items.push_back(std::move(it));
    }

    // Published ports: sockets on the frame's top edge, from the left, in stable slots.
    const double frameX = kMargin;
    const double frameY = kFrameTop;
    double portX = frameX + kFramePad;
    {
        std::set<std::string> live;
        for (const auto& port : snap.ports) live.insert(port.key);
        std::erase_if(memory.portSlot, [&](const auto& kv) { return !live.contains(kv.first); });
        std::set<int> used;
        for (const auto& [k, s] : memory.portSlot) used.insert(s);
        for (const auto& port : snap.ports) {
            if (memory.portSlot.contains(port.key)) continue;
            int s = 0;
            while (used.contains(s)) ++s;
            memory.portSlot[port.key] = s;
            used.insert(s);
        }
        double socketW = 0;
        for (const auto& port : snap.ports) {
            const std::string label = port.hostIp + ":" + std::to_string(port.hostPort) + " → " + port.targetIp + ":" +
                                      std::to_string(port.containerPort);
            socketW = std::max(socketW, measure(label, TextStyle::Mono) + 16);
        }
        auto captionOf = [&phrases](const PortView& port) -> const std::string& {
            return port.ipv6Only ? phrases.proxyIpv6Only : port.alsoOnIpv6 ? phrases.proxyWithIpv6 : phrases.proxy;
        };
        for (const auto& port : snap.ports) socketW = std::max(socketW, measure(captionOf(port), TextStyle::Small) + 8);
        for (const auto& port : snap.ports) {
            const std::string label = port.hostIp + ":" + std::to_string(port.hostPort) + " → " + port.targetIp + ":" +
                                      std::to_string(port.containerPort) + (port.proto == "udp" ? "/udp" : "");
            LayoutItem it;
            it.kind = ItemKind::Port;
            it.id = "port:" + port.key;
            it.modelId = port.key;
            it.rect = Rect{frameX + kFramePad + memory.portSlot[port.key] * (socketW + 14), frameY - 12, socketW, 24};
            it.lines = {{label, TextStyle::Mono, false},
                        {captionOf(port), TextStyle::Small, true}};
            it.targetId = "container:" + port.containerId;
            it.dashed = true;
            portX = std::max(portX, it.rect.right() + 14);
            // The dashed line to the container keeps off every label: down beside the socket's
            // caption, left above the frame's title, down the frame's left margin (left of the
            // title and the bars), then right just above the card row into the card's corner.
            if (auto card = p.cardRect.find(port.containerId); card != p.cardRect.end()) {
                LayoutItem line;
                line.kind = ItemKind::Port;
                line.id = "portline:" + port.key;
                line.modelId = port.key;
                line.dashed = true;
                line.targetId = it.targetId;
                const Rect& c = card->second;
                const double sx = it.rect.x + 4;
                const double cx = c.x + 14;
                const double laneY = frameY + kPortLaneY;
                const double laneX = frameX + kPortLaneX;
                const double aboveCard = c.y - 12;
                if (aboveCard > laneY) {
                    line.path = {{sx, it.rect.bottom()}, {sx, laneY}, {laneX, laneY}, {laneX, aboveCard}, {cx, aboveCard}, {cx, c.y}};
                } else {
                    // A card dragged up to the frame's top edge: the straight way.
                    line.path = {{sx, it.rect.bottom()}, {cx, it.rect.bottom()}, {cx, c.y}};
                }
                double minX = sx, maxX = sx, minY = it.rect.bottom(), maxY = minY;
                for (const auto& pt : line.path) {
                    minX = std::min(minX, pt.x), maxX = std::max(maxX, pt.x);
                    minY = std::min(minY, pt.y), maxY = std::max(maxY, pt.y);
                }
                line.rect = Rect{minX, minY, maxX - minX + 1, maxY - minY + 1};
                p.out.items.push_back(std::move(line));
            }
            p.out.items.push_back(std::move(it));
        }
    }

    // The frame around it all, its eth0 on the top edge, the router above.
    const std::string title = snap.hostName + "  (" + phrases.hostNamespace + ")";
    const std::string eth0 = "eth0 " + snap.hostAddress;
    const double titleW = measure(title, TextStyle::Title) + measure(eth0, TextStyle::Mono) + 60;
    const double frameW = std::max({contentRight - frameX + kFramePad, titleW + 2 * kFramePad, portX - frameX + 200.0});
    const Rect frame{frameX, frameY, frameW, y - frameY + 4};
    {
        LayoutItem it;
        it.kind = ItemKind::Host;
        it.id = "host";
        it.modelId = snap.hostName;
        it.rect = frame;
        it.lines = {{title, TextStyle::Title, false}, {eth0, TextStyle::Mono, false}};
        it.endA = snap.hostEth0;
        p.out.items.push_back(std::move(it));
    }
    const double eth0X = frame.right() - 120;
    {
        const std::string label = fillIn(phrases.router, snap.routerAddress);
        const double w = measure(label, TextStyle::Normal) + 40;
        LayoutItem it;
        it.kind = ItemKind::Router;
        it.id = "router";
        it.modelId = snap.routerAddress;
        it.rect = Rect{eth0X - w / 2, kMargin, w, kRouterH};
        it.lines = {{label, TextStyle::Normal, false}};
        it.endA = snap.routerIf;
        p.out.items.push_back(std::move(it));

        LayoutItem up;
        up.kind = ItemKind::Uplink;
        up.id = "uplink";
        up.modelId = "eth0";
        up.path = {{eth0X, frame.y}, {eth0X, kMargin + kRouterH}};
        up.rect = Rect{eth0X, kMargin + kRouterH, 1, frame.y - kMargin - kRouterH};
        up.endA = snap.hostEth0;
        up.endB = snap.routerIf;
        up.lines = {{eth0, TextStyle::Mono, false}};
        p.out.items.push_back(std::move(up));
    }

    double right = frame.right(), bottom = frame.bottom();
    for (const auto& it : p.out.items) {
        right = std::max(right, it.rect.right());
        bottom = std::max(bottom, it.rect.bottom());
    }
    p.out.bounds = Rect{0, 0, right + kMargin, bottom + kMargin};
    return std::move(p.out);
}

}  // namespace docknet::scene
