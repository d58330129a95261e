// Dockerfile parsing, the RUN interpreter with its package tables, and the BuildKit plain
// progress transcript. See dockerfile.hpp for what is modelled and what is approximate.
#include "sim/docker/dockerfile.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <variant>

namespace sim::docker {

namespace {

using core::ErrorCode;

// ===========================================================================================
// Text helpers
// ===========================================================================================

std::string upper(std::string_view s) {
    std::string o(s);
    for (char& c : o) c = char(std::toupper(static_cast<unsigned char>(c)));
    return o;
}

std::string lower(std::string_view s) {
    std::string o(s);
    for (char& c : o) c = char(std::tolower(static_cast<unsigned char>(c)));
    return o;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && isSpace(s[a])) ++a;
    while (b > a && isSpace(s[b - 1])) --b;
    return std::string(s.substr(a, b - a));
}

std::vector<std::string> splitWs(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && isSpace(s[i])) ++i;
        std::size_t j = i;
        while (j < s.size() && !isSpace(s[j])) ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::vector<std::string> splitLines(std::string_view text) {  // Go strings.Split(text, "\n")
    std::vector<std::string> out;
    std::size_t from = 0;
    while (true) {
        const auto at = text.find('\n', from);
        if (at == std::string_view::npos) {
            out.emplace_back(text.substr(from));
            return out;
        }
        out.emplace_back(text.substr(from, at - from));
        from = at + 1;
    }
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string o;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) o += sep;
        o += v[i];
    }
    return o;
}

std::string fmt3(double t) {
    char b[32];
    std::snprintf(b, sizeof b, "%.3f", t);
    return b;
}

std::string fmt1(double t) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", t);
    return b;
}

/// A deterministic duration in [lo, hi] seconds, from `key`.
double fakeSeconds(std::string_view key, double lo, double hi) {
    const std::string h = digestHex(key);
    const unsigned v = unsigned(std::stoul(h.substr(0, 6), nullptr, 16));
    return lo + (hi - lo) * (double(v % 1000) / 999.0);
}

int levenshtein(std::string_view a, std::string_view b) {
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = int(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

/// A JSON array of strings, or nullopt (then the instruction is in shell form).
std::optional<std::vector<std::string>> parseJsonArray(std::string_view s) {
    std::size_t i = 0;
    auto ws = [&] {
        while (i < s.size() && isSpace(s[i])) ++i;
    };
    ws();
    if (i >= s.size() || s[i] != '[') return std::nullopt;
    ++i;
    std::vector<std::string> out;
    ws();
    if (i < s.size() && s[i] == ']') {
        ++i;
        ws();
        return i == s.size() ? std::optional(out) : std::nullopt;
    }
    while (true) {
        ws();
        if (i >= s.size() || s[i] != '"') return std::nullopt;
        ++i;
        std::string v;
        while (true) {
            if (i >= s.size()) return std::nullopt;
            char c = s[i++];
            if (c == '"') break;
            if (c == '\\') {
                if (i >= s.size()) return std::nullopt;
                char e = s[i++];
                switch (e) {
                case '"': v += '"'; break;
                case '\\': v += '\\'; break;
                case '/': v += '/'; break;
                case 'n': v += '\n'; break;
                case 't': v += '\t'; break;
                case 'r': v += '\r'; break;
                case 'b': v += '\b'; break;
                case 'f': v += '\f'; break;
                case 'u': {
                    if (i + 4 > s.size()) return std::nullopt;
                    const unsigned cp = unsigned(std::stoul(std::string(s.substr(i, 4)), nullptr, 16));
                    i += 4;
                    if (cp < 0x80) v += char(cp);
                    else if (cp < 0x800) {
                        v += char(0xC0 | (cp >> 6));
                        v += char(0x80 | (cp & 0x3F));
                    } else {
                        v += char(0xE0 | (cp >> 12));
                        v += char(0x80 | ((cp >> 6) & 0x3F));
                        v += char(0x80 | (cp & 0x3F));
                    }
                    break;
                }
                default: return std::nullopt;
                }
            } else {
                v += c;
            }
        }
        out.push_back(std::move(v));
        ws();
        if (i < s.size() && s[i] == ',') {
            ++i;
            continue;
        }
        if (i < s.size() && s[i] == ']') {
            ++i;
            ws();
            return i == s.size() ? std::optional(out) : std::nullopt;
        }
        return std::nullopt;
    }
}

std::string jsonCompact(const std::vector<std::string>& v) {
    std::string o = "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) o += ",";
        o += '"';
        for (char c : v[i]) {
            if (c == '"' || c == '\\') o += '\\';
            o += c;
        }
        o += '"';
    }
    return o + "]";
}

/// Shell-style word splitting with quotes ("a b" 'c d' e\ f), quotes removed.
std::vector<std::string> shellWords(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    bool in = false;
    char quote = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
            else if (c == '\\' && quote == '"' && i + 1 < s.size()) cur += s[++i];
            else cur += c;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
            in = true;
        } else if (c == '\\' && i + 1 < s.size()) {
            cur += s[++i];
            in = true;
        } else if (isSpace(c)) {
            if (in) out.push_back(std::move(cur));
            cur.clear();
            in = false;
        } else {
            cur += c;
            in = true;
        }
    }
    if (in) out.push_back(std::move(cur));
    return out;
}

/// $VAR, ${VAR}, ${VAR:-default}, ${VAR:+alt}; \$ stays a literal $. Single quotes protect.
std::string expandVars(std::string_view s, const std::map<std::string, std::string>& vars, bool honorSingleQuotes) {
    std::string o;
    bool single = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (honorSingleQuotes && c == '\'') {
            single = !single;
            o += c;
            continue;
        }
        if (c == '\\' && i + 1 < s.size() && s[i + 1] == '$') {
            o += '$';
            ++i;
            continue;
        }
        if (c != '$' || single || i + 1 >= s.size()) {
            o += c;
            continue;
        }
        auto lookup = [&](const std::string& name) -> std::optional<std::string> {
            auto it = vars.find(name);
            if (it == vars.end()) return std::nullopt;
            return it->second;
        };
        if (s[i + 1] == '{') {
            const auto close = s.find('}', i + 2);
            if (close == std::string_view::npos) {
                o += c;
                continue;
            }
            std::string inner(s.substr(i + 2, close - i - 2));
            std::string name = inner, word;
            char op = 0;
            if (const auto p = inner.find(":-"); p != std::string::npos) {
                name = inner.substr(0, p);
                word = inner.substr(p + 2);
                op = '-';
            } else if (const auto q = inner.find(":+"); q != std::string::npos) {
                name = inner.substr(0, q);
                word = inner.substr(q + 2);
                op = '+';
            }
            const auto v = lookup(name);
            if (op == '-') o += (v && !v->empty()) ? *v : word;
            else if (op == '+') o += (v && !v->empty()) ? word : "";
            else o += v.value_or("");
            i = close;
            continue;
        }
        std::size_t j = i + 1;
        while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
        if (j == i + 1) {
            o += c;
            continue;
        }
        o += lookup(std::string(s.substr(i + 1, j - i - 1))).value_or("");
        i = j - 1;
    }
    return o;
}

/// "k=v k2=\"v 2\"" or legacy "k v" (ENV/LABEL). legacy is set for the old form.
std::vector<std::pair<std::string, std::string>> parseKeyValues(std::string_view args, bool& legacy) {
    std::vector<std::pair<std::string, std::string>> out;
    const auto words = shellWords(args);
    legacy = false;
    if (words.empty()) return out;
    if (words[0].find('=') == std::string::npos) {
        legacy = true;
        const std::string a = trim(args);
        const auto sp = a.find_first_of(" \t");
        if (sp == std::string::npos) return {{a, ""}};
        std::string value = trim(a.substr(sp));
        const auto w = shellWords(value);
        if (w.size() == 1) value = w[0];
        out.emplace_back(a.substr(0, sp), value);
        return out;
    }
    for (const auto& w : words) {
        const auto eq = w.find('=');
        if (eq == std::string::npos) out.emplace_back(w, "");
        else out.emplace_back(w.substr(0, eq), w.substr(eq + 1));
    }
    return out;
}

// ===========================================================================================
// Dockerfile parsing (BuildKit frontend/dockerfile/parser + instructions, simplified)
// ===========================================================================================

const std::vector<std::string>& instructionNames() {
    static const std::vector<std::string> names = {"ADD",     "ARG",        "CMD",     "COPY",       "ENTRYPOINT", "ENV",
                                                    "EXPOSE",  "FROM",       "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD",
                                                    "RUN",     "SHELL",      "STOPSIGNAL", "USER",   "VOLUME",     "WORKDIR"};
    return names;
}

struct Instr {
    std::string keyword;  // upper case
    std::string written;  // as written ("run")
    std::string args;     // after the keyword, continuation lines joined
    int startLine = 0, endLine = 0;
    std::optional<std::vector<std::string>> json;  // exec form
    std::vector<std::string> flags;                // --from=x, --chown=y ... (COPY/ADD/FROM)
    std::vector<std::string> words;                // args split, flags removed
};

struct Failure {
    ErrorCode code = ErrorCode::InvalidArgument;
    std::string message;        // after "ERROR: failed to solve: "
    int startLine = 0, endLine = 0;  // source snippet; 0 = none
};

struct Parsed {
    std::vector<Instr> instrs;
};

std::variant<Parsed, Failure> parseDockerfile(std::string_view text) {
    if (text.empty()) return Failure{ErrorCode::InvalidArgument, "the Dockerfile cannot be empty"};
    const auto lines = splitLines(text);
    Parsed p;
    std::size_t i = 0;
    auto isCommentOrBlank = [](const std::string& l) {
        const std::string t = trim(l);
        return t.empty() || t[0] == '#';
    };
    auto continues = [](std::string& l) {  // strip a trailing "\" (plus whitespace after it)
        std::size_t e = l.size();
        while (e > 0 && (l[e - 1] == ' ' || l[e - 1] == '\t' || l[e - 1] == '\r')) --e;
        if (e > 0 && l[e - 1] == '\\') {
            l.resize(e - 1);
            return true;
        }
        return false;
    };
    while (i < lines.size()) {
        if (isCommentOrBlank(lines[i])) {
            ++i;
            continue;
        }
        Instr in;
        in.startLine = int(i) + 1;
        std::string cur = lines[i];
        if (!cur.empty() && cur.back() == '\r') cur.pop_back();
        std::size_t last = i;
        while (continues(cur)) {
            std::size_t j = last + 1;
            while (j < lines.size() && isCommentOrBlank(lines[j])) ++j;
            if (j >= lines.size()) break;
            std::string next = lines[j];
            if (!next.empty() && next.back() == '\r') next.pop_back();
            cur += next;
            last = j;
        }
        in.endLine = int(last) + 1;
        i = last + 1;
        const std::string t = trim(cur);
        const auto sp = t.find_first_of(" \t");
        in.written = sp == std::string::npos ? t : t.substr(0, sp);
        in.keyword = upper(in.written);
        in.args = sp == std::string::npos ? "" : trim(t.substr(sp));
        if (in.keyword == "RUN" || in.keyword == "CMD" || in.keyword == "ENTRYPOINT" || in.keyword == "SHELL")
            in.json = parseJsonArray(in.args);
        for (auto& w : splitWs(in.args)) {
            if ((in.keyword == "COPY" || in.keyword == "ADD" || in.keyword == "FROM" || in.keyword == "RUN") &&
                in.words.empty() && w.starts_with("--"))
                in.flags.push_back(w);
            else
                in.words.push_back(w);
        }
        if (in.keyword == "RUN" && !in.flags.empty()) {  // RUN --mount=... cmd: the flags are not the command
            std::string rest = in.args;
            for (std::size_t f = 0; f < in.flags.size(); ++f) rest = trim(std::string_view(rest).substr(rest.find(in.flags[f]) + in.flags[f].size()));
            in.args = rest;
            in.json = parseJsonArray(in.args);
        }
        p.instrs.push_back(std::move(in));
    }
    if (p.instrs.empty()) return Failure{ErrorCode::InvalidArgument, "file with no instructions"};
    return p;
}

