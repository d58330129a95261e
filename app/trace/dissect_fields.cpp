#include "trace/dissect_fields.hpp"

namespace docknet::gui::dissect {

std::optional<std::uint8_t> FrameBytes::u8(std::size_t at) const {
    if (!has(at, 1)) return std::nullopt;
    return data[at];
}

std::optional<std::uint16_t> FrameBytes::u16(std::size_t at) const {
    if (!has(at, 2)) return std::nullopt;
    return std::uint16_t((data[at] << 8) | data[at + 1]);
}

std::optional<std::uint32_t> FrameBytes::u32(std::size_t at) const {
    if (!has(at, 4)) return std::nullopt;
    return (std::uint32_t(data[at]) << 24) | (std::uint32_t(data[at + 1]) << 16) | (std::uint32_t(data[at + 2]) << 8) |
           std::uint32_t(data[at + 3]);
}

std::optional<QString> FrameBytes::mac(std::size_t at) const {
    if (!has(at, 6)) return std::nullopt;
    QStringList parts;
    for (std::size_t i = 0; i < 6; ++i) parts << QStringLiteral("%1").arg(data[at + i], 2, 16, QLatin1Char('0'));
    return parts.join(QLatin1Char(':'));
}

std::optional<QString> FrameBytes::ipv4(std::size_t at) const {
    if (!has(at, 4)) return std::nullopt;
    return QStringLiteral("%1.%2.%3.%4").arg(data[at]).arg(data[at + 1]).arg(data[at + 2]).arg(data[at + 3]);
}

DissectedField field(const QString& name, const QString& value, std::size_t offset, std::size_t length) {
    DissectedField f;
    f.name = name;
    f.value = value;
    f.offset = int(offset);
    f.length = int(length);
    return f;
}

DissectedField truncatedField(std::size_t offset) {
    DissectedField f;
    f.name = QCoreApplication::translate("FrameDissector", "[Truncated]");
    f.value = QCoreApplication::translate("FrameDissector", "the frame ends before this header does");
    f.offset = int(offset);
    return f;
}

QString hex(std::uint32_t value, int digits) {
    return QStringLiteral("0x%1").arg(value, digits, 16, QLatin1Char('0'));
}

QString hexAndDecimal(std::uint32_t value, int digits) {
    return QStringLiteral("%1 (%2)").arg(hex(value, digits)).arg(value);
}

}  // namespace docknet::gui::dissect
