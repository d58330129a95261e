// RUN is interpreted, not executed: a shell script of `&&`, `||`, `;` and `|` chains of simple
// commands. Package managers do their work (package_install.cpp), echo prints, exit and false
// fail, basic commands succeed, and anything else must be one of the image's tools, else the
// shell's "not found" (exit 127).
#include "sim/docker/dockerfile_internal.hpp"

#include <cctype>
#include <cstdlib>
#include <functional>
#include <set>

namespace sim::docker::detail {

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

namespace {

std::string notFoundLine(const ImageConfig& img, const std::string& cmd) {
    switch (img.shell) {
    case ShellFlavor::Dash: return "/bin/sh: 1: " + cmd + ": not found";
    case ShellFlavor::Ash: return "/bin/sh: " + cmd + ": not found";
    case ShellFlavor::Bash: return "/bin/sh: line 1: " + cmd + ": command not found";
    }
    return "/bin/sh: " + cmd + ": not found";
}

}  // namespace

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

}  // namespace sim::docker::detail