Failure parseError(const Instr& in, std::string what) {
    return Failure{ErrorCode::InvalidArgument, "dockerfile parse error on line " + std::to_string(in.startLine) + ": " + what,
                   in.startLine, in.endLine};
}

/// instructions.Parse: unknown instructions, argument counts, and "no build stage".
std::optional<Failure> validate(const std::vector<Instr>& instrs) {
    const auto& names = instructionNames();
    bool inStage = false;
    for (const auto& in : instrs) {
        if (std::find(names.begin(), names.end(), in.keyword) == names.end()) {
            std::string msg = "unknown instruction: " + in.written;
            if (auto s = suggestInstruction(in.written); !s.empty()) msg += " (did you mean " + s + "?)";
            return parseError(in, msg);
        }
        const std::size_t n = in.words.size();
        if (in.keyword == "FROM" && n != 1 && n != 3) return parseError(in, "FROM requires either one or three arguments");
        if (in.keyword == "FROM" && n == 3 && lower(in.words[1]) != "as")
            return parseError(in, "FROM requires either one or three arguments");
        if ((in.keyword == "COPY" || in.keyword == "ADD") && n < 2)
            return parseError(in, in.keyword + " requires at least two arguments, but only one was provided. "
                                               "Destination could not be determined");
        if ((in.keyword == "RUN" || in.keyword == "EXPOSE" || in.keyword == "USER" || in.keyword == "WORKDIR" ||
             in.keyword == "ARG" || in.keyword == "ENV" || in.keyword == "LABEL" || in.keyword == "HEALTHCHECK" ||
             in.keyword == "STOPSIGNAL" || in.keyword == "VOLUME") &&
            n == 0 && in.flags.empty())
            return parseError(in, in.keyword + " requires at least one argument");
        if (in.keyword == "WORKDIR" && n > 1) return parseError(in, "WORKDIR requires exactly one argument");
        if (in.keyword == "ENV" && n == 1 && in.words[0].find('=') == std::string::npos)
            return parseError(in, "ENV must have two arguments");
        if (in.keyword == "FROM") inStage = true;
        else if (in.keyword != "ARG" && !inStage)
            return Failure{ErrorCode::InvalidArgument, "no build stage in current context", in.startLine, in.endLine};
    }
    if (!inStage) return Failure{ErrorCode::InvalidArgument, "dockerfile contains no stages to build"};
    return std::nullopt;
}

// ===========================================================================================
// Package tables (versions/sizes approximate; the package -> executables mapping is the point)
// ===========================================================================================

struct Pkg {
    const char* name;
    const char* version;
    std::uint32_t download;   // bytes
    std::uint32_t installed;  // bytes
    const char* deps;         // space-separated, newly installed with it when missing
    const char* tools;        // executables it provides
};

// Debian bookworm; reused for jessie/jammy/noble except the overrides below.
const std::vector<Pkg>& aptPackages() {
    static const std::vector<Pkg> t = {
        {"net-tools", "2.10-0.1", 243000, 1001000, "", "ifconfig arp route netstat"},
        {"iputils-ping", "3:20221126-1+deb12u1", 47100, 118000, "libcap2-bin libpam-cap", "ping"},
        {"iputils-tracepath", "3:20221126-1+deb12u1", 39400, 84000, "", "tracepath"},
        {"iputils-arping", "3:20221126-1+deb12u1", 31200, 73700, "", "arping"},
        {"libcap2-bin", "1:2.66-4", 34400, 104000, "", ""},
        {"libpam-cap", "1:2.66-4", 14600, 60400, "", ""},
        {"iproute2", "6.1.0-3", 1046000, 3363000, "libatm1 libbpf1 libcap2-bin libelf1 libmnl0 libpam-cap libxtables12",
         "ip ss bridge"},
        {"libatm1", "1:2.5.1-4+b2", 68500, 153000, "", ""},
        {"libbpf1", "1:1.1.0-1", 145000, 377000, "", ""},
        {"libelf1", "0.188-2.1", 174000, 1010000, "", ""},
        {"libmnl0", "1.0.4-3", 12500, 48100, "", ""},
        {"libxtables12", "1.8.9-2", 30800, 96300, "", ""},
        {"curl", "7.88.1-10+deb12u7", 315000, 500000,
         "ca-certificates libbrotli1 libcurl4 libldap-2.5-0 libldap-common libnghttp2-14 libpsl5 librtmp1 libsasl2-2 "
         "libsasl2-modules libsasl2-modules-db libssh2-1 openssl publicsuffix",
         "curl"},
        {"ca-certificates", "20230311", 153000, 395000, "openssl", ""},
        {"openssl", "3.0.14-1~deb12u2", 1423000, 2301000, "", "openssl"},
        {"libbrotli1", "1.0.9-2+b6", 269000, 784000, "", ""},
        {"libcurl4", "7.88.1-10+deb12u7", 390000, 873000, "", ""},
        {"libldap-2.5-0", "2.5.13+dfsg-5", 183000, 542000, "", ""},
        {"libldap-common", "2.5.13+dfsg-5", 29300, 185000, "", ""},
        {"libnghttp2-14", "1.52.0-1+deb12u1", 72300, 222000, "", ""},
        {"libpsl5", "0.21.2-1", 58600, 87000, "", ""},
        {"librtmp1", "2.4+20151223.gitfa8646d.1-2+b2", 60800, 147000, "", ""},
        {"libsasl2-2", "2.1.28+dfsg-10", 59700, 169000, "", ""},
        {"libsasl2-modules", "2.1.28+dfsg-10", 66600, 229000, "", ""},
        {"libsasl2-modules-db", "2.1.28+dfsg-10", 20300, 57300, "", ""},
        {"libssh2-1", "1.10.0-3+b1", 179000, 308000, "", ""},
        {"publicsuffix", "20230209.2326-1", 126000, 312000, "", ""},
        {"wget", "1.21.3-1+b2", 984000, 3786000, "ca-certificates libpsl5 openssl publicsuffix", "wget"},
        {"dnsutils", "1:9.18.28-1~deb12u2", 2900, 14000,
         "bind9-dnsutils bind9-host bind9-libs libfstrm0 libicu72 libjemalloc2 libjson-c5 liblmdb0 libmaxminddb0 "
         "libnghttp2-14 libprotobuf-c1 libuv1 libxml2",
         ""},
        {"bind9-dnsutils", "1:9.18.28-1~deb12u2", 156000, 657000,
         "bind9-host bind9-libs libfstrm0 libicu72 libjemalloc2 libjson-c5 liblmdb0 libmaxminddb0 libnghttp2-14 "
         "libprotobuf-c1 libuv1 libxml2",
         "nslookup dig nsupdate"},
        {"bind9-host", "1:9.18.28-1~deb12u2", 54500, 145000, "", "host"},
        {"bind9-libs", "1:9.18.28-1~deb12u2", 1178000, 3509000, "", ""},
        {"libfstrm0", "0.6.1-1", 21600, 61400, "", ""},
        {"libicu72", "72.1-3", 9376000, 36980000, "", ""},
        {"libjemalloc2", "5.3.0-1", 275000, 750000, "", ""},
        {"libjson-c5", "0.16-2", 44000, 92300, "", ""},
        {"liblmdb0", "0.9.24-1", 45000, 99500, "", ""},
        {"libmaxminddb0", "1.7.1-1", 29800, 72700, "", ""},
        {"libprotobuf-c1", "1.4.1-1+b1", 27700, 63500, "", ""},
        {"libuv1", "1.44.2-1", 139000, 538000, "", ""},
        {"libxml2", "2.9.14+dfsg-1.3~deb12u1", 687000, 2056000, "", ""},
        {"netcat-openbsd", "1.219-1", 41900, 110000, "libbsd0", "nc"},
        {"netcat-traditional", "1.10-47", 67900, 153000, "", "nc"},
        {"libbsd0", "0.11.7-2", 117000, 322000, "", ""},
        {"procps", "2:4.0.2-3", 709000, 2263000, "libgpm2 libncursesw6 libproc2-0 psmisc", "ps top free pgrep pkill"},
        {"libproc2-0", "2:4.0.2-3", 62700, 172000, "", ""},
        {"libgpm2", "1.20.7-10+b1", 14200, 35900, "", ""},
        {"libncursesw6", "6.4-4", 134000, 411000, "", ""},
        {"psmisc", "23.6-1", 259000, 901000, "", "killall pstree fuser"},
        {"traceroute", "1:2.1.2-1", 59000, 183000, "", "traceroute"},
        {"tcpdump", "4.99.3-1", 465000, 1271000, "libdbus-1-3 libpcap0.8", "tcpdump"},
        {"libpcap0.8", "1.10.3-1", 156000, 389000, "", ""},
        {"libdbus-1-3", "1.14.10-1~deb12u1", 200000, 456000, "", ""},
        {"iptables", "1.8.9-2", 378000, 2716000,
         "libip4tc2 libip6tc2 libmnl0 libnetfilter-conntrack3 libnfnetlink0 libnftnl11 libxtables12 netbase",
         "iptables ip6tables iptables-save iptables-restore"},
        {"libip4tc2", "1.8.9-2", 19700, 47100, "", ""},
        {"libip6tc2", "1.8.9-2", 20200, 47100, "", ""},
        {"libnetfilter-conntrack3", "1.0.9-3", 40600, 112000, "", ""},
        {"libnfnetlink0", "1.0.2-2", 15000, 49200, "", ""},
        {"libnftnl11", "1.2.4-2", 62700, 218000, "", ""},
        {"netbase", "6.4", 12800, 41000, "", ""},
        {"telnet", "0.17+2.4-2+deb12u1", 5700, 12300, "inetutils-telnet", ""},
        {"inetutils-telnet", "2:2.4-2+deb12u1", 121000, 282000, "", "telnet"},
        {"vim", "2:9.0.1378-2", 1567000, 3742000, "libgpm2 libsodium23 vim-common vim-runtime xxd", "vim vi"},
        {"vim-common", "2:9.0.1378-2", 124000, 406000, "", ""},
        {"vim-runtime", "2:9.0.1378-2", 7025000, 36820000, "", ""},
        {"libsodium23", "1.0.18-1", 161000, 343000, "", ""},
        {"xxd", "2:9.0.1378-2", 83700, 186000, "", "xxd"},
        {"vim-tiny", "2:9.0.1378-2", 718000, 1711000, "vim-common", "vi"},
        {"nano", "7.2-1+deb12u1", 690000, 2734000, "libgpm2 libncursesw6", "nano"},
        {"less", "590-2.1~deb12u2", 132000, 305000, "", "less"},
        {"jq", "1.6-2.1", 64900, 103000, "libjq1 libonig5", "jq"},
        {"libjq1", "1.6-2.1", 135000, 359000, "", ""},
        {"libonig5", "6.9.8-1", 188000, 632000, "", ""},
        {"iperf3", "3.12-1+deb12u1", 33900, 99300, "libiperf0 libsctp1", "iperf3"},
        {"libiperf0", "3.12-1+deb12u1", 86900, 247000, "", ""},
        {"libsctp1", "1.0.19+dfsg-2", 29700, 62500, "", ""},
        {"socat", "1.7.4.4-2", 375000, 1456000, "libwrap0", "socat"},
        {"libwrap0", "7.6.q-32", 54900, 118000, "", ""},
        {"nmap", "7.93+dfsg1-1", 1922000, 4590000, "liblinear4 liblua5.3-0 libpcap0.8 libssh2-1 nmap-common",
         "nmap"},
        {"nmap-common", "7.93+dfsg1-1", 4161000, 21480000, "", ""},
        {"liblinear4", "2.3.0+dfsg-5", 44300, 116000, "", ""},
        {"liblua5.3-0", "5.3.6-2", 123000, 347000, "", ""},
        {"ethtool", "1:6.1-1", 197000, 641000, "libmnl0", "ethtool"},
        {"bridge-utils", "1.7.1-1", 35200, 102000, "", "brctl"},
        {"arping", "2.23-1", 31500, 79900, "libnet1", "arping"},
        {"libnet1", "1.1.6+dfsg-3.2", 56800, 144000, "", ""},
        {"conntrack", "1:1.4.7-1+b2", 36100, 122000, "libnetfilter-conntrack3 libnfnetlink0 libmnl0", "conntrack"},
        {"openssh-client", "1:9.2p1-2+deb12u3", 991000, 4283000, "libbsd0 libcbor0.8 libedit2 libfido2-1", "ssh scp"},
        {"libcbor0.8", "0.8.0-2+b1", 27300, 63500, "", ""},
        {"libedit2", "3.1-20221030-2", 88800, 263000, "", ""},
        {"libfido2-1", "1.12.0-2+b1", 79200, 236000, "", ""},
        {"mariadb-client", "1:10.11.6-0+deb12u1", 2905000, 62030000, "libncursesw6", "mysql mariadb mysqldump"},
        {"default-mysql-client", "1.1.0", 3100, 10200, "libncursesw6 mariadb-client", ""},
        {"postgresql-client", "15+248", 29000, 78000, "libpq5 postgresql-client-15", ""},
        {"postgresql-client-15", "15.8-0+deb12u1", 1732000, 8025000, "", "psql pg_dump"},
        {"libpq5", "15.8-0+deb12u1", 191000, 506000, "", ""},
        {"redis-tools", "5:7.0.15-1~deb12u1", 1000000, 4532000, "libjemalloc2 liblzf1", "redis-cli"},
        {"liblzf1", "3.6-3", 10400, 30700, "", ""},
        {"git", "1:2.39.5-0+deb12u1", 7264000, 37020000, "git-man liberror-perl", "git"},
        {"git-man", "1:2.39.5-0+deb12u1", 2053000, 12020000, "", ""},
        {"liberror-perl", "0.17029-2", 29700, 71700, "", ""},
        {"python3", "3.11.2-1+b1", 26300, 91100, "python3.11 python3-minimal", "python3"},
        {"python3.11", "3.11.2-6+deb12u3", 573000, 667000, "", "python3.11"},
        {"python3-minimal", "3.11.2-1+b1", 26400, 148000, "", ""},
        {"apt-utils", "2.6.1", 195000, 1109000, "", ""},
        {"gnupg", "2.2.40-1.1", 846000, 907000, "", "gpg"},
        {"sudo", "1.9.13p3-1+deb12u1", 1889000, 6199000, "", "sudo"},
        {"tzdata", "2024a-0+deb12u1", 256000, 1339000, "", ""},
        {"unzip", "6.0-28", 166000, 385000, "", "unzip"},
        {"zip", "3.0-13", 230000, 637000, "", "zip"},
        {"htop", "3.2.2-2", 153000, 390000, "libncursesw6 libnl-3-200 libnl-genl-3-200", "htop"},
        {"libnl-3-200", "3.7.0-0.2+b1", 61100, 194000, "", ""},
        {"libnl-genl-3-200", "3.7.0-0.2+b1", 21200, 62500, "", ""},
        {"lsof", "4.95.0-1", 315000, 477000, "", "lsof"},
        {"strace", "6.1-0.1", 1282000, 2784000, "", "strace"},
    };
    return t;
}

