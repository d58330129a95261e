#include "gui_bench.hpp"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>

#include <cstdio>

#include "controller/lab_controller.hpp"
#include "scene/link_item.hpp"
#include "scene/packet_item.hpp"
#include "scene/scene_style.hpp"
#include "scene/topology_layout.hpp"
#include "scene/topology_scene.hpp"
#include "scene/topology_snapshot.hpp"

namespace docknet::gui {

namespace {

double peakRssMb() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    return 0;
}

}  // namespace

int runGuiBench() {
    constexpr int kNetworks = 20;
    constexpr int kContainers = 1000;
    LabController controller;
    QString script;
    for (int n = 0; n < kNetworks; ++n)
        script += QStringLiteral("docker network create --subnet 10.%1.0.0/16 net%1\n").arg(n + 10);
    for (int c = 0; c < kContainers; ++c)
        script += QStringLiteral("docker run -dit --name c%1 --network net%2 alpine\n").arg(c).arg(c % kNetworks + 10);
    QElapsedTimer setup;
    setup.start();
    QString error;
    if (!controller.runScript(script, &error)) {
        std::fprintf(stderr, "docknet-gui --bench: %s\n", qPrintable(error));
        return 1;
    }
    const double setupS = setup.nsecsElapsed() / 1e9;

    QElapsedTimer t;
    t.start();
    scene::LayoutMemory memory;
    const auto snapshot = scene::snapshotOf(controller.lab());
    const auto layout = scene::layoutTopology(snapshot, memory, &scene::measureText);
    const double layoutS = t.nsecsElapsed() / 1e9;
    scene::TopologyScene sc;
    sc.setTopology(layout);
    const double buildS = t.nsecsElapsed() / 1e9;
    // First paint: the whole scene at 1:1 into an image, as a view shows it when fitted.
    const QRectF r = sc.sceneRect();
    const QSize imageSize(1600, 1000);
    QImage img(imageSize, QImage::Format_ARGB32_Premultiplied);
    {
        img.fill(Qt::white);
        QPainter p(&img);
        sc.render(&p, QRectF(QPointF(0, 0), QSizeF(imageSize)), r);
    }
    const double firstPaintS = t.nsecsElapsed() / 1e9;

    // 200 envelopes in flight along 200 veth links; each frame moves them and repaints.
    QList<scene::LinkItem*> links;
    for (const auto& it : layout.items)
        if (it.kind == scene::ItemKind::Veth && links.size() < 200) links << sc.link(QString::fromStdString(it.id));
    QList<scene::PacketItem*> packets;
    for (int i = 0; i < links.size(); ++i) {
        auto* p = new scene::PacketItem(scene::Protocol::Icmp, i % 10 == 0 ? QStringLiteral("echo request") : QString(), false);
        sc.addItem(p);
        packets << p;
    }
    constexpr int kFrames = 120;
    QElapsedTimer anim;
    anim.start();
    // Frames are painted as a view of a 1:1 region would be: the part of the canvas in view.
    const QRectF viewport(r.x(), r.y(), 1600, 1000);
    for (int f = 0; f < kFrames; ++f) {
        const double tt = (f % 60) / 60.0;
        for (int i = 0; i < packets.size(); ++i) packets[i]->setPos(links[i]->pointAt(tt));
        img.fill(Qt::white);
        QPainter p(&img);
        sc.render(&p, QRectF(QPointF(0, 0), QSizeF(imageSize)), viewport);
    }
    const double animS = anim.nsecsElapsed() / 1e9;
    const double fps = kFrames / animS;

    std::printf("docknet-gui --bench (%d containers, %d networks, %lld items)\n", kContainers, kNetworks,
                static_cast<long long>(sc.items().size()));
    std::printf("  simulation set-up       %8.3f s\n", setupS);
    std::printf("  snapshot + layout       %8.3f s\n", layoutS);
    std::printf("  scene build             %8.3f s\n", buildS);
    std::printf("  scene build + 1st paint %8.3f s   (target < 0.5 s)\n", firstPaintS);
    std::printf("  200 packets in flight   %8.1f frames/s (target >= 60)\n", fps);
    std::printf("  peak memory             %8.1f MB\n", peakRssMb());
    return 0;
}

}  // namespace docknet::gui
