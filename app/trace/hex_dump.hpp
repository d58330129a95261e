// hexDump: bytes as `xxd`/Wireshark's bytes pane shows them, 16 per line behind a 4-digit hex
// offset, so line L column C holds byte 16*L + C (the details view relies on this layout to
// highlight a field's bytes).
#pragma once

#include <cstdint>
#include <span>

#include <QString>

namespace docknet::gui {

/// "0000  ff ff ff ff ff ff 02 42  ac 11 00 02 08 06 00 01   .......B........\n..." — two
/// spaces after the offset, a space between bytes and an extra one after the 8th, then the
/// printable ASCII ('.' for the rest). Empty input gives an empty string.
QString hexDump(std::span<const std::uint8_t> bytes);

/// Where byte `index` starts and ends in a line of hexDump's output (character columns).
struct HexColumn {
    int start = 0;
    int end = 0;  // one past the two hex digits
};
HexColumn hexColumnOf(int indexInLine);
/// Characters per line of hexDump's output, newline included.
int hexDumpLineLength();

}  // namespace docknet::gui