/// Per-distro version overrides (the tutorial's packages and a few others).
const char* aptVersionOverride(std::string_view distro, std::string_view pkg) {
    struct O {
        const char* distro;
        const char* pkg;
        const char* version;
    };
    static const O overrides[] = {
        {"jessie", "net-tools", "1.60-26+b1"},
        {"jessie", "iputils-ping", "3:20121221-5+b2"},
        {"jessie", "libcap2-bin", "1:2.24-8"},
        {"jessie", "curl", "7.38.0-4+deb8u16"},
        {"jammy", "net-tools", "1.60+git20181103.0eebece-1ubuntu5"},
        {"jammy", "iputils-ping", "3:20211215-1"},
        {"jammy", "libcap2-bin", "1:2.44-1ubuntu0.22.04.1"},
        {"jammy", "libpam-cap", "1:2.44-1ubuntu0.22.04.1"},
        {"jammy", "iproute2", "5.15.0-1ubuntu2"},
        {"jammy", "curl", "7.81.0-1ubuntu1.18"},
        {"noble", "net-tools", "2.10-0.1ubuntu4"},
        {"noble", "iputils-ping", "3:20240117-1build1"},
        {"noble", "libcap2-bin", "1:2.66-5ubuntu2"},
        {"noble", "libpam-cap", "1:2.66-5ubuntu2"},
        {"noble", "iproute2", "6.1.0-1ubuntu6"},
        {"noble", "curl", "8.5.0-2ubuntu10.4"},
    };
    for (const auto& o : overrides)
        if (distro == o.distro && pkg == o.pkg) return o.version;
    return nullptr;
}

// Alpine 3.20.
const std::vector<Pkg>& apkPackages() {
    static const std::vector<Pkg> t = {
        {"curl", "8.10.1-r0", 0, 270000, "ca-certificates brotli-libs c-ares libidn2 libpsl libunistring nghttp2-libs zstd-libs libcurl", "curl"},
        {"ca-certificates", "20240705-r0", 0, 680000, "", ""},
        {"brotli-libs", "1.1.0-r2", 0, 349000, "", ""},
        {"c-ares", "1.33.1-r0", 0, 205000, "", ""},
        {"libidn2", "2.3.7-r0", 0, 135000, "", ""},
        {"libpsl", "0.21.5-r1", 0, 26000, "", ""},
        {"libunistring", "1.2-r0", 0, 1640000, "", ""},
        {"nghttp2-libs", "1.62.1-r0", 0, 163000, "", ""},
        {"zstd-libs", "1.5.6-r0", 0, 598000, "", ""},
        {"libcurl", "8.10.1-r0", 0, 601000, "", ""},
        {"bind-tools", "9.18.31-r0", 0, 1180000, "bind-libs fstrm json-c libuv protobuf-c libxml2 xz-libs", "nslookup dig host"},
        {"bind-libs", "9.18.31-r0", 0, 4810000, "", ""},
        {"fstrm", "0.6.1-r4", 0, 26000, "", ""},
        {"json-c", "0.17-r0", 0, 67000, "", ""},
        {"libuv", "1.48.0-r0", 0, 205000, "", ""},
        {"protobuf-c", "1.5.0-r0", 0, 35000, "", ""},
        {"libxml2", "2.12.7-r0", 0, 1240000, "", ""},
        {"xz-libs", "5.6.2-r0", 0, 205000, "", ""},
        {"iproute2", "6.9.0-r0", 0, 6000, "iproute2-minimal iproute2-ss iproute2-tc libcap2 libelf libmnl", "ip ss bridge"},
        {"iproute2-minimal", "6.9.0-r0", 0, 612000, "", ""},
        {"iproute2-ss", "6.9.0-r0", 0, 143000, "", ""},
        {"iproute2-tc", "6.9.0-r0", 0, 475000, "", ""},
        {"libcap2", "2.70-r0", 0, 26000, "", ""},
        {"libelf", "0.191-r0", 0, 204000, "", ""},
        {"libmnl", "1.0.5-r2", 0, 17000, "", ""},
        {"iputils", "20240117-r0", 0, 0, "iputils-arping iputils-clockdiff iputils-ping iputils-tracepath", ""},
        {"iputils-ping", "20240117-r0", 0, 75000, "", "ping"},
        {"iputils-arping", "20240117-r0", 0, 45000, "", "arping"},
        {"iputils-clockdiff", "20240117-r0", 0, 35000, "", ""},
        {"iputils-tracepath", "20240117-r0", 0, 35000, "", "tracepath"},
        {"net-tools", "2.10-r3", 0, 478000, "mii-tool", "ifconfig arp route netstat"},
        {"mii-tool", "2.10-r3", 0, 29000, "", ""},
        {"netcat-openbsd", "1.226-r0", 0, 55000, "libbsd libmd", "nc"},
        {"libbsd", "0.12.2-r0", 0, 88000, "", ""},
        {"libmd", "1.1.0-r0", 0, 64000, "", ""},
        {"procps-ng", "4.0.4-r0", 0, 562000, "libintl libncursesw libproc2 ncurses-terminfo-base", "ps top free pgrep pkill"},
        {"libintl", "0.22.5-r0", 0, 71000, "", ""},
        {"libncursesw", "6.4_p20240420-r1", 0, 377000, "", ""},
        {"libproc2", "4.0.4-r0", 0, 140000, "", ""},
        {"ncurses-terminfo-base", "6.4_p20240420-r1", 0, 94000, "", ""},
        {"bash", "5.2.26-r0", 0, 1238000, "libncursesw ncurses-terminfo-base readline", "bash"},
        {"readline", "8.2.10-r0", 0, 283000, "", ""},
        {"wget", "1.24.5-r0", 0, 521000, "libidn2 libunistring pcre2", "wget"},
        {"pcre2", "10.43-r0", 0, 669000, "", ""},
        {"tcpdump", "4.99.4-r1", 0, 1035000, "libpcap", "tcpdump"},
        {"libpcap", "1.10.4-r1", 0, 317000, "", ""},
        {"busybox-extras", "1.36.1-r29", 0, 21000, "", "telnet"},
        {"iptables", "1.8.10-r3", 0, 1590000, "libmnl libnftnl", "iptables ip6tables"},
        {"libnftnl", "1.2.6-r0", 0, 188000, "", ""},
        {"jq", "1.7.1-r0", 0, 352000, "oniguruma", "jq"},
        {"oniguruma", "6.9.9-r0", 0, 572000, "", ""},
        {"vim", "9.1.0707-r0", 0, 3400000, "xxd", "vim vi"},
        {"xxd", "9.1.0707-r0", 0, 18000, "", "xxd"},
        {"nano", "8.0-r0", 0, 642000, "libmagic libncursesw ncurses-terminfo-base", "nano"},
        {"libmagic", "5.45-r1", 0, 9592000, "", ""},
        {"git", "2.45.2-r0", 0, 12960000, "pcre2 zlib", "git"},
        {"zlib", "1.3.1-r1", 0, 98000, "", ""},
        {"openssh-client", "9.7_p1-r4", 0, 2560000, "", "ssh scp"},
        {"iperf3", "3.17.1-r0", 0, 259000, "", "iperf3"},
        {"socat", "1.8.0.0-r0", 0, 426000, "", "socat"},
        {"nmap", "7.95-r0", 0, 5190000, "libpcap lua5.4-libs", "nmap"},
        {"lua5.4-libs", "5.4.6-r1", 0, 257000, "", ""},
        {"ethtool", "6.9-r0", 0, 641000, "libmnl", "ethtool"},
        {"mariadb-client", "10.11.8-r0", 0, 9390000, "", "mysql mariadb"},
        {"postgresql16-client", "16.4-r0", 0, 1942000, "", "psql"},
        {"redis", "7.2.5-r0", 0, 3290000, "", "redis-cli redis-server"},
        {"python3", "3.12.7-r0", 0, 43520000, "", "python3"},
        {"drill", "1.8.3-r5", 0, 40000, "", "drill"},
    };
    return t;
}

