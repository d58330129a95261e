#include "sim/cli/tab_writer.hpp"

#include <algorithm>
#include <cstdint>

#include "sim/core/utf8.hpp"

namespace sim::cli {

namespace {

bool isCombining(std::uint32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B || cp == 0x200C ||
           cp == 0x200D || cp == 0xFEFF;
}

bool isWide(std::uint32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
           (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
           (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
           (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

std::size_t displayWidth(std::string_view s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto d = core::utf8::decode(s, i);
        i += d.width;
        const auto cp = static_cast<std::uint32_t>(d.rune);
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) continue;  // runewidth: control characters are 0
        if (isCombining(cp)) continue;
        w += isWide(cp) ? 2 : 1;
    }
    return w;
}

TabWriter::TabWriter(TabWriterConfig config) : m_config(config) { reset(); }

void TabWriter::reset() {
    m_buf.clear();
    m_cellSize = 0;
    m_lines.clear();
    m_lines.emplace_back();
    m_widths.clear();
}

void TabWriter::terminateCell(bool htab) {
    const std::string_view text(m_buf.data() + m_buf.size() - m_cellSize, m_cellSize);
    m_lines.back().push_back(Cell{m_cellSize, displayWidth(text), htab});
    m_cellSize = 0;
}

void TabWriter::write(std::string_view text) {
    for (char ch : text) {
        if (ch == '\t' || ch == '\v' || ch == '\n' || ch == '\f') {
            terminateCell(ch == '\t');
            const std::size_t cells = m_lines.back().size();
            if (ch == '\n' || ch == '\f') {
                m_lines.emplace_back();
                // A line of one cell cannot influence the columns after it: Go flushes here.
                if (ch == '\f' || cells == 1) flushInternal();
            }
        } else {
            m_buf.push_back(ch);
            ++m_cellSize;
        }
    }
}

std::string TabWriter::flush() {
    flushInternal();
    std::string out;
    out.swap(m_out);
    return out;
}

void TabWriter::flushInternal() {
    if (m_cellSize > 0) terminateCell(false);
    format(0, 0, m_lines.size());
    reset();
}

// Go's Writer.format: find the next column block starting at `line0`, compute its width, and
// recurse for the columns to its right; lines without that column are written as they are.
std::size_t TabWriter::format(std::size_t pos, std::size_t line0, std::size_t line1) {
    const std::size_t column = m_widths.size();
    for (std::size_t current = line0; current < line1; ++current) {
        if (column + 1 >= m_lines[current].size()) continue;  // no tab-terminated cell here
        // The lines before the block are complete with the widths known so far.
        pos = writeLines(pos, line0, current);
        line0 = current;
        std::size_t width = m_config.minWidth;
        for (; current < line1; ++current) {
            const auto& line = m_lines[current];
            if (column + 1 >= line.size()) break;
            width = std::max(width, line[column].width + m_config.padding);
        }
        m_widths.push_back(width);
        pos = format(pos, line0, current);
        m_widths.pop_back();
        line0 = current;
        // `current` is now the first line without this column (or line1); like Go, the loop's
        // increment steps over it, as it would be skipped anyway.
    }
    return writeLines(pos, line0, line1);
}

std::size_t TabWriter::writeLines(std::size_t pos, std::size_t line0, std::size_t line1) {
    for (std::size_t i = line0; i < line1; ++i) {
        const auto& line = m_lines[i];
        for (std::size_t j = 0; j < line.size(); ++j) {
            const Cell& c = line[j];
            m_out.append(m_buf, pos, c.size);
            pos += c.size;
            if (j < m_widths.size() && m_widths[j] > c.width) m_out.append(m_widths[j] - c.width, m_config.padChar);
        }
        if (i + 1 == m_lines.size()) {
            // The last buffered line has no newline: write the unterminated cell's text.
            m_out.append(m_buf, pos, m_cellSize);
            pos += m_cellSize;
        } else {
            m_out.push_back('\n');
        }
    }
    return pos;
}

std::string tabwrite(std::string_view text, TabWriterConfig config) {
    TabWriter w(config);
    w.write(text);
    return w.flush();
}

}  // namespace sim::cli
