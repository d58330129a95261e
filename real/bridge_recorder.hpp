// BridgeRecorder: several live handles (the lab's bridges, each opened inside its namespace)
// read at once by one thread into one pcapng file, one interface block per handle, until stop().
// The caller makes traffic meanwhile from its own thread (the NamespaceWorker stays free).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "real/live_capture.hpp"
#include "real/pcapng_writer.hpp"

namespace docknet::real {

class BridgeRecorder {
public:
    /// Starts reading `handles`; frame i of handle k goes to the writer's interface k.
    static sim::core::Result<std::unique_ptr<BridgeRecorder>> start(std::vector<PcapHandle> handles, PcapngWriter writer);
    ~BridgeRecorder();
    BridgeRecorder(const BridgeRecorder&) = delete;
    BridgeRecorder& operator=(const BridgeRecorder&) = delete;

    /// Stops the thread, reads what is still queued, closes the file: frames per handle.
    sim::core::Result<std::vector<std::size_t>> stop();

private:
    BridgeRecorder(std::vector<PcapHandle> handles, PcapngWriter writer, int wake);
    void loop();
    void drain(std::size_t index);

    std::vector<PcapHandle> m_handles;
    PcapngWriter m_writer;
    int m_wake = -1;  // eventfd: tells the thread to stop
    std::vector<std::size_t> m_packets;
    std::string m_error;  // the first read or write error, reported by stop()
    std::thread m_thread;
    bool m_stopped = false;
};

}  // namespace docknet::real