// Oracle Linux 9 (mysql:8.0 / mysql:latest), microdnf.
const std::vector<Pkg>& dnfPackages() {
    static const std::vector<Pkg> t = {
        {"iputils", "20210202-10.el9", 179400, 530000, "", "ping tracepath arping"},
        {"net-tools", "2.0-0.64.20160912git.el9", 318700, 950000, "", "ifconfig arp route netstat"},
        {"iproute", "6.2.0-6.el9", 860000, 2800000, "libbpf psmisc", "ip ss bridge"},
        {"libbpf", "2:1.3.0-2.el9", 180000, 420000, "", ""},
        {"psmisc", "23.4-3.el9", 250000, 600000, "", "killall pstree fuser"},
        {"procps-ng", "3.3.17-14.el9", 350000, 980000, "", "ps top free pgrep pkill"},
        {"bind-utils", "32:9.16.23-24.el9", 230000, 660000, "bind-libs bind-license fstrm libmaxminddb libuv protobuf-c",
         "nslookup dig host"},
        {"bind-libs", "32:9.16.23-24.el9", 1260000, 3530000, "", ""},
        {"bind-license", "32:9.16.23-24.el9", 14000, 27000, "", ""},
        {"fstrm", "0.6.1-3.el9", 29000, 64000, "", ""},
        {"libmaxminddb", "1.5.2-4.el9", 35000, 70000, "", ""},
        {"libuv", "1:1.42.0-2.el9_4", 150000, 500000, "", ""},
        {"protobuf-c", "1.3.3-13.el9", 35000, 70000, "", ""},
        {"nmap-ncat", "3:7.92-3.el9", 230000, 500000, "libpcap", "nc ncat"},
        {"libpcap", "14:1.10.0-4.el9", 175000, 420000, "", ""},
        {"hostname", "3.23-6.el9", 30000, 60000, "", "hostname"},
        {"curl", "7.76.1-31.el9", 300000, 700000, "", "curl"},
        {"wget", "1.21.1-8.el9_4", 800000, 3200000, "", "wget"},
        {"traceroute", "3:2.1.0-18.el9", 65000, 150000, "", "traceroute"},
        {"tcpdump", "14:4.99.0-9.el9", 550000, 1300000, "libpcap", "tcpdump"},
        {"vim-minimal", "2:8.2.2637-21.el9", 700000, 1500000, "", "vi"},
        {"less", "590-5.el9", 170000, 380000, "", "less"},
        {"which", "2.21-29.el9", 45000, 80000, "", "which"},
    };
    return t;
}

const Pkg* findPkg(const std::vector<Pkg>& table, std::string_view name) {
    for (const auto& p : table)
        if (name == p.name) return &p;
    return nullptr;
}

/// apt's SizeToStr + "B": 243000 -> "243 kB", 55400 -> "55.4 kB", 9255000 -> "9255 kB".
std::string aptSize(double bytes) {
    static const char* units[] = {"", "k", "M", "G", "T"};
    int u = 0;
    while (true) {
        if (bytes < 100 && u != 0) {
            char b[32];
            std::snprintf(b, sizeof b, "%.1f %sB", bytes, units[u]);
            return b;
        }
        if (bytes < 10000 || u == 4) {
            char b[32];
            std::snprintf(b, sizeof b, "%.0f %sB", bytes, units[u]);
            return b;
        }
        bytes /= 1000.0;
        ++u;
    }
}

// ===========================================================================================
// The RUN interpreter
// ===========================================================================================

struct RunState {
    ImageConfig& img;
    std::map<std::string, std::string> vars;  // ENV + ARG, for $VAR expansion
    std::vector<std::pair<double, std::string>> out;
    double t = 0.2;
    std::uint64_t addedBytes = 0;
    std::string key;  // for deterministic timings

    void say(std::string line, double dt = 0.004) {
        t += dt;
        out.emplace_back(t, std::move(line));
    }
};

bool hasShell(const ImageConfig& i) { return i.hasTool("sh"); }

/// Always present where there is a shell: shell builtins and coreutils-level commands.
bool isBasicCommand(std::string_view c) {
    static const std::set<std::string, std::less<>> basic = {
        "true", ":", "cd", "export", "set", "unset", "test", "[", "rm", "mkdir", "cp", "mv", "ln", "chmod", "chown",
        "touch", "sed", "grep", "ls", "tee", "sort", "head", "tail", "command", "mktemp", "find", "xargs", "tar",
        "gzip", "gunzip", "id", "whoami", "date", "uname", "rmdir", "basename", "dirname", "wc", "cut", "tr", "awk",
        "printf", "umask", "readlink", "realpath", "stat", "sync", "yes", "seq", "expr", "install", "dd", "df", "du",
        "chgrp", "tac", "nproc", "mkfifo", "sha256sum", "md5sum", "base64", "uniq", "diff", "type", "hash", "trap",
        "source", ".", "shift", "read", "wait", "ulimit", "getopts", "return", "local", "dpkg", "apt-mark",
        "dpkg-reconfigure", "update-ca-certificates", "ldconfig", "useradd", "groupadd", "usermod", "adduser",
        "addgroup", "deluser", "delgroup", "ulimit", "which"};
    return basic.contains(c);
}

std::string notFoundLine(const ImageConfig& img, const std::string& cmd) {
    switch (img.shell) {
    case ShellFlavor::Dash: return "/bin/sh: 1: " + cmd + ": not found";
    case ShellFlavor::Ash: return "/bin/sh: " + cmd + ": not found";
    case ShellFlavor::Bash: return "/bin/sh: line 1: " + cmd + ": command not found";
    }
    return "/bin/sh: " + cmd + ": not found";
}

struct AptDistro {
    std::vector<std::string> update;
    std::string getPrefix;  // "http://deb.debian.org/debian bookworm/main amd64"
    std::string fetched;    // "9255 kB in 1s (6743 kB/s)"
};

AptDistro aptDistro(std::string_view distro) {
    if (distro == "jessie")
        return {{"Get:1 http://security.debian.org jessie/updates InRelease [44.9 kB]",
                 "Ign http://httpredir.debian.org jessie InRelease",
                 "Get:2 http://httpredir.debian.org jessie-updates InRelease [145 kB]",
                 "Get:3 http://httpredir.debian.org jessie Release.gpg [2373 B]",
                 "Get:4 http://httpredir.debian.org jessie Release [148 kB]",
                 "Get:5 http://security.debian.org jessie/updates/main amd64 Packages [445 kB]",
                 "Get:6 http://httpredir.debian.org jessie-updates/main amd64 Packages [17.6 kB]",
                 "Get:7 http://httpredir.debian.org jessie/main amd64 Packages [9032 kB]",
                 "Fetched 9835 kB in 3s (2707 kB/s)", "Reading package lists..."},
                "http://httpredir.debian.org/debian/ jessie/main",
                ""};
    if (distro == "jammy" || distro == "noble") {
        const std::string d(distro);
        return {{"Get:1 http://archive.ubuntu.com/ubuntu " + d + " InRelease [270 kB]",
                 "Get:2 http://security.ubuntu.com/ubuntu " + d + "-security InRelease [129 kB]",
                 "Get:3 http://archive.ubuntu.com/ubuntu " + d + "-updates InRelease [128 kB]",
                 "Get:4 http://archive.ubuntu.com/ubuntu " + d + "-backports InRelease [127 kB]",
                 "Get:5 http://archive.ubuntu.com/ubuntu " + d + "/main amd64 Packages [1792 kB]",
                 "Get:6 http://archive.ubuntu.com/ubuntu " + d + "/universe amd64 Packages [17.5 MB]",
                 "Get:7 http://security.ubuntu.com/ubuntu " + d + "-security/main amd64 Packages [2273 kB]",
                 "Get:8 http://archive.ubuntu.com/ubuntu " + d + "-updates/main amd64 Packages [2560 kB]",
                 "Fetched 24.8 MB in 3s (8316 kB/s)", "Reading package lists..."},
                "http://archive.ubuntu.com/ubuntu " + d + "/main amd64",
                ""};
    }
    return {{"Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]",
             "Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]",
             "Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]",
             "Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8789 kB]",
             "Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.8 kB]",
             "Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [198 kB]",
             "Fetched 9255 kB in 1s (6743 kB/s)", "Reading package lists..."},
            "http://deb.debian.org/debian bookworm/main amd64",
            ""};
}

std::string aptVersion(const ImageConfig& img, const Pkg& p) {
    if (const char* o = aptVersionOverride(img.distro, p.name)) return o;
    return p.version;
}

