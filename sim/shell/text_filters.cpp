#include "sim/shell/text_filters.hpp"

#include "sim/core/linear_regex.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace sim::shell {

namespace {

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

std::string joinLines(const std::vector<std::string>& lines) {
    std::string r;
    for (const auto& l : lines) r += l + "\n";
    return r;
}

/// Reads the operands (or stdin when none); a missing file is reported like coreutils.
bool gatherInput(const std::string& tool, const std::vector<std::string>& files, const std::string& stdinText,
                 const FileReader& read, std::string& text, CommandResult& r) {
    if (files.empty()) {
        text = stdinText;
        return true;
    }
    bool ok = true;
    for (const auto& f : files) {
        if (f == "-") {
            text += stdinText;
            continue;
        }
        auto content = read(f);
        if (!content) {
            r.output.err(tool + ": " + f + ": No such file or directory\n");
            ok = false;
            continue;
        }
        text += *content;
    }
    return ok;
}

std::optional<long> number(const std::string& s) {
    if (s.empty()) return std::nullopt;
    long v = 0;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        v = v * 10 + (c - '0');
        if (v > 100000000) return std::nullopt;
    }
    return v;
}

CommandResult grep(const std::vector<std::string>& argv, const std::string& stdinText, const FileReader& read) {
    CommandResult r;
    bool ignoreCase = false, invert = false, count = false, numbers = false, word = false, onlyMatching = false,
         fixed = false, quiet = false, extended = false;
    std::optional<std::string> pattern;
    std::vector<std::string> files;
    long maxCount = -1;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "-e" && i + 1 < argv.size()) {
            pattern = argv[++i];
        } else if ((a == "-m" || a == "--max-count") && i + 1 < argv.size()) {
            maxCount = number(argv[++i]).value_or(-1);
        } else if (a.starts_with("-m") && a.size() > 2 && number(a.substr(2))) {
            maxCount = *number(a.substr(2));
        } else if (a.size() > 1 && a[0] == '-' && a != "-") {
            for (std::size_t k = 1; k < a.size(); ++k) {
                switch (a[k]) {
                    case 'i': ignoreCase = true; break;
                    case 'v': invert = true; break;
                    case 'c': count = true; break;
                    case 'n': numbers = true; break;
                    case 'w': word = true; break;
                    case 'o': onlyMatching = true; break;
                    case 'E': extended = true; break;
                    case 'F': fixed = true; break;
                    case 'q': quiet = true; break;
                    default:
                        r.output.err(std::string("grep: invalid option -- '") + a[k] +
                                     "'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
                        r.exitCode = 2;
                        return r;
                }
            }
        } else if (!pattern) {
            pattern = a;
        } else {
            files.push_back(a);
        }
    }
    if (!pattern) {
        r.output.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
        r.exitCode = 2;
        return r;
    }
    std::string text;
    const bool readOk = gatherInput("grep", files, stdinText, read, text, r);
    // GNU grep: basic syntax unless -E, literal with -F; matched in linear time.
    using sim::core::LinearRegex;
    std::string p = fixed ? LinearRegex::quote(*pattern) : *pattern;
    const LinearRegex::Syntax syntax = fixed || extended ? LinearRegex::Syntax::PosixExtended : LinearRegex::Syntax::PosixBasic;
    if (word) p = syntax == LinearRegex::Syntax::PosixBasic ? "\\b\\(" + p + "\\)\\b" : "\\b(" + p + ")\\b";
    auto re = LinearRegex::compile(p, syntax, ignoreCase);
    if (!re) {
        switch (LinearRegex::compileProblem(p, syntax)) {
            case LinearRegex::Problem::UnmatchedParen: r.output.err("grep: Unmatched ( or \\(\n"); break;
            case LinearRegex::Problem::UnmatchedBracket: r.output.err("grep: Unmatched [, [^, [:, [., or [=\n"); break;
            case LinearRegex::Problem::BackReference:
                r.output.err("docknet: grep: back-references (\\1 ... \\9) are not modelled (docknet's grep matches in linear time)\n");
                break;
            case LinearRegex::Problem::TooBig: r.output.err("grep: regular expression too big\n"); break;
            default: r.output.err("grep: Invalid regular expression\n"); break;
        }
        r.exitCode = 2;
        return r;
    }
    int matches = 0;
    int lineNo = 0;
    for (const auto& line : splitLines(text)) {
        ++lineNo;
        if (maxCount >= 0 && matches >= maxCount) break;
        const bool hit = re->search(line) != invert;
        if (!hit) continue;
        ++matches;
        if (quiet || count) continue;
        const std::string prefix = numbers ? std::to_string(lineNo) + ":" : "";
        if (onlyMatching && !invert) {
            for (const auto& [b, e] : re->findAll(line)) r.output.out(prefix + line.substr(b, e - b) + "\n");
        } else {
            r.output.out(prefix + line + "\n");
        }
    }
    if (count) r.output.out(std::to_string(matches) + "\n");
    r.exitCode = !readOk ? 2 : matches > 0 ? 0 : 1;
    return r;
}

