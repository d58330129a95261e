// MainWindow's exports: the canvas as PNG or SVG, the trace as pcap, the session as a shell
// script, and the scene's items as JSON (--dump-scene, what tests and reviews read).
#include "main_window.hpp"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QSvgGenerator>

#include "controller/lab_controller.hpp"
#include "export/pcap_writer.hpp"
#include "scene/scene_style.hpp"
#include "scene/topology_scene.hpp"
#include "sim/cli/docker_host.hpp"

namespace docknet::gui {

namespace {

QString kindName(scene::ItemKind k) {
    switch (k) {
        case scene::ItemKind::Host: return QStringLiteral("host");
        case scene::ItemKind::Router: return QStringLiteral("router");
        case scene::ItemKind::Bridge: return QStringLiteral("bridge");
        case scene::ItemKind::Container: return QStringLiteral("container");
        case scene::ItemKind::Veth: return QStringLiteral("veth");
        case scene::ItemKind::Port: return QStringLiteral("port");
        case scene::ItemKind::Uplink: return QStringLiteral("uplink");
        case scene::ItemKind::Shared: return QStringLiteral("shared");
    }
    return {};
}

}  // namespace

bool MainWindow::exportPng(const QString& file, QString* error) {
    const QRectF r = m_scene->sceneRect();
    QImage img((r.size() * 2).toSize(), QImage::Format_ARGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    m_scene->render(&p, QRectF(), r);
    p.end();
    if (img.save(file, "PNG")) return true;
    if (error) *error = tr("could not write %1").arg(file);
    return false;
}

bool MainWindow::exportSvg(const QString& file, QString* error) {
    const QRectF r = m_scene->sceneRect();
    QSvgGenerator gen;
    gen.setFileName(file);
    gen.setSize(r.size().toSize());
    gen.setViewBox(QRectF(QPointF(0, 0), r.size()));
    gen.setTitle(QStringLiteral("docknet"));
    QPainter p;
    if (!p.begin(&gen)) {
        if (error) *error = tr("could not write %1").arg(file);
        return false;
    }
    m_scene->render(&p, QRectF(QPointF(0, 0), r.size()), r);
    p.end();
    return true;
}

bool MainWindow::exportPcap(const QString& file, QString* error) {
    const auto& log = m_controller->lab().kernel().trace();
    auto written = docknet::exporting::writePcap(log, 0, log.size(), file.toStdString());
    if (written) return true;
    if (error) *error = QString::fromStdString(written.error());
    return false;
}

bool MainWindow::exportSession(const QString& file, QString* error) {
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error) *error = f.errorString();
        return false;
    }
    f.write(m_controller->sessionScript().toUtf8());
    return true;
}

bool MainWindow::dumpScene(const QString& file, QString* error) const {
    QJsonArray items;
    for (const auto& it : m_scene->topology().items) {
        QJsonObject o;
        o[QStringLiteral("kind")] = kindName(it.kind);
        o[QStringLiteral("id")] = scene::qs(it.modelId);
        o[QStringLiteral("item")] = scene::qs(it.id);
        QStringList label;
        double width = 0;
        for (const auto& l : it.lines) {
            label << scene::qs(l.text);
            width = std::max(width, scene::measureText(l.text, l.style));
        }
        o[QStringLiteral("label")] = label.join(QLatin1Char('\n'));
        o[QStringLiteral("labelWidth")] = width;
        o[QStringLiteral("rect")] = QJsonArray{it.rect.x, it.rect.y, it.rect.w, it.rect.h};
        if (it.stopped) o[QStringLiteral("stopped")] = true;
        items.append(o);
    }
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error) *error = f.errorString();
        return false;
    }
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("items"), items}}).toJson());
    return true;
}

}  // namespace docknet::gui