void addTools(ImageConfig& img, const Pkg& p) {
    for (auto& t : splitWs(p.tools)) img.tools.insert(t);
}

int runApt(RunState& st, const std::vector<std::string>& argv) {
    ImageConfig& img = st.img;
    const bool isApt = argv[0] == "apt";
    bool yes = false;
    std::string sub;
    std::vector<std::string> pkgs;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "-o" || a == "-c" || a == "-t") {
            ++i;
            continue;
        }
        if (a == "--yes" || a == "--assume-yes") yes = true;
        else if (a.starts_with("--")) continue;
        else if (a.starts_with("-")) {
            if (a.find('y') != std::string::npos) yes = true;
        } else if (sub.empty()) sub = a;
        else pkgs.push_back(a.substr(0, a.find('=')));
    }
    if (isApt) {
        st.say("");
        st.say("WARNING: apt does not have a stable CLI interface. Use with caution in scripts.");
        st.say("");
    }
    auto readingLines = [&] {
        st.say("Reading package lists...", 0.08);
        st.say("Building dependency tree...", 0.3);
        st.say("Reading state information...", 0.01);
    };
    const AptDistro distro = aptDistro(img.distro);
    if (sub == "update") {
        double dt = 0.05;
        for (const auto& l : distro.update) {
            st.say(l, dt);
            dt = dt < 0.3 ? dt + 0.04 : 0.02;
        }
        img.aptListsPresent = true;
        return 0;
    }
    if (sub == "upgrade" || sub == "dist-upgrade" || sub == "full-upgrade" || sub == "autoremove") {
        readingLines();
        if (sub != "autoremove") st.say("Calculating upgrade...", 0.02);
        st.say("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
        return 0;
    }
    if (sub == "clean" || sub == "autoclean") return 0;
    if (sub == "remove" || sub == "purge") {
        readingLines();
        int removed = 0;
        for (const auto& name : pkgs) {
            if (!img.packages.contains(name)) {
                st.say("Package '" + name + "' is not installed, so not removed");
                continue;
            }
            img.packages.erase(name);
            if (const Pkg* p = findPkg(aptPackages(), name))
                for (auto& tool : splitWs(p->tools)) img.tools.erase(tool);
            ++removed;
        }
        st.say("0 upgraded, 0 newly installed, " + std::to_string(removed) + " to remove and 0 not upgraded.");
        return 0;
    }
    if (sub != "install") {
        if (sub.empty()) return 100;
        st.say("E: Invalid operation " + sub);
        return 100;
    }

    readingLines();
    std::vector<const Pkg*> wanted;
    std::vector<std::string> errors;
    const bool virtualNetcat = img.distro == "bookworm" || img.distro == "noble";
    for (const auto& name : pkgs) {
        if (img.packages.contains(name)) {
            const Pkg* p = findPkg(aptPackages(), name);
            st.say(name + " is already the newest version (" + (p ? aptVersion(img, *p) : std::string("1.0")) + ").");
            continue;
        }
        if (!img.aptListsPresent) {
            errors.push_back("E: Unable to locate package " + name);
            continue;
        }
        if (name == "netcat" && virtualNetcat) {
            st.say("Package netcat is a virtual package provided by:");
            st.say("  netcat-traditional 1.10-47");
            st.say("  netcat-openbsd 1.219-1");
            st.say("You should explicitly select one to install.");
            st.say("");
            errors.push_back("E: Package 'netcat' has no installation candidate");
            continue;
        }
        const Pkg* p = findPkg(aptPackages(), name == "netcat" ? "netcat-traditional" : name);
        if (!p) {
            errors.push_back("E: Unable to locate package " + name);
            continue;
        }
        wanted.push_back(p);
    }
    if (!errors.empty()) {
        for (auto& e : errors) st.say(e, 0.001);
        return 100;
    }
    // Everything new: the wanted packages plus their missing dependencies.
    std::set<std::string> requested, all;
    for (const Pkg* p : wanted) {
        requested.insert(p->name);
        all.insert(p->name);
        for (auto& d : splitWs(p->deps))
            if (!img.packages.contains(d) && !(img.distro == "jessie" && d == "libpam-cap")) all.insert(d);
    }
    if (all.empty()) {
        st.say("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
        return 0;
    }
    std::vector<std::string> extra;
    for (const auto& n : all)
        if (!requested.contains(n)) extra.push_back(n);
    if (!extra.empty()) {
        st.say("The following additional packages will be installed:", 0.02);
        st.say("  " + join(extra, " "), 0.0);
    }
    st.say("The following NEW packages will be installed:", 0.01);
    st.say("  " + join(std::vector<std::string>(all.begin(), all.end()), " "), 0.0);
    st.say("0 upgraded, " + std::to_string(all.size()) + " newly installed, 0 to remove and 0 not upgraded.", 0.02);
    double download = 0, installed = 0;
    for (const auto& n : all)
        if (const Pkg* p = findPkg(aptPackages(), n)) {
            download += p->download;
            installed += p->installed;
        }
    st.say("Need to get " + aptSize(download) + " of archives.", 0.0);
    st.say("After this operation, " + aptSize(installed) + " of additional disk space will be used.", 0.0);
    if (!extra.empty() && !yes) {
        st.say("Do you want to continue? [Y/n] Abort.", 0.0);
        return 1;
    }
    int n = 1;
    for (const auto& name : all) {
        const Pkg* p = findPkg(aptPackages(), name);
        st.say("Get:" + std::to_string(n++) + " " + distro.getPrefix + " " + name + " amd64 " + aptVersion(img, *p) + " [" +
                   aptSize(p->download) + "]",
               0.03 + double(p->download) / 8.0e6);
    }
    if (img.distro != "jessie") st.say("debconf: delaying package configuration, since apt-utils is not installed", 0.05);
    const double secs = download / 6.0e6;
    st.say("Fetched " + aptSize(download) + " in " + std::to_string(int(secs)) + "s (" + aptSize(download / std::max(secs, 0.2)) +
               "/s)",
           0.01);
    const bool many = all.size() > 1;
    int idx = 0;
    bool first = true;
    for (const auto& name : all) {
        const Pkg* p = findPkg(aptPackages(), name);
        const std::string v = aptVersion(img, *p);
        std::string file = v;
        if (const auto c = file.find(':'); c != std::string::npos) file.replace(c, 1, "%3a");
        st.say("Selecting previously unselected package " + name + ".", 0.01);
        if (first) {
            st.say("(Reading database ... " + std::to_string(6000 + int(img.sizeBytes % 4000)) +
                       " files and directories currently installed.)",
                   0.01);
            first = false;
        }
        char num[16];
        std::snprintf(num, sizeof num, "%02d-", idx++ % 100);
        st.say("Preparing to unpack .../" + (many ? std::string(num) : std::string()) + name + "_" + file + "_amd64.deb ...", 0.002);
        st.say("Unpacking " + name + " (" + v + ") ...", 0.01);
    }
    for (const auto& name : all) {
        const Pkg* p = findPkg(aptPackages(), name);
        st.say("Setting up " + name + " (" + aptVersion(img, *p) + ") ...", 0.01);
        img.packages.insert(name);
        addTools(img, *p);
        st.addedBytes += p->installed;
    }
    if (all.size() > 1 && img.distro == "bookworm") st.say("Processing triggers for libc-bin (2.36-9+deb12u8) ...", 0.02);
    return 0;
}

int runApk(RunState& st, const std::vector<std::string>& argv) {
    ImageConfig& img = st.img;
    std::string sub;
    std::vector<std::string> pkgs;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.starts_with("-")) continue;
        if (sub.empty()) sub = a;
        else pkgs.push_back(a.substr(0, a.find_first_of("=<>~")));
    }
    auto fetch = [&] {
        st.say("fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz", 0.05);
        st.say("fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64/APKINDEX.tar.gz", 0.3);
    };
    auto okLine = [&] {
        const std::uint64_t total = img.sizeBytes + st.addedBytes;
        st.say("OK: " + std::to_string((total + 524288) / 1048576) + " MiB in " + std::to_string(14 + img.packages.size()) +
                   " packages",
               0.03);
    };
    if (sub == "update") {
        fetch();
        st.say("v3.20.3-221-g2a6c3e0e5f0 [https://dl-cdn.alpinelinux.org/alpine/v3.20/main]", 0.3);
        st.say("v3.20.3-222-g6e4a1c8ea34 [https://dl-cdn.alpinelinux.org/alpine/v3.20/community]", 0.0);
        st.say("OK: 24166 distinct packages available", 0.01);
        return 0;
    }
    if (sub == "del") {
        int n = 0;
        for (const auto& name : pkgs)
            if (img.packages.erase(name)) {
                const Pkg* p = findPkg(apkPackages(), name);
                st.say("(" + std::to_string(++n) + "/" + std::to_string(pkgs.size()) + ") Purging " + name + " (" +
                           (p ? p->version : "") + ")",
                       0.01);
                if (p)
                    for (auto& t : splitWs(p->tools)) img.tools.erase(t);
            }
        okLine();
        return 0;
    }
    if (sub != "add") {
        st.say("apk-tools 2.14.4, compiled for x86_64.");
        return 1;
    }
    fetch();
    std::vector<std::string> unknown;
    std::vector<std::string> order;  // dependencies first, then the package
    std::set<std::string> seen;
    for (const auto& name : pkgs) {
        const Pkg* p = findPkg(apkPackages(), name);
        if (!p) {
            unknown.push_back(name);
            continue;
        }
        for (auto& d : splitWs(p->deps))
            if (!img.packages.contains(d) && seen.insert(d).second) order.push_back(d);
        if (!img.packages.contains(name) && seen.insert(name).second) order.push_back(name);
    }
    if (!unknown.empty()) {
        st.say("ERROR: unable to select packages:", 0.1);
        for (const auto& u : unknown) {
            st.say("  " + u + " (no such package):", 0.0);
            st.say("    required by: world[" + u + "]", 0.0);
        }
        return 1;
    }
    const std::size_t n = order.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Pkg* p = findPkg(apkPackages(), order[i]);
        st.say("(" + std::to_string(i + 1) + "/" + std::to_string(n) + ") Installing " + order[i] + " (" + p->version + ")", 0.02);
        img.packages.insert(order[i]);
        addTools(img, *p);
        st.addedBytes += p->installed;
    }
    if (n) st.say("Executing busybox-1.36.1-r29.trigger", 0.01);
    if (seen.contains("ca-certificates")) st.say("Executing ca-certificates-20240705-r0.trigger", 0.02);
    okLine();
    return 0;
}

