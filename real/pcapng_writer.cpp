#include "real/pcapng_writer.hpp"

#include <cerrno>
#include <cstring>

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;

namespace {

// Host byte order throughout: the byte-order magic tells readers which one it is.
void put32(std::vector<std::uint8_t>& b, std::uint32_t v) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
    b.insert(b.end(), p, p + 4);
}
void put16(std::vector<std::uint8_t>& b, std::uint16_t v) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
    b.insert(b.end(), p, p + 2);
}
void pad4(std::vector<std::uint8_t>& b) {
    while (b.size() % 4) b.push_back(0);
}

/// type, total length, body, total length again (the body padded to 4 bytes).
std::vector<std::uint8_t> block(std::uint32_t type, std::vector<std::uint8_t> body) {
    pad4(body);
    std::vector<std::uint8_t> b;
    const auto total = static_cast<std::uint32_t>(body.size() + 12);
    put32(b, type);
    put32(b, total);
    b.insert(b.end(), body.begin(), body.end());
    put32(b, total);
    return b;
}

}  // namespace

Result<PcapngWriter> PcapngWriter::create(const std::string& path, const std::vector<PcapngInterface>& interfaces) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return fail(ErrorCode::Internal, path + ": " + std::strerror(errno));
    PcapngWriter w(f, path);
    std::vector<std::uint8_t> shb;
    put32(shb, 0x1A2B3C4D);  // byte-order magic
    put16(shb, 1);           // version 1.0
    put16(shb, 0);
    put32(shb, 0xFFFFFFFF);  // section length: not given (-1)
    put32(shb, 0xFFFFFFFF);
    std::vector<std::uint8_t> out = block(0x0A0D0D0A, shb);
    for (const auto& i : interfaces) {
        std::vector<std::uint8_t> idb;
        put16(idb, i.linkType);
        put16(idb, 0);
        put32(idb, i.snapLen);
        put16(idb, 2);  // if_name
        put16(idb, static_cast<std::uint16_t>(i.name.size()));
        idb.insert(idb.end(), i.name.begin(), i.name.end());
        pad4(idb);
        put32(idb, 0);  // opt_endofopt
        const auto b = block(1, idb);
        out.insert(out.end(), b.begin(), b.end());
    }
    if (std::fwrite(out.data(), 1, out.size(), f) != out.size()) return fail(ErrorCode::Internal, path + ": write failed");
    return w;
}

PcapngWriter::PcapngWriter(PcapngWriter&& other) noexcept : m_file(other.m_file), m_path(std::move(other.m_path)) {
    other.m_file = nullptr;
}

PcapngWriter::~PcapngWriter() {
    if (m_file) std::fclose(m_file);
}

Result<void> PcapngWriter::write(std::uint32_t index, std::int64_t seconds, std::int64_t micros, const std::uint8_t* data,
                                 std::uint32_t capturedLength, std::uint32_t originalLength) {
    if (!m_file) return fail(ErrorCode::Internal, m_path + ": closed");
    const auto ts = static_cast<std::uint64_t>(seconds) * 1'000'000u + static_cast<std::uint64_t>(micros);
    std::vector<std::uint8_t> epb;
    epb.reserve(capturedLength + 24);
    put32(epb, index);
    put32(epb, static_cast<std::uint32_t>(ts >> 32));
    put32(epb, static_cast<std::uint32_t>(ts));
    put32(epb, capturedLength);
    put32(epb, originalLength);
    epb.insert(epb.end(), data, data + capturedLength);
    const auto b = block(6, std::move(epb));
    if (std::fwrite(b.data(), 1, b.size(), m_file) != b.size()) return fail(ErrorCode::Internal, m_path + ": write failed");
    return {};
}

Result<void> PcapngWriter::close() {
    if (!m_file) return {};
    std::FILE* f = m_file;
    m_file = nullptr;
    if (std::fclose(f) != 0) return fail(ErrorCode::Internal, m_path + ": " + std::strerror(errno));
    return {};
}

}  // namespace docknet::real