CommandResult headTail(bool head, const std::vector<std::string>& argv, const std::string& stdinText, const FileReader& read) {
    CommandResult r;
    const std::string tool = head ? "head" : "tail";
    long n = 10;
    std::vector<std::string> files;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        std::string value;
        if (a == "-n" && i + 1 < argv.size()) value = argv[++i];
        else if (a.starts_with("-n")) value = a.substr(2);
        else if (a.size() > 1 && a[0] == '-' && std::isdigit(static_cast<unsigned char>(a[1]))) value = a.substr(1);
        else if (a == "-f") continue;
        else {
            files.push_back(a);
            continue;
        }
        auto v = number(value);
        if (!v) {
            r.output.err(tool + ": invalid number of lines: '" + value + "'\n");
            r.exitCode = 1;
            return r;
        }
        n = *v;
    }
    std::string text;
    const bool ok = gatherInput(tool, files, stdinText, read, text, r);
    auto ls = splitLines(text);
    if (head) {
        if (static_cast<long>(ls.size()) > n) ls.resize(static_cast<std::size_t>(n));
    } else if (static_cast<long>(ls.size()) > n) {
        ls.erase(ls.begin(), ls.end() - n);
    }
    r.output.out(joinLines(ls));
    r.exitCode = ok ? 0 : 1;
    return r;
}

CommandResult wc(const std::vector<std::string>& argv, const std::string& stdinText, const FileReader& read) {
    CommandResult r;
    bool l = false, w = false, c = false;
    std::vector<std::string> files;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() > 1 && a[0] == '-') {
            for (char ch : a.substr(1)) {
                if (ch == 'l') l = true;
                else if (ch == 'w') w = true;
                else if (ch == 'c' || ch == 'm') c = true;
            }
        } else {
            files.push_back(a);
        }
    }
    if (!l && !w && !c) l = w = c = true;
    std::string text;
    const bool ok = gatherInput("wc", files, stdinText, read, text, r);
    const long lines = static_cast<long>(std::count(text.begin(), text.end(), '\n'));
    long words = 0;
    bool inWord = false;
    for (char ch : text) {
        const bool space = std::isspace(static_cast<unsigned char>(ch));
        if (!space && !inWord) ++words;
        inWord = !space;
    }
    std::vector<long> values;
    if (l) values.push_back(lines);
    if (w) values.push_back(words);
    if (c) values.push_back(static_cast<long>(text.size()));
    std::string line;
    const bool single = values.size() == 1 && files.empty();
    for (std::size_t i = 0; i < values.size(); ++i) {
        std::string v = std::to_string(values[i]);
        if (!single) v = std::string(v.size() < 7 ? 7 - v.size() : 0, ' ') + v;
        line += (i ? " " : "") + v;
    }
    if (files.size() == 1) line += " " + files[0];
    r.output.out(line + "\n");
    r.exitCode = ok ? 0 : 1;
    return r;
}

CommandResult sortLines(const std::vector<std::string>& argv, const std::string& stdinText, const FileReader& read) {
    CommandResult r;
    bool reverse = false, numeric = false, unique = false;
    std::vector<std::string> files;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() > 1 && a[0] == '-') {
            for (char ch : a.substr(1)) {
                if (ch == 'r') reverse = true;
                else if (ch == 'n') numeric = true;
                else if (ch == 'u') unique = true;
            }
        } else {
            files.push_back(a);
        }
    }
    std::string text;
    const bool ok = gatherInput("sort", files, stdinText, read, text, r);
    auto ls = splitLines(text);
    std::stable_sort(ls.begin(), ls.end(), [&](const std::string& a, const std::string& b) {
        if (numeric) return std::atof(a.c_str()) < std::atof(b.c_str());
        return a < b;
    });
    if (reverse) std::reverse(ls.begin(), ls.end());
    if (unique) ls.erase(std::unique(ls.begin(), ls.end()), ls.end());
    r.output.out(joinLines(ls));
    r.exitCode = ok ? 0 : 2;
    return r;
}