int runMicrodnf(RunState& st, const std::vector<std::string>& argv) {
    ImageConfig& img = st.img;
    std::string sub;
    std::vector<std::string> pkgs;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.starts_with("-")) continue;
        if (sub.empty()) sub = a;
        else pkgs.push_back(a);
    }
    if (sub == "clean" || sub == "makecache") {
        if (sub == "clean") st.say("Complete.", 0.05);
        return 0;
    }
    if (sub == "update" || sub == "upgrade") {
        st.say("Downloading metadata...", 0.8);
        st.say("Complete.", 0.05);
        return 0;
    }
    if (sub != "install") {
        st.say("error: unknown command: " + sub);
        return 1;
    }
    st.say("Downloading metadata...", 0.9);
    std::vector<std::string> order;
    std::set<std::string> seen;
    for (const auto& name : pkgs) {
        const Pkg* p = findPkg(dnfPackages(), name);
        if (!p) {
            st.say("error: No package matches '" + name + "'", 0.3);
            return 1;
        }
        for (auto& d : splitWs(p->deps))
            if (!img.packages.contains(d) && seen.insert(d).second) order.push_back(d);
        if (!img.packages.contains(name) && seen.insert(name).second) order.push_back(name);
    }
    st.say("Package                                         Repository            Size", 0.2);
    st.say("Installing:                                                               ", 0.0);
    for (const auto& name : order) {
        const Pkg* p = findPkg(dnfPackages(), name);
        std::string v = p->version;
        if (const auto c = v.find(':'); c != std::string::npos) v = v.substr(c + 1);
        st.say(" " + name + "-" + v + ".x86_64 ol9_baseos_latest " + aptSize(p->download), 0.0);
    }
    st.say("Transaction Summary:", 0.0);
    st.say(" Installing:       " + std::to_string(order.size()) + " packages", 0.0);
    st.say(" Reinstalling:     0 packages", 0.0);
    st.say(" Upgrading:        0 packages", 0.0);
    st.say(" Obsoleting:       0 packages", 0.0);
    st.say(" Removing:         0 packages", 0.0);
    st.say(" Downgrading:      0 packages", 0.0);
    st.say("Downloading packages...", 0.1);
    st.say("Running transaction test...", 0.4);
    for (const auto& name : order) {
        const Pkg* p = findPkg(dnfPackages(), name);
        std::string v = p->version;
        if (const auto c = v.find(':'); c != std::string::npos) v = v.substr(c + 1);
        st.say("Installing: " + name + ";" + v + ";x86_64;ol9_baseos_latest", 0.05);
        img.packages.insert(name);
        addTools(img, *p);
        st.addedBytes += p->installed;
    }
    st.say("Complete.", 0.05);
    return 0;
}

int runScript(RunState& st, std::string_view script, bool& exited);

/// One simple command. Sets `exited` on `exit`.
int runSimple(RunState& st, std::vector<std::string> argv, bool& exited) {
    // Redirections and leading VAR=value assignments carry no meaning here.
    std::vector<std::string> clean;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == ">" || a == ">>" || a == "<" || a == "2>" || a == "&>" || a == "2>>" || a == "1>") {
            ++i;
            continue;
        }
        if (a.starts_with(">") || a.starts_with("2>") || a.starts_with("&>") || a.starts_with("1>") || a.starts_with("<"))
            continue;
        clean.push_back(a);
    }
    std::size_t first = 0;
    while (first < clean.size() && clean[first].find('=') != std::string::npos &&
           (std::isalpha(static_cast<unsigned char>(clean[first][0])) || clean[first][0] == '_'))
        ++first;
    if (first >= clean.size()) return 0;
    argv.assign(clean.begin() + std::ptrdiff_t(first), clean.end());
    const std::string cmd = argv[0];
    const std::string base = cmd.substr(cmd.rfind('/') == std::string::npos ? 0 : cmd.rfind('/') + 1);
    ImageConfig& img = st.img;

    if (base == "exit") {
        exited = true;
        return argv.size() > 1 ? std::atoi(argv[1].c_str()) : 0;
    }
    if (base == "false") return 1;
    if (base == "echo") {
        std::vector<std::string> words(argv.begin() + 1, argv.end());
        if (!words.empty() && (words[0] == "-n" || words[0] == "-e")) words.erase(words.begin());
        st.say(join(words, " "));
        return 0;
    }
    if (base == "rm") {
        for (const auto& a : argv)
            if (a.starts_with("/var/lib/apt/lists")) img.aptListsPresent = false;
        return 0;
    }
    if ((base == "sh" || (base == "bash" && img.hasTool("bash"))) && argv.size() >= 3 && argv[1] == "-c")
        return runScript(st, argv[2], exited);
    if (base == "apt-get" || base == "apt") {
        if (img.packageManager != PackageManager::Apt) {
            st.say(notFoundLine(img, cmd));
            return 127;
        }
        return runApt(st, argv);
    }
    if (base == "apk") {
        if (img.packageManager != PackageManager::Apk) {
            st.say(notFoundLine(img, cmd));
            return 127;
        }
        return runApk(st, argv);
    }
    if (base == "microdnf") {
        if (img.packageManager != PackageManager::Microdnf) {
            st.say(notFoundLine(img, cmd));
            return 127;
        }
        return runMicrodnf(st, argv);
    }
    if (isBasicCommand(base) || img.hasTool(base)) return 0;
    st.say(notFoundLine(img, cmd));
    return 127;
}

/// `a && b || c ; d | e`, quotes respected. Returns the last status.
int runScript(RunState& st, std::string_view script, bool& exited) {
    struct Part {
        std::string text;
        std::string op;  // operator before this part: "", "&&", "||", ";", "|"
    };
    std::vector<Part> parts{{"", ""}};
    char quote = 0;
    for (std::size_t i = 0; i < script.size(); ++i) {
        const char c = script[i];
        if (quote) {
            if (c == quote) quote = 0;
            parts.back().text += c;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            parts.back().text += c;
            continue;
        }
        if (c == '\\' && i + 1 < script.size()) {
            parts.back().text += c;
            parts.back().text += script[++i];
            continue;
        }
        std::string op;
        if (script.substr(i, 2) == "&&") op = "&&";
        else if (script.substr(i, 2) == "||") op = "||";
        else if (c == ';' || c == '\n') op = ";";
        else if (c == '|') op = "|";
        else if (c == '&') op = ";";  // background: treated as sequential
        if (op.empty()) {
            parts.back().text += c;
            continue;
        }
        if (op.size() == 2) ++i;
        parts.push_back({"", op});
    }
    int status = 0;
    bool skip = false;
    for (const auto& p : parts) {
        if (p.op == "&&") skip = status != 0;
        else if (p.op == "||") skip = status == 0;
        else if (p.op == ";" || p.op == "|") skip = false;
        const std::string text = trim(p.text);
        if (skip || text.empty()) continue;
        auto words = shellWords(expandVars(text, st.vars, true));
        if (words.empty()) continue;
        status = runSimple(st, std::move(words), exited);
        if (exited) return status;
    }
    return status;
}

// ===========================================================================================
// Build
// ===========================================================================================

class Transcript {
public:
    std::string text = "#0 building with \"default\" instance using docker driver\n";
    int begin(const std::string& name) {
        const int n = m_next++;
        text += "\n#" + std::to_string(n) + " " + name + "\n";
        return n;
    }
    void line(int n, const std::string& s) { text += "#" + std::to_string(n) + " " + s + "\n"; }
    void log(int n, double t, const std::string& s) { text += "#" + std::to_string(n) + " " + fmt3(t) + " " + s + "\n"; }
    void done(int n, double secs) { line(n, "DONE " + fmt1(secs) + "s"); }
    void cached(int n) { line(n, "CACHED"); }

private:
    int m_next = 1;
};

/// solver/errdefs Source.Print.
std::string sourceSnippet(std::string_view filename, std::string_view text, int startLine, int endLine) {
    const auto lines = splitLines(text);
    int start = startLine, end = endLine;
    if (start > int(lines.size()) || start < 1) return {};
    if (end > int(lines.size())) end = int(lines.size());
    const int pad = end == start ? 4 : 2;
    int p = 0;
    const int prepadStart = start;
    while (p < pad) {
        if (start > 1) {
            --start;
            ++p;
        }
        if (end != int(lines.size())) {
            ++end;
            ++p;
        }
        ++p;
    }
    std::string o = std::string(filename) + ":" + std::to_string(prepadStart) + "\n--------------------\n";
    for (int i = start; i <= end; ++i) {
        const bool mark = i >= startLine && i <= endLine;
        char num[16];
        std::snprintf(num, sizeof num, " %3d | ", i);
        o += std::string(num) + (mark ? ">>>" : "   ") + " " + lines[std::size_t(i - 1)] + "\n";
    }
    return o + "--------------------\n";
}

struct Stage {
    std::string name;  // lower case; "stage-N" when unnamed
    bool named = false;
    int index = 0;
    const Instr* from = nullptr;
    std::string baseText;   // FROM argument after ARG expansion
    int baseStage = -1;     // FROM <earlier stage>
    std::vector<const Instr*> body;
    std::map<std::string, std::string> argDefaults;  // global ARGs visible to FROM
};

struct StageState {
    ImageConfig img;
    std::string key;  // cache key of the last step
    bool done = false;
    bool cmdChanged = false;
};

struct Builder {
    const ImageCatalog& catalog;
    std::string_view text;
    const BuildOptions& opt;
    Transcript tr;
    std::vector<std::string> cacheKeys;    // one per step (RUN/COPY/ADD/WORKDIR)
    std::vector<std::string> warnings;
    std::vector<std::string> fetchedKeys;  // base images whose layers are now in the content store

    core::Unexpected fail(const Failure& f, const std::string& block = {}) {
        std::string out = tr.text + block;
        if (f.startLine > 0) out += sourceSnippet(opt.dockerfileName, text, f.startLine, f.endLine);
        out += "ERROR: failed to solve: " + f.message + "\n";
        return core::fail(f.code, out);
    }
};

std::string processName(const Instr& in) {
    if (in.json) return join(*in.json, " ");
    return "/bin/sh -c " + in.args;
}

std::string stepName(const Instr& in) {
    if (in.keyword == "RUN" && in.json) return "RUN " + jsonCompact(*in.json);
    return in.keyword + " " + in.args;
}

const char* serviceProcess(Service s) {
    switch (s) {
    case Service::Nginx: return "nginx";
    case Service::Httpd: return "httpd";
    case Service::Mysql: return "mysqld";
    case Service::Postgres: return "postgres";
    case Service::Redis: return "redis-server";
    case Service::None: return "";
    }
    return "";
}

}  // namespace

// ===========================================================================================
// Public functions
// ===========================================================================================

std::string suggestInstruction(std::string_view word) {
    if (word.empty()) return {};
    const std::string val = lower(word);
    std::string match;
    int mindist = 3;  // same as hcl
    for (const auto& opt : instructionNames()) {
        const std::string o = lower(opt);
        if (val == o) return {};
        const int d = levenshtein(val, o);
        if (d < mindist) {
            mindist = d;
            const std::string orig(word);
            if (orig == lower(orig)) match = o;
            else if (orig == upper(orig)) match = upper(o);
            else match = o;
        }
    }
    return match;
}

