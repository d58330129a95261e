#include "real/live_capture.hpp"

#include <pcap/pcap.h>

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;

void PcapCloser::operator()(pcap* p) const { pcap_close(p); }

sim::core::Result<PcapHandle> openLiveHere(const std::string& iface, const std::string& where) {
    char err[PCAP_ERRBUF_SIZE] = {};
    PcapHandle handle(pcap_create(iface.c_str(), err));
    if (!handle) return fail(ErrorCode::Internal, "pcap " + iface + ": " + err);
    pcap_set_snaplen(handle.get(), 65535);
    pcap_set_promisc(handle.get(), 1);
    pcap_set_immediate_mode(handle.get(), 1);  // each frame at once, so a count stops it promptly
    if (const int rc = pcap_activate(handle.get()); rc < 0)
        return fail(rc == PCAP_ERROR_NO_SUCH_DEVICE ? ErrorCode::NotFound : ErrorCode::Internal,
                    where + " " + iface + ": " + pcap_geterr(handle.get()));
    if (pcap_setnonblock(handle.get(), 1, err) != 0) return fail(ErrorCode::Internal, std::string("pcap: ") + err);
    if (pcap_get_selectable_fd(handle.get()) < 0)
        return fail(ErrorCode::Unsupported, "pcap: no selectable descriptor for " + iface);
    return handle;
}

}  // namespace docknet::real
