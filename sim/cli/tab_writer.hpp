// TabWriter: Go's text/tabwriter as docker/cli uses it for every table it prints
// (cli/command/formatter: `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`). Elastic tabstops:
//
//   * input is cells terminated by '\t' (or '\v'); a line ends at '\n' (or '\f');
//   * a column is a block of CONSECUTIVE lines that all have a tab-terminated cell at that index;
//     its width is max(minWidth, widest cell + padding), and every cell of the block is padded
//     with padChar to that width;
//   * the last cell of a line (the text after its last tab) belongs to no column and is never
//     padded, which is why Docker's last column (NAMES, SCOPE, SIZE) has no trailing spaces;
//   * a line with a single cell (no tab at all) ends every column: the buffered text is
//     formatted and written at once, as Go's Writer.Write flushes there; '\f' does the same.
//
// Widths are display widths (docker/cli's fork measures with go-runewidth): one per code point,
// two for East Asian wide and fullwidth characters, zero for combining marks, East Asian
// ambiguous characters (such as "…") count one. Only the flags Docker uses are modelled (0):
// no AlignRight, DiscardEmptyColumns, TabIndent, FilterHTML, Debug or escape handling.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sim::cli {

struct TabWriterConfig {
    std::size_t minWidth = 10;
    std::size_t padding = 3;
    char padChar = ' ';
};

/// The display width of UTF-8 text as go-runewidth's StringWidth counts it (see the file comment).
std::size_t displayWidth(std::string_view utf8);

class TabWriter {
public:
    explicit TabWriter(TabWriterConfig config = {});

    /// Buffers `text` (any number of calls; cells and lines may span calls).
    void write(std::string_view text);
    /// Formats what is buffered (an unterminated last cell counts as a cell) and returns all
    /// output produced since the previous flush(), including what intermediate flushes wrote.
    std::string flush();

private:
    struct Cell {
        std::size_t size = 0;   // bytes in m_buf
        std::size_t width = 0;  // display width
        bool htab = false;      // terminated by '\t'
    };

    void terminateCell(bool htab);
    void flushInternal();
    std::size_t format(std::size_t pos, std::size_t line0, std::size_t line1);
    std::size_t writeLines(std::size_t pos, std::size_t line0, std::size_t line1);
    void reset();

    TabWriterConfig m_config;
    std::string m_buf;                    // cell text, without the terminators
    std::size_t m_cellSize = 0;           // bytes of the current, unterminated cell
    std::vector<std::vector<Cell>> m_lines;
    std::vector<std::size_t> m_widths;    // column widths while formatting
    std::string m_out;
};

/// One-shot: the text through a TabWriter with Docker's settings (or `config`), flushed.
std::string tabwrite(std::string_view text, TabWriterConfig config = {});

}  // namespace sim::cli
