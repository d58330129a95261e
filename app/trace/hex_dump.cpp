#include "trace/hex_dump.hpp"

namespace docknet::gui {

namespace {

constexpr int kPerLine = 16;
constexpr int kOffsetWidth = 6;  // "0000" and two spaces
constexpr int kAsciiGap = 2;

}  // namespace

HexColumn hexColumnOf(int indexInLine) {
    const int start = kOffsetWidth + indexInLine * 3 + (indexInLine >= 8 ? 1 : 0);
    return {start, start + 2};
}

int hexDumpLineLength() { return hexColumnOf(kPerLine - 1).end + kAsciiGap + kPerLine + 1; }

QString hexDump(std::span<const std::uint8_t> bytes) {
    QString out;
    for (std::size_t line = 0; line < bytes.size(); line += kPerLine) {
        // Every line has the same width (short last lines are padded) so columns line up.
        QString text(hexDumpLineLength() - 1, QLatin1Char(' '));
        const QString offset = QStringLiteral("%1").arg(line, 4, 16, QLatin1Char('0'));
        text.replace(0, offset.size(), offset);
        const int asciiStart = hexColumnOf(kPerLine - 1).end + kAsciiGap;
        for (int i = 0; i < kPerLine && line + i < bytes.size(); ++i) {
            const std::uint8_t b = bytes[line + i];
            text.replace(hexColumnOf(i).start, 2, QStringLiteral("%1").arg(b, 2, 16, QLatin1Char('0')));
            text[asciiStart + i] = (b >= 0x20 && b < 0x7f) ? QLatin1Char(char(b)) : QLatin1Char('.');
        }
        out += text;
        out += QLatin1Char('\n');
    }
    return out;
}

}  // namespace docknet::gui
