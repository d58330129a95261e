#include "playback.hpp"

#include <algorithm>

#include "event_list_model.hpp"

namespace docknet::gui {

Playback::Playback(EventListModel& events, QObject* parent) : QObject(parent), m_events(events) {
    m_next.setSingleShot(true);
    connect(&m_next, &QTimer::timeout, this, [this] {
        if (!m_playing) return;
        if (m_row + 1 >= m_events.rowCount()) {
            pause();
            return;
        }
        setCurrentRow(m_row + 1, true);
    });
}

void Playback::setCurrentRow(int row, bool animate) {
    const int count = m_events.rowCount();
    if (count == 0) {
        m_row = -1;
        emit currentChanged(-1, false);
        return;
    }
    m_row = std::clamp(row, 0, count - 1);
    emit currentChanged(m_row, animate);
}

void Playback::play() {
    if (m_events.rowCount() == 0) return;
    if (m_row + 1 >= m_events.rowCount()) m_row = -1;  // at the end: play again from the start
    m_playing = true;
    emit playingChanged(true);
    setCurrentRow(m_row + 1, true);
}

void Playback::pause() {
    m_next.stop();
    if (!m_playing) return;
    m_playing = false;
    emit playingChanged(false);
}

void Playback::togglePlay() { m_playing ? pause() : play(); }

void Playback::stepForward() {
    pause();
    if (m_row + 1 < m_events.rowCount()) setCurrentRow(m_row + 1, true);
}

void Playback::stepBack() {
    pause();
    if (m_row > 0) setCurrentRow(m_row - 1, true);
}

void Playback::first() {
    pause();
    setCurrentRow(0, false);
}

void Playback::last() {
    pause();
    setCurrentRow(m_events.rowCount() - 1, false);
}

void Playback::setSpeed(double factor) { m_speed = std::clamp(factor, 0.1, 20.0); }

void Playback::eventShown() {
    if (m_playing) m_next.start(static_cast<int>(150 / m_speed));
}

}  // namespace docknet::gui