/// GNU cut (coreutils 9.1): -b/-c LIST (bytes: GNU cuts characters as bytes), -f LIST with
/// -d DELIM and -s, ranges N, N-, -M, N-M joined by commas, and set-fields.c's refusals.
CommandResult cut(const std::vector<std::string>& argv, const std::string& stdinText, const FileReader& read) {
    CommandResult r;
    auto fail = [&r](const std::string& why) {
        r.output.err("cut: " + why + "\nTry 'cut --help' for more information.\n");
        r.exitCode = 1;
        return r;
    };
    char mode = 0;  // 'b', 'c' or 'f'
    std::string list;
    std::optional<char> delim;
    bool onlyDelimited = false;
    std::vector<std::string> files;
    bool options = true;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (!options || a.size() < 2 || a[0] != '-') {
            files.push_back(a);
            continue;
        }
        if (a == "--") {
            options = false;
            continue;
        }
        for (std::size_t k = 1; k < a.size(); ++k) {
            const char o = a[k];
            if (o == 's') {
                onlyDelimited = true;
                continue;
            }
            if (o != 'b' && o != 'c' && o != 'f' && o != 'd') return fail("invalid option -- '" + std::string(1, o) + "'");
            std::string value = a.substr(k + 1);
            if (value.empty()) {
                if (i + 1 >= argv.size()) return fail("option requires an argument -- '" + std::string(1, o) + "'");
                value = argv[++i];
            }
            if (o == 'd') {
                if (value.size() != 1) return fail("the delimiter must be a single character");
                delim = value[0];
            } else {
                if (mode) return fail("only one list may be specified");
                mode = o;
                list = value;
            }
            break;
        }
    }
    if (!mode) return fail("you must specify a list of bytes, characters, or fields");
    if (mode != 'f' && delim) return fail("an input delimiter may be specified only when operating on fields");
    if (mode != 'f' && onlyDelimited)
        return fail("suppressing non-delimited lines makes sense\n\tonly when operating on fields");
    // The list: [lo, hi] ranges, 1-based; hi 0 means "to the end".
    const bool positions = mode != 'f';
    std::vector<std::pair<long, long>> ranges;
    std::size_t pos = 0;
    while (true) {
        const std::size_t comma = list.find_first_of(", ", pos);
        const std::string part = list.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        const auto dash = part.find('-');
        auto bad = [&](const std::string& what) {
            return fail(positions ? "invalid byte/character position '" + what + "'" : "invalid field value '" + what + "'");
        };
        if (part.empty() || part == "-") return fail("invalid range with no endpoint: -");
        const std::string loText = dash == std::string::npos ? part : part.substr(0, dash);
        const std::string hiText = dash == std::string::npos ? part : part.substr(dash + 1);
        const auto lo = loText.empty() ? std::optional<long>(1) : number(loText);
        const auto hi = hiText.empty() ? std::optional<long>(0) : number(hiText);
        if (!lo) return bad(loText);
        if (!hi) return bad(hiText);
        if (*lo == 0 || (dash != std::string::npos && !hiText.empty() && *hi == 0))
            return fail(positions ? "byte/character positions are numbered from 1" : "fields are numbered from 1");
        if (*hi != 0 && *hi < *lo) return fail("invalid decreasing range");
        ranges.emplace_back(*lo, *hi);
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    auto selected = [&ranges](long n) {
        return std::any_of(ranges.begin(), ranges.end(), [n](const auto& rg) { return n >= rg.first && (rg.second == 0 || n <= rg.second); });
    };
    std::string text;
    const bool ok = gatherInput("cut", files, stdinText, read, text, r);
    const char d = delim.value_or('\t');
    for (const auto& line : splitLines(text)) {
        std::string outLine;
        if (positions) {
            for (std::size_t i = 0; i < line.size(); ++i)
                if (selected(static_cast<long>(i) + 1)) outLine += line[i];
        } else {
            if (line.find(d) == std::string::npos) {
                if (!onlyDelimited) r.output.out(line + "\n");
                continue;
            }
            std::size_t start = 0;
            long field = 1;
            bool first = true;
            while (true) {
                const auto next = line.find(d, start);
                if (selected(field)) {
                    outLine += (first ? "" : std::string(1, d)) +
                               line.substr(start, next == std::string::npos ? std::string::npos : next - start);
                    first = false;
                }
                if (next == std::string::npos) break;
                start = next + 1;
                ++field;
            }
        }
        r.output.out(outLine + "\n");
    }
    r.exitCode = ok ? 0 : 1;
    return r;
}

}  // namespace

std::optional<CommandResult> runTextFilter(const std::vector<std::string>& argv, const std::string& stdinText,
                                           const FileReader& read) {
    if (argv.empty()) return std::nullopt;
    const std::string& name = argv[0];
    if (name == "grep" || name == "egrep" || name == "fgrep") return grep(argv, stdinText, read);
    if (name == "head") return headTail(true, argv, stdinText, read);
    if (name == "tail") return headTail(false, argv, stdinText, read);
    if (name == "wc") return wc(argv, stdinText, read);
    if (name == "sort") return sortLines(argv, stdinText, read);
    if (name == "cut") return cut(argv, stdinText, read);
    if (name == "uniq") {
        CommandResult r;
        auto ls = splitLines(stdinText);
        ls.erase(std::unique(ls.begin(), ls.end()), ls.end());
        r.output.out(joinLines(ls));
        return r;
    }
    if (name == "tr" && argv.size() >= 3) {
        CommandResult r;
        std::string text = stdinText;
        if (argv[1] == "-d") {
            std::erase_if(text, [&](char c) { return argv[2].find(c) != std::string::npos; });
        } else {
            const std::string& from = argv[1];
            const std::string& to = argv[2];
            for (auto& c : text) {
                auto pos = from.find(c);
                if (pos != std::string::npos && !to.empty()) c = to[std::min(pos, to.size() - 1)];
            }
        }
        r.output.out(text);
        return r;
    }
    return std::nullopt;
}

}  // namespace sim::shell