std::string_view lastLine(std::string_view text) {
    while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    const auto nl = text.rfind('\n');
    return nl == std::string_view::npos ? text : text.substr(nl + 1);
}

core::Result<BuildResult> buildImage(const ImageCatalog& catalog, std::string_view dockerfileText, std::string tag,
                                     const BuildOptions& opt) {
    // -t is checked by the CLI before anything is sent.
    std::optional<ImageRef> tagRef;
    if (!tag.empty()) {
        auto r = parseImageReference(tag);
        if (!r) {
            std::string why = r.error().message;
            if (const auto p = why.find("repository name"); p != std::string::npos)
                why = "repository name must be lowercase";
            return core::fail(ErrorCode::InvalidArgument, "ERROR: invalid tag \"" + tag + "\": " + why + "\n");
        }
        tagRef = *r;
    }

    Builder b{catalog, dockerfileText, opt, {}, {}, {}, {}};
    const int def = b.tr.begin("[internal] load build definition from " + opt.dockerfileName);
    b.tr.line(def, "transferring dockerfile: " + humanSize(double(dockerfileText.size())) + " done");
    b.tr.done(def, 0.0);

    auto parsed = parseDockerfile(dockerfileText);
    if (auto* f = std::get_if<Failure>(&parsed)) return b.fail(*f);
    const auto& instrs = std::get<Parsed>(parsed).instrs;
    if (auto f = validate(instrs)) return b.fail(*f);

    // Stages and global ARGs.
    std::map<std::string, std::string> globalArgs;
    std::vector<Stage> stages;
    for (const auto& in : instrs) {
        if (in.keyword == "FROM") {
            Stage s;
            s.index = int(stages.size());
            s.from = &in;
            s.argDefaults = globalArgs;
            if (in.words.size() == 3) {
                s.name = lower(in.words[2]);
                s.named = true;
            } else {
                s.name = "stage-" + std::to_string(s.index);
            }
            s.baseText = expandVars(in.words[0], globalArgs, false);
            for (const auto& earlier : stages)
                if (earlier.named && earlier.name == lower(s.baseText)) s.baseStage = earlier.index;
            stages.push_back(std::move(s));
        } else if (stages.empty()) {  // ARG before the first FROM
            for (const auto& w : in.words) {
                const auto eq = w.find('=');
                const std::string name = w.substr(0, eq);
                std::string value = eq == std::string::npos ? "" : w.substr(eq + 1);
                if (auto it = opt.buildArgs.find(name); it != opt.buildArgs.end()) value = it->second;
                globalArgs[name] = value;
            }
        } else {
            stages.back().body.push_back(&in);
        }
    }
    // Lint (BuildKit build checks, a subset).
    for (const auto& in : instrs) {
        const std::string line = " (line " + std::to_string(in.startLine) + ")";
        if ((in.keyword == "CMD" || in.keyword == "ENTRYPOINT") && !in.json)
            b.warnings.push_back("JSONArgsRecommended: JSON arguments recommended for " + in.keyword +
                                 " to prevent unintended behavior related to OS signals" + line);
        if (in.keyword == "ENV" || in.keyword == "LABEL") {
            bool legacy = false;
            (void)parseKeyValues(in.args, legacy);
            if (legacy)
                b.warnings.push_back("LegacyKeyValueFormat: \"" + in.keyword + " key=value\" should be used instead of legacy \"" +
                                     in.keyword + " key value\" format" + line);
        }
        if (in.keyword == "FROM" && in.words.size() == 3) {
            const bool kwUpper = in.written == upper(in.written), asUpper = in.words[1] == upper(in.words[1]);
            if (kwUpper != asUpper)
                b.warnings.push_back(std::string("FromAsCasing: '") + in.words[1] + "' and '" + in.written +
                                     "' keywords' casing do not match" + line);
        }
    }

    // Target and the stages it needs.
    int target = int(stages.size()) - 1;
    if (!opt.target.empty()) {
        target = -1;
        for (const auto& s : stages)
            if (s.named && s.name == lower(opt.target)) target = s.index;
        if (target < 0)
            return b.fail(Failure{ErrorCode::NotFound, "target stage \"" + opt.target + "\" could not be found"});
    }
    std::vector<bool> needed(stages.size(), false);
    std::function<void(int)> mark = [&](int i) {
        if (needed[std::size_t(i)]) return;
        needed[std::size_t(i)] = true;
        const Stage& s = stages[std::size_t(i)];
        if (s.baseStage >= 0) mark(s.baseStage);
        for (const Instr* in : s.body)
            for (const auto& f : in->flags)
                if (f.starts_with("--from=")) {
                    const std::string ref = lower(f.substr(7));
                    for (const auto& o : stages)
                        if (o.index < s.index && ((o.named && o.name == ref) || std::to_string(o.index) == ref)) mark(o.index);
                }
    };
    mark(target);
    const bool multiStage = stages.size() > 1;

    // Metadata for every external base image of the needed stages.
    std::map<int, const ImageConfig*> bases;
    std::set<std::string> resolved;
    for (const auto& s : stages) {
        if (!needed[std::size_t(s.index)] || s.baseStage >= 0 || lower(s.baseText) == "scratch") continue;
        auto ref = parseImageReference(s.baseText);
        const std::string full = ref ? ref->full() : s.baseText;
        const ImageConfig* img = ref ? catalog.find(s.baseText) : nullptr;
        if (!resolved.insert(full).second) {
            bases[s.index] = img;
            continue;
        }
        const int v = b.tr.begin("[internal] load metadata for " + full);
        if (!img) {
            std::string why;
            if (ref && catalog.knowsRepository(ref->repository)) why = full + ": not found";
            else why = "pull access denied, repository does not exist or may require authorization: server message: "
                       "insufficient_scope: authorization failed";
            b.tr.line(v, "ERROR: " + why);
            const std::string block = "------\n > [internal] load metadata for " + full + ":\n------\n";
            return b.fail(Failure{ErrorCode::NotFound,
                                  s.baseText + ": failed to resolve source metadata for " + full + ": " + why,
                                  s.from->startLine, s.from->endLine},
                          block);
        }
        b.tr.done(v, fakeSeconds("metadata " + full, 0.4, 1.9));
        bases[s.index] = img;
    }
    {
        const int v = b.tr.begin("[internal] load .dockerignore");
        b.tr.line(v, "transferring context: 2B done");
        b.tr.done(v, 0.0);
    }

    // Build the needed stages in order.
    std::vector<StageState> states(stages.size());
    bool contextLoaded = false;
    std::uint64_t copies = 0;
    for (const auto& s : stages) {
        if (!needed[std::size_t(s.index)]) continue;
        StageState& st = states[std::size_t(s.index)];
        int total = 1;
        for (const Instr* in : s.body)
            if (in->keyword == "RUN" || in->keyword == "COPY" || in->keyword == "ADD" || in->keyword == "WORKDIR") ++total;
        auto prefix = [&](int n) {
            return "[" + (multiStage ? s.name + " " : std::string()) + std::to_string(n) + "/" + std::to_string(total) + "] ";
        };
        // FROM
        if (s.baseStage >= 0) {
            st.img = states[std::size_t(s.baseStage)].img;
            st.key = states[std::size_t(s.baseStage)].key;
        } else if (lower(s.baseText) == "scratch") {
            st.img = ImageConfig{};
            st.img.packageManager = PackageManager::None;
            st.img.distro = "scratch";
            st.key = digestHex("scratch");
        } else {
            const ImageConfig* base = bases[s.index];
            st.img = *base;
            st.img.builtLocally = false;
            st.key = digestHex("from " + base->id);
            auto ref = parseImageReference(s.baseText);
            const bool local = catalog.isPulled(s.baseText);
            std::string name = ref ? ref->full() : s.baseText;
            if (!local && !base->repoDigest.empty()) name += "@" + base->repoDigest;
            // Layers fetched by an earlier build stay in BuildKit's content store.
            const std::string fetchedKey = "fetched " + base->id;
            const bool fetched = catalog.hasBuildStep(fetchedKey);
            if (!local) b.fetchedKeys.push_back(fetchedKey);
            const int v = b.tr.begin(prefix(1) + "FROM " + name);
            if (!local && !fetched) {
                b.tr.line(v, "resolve " + name + " done");
                double t = 0.1;
                for (const auto& layer : base->layers) {
                    const std::string size = humanSize(double(base->sizeBytes) / double(std::max<std::size_t>(base->layers.size(), 1)) *
                                                       (0.5 + fakeSeconds(layer, 0.0, 1.0)) / 2.5);
                    b.tr.line(v, "sha256:" + layer + " " + size + " / " + size + " " + fmt1(t) + "s done");
                    t += 0.3;
                }
                for (const auto& layer : base->layers) {
                    const double x = fakeSeconds("extract " + layer, 0.1, 1.6);
                    b.tr.line(v, "extracting sha256:" + layer + " " + fmt1(x) + "s done");
                    t += x;
                }
                b.tr.done(v, t);
            } else {
                b.tr.done(v, fakeSeconds("from " + name, 0.0, 0.1));
            }
        }
        // Variables visible in this stage.
        std::map<std::string, std::string> vars;
        for (const auto& e : st.img.env)
            if (const auto eq = e.find('='); eq != std::string::npos) vars[e.substr(0, eq)] = e.substr(eq + 1);
        bool cmdSetHere = false;
        const Service baseService = st.img.service;
        int step = 1;
        for (const Instr* in : s.body) {
            const std::string& k = in->keyword;
            if (k == "ENV" || k == "LABEL") {
                bool legacy = false;
                for (auto& [name, value] : parseKeyValues(in->args, legacy)) {
                    const std::string v = expandVars(value, vars, false);
                    if (k == "ENV") {
                        vars[name] = v;
                        auto& env = st.img.env;
                        env.erase(std::remove_if(env.begin(), env.end(),
                                                 [&](const std::string& e) { return e.starts_with(name + "="); }),
                                  env.end());
                        env.push_back(name + "=" + v);
                    } else {
                        st.img.labels[name] = v;
                    }
                }
                st.key = digestHex(st.key + "|" + k + " " + in->args);
            } else if (k == "ARG") {
                for (const auto& w : in->words) {
                    const auto eq = w.find('=');
                    const std::string name = w.substr(0, eq);
                    std::string value = eq == std::string::npos ? "" : w.substr(eq + 1);
                    if (auto it = s.argDefaults.find(name); it != s.argDefaults.end() && eq == std::string::npos)
                        value = it->second;
                    if (auto it = opt.buildArgs.find(name); it != opt.buildArgs.end()) value = it->second;
                    if (!vars.contains(name) || eq != std::string::npos || opt.buildArgs.contains(name)) vars[name] = value;
                }
            } else if (k == "EXPOSE") {
                for (const auto& w : in->words) {
                    auto ports = parsePortSpec(expandVars(w, vars, false));
                    if (!ports)
                        return b.fail(Failure{ErrorCode::InvalidArgument, ports.error().message, in->startLine, in->endLine});
                    for (const auto& p : *ports) {
                        const std::pair<std::uint16_t, PortProto> e{p.containerPort, p.proto};
                        if (std::find(st.img.exposedPorts.begin(), st.img.exposedPorts.end(), e) == st.img.exposedPorts.end())
                            st.img.exposedPorts.push_back(e);
                    }
                }
                st.key = digestHex(st.key + "|EXPOSE " + in->args);
            } else if (k == "CMD" || k == "ENTRYPOINT") {
                std::vector<std::string> v = in->json ? *in->json : std::vector<std::string>{"/bin/sh", "-c", in->args};
                if (k == "CMD") {
                    st.img.cmd = v;
                    cmdSetHere = true;
                } else {
                    st.img.entrypoint = v;
                    if (!cmdSetHere) st.img.cmd.clear();
                }
                st.cmdChanged = true;
                st.key = digestHex(st.key + "|" + k + " " + in->args);
            } else if (k == "USER") {
                st.img.user = expandVars(in->words[0], vars, false);
            } else if (k == "STOPSIGNAL") {
                st.img.stopSignal = in->words[0];
            } else if (k == "WORKDIR") {
                std::string dir = expandVars(in->args, vars, false);
                if (!dir.starts_with("/")) {
                    std::string cur = st.img.workdir.empty() ? "/" : st.img.workdir;
                    if (!cur.ends_with("/")) cur += "/";
                    dir = cur + dir;
                }
                st.img.workdir = dir;
                ++step;
                const std::string key = digestHex(st.key + "|WORKDIR " + dir);
                const int v = b.tr.begin(prefix(step) + "WORKDIR " + in->args);
                if (catalog.hasBuildStep(key)) b.tr.cached(v);
                else b.tr.done(v, fakeSeconds(key, 0.0, 0.1));
                st.key = key;
                b.cacheKeys.push_back(key);
            } else if (k == "COPY" || k == "ADD") {
                ++step;
                std::string fromStage;
                for (const auto& f : in->flags)
                    if (f.starts_with("--from=")) fromStage = f.substr(7);
                if (fromStage.empty() && !contextLoaded) {
                    const int v = b.tr.begin("[internal] load build context");
                    std::size_t bytes = 2;
                    if (opt.contextFiles)
                        for (const auto& f : *opt.contextFiles) bytes += 64 + f.size() * 7;
                    b.tr.line(v, "transferring context: " + humanSize(double(bytes)) + " done");
                    b.tr.done(v, 0.0);
                    contextLoaded = true;
                }
                const std::string key = digestHex(st.key + "|" + k + " " + join(in->flags, " ") + " " + in->args);
                const int v = b.tr.begin(prefix(step) + k + " " + in->args);
                if (fromStage.empty() && opt.contextFiles) {
                    for (std::size_t i = 0; i + 1 < in->words.size(); ++i) {
                        std::string src = in->words[i];
                        if (src.find("://") != std::string::npos || src.find_first_of("*?[") != std::string::npos) continue;
                        while (src.starts_with("./")) src = src.substr(2);
                        while (src.size() > 1 && src.ends_with("/")) src.pop_back();
                        if (src == "." || src.empty()) continue;
                        bool found = false;
                        for (const auto& f : *opt.contextFiles)
                            if (f == src || f.starts_with(src + "/")) found = true;
                        if (!found) {
                            const std::string ref = digestHex("context-ref " + opt.dockerfileName).substr(0, 25) +
                                                    "::" + digestHex("context-session").substr(0, 25);
                            const std::string why =
                                "failed to calculate checksum of ref " + ref + ": \"/" + src + "\": not found";
                            b.tr.line(v, "ERROR: " + why);
                            const std::string block = "------\n > " + prefix(step) + k + " " + in->args + ":\n------\n";
                            return b.fail(Failure{ErrorCode::NotFound, "failed to compute cache key: " + why, in->startLine,
                                                  in->endLine},
                                          block);
                        }
                    }
                }
                if (catalog.hasBuildStep(key)) b.tr.cached(v);
                else b.tr.done(v, fakeSeconds(key, 0.0, 0.2));
                st.key = key;
                b.cacheKeys.push_back(key);
                ++copies;
            } else if (k == "RUN") {
                ++step;
                const std::string key = digestHex(st.key + "|RUN " + (in->json ? jsonCompact(*in->json) : in->args));
                const int v = b.tr.begin(prefix(step) + stepName(*in));
                RunState rs{st.img, vars, {}, fakeSeconds(key, 0.18, 0.33), 0, key};
                int status = 0;
                bool exited = false;
                if (!hasShell(st.img) && !in->json) {
                    status = -1;
                } else if (in->json) {
                    if (in->json->empty()) status = 0;
                    else {
                        const std::string& exe = (*in->json)[0];
                        const std::string base = exe.substr(exe.rfind('/') == std::string::npos ? 0 : exe.rfind('/') + 1);
                        const bool exists = isBasicCommand(base) || st.img.hasTool(base) ||
                                            (base == "apt-get" && st.img.packageManager == PackageManager::Apt) ||
                                            (base == "apt" && st.img.packageManager == PackageManager::Apt) ||
                                            (base == "apk" && st.img.packageManager == PackageManager::Apk) ||
                                            (base == "microdnf" && st.img.packageManager == PackageManager::Microdnf) ||
                                            base == "echo" || base == "exit" || base == "false";
                        status = exists ? runSimple(rs, *in->json, exited) : -2;
                    }
                } else {
                    status = runScript(rs, in->args, exited);
                }
                if (status != 0) {
                    std::string why;
                    if (status == -1)
                        why = "process \"" + processName(*in) +
                              "\" did not complete successfully: runc run failed: unable to start container process: "
                              "error during container init: exec: \"/bin/sh\": stat /bin/sh: no such file or directory: unknown";
                    else if (status == -2)
                        why = "process \"" + processName(*in) +
                              "\" did not complete successfully: runc run failed: unable to start container process: "
                              "error during container init: exec: \"" + (*in->json)[0] +
                              "\": executable file not found in $PATH: unknown";
                    else
                        why = "process \"" + processName(*in) + "\" did not complete successfully: exit code: " +
                              std::to_string(status);
                    for (const auto& [t, line] : rs.out) b.tr.log(v, t, line);
                    b.tr.line(v, "ERROR: " + why);
                    std::string block = "------\n > " + prefix(step) + stepName(*in) + ":\n";
                    const std::size_t from = rs.out.size() > 10 ? rs.out.size() - 10 : 0;
                    for (std::size_t i = from; i < rs.out.size(); ++i) block += fmt3(rs.out[i].first) + " " + rs.out[i].second + "\n";
                    block += "------\n";
                    return b.fail(Failure{ErrorCode::Conflict, why, in->startLine, in->endLine}, block);
                }
                if (catalog.hasBuildStep(key)) {
                    b.tr.cached(v);
                } else {
                    for (const auto& [t, line] : rs.out) b.tr.log(v, t, line);
                    b.tr.done(v, rs.t + fakeSeconds("done " + key, 0.05, 0.4));
                }
                st.img.sizeBytes += rs.addedBytes;
                st.key = key;
                b.cacheKeys.push_back(key);
            }
            // HEALTHCHECK, VOLUME, SHELL, ONBUILD, MAINTAINER: accepted, no effect modelled.
        }
        // A replaced CMD/ENTRYPOINT that no longer starts the service's daemon: no service.
        if (st.cmdChanged && baseService != Service::None) {
            const std::string proc = serviceProcess(baseService);
            bool runs = false;
            // Entrypoint scripts (docker-entrypoint.sh) exec the CMD, so the CMD decides; an
            // ENTRYPOINT that is the daemon itself also counts.
            for (const auto& w : st.img.entrypoint)
                runs |= w.find(proc) != std::string::npos && w.find("entrypoint") == std::string::npos;
            for (const auto& w : st.img.cmd) runs |= w.find(proc) != std::string::npos;
            if (!runs) {
                st.img.service = Service::None;
                st.img.serviceListens.clear();
            }
        }
        st.done = true;
    }

    // Export.
    StageState& fin = states[std::size_t(target)];
    ImageConfig img = fin.img;
    std::string fingerprint = fin.key + "|" + join(img.cmd, "\x1f") + "|" + join(img.entrypoint, "\x1f") + "|" +
                              join(img.env, "\x1f") + "|" + img.workdir + "|" + img.user;
    for (const auto& [p, proto] : img.exposedPorts) fingerprint += "|" + portKey(p, proto);
    for (const auto& [k2, v2] : img.labels) fingerprint += "|" + k2 + "=" + v2;
    img.id = "sha256:" + digestHex("built-image " + fingerprint);
    img.created = opt.created;
    img.repoDigest.clear();
    img.builtLocally = true;
    img.sizeBytes += copies * 4096;
    for (const auto& key : b.cacheKeys) img.layers.push_back(key);
    if (tagRef) {
        img.repository = tagRef->repository;
        img.tag = tagRef->tag;
    } else {
        img.repository = img.tag = "<none>";
    }
    bool allCached = true;
    for (const auto& key : b.cacheKeys) allCached &= catalog.hasBuildStep(key);
    {
        const int v = b.tr.begin("exporting to image");
        if (allCached) {
            b.tr.line(v, "exporting layers done");
        } else {
            b.tr.line(v, "exporting layers");
            b.tr.line(v, "exporting layers " + fmt1(fakeSeconds("export " + img.id, 0.1, 0.9)) + "s done");
        }
        b.tr.line(v, "writing image " + img.id + " done");
        if (tagRef) {
            std::string name = ImageRef{tagRef->repository, tagRef->tag, "", true}.full();
            if (!tagRef->tagGiven) name = name.substr(0, name.rfind(':'));
            b.tr.line(v, "naming to " + name + " done");
        }
        b.tr.done(v, allCached ? 0.0 : fakeSeconds("export-done " + img.id, 0.1, 0.9));
    }
    if (!b.warnings.empty()) {
        b.tr.text += "\n " + std::to_string(b.warnings.size()) + (b.warnings.size() == 1 ? " warning" : " warnings") +
                     " found (use docker --debug to expand):\n";
        for (const auto& w : b.warnings) b.tr.text += " - " + w + "\n";
    }
    std::vector<std::string> keys = std::move(b.cacheKeys);
    keys.insert(keys.end(), b.fetchedKeys.begin(), b.fetchedKeys.end());
    return BuildResult{std::move(img), std::move(b.tr.text), std::move(keys), std::move(b.warnings)};
}

core::Result<BuildResult> buildAndStore(ImageCatalog& catalog, std::string_view dockerfileText, std::string tag,
                                        const BuildOptions& options) {
    auto r = buildImage(catalog, dockerfileText, std::move(tag), options);
    if (!r) return r;
    r->image = catalog.add(r->image);
    catalog.rememberBuildSteps(r->cacheKeys);
    return r;
}

}  // namespace sim::docker
