// Playback: Packet Tracer's simulation controls over the event list — the current event,
// play / pause, step forward and back, first / last, speed. It only moves a cursor; the
// window shows the event (canvas, details, inspector) when the cursor moves.
#pragma once

#include <QObject>
#include <QTimer>

namespace docknet::gui {

class EventListModel;

class Playback : public QObject {
    Q_OBJECT

public:
    explicit Playback(EventListModel& events, QObject* parent = nullptr);

    [[nodiscard]] int currentRow() const { return m_row; }
    [[nodiscard]] bool isPlaying() const { return m_playing; }
    [[nodiscard]] double speed() const { return m_speed; }
    /// How long an envelope travels at the current speed.
    [[nodiscard]] int stepDurationMs() const { return static_cast<int>(700 / m_speed); }

public slots:
    void setCurrentRow(int row, bool animate = false);
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBack();
    void first();
    void last();
    void setSpeed(double factor);
    /// The canvas finished animating the current event: while playing, go on.
    void eventShown();

signals:
    void currentChanged(int row, bool animate);
    void playingChanged(bool playing);

private:
    EventListModel& m_events;
    int m_row = -1;
    bool m_playing = false;
    double m_speed = 1.0;
    QTimer m_next;
};

}  // namespace docknet::gui
