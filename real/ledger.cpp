#include "real/ledger.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;

namespace {

std::vector<std::string> splitTabs(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : line) {
        if (c == '\t') {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

std::string errnoText(const std::string& what) { return what + ": " + std::strerror(errno); }

}  // namespace

std::string LedgerRecord::toString() const {
    std::string s = kind;
    for (const auto& f : fields) s += " " + f;
    return s;
}

Ledger::Ledger(std::string stateDir) : m_dir(std::move(stateDir)), m_path(m_dir + "/ledger") {}

Ledger::~Ledger() {
    if (m_fd >= 0) ::close(m_fd);
    if (m_lockFd >= 0) ::close(m_lockFd);
}

sim::core::Result<void> Ledger::lock() {
    if (m_lockFd >= 0) return {};
    if (::mkdir(m_dir.c_str(), 0700) != 0 && errno != EEXIST) return fail(ErrorCode::Internal, errnoText("mkdir " + m_dir));
    // The directory itself is the lock: no lock file is left behind.
    const int fd = ::open(m_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return fail(ErrorCode::Internal, errnoText("open " + m_dir));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        ::close(fd);
        if (e == EWOULDBLOCK) return fail(ErrorCode::Conflict, "another docknet real is applying or removing a lab (" + m_dir + " is locked)");
        return fail(ErrorCode::Internal, std::string("flock ") + m_dir + ": " + std::strerror(e));
    }
    m_lockFd = fd;
    return {};
}

sim::core::Result<void> Ledger::append(const std::string& lines, std::size_t count, bool durable) {
    if (m_fd < 0) {
        if (::mkdir(m_dir.c_str(), 0700) != 0 && errno != EEXIST) return fail(ErrorCode::Internal, errnoText("mkdir " + m_dir));
        // Count the lines already there so cancel() can name a line of this run.
        std::ifstream in(m_path);
        std::string l;
        m_lines = 0;
        while (std::getline(in, l)) ++m_lines;
        m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (m_fd < 0) return fail(ErrorCode::Internal, errnoText("open " + m_path));
    }
    if (::write(m_fd, lines.data(), lines.size()) != static_cast<ssize_t>(lines.size()))
        return fail(ErrorCode::Internal, errnoText("write " + m_path));
    // On disk before the object exists, or a machine crash could leave an object nobody knows of.
    if (durable && ::fsync(m_fd) != 0) return fail(ErrorCode::Internal, errnoText("fsync " + m_path));
    m_lines += count;
    return {};
}

bool Ledger::outlivesReboot(const std::string& kind) {
    return kind == "netns" || kind == "dir" || kind == "file" || kind == "rundir" || kind == "runmount";
}

sim::core::Result<std::vector<std::size_t>> Ledger::recordAll(
    const std::vector<std::pair<std::string, std::vector<std::string>>>& records) {
    std::string text;
    bool durable = false;
    for (const auto& [kind, fields] : records) {
        text += kind;
        for (const auto& f : fields) {
            if (f.find_first_of("\t\n") != std::string::npos)
                return fail(ErrorCode::InvalidArgument, "ledger field with a tab or newline: " + f);
            text += "\t" + f;
        }
        text += "\n";
        durable = durable || outlivesReboot(kind);
    }
    if (auto r = append(text, records.size(), durable); !r) return std::unexpected(r.error());
    std::vector<std::size_t> lines;
    for (std::size_t i = 0; i < records.size(); ++i) lines.push_back(m_lines - records.size() + 1 + i);
    return lines;
}

sim::core::Result<std::size_t> Ledger::record(const std::string& kind, const std::vector<std::string>& fields) {
    auto lines = recordAll({{kind, fields}});
    if (!lines) return std::unexpected(lines.error());
    return lines->front();
}

sim::core::Result<void> Ledger::cancel(std::size_t line) { return append("cancel\t" + std::to_string(line) + "\n", 1, true); }

sim::core::Result<std::vector<LedgerRecord>> Ledger::load() const {
    std::ifstream in(m_path);
    if (!in) {
        if (::access(m_path.c_str(), F_OK) != 0) return std::vector<LedgerRecord>{};
        return fail(ErrorCode::Internal, "cannot read " + m_path);
    }
    std::vector<LedgerRecord> all;
    std::set<std::size_t> cancelled;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream lines(text);
    std::string l;
    std::size_t n = 0;
    const bool tornTail = !text.empty() && text.back() != '\n';
    std::size_t total = 0;
    for (char c : text)
        if (c == '\n') ++total;
    while (std::getline(lines, l)) {
        ++n;
        if (tornTail && n == total + 1) break;  // a write cut short by a crash: its object was never made
        auto parts = splitTabs(l);
        if (parts.empty() || parts[0].empty()) continue;
        if (parts[0] == "cancel") {
            std::size_t line = 0;
            // A garbled cancel cancels nothing: keeping a record is the safe side (down then
            // finds its object absent, or removes what docknet made).
            if (parts.size() > 1 && std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), line).ec == std::errc())
                cancelled.insert(line);
            continue;
        }
        LedgerRecord r;
        r.kind = parts[0];
        r.fields.assign(parts.begin() + 1, parts.end());
        r.line = n;
        all.push_back(std::move(r));
    }
    std::vector<LedgerRecord> live;
    for (auto& r : all)
        if (!cancelled.contains(r.line)) live.push_back(std::move(r));
    return live;
}

sim::core::Result<void> Ledger::rewrite(const std::vector<LedgerRecord>& remaining) {
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (remaining.empty()) {
        if (::unlink(m_path.c_str()) != 0 && errno != ENOENT) return fail(ErrorCode::Internal, errnoText("unlink " + m_path));
        return {};
    }
    const std::string tmp = m_path + ".new";
    {
        std::ofstream out(tmp, std::ios::trunc);
        for (const auto& r : remaining) {
            out << r.kind;
            for (const auto& f : r.fields) out << '\t' << f;
            out << '\n';
        }
        if (!out) return fail(ErrorCode::Internal, "cannot write " + tmp);
    }
    const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    if (::rename(tmp.c_str(), m_path.c_str()) != 0) return fail(ErrorCode::Internal, errnoText("rename " + tmp));
    return {};
}

}  // namespace docknet::real
