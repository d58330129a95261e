// The dissectors' shared tools: bounds-checked big-endian reads at absolute frame offsets, the
// field constructor, and value formats (MAC, IPv4, hex). Internal to app/trace.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include <QCoreApplication>
#include <QString>

#include "trace/frame_dissector.hpp"

namespace docknet::gui::dissect {

using Bytes = std::span<const std::uint8_t>;

/// Reads never leave the frame: a field that does not fit is nullopt, and the dissector stops.
struct FrameBytes {
    Bytes data;
    [[nodiscard]] bool has(std::size_t offset, std::size_t n) const { return offset + n <= data.size(); }
    [[nodiscard]] std::optional<std::uint8_t> u8(std::size_t at) const;
    [[nodiscard]] std::optional<std::uint16_t> u16(std::size_t at) const;
    [[nodiscard]] std::optional<std::uint32_t> u32(std::size_t at) const;
    [[nodiscard]] std::optional<QString> mac(std::size_t at) const;
    [[nodiscard]] std::optional<QString> ipv4(std::size_t at) const;
};

// Every name and value text goes through QCoreApplication::translate("FrameDissector", ...)
// with a literal, so lupdate finds it.

DissectedField field(const QString& name, const QString& value, std::size_t offset, std::size_t length);
DissectedField truncatedField(std::size_t offset);
/// "0x0800"-style: `digits` hex digits, lower case.
QString hex(std::uint32_t value, int digits);
/// "0x0001 (1)", as Wireshark shows ids and checksums with their decimal value.
QString hexAndDecimal(std::uint32_t value, int digits);

}  // namespace docknet::gui::dissect
