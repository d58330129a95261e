#include "labs/lab_loader.hpp"

#include "sim/core/linear_regex.hpp"

#include "labs/lab_checks.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace docknet::labs {
namespace {

using sim::core::ErrorCode;

// Thrown inside the loader only; parseLab turns it into an error value with the place.
struct LabFileError {
    YAML::Mark mark;
    std::string message;
};

[[noreturn]] void failAt(const YAML::Node& node, std::string message) { throw LabFileError{node.Mark(), std::move(message)}; }

struct CheckSpec {
    CheckKind kind;
    std::string_view name;
    std::vector<std::string_view> required;
    std::vector<std::string_view> optional;
    bool scalar = false;  // `exit_code: 0`
};

const std::vector<CheckSpec>& checkSpecs() {
    static const std::vector<CheckSpec> specs = {
        {CheckKind::Output, "output", {}, {"contains", "matches", "not_contains"}},
        {CheckKind::ExitCode, "exit_code", {}, {}, true},
        {CheckKind::Ping, "ping", {"to"}, {"from", "ok"}},
        {CheckKind::Container, "container", {"name"}, {"state", "exit_code"}},
        {CheckKind::Neighbor, "neighbor", {"at", "ip"}, {"mac", "state"}},
        {CheckKind::Fdb, "fdb", {"at", "mac"}, {"port"}},
        {CheckKind::Port, "port", {"port"}, {"proto", "owner", "at"}},
        {CheckKind::Resolves, "resolves", {"from", "name", "to"}, {}},
        {CheckKind::Dropped, "dropped", {"rule"}, {}},
        {CheckKind::File, "file", {"at", "path"}, {"contains", "not_contains"}},
    };
    return specs;
}

std::string joinNames(const std::vector<std::string_view>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

void requireMap(const YAML::Node& node, std::string_view what) {
    if (!node.IsMap()) failAt(node, "expected " + std::string(what) + " (a map of key: value)");
}

void rejectUnknownKeys(const YAML::Node& map, const std::vector<std::string_view>& allowed, std::string_view where) {
    for (const auto& kv : map) {
        const auto key = kv.first.as<std::string>();
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            failAt(kv.first, "unknown key '" + key + "' in " + std::string(where) + " (expected one of " + joinNames(allowed) + ")");
    }
}

const YAML::Node required(const YAML::Node& map, const std::string& key, std::string_view where) {
    const YAML::Node n = map[key];
    if (!n) failAt(map, "missing '" + key + "' in " + std::string(where));
    return n;
}

std::string scalar(const YAML::Node& node, std::string_view what) {
    if (!node.IsScalar()) failAt(node, "expected " + std::string(what) + " (a single value)");
    return node.as<std::string>();
}

int integer(const YAML::Node& node, std::string_view what) {
    const std::string s = scalar(node, what);
    try {
        std::size_t used = 0;
        const int v = std::stoi(s, &used);
        if (used == s.size()) return v;
    } catch (const std::exception&) {
    }
    failAt(node, "expected " + std::string(what) + " (a whole number), got '" + s + "'");
}

LocalText localText(const YAML::Node& node, std::string_view what) {
    if (!node.IsMap()) failAt(node, "expected " + std::string(what) + " as a map with 'en' and 'ko' texts");
    rejectUnknownKeys(node, {"en", "ko"}, what);
    LocalText t;
    if (!node["en"]) failAt(node, "missing English text 'en' in " + std::string(what));
    if (!node["ko"]) failAt(node, "missing Korean translation 'ko' in " + std::string(what));
    t.en = scalar(node["en"], std::string(what) + ".en");
    t.ko = scalar(node["ko"], std::string(what) + ".ko");
    if (t.en.empty()) failAt(node["en"], "empty English text in " + std::string(what));
    if (t.ko.empty()) failAt(node["ko"], "empty Korean translation in " + std::string(what));
    return t;
}

std::vector<std::string> stringList(const YAML::Node& node, std::string_view what) {
    if (!node.IsSequence()) failAt(node, "expected " + std::string(what) + " as a list");
    std::vector<std::string> out;
    for (const auto& item : node) out.push_back(scalar(item, std::string(what) + " entry"));
    return out;
}

Check parseCheck(const YAML::Node& node) {
    if (!node.IsMap() || node.size() != 1) failAt(node, "expected a check: a map with exactly one key, the check kind");
    const auto kv = *node.begin();
    const auto kindName = kv.first.as<std::string>();
    const auto& specs = checkSpecs();
    const auto spec = std::find_if(specs.begin(), specs.end(), [&](const CheckSpec& s) { return s.name == kindName; });
    if (spec == specs.end()) {
        std::vector<std::string_view> names;
        for (const auto& s : specs) names.push_back(s.name);
        failAt(kv.first, "unknown check kind '" + kindName + "' (expected one of " + joinNames(names) + ")");
    }
    Check c;
    c.kind = spec->kind;
    c.line = static_cast<int>(kv.first.Mark().line) + 1;
    const YAML::Node& body = kv.second;
    if (spec->scalar) {
        c.args["value"] = std::to_string(integer(body, kindName));
        return c;
    }
    requireMap(body, "the arguments of check '" + kindName + "'");
    std::vector<std::string_view> allowed = spec->required;
    allowed.insert(allowed.end(), spec->optional.begin(), spec->optional.end());
    rejectUnknownKeys(body, allowed, "check '" + kindName + "'");
    for (const auto& key : spec->required)
        if (!body[std::string(key)]) failAt(body, "check '" + kindName + "' needs '" + std::string(key) + "'");
    for (const auto& arg : body) c.args[arg.first.as<std::string>()] = scalar(arg.second, "the value of '" + arg.first.as<std::string>() + "'");
    if (c.kind == CheckKind::Output && c.args.empty()) failAt(body, "check 'output' needs one of contains, matches, not_contains");
    if (c.kind == CheckKind::Output && c.has("matches")) {
        // Placeholders are replaced before matching: validate the pattern with a stand-in.
        const std::string pattern = std::regex_replace(c.get("matches"), placeholderPattern(), "x");
        if (auto re = sim::core::LinearRegex::compile(pattern, sim::core::LinearRegex::Syntax::PosixExtended); !re)
            failAt(body["matches"], "'matches' is not a valid extended regular expression (" + re.error().message + ")");
    }
    if (c.kind == CheckKind::Ping && c.has("ok") && c.get("ok") != "true" && c.get("ok") != "false")
        failAt(body["ok"], "expected 'ok' to be true or false");
    if (c.kind == CheckKind::Container && c.has("state")) {
        const auto s = c.get("state");
        if (s != "running" && s != "exited" && s != "created") failAt(body["state"], "expected state running, exited or created, got '" + s + "'");
    }
    if (c.kind == CheckKind::Container && c.has("exit_code")) integer(body["exit_code"], "exit_code");
    if (c.kind == CheckKind::Port) {
        const int port = integer(body["port"], "port");
        if (port < 1 || port > 65535) failAt(body["port"], "expected a port between 1 and 65535");
        if (c.has("proto") && c.get("proto") != "tcp" && c.get("proto") != "udp") failAt(body["proto"], "expected proto tcp or udp");
    }
    if (c.kind == CheckKind::File && c.get("path") != "/etc/hosts" && c.get("path") != "/etc/resolv.conf")
        failAt(body["path"], "expected path /etc/hosts or /etc/resolv.conf");
    return c;
}

Question parseQuestion(const YAML::Node& node) {
    requireMap(node, "a question");
    rejectUnknownKeys(node, {"ask", "choices", "answer", "explain"}, "question");
    Question q;
    q.ask = localText(required(node, "ask", "question"), "question.ask");
    const YAML::Node choices = required(node, "choices", "question");
    if (!choices.IsSequence() || choices.size() < 2) failAt(choices, "expected at least two choices");
    std::set<std::string> keys;
    for (const auto& ch : choices) {
        requireMap(ch, "a choice");
        rejectUnknownKeys(ch, {"key", "en", "ko"}, "choice");
        Choice c;
        c.key = scalar(required(ch, "key", "choice"), "choice key");
        if (!keys.insert(c.key).second) failAt(ch, "duplicate choice key '" + c.key + "'");
        if (!ch["en"]) failAt(ch, "missing English text 'en' in choice '" + c.key + "'");
        if (!ch["ko"]) failAt(ch, "missing Korean translation 'ko' in choice '" + c.key + "'");
        c.text = LocalText{scalar(ch["en"], "choice text"), scalar(ch["ko"], "choice text")};
        q.choices.push_back(std::move(c));
    }
    const YAML::Node answer = required(node, "answer", "question");
    q.answer = scalar(answer, "answer");
    if (!keys.contains(q.answer)) failAt(answer, "answer '" + q.answer + "' is not one of the choices' keys");
    q.explain = localText(required(node, "explain", "question"), "question.explain");
    return q;
}

/// What the lab's commands create, so that a check naming anything else is caught before the lab
/// runs: containers (`--name X`), networks (`docker network create ... X`).
struct KnownNames {
    std::set<std::string> containers;
    std::set<std::string> networks{"bridge", "host", "none", "docker0"};

    void learn(const std::string& command) {
        for (const auto& w : commandWords(command)) {
            for (std::size_t i = 0; i < w.size(); ++i) {
                if (w[i] == "--name" && i + 1 < w.size()) containers.insert(w[i + 1]);
                if (w[i].starts_with("--name=")) containers.insert(w[i].substr(7));
            }
            if (w.size() >= 4 && w[0] == "docker" && w[1] == "network" && w[2] == "create") {
                for (std::size_t i = 3; i < w.size(); ++i) {
                    if (w[i].starts_with("-")) {
                        if (w[i].find('=') == std::string::npos && w[i] != "--internal" && w[i] != "--attachable" && w[i] != "--ipv6") ++i;
                        continue;
                    }
                    networks.insert(w[i]);
                }
            }
        }
    }
};

void checkNames(const YAML::Node& checkNode, const Check& c, const KnownNames& known) {
    const YAML::Node body = checkNode.begin()->second;
    auto requireContainer = [&](const std::string& key, bool hostAllowed) {
        if (!c.has(key)) return;
        const std::string v = c.get(key);
        if (hostAllowed && v == "host") return;
        if (!known.containers.contains(v))
            failAt(body[key], "check names an unknown container '" + v + "' (no command of the lab up to this step runs one with --name " + v + ")");
    };
    switch (c.kind) {
    case CheckKind::Ping: requireContainer("from", true); break;
    case CheckKind::Container: requireContainer("name", false); break;
    case CheckKind::Neighbor:
    case CheckKind::Port: requireContainer("at", true); break;
    case CheckKind::Resolves: requireContainer("from", false); break;
    case CheckKind::File: requireContainer("at", false); break;
    case CheckKind::Fdb: {
        const std::string v = c.get("at");
        if (!known.networks.contains(v) && !v.starts_with("br-"))
            failAt(body["at"], "check names an unknown bridge '" + v + "' (expected docker0, bridge or a network the lab creates)");
        break;
    }
    default: break;
    }
    for (const auto& [key, value] : c.args)
        for (auto it = std::sregex_iterator(value.begin(), value.end(), placeholderPattern()); it != std::sregex_iterator(); ++it) {
            if (!known.containers.contains((*it)[2].str()))
                failAt(body[key], "placeholder names an unknown container '" + (*it)[2].str() + "'");
            if ((*it)[4].matched && !known.networks.contains((*it)[4].str()))
                failAt(body[key], "placeholder names an unknown network '" + (*it)[4].str() + "'");
        }
}

LabStep parseStep(const YAML::Node& node, std::set<std::string>& ids, KnownNames& known) {
    requireMap(node, "a step");
    rejectUnknownKeys(node, {"id", "text", "commands", "checks", "hint", "highlight", "question"}, "step");
    LabStep s;
    const YAML::Node id = required(node, "id", "step");
    s.id = scalar(id, "step id");
    if (!ids.insert(s.id).second) failAt(id, "duplicate step id '" + s.id + "'");
    s.text = localText(required(node, "text", "step '" + s.id + "'"), "step '" + s.id + "' text");
    if (node["commands"]) s.commands = stringList(node["commands"], "commands");
    for (const auto& c : s.commands) known.learn(c);
    const YAML::Node checks = required(node, "checks", "step '" + s.id + "'");
    if (!checks.IsSequence() || checks.size() == 0) failAt(checks, "expected at least one check in step '" + s.id + "'");
    for (const auto& c : checks) {
        s.checks.push_back(parseCheck(c));
        checkNames(c, s.checks.back(), known);
    }
    if (node["hint"]) s.hint = localText(node["hint"], "step '" + s.id + "' hint");
    if (node["highlight"]) s.highlight = stringList(node["highlight"], "highlight");
    if (node["question"]) s.question = parseQuestion(node["question"]);
    return s;
}

LabDefinition parseRoot(const YAML::Node& root) {
    if (!root.IsMap()) failAt(root, "expected a lab: a map with name, order, minutes, title, goal and steps");
    rejectUnknownKeys(root, {"name", "order", "minutes", "title", "goal", "setup", "steps"}, "the lab");
    LabDefinition lab;
    const YAML::Node name = required(root, "name", "the lab");
    lab.name = scalar(name, "name");
    static const std::regex namePattern("[a-z0-9][a-z0-9-]*");
    if (!std::regex_match(lab.name, namePattern)) failAt(name, "expected a name of lowercase letters, digits and '-', got '" + lab.name + "'");
    lab.order = integer(required(root, "order", "the lab"), "order");
    lab.minutes = integer(required(root, "minutes", "the lab"), "minutes");
    lab.title = localText(required(root, "title", "the lab"), "title");
    lab.goal = localText(required(root, "goal", "the lab"), "goal");
    if (root["setup"]) lab.setup = stringList(root["setup"], "setup");
    KnownNames known;
    for (const auto& c : lab.setup) known.learn(c);
    const YAML::Node steps = required(root, "steps", "the lab");
    if (!steps.IsSequence() || steps.size() == 0) failAt(steps, "expected at least one step");
    std::set<std::string> ids;
    for (const auto& s : steps) lab.steps.push_back(parseStep(s, ids, known));
    return lab;
}

std::string place(const std::string& file, const YAML::Mark& mark) {
    if (mark.is_null()) return file + ": ";
    return file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) + ": ";
}

}  // namespace

sim::core::Result<LabDefinition> parseLab(std::string_view text, const std::string& fileName) {
    try {
        const YAML::Node root = YAML::Load(std::string(text));
        LabDefinition lab = parseRoot(root);
        lab.file = fileName;
        return lab;
    } catch (const LabFileError& e) {
        return sim::core::fail(ErrorCode::InvalidArgument, place(fileName, e.mark) + e.message);
    } catch (const YAML::Exception& e) {
        return sim::core::fail(ErrorCode::InvalidArgument, place(fileName, e.mark) + e.msg);
    }
}

sim::core::Result<LabDefinition> loadLabFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return sim::core::fail(ErrorCode::NotFound, path.string() + ": cannot open: No such file or directory");
    std::ostringstream text;
    text << in.rdbuf();
    return parseLab(text.str(), path.string());
}

const LabDefinition* LabCatalog::find(const std::string& name) const {
    for (const auto& lab : labs)
        if (lab.name == name) return &lab;
    return nullptr;
}

LabCatalog loadLabDirectory(const std::filesystem::path& dir) {
    LabCatalog catalog;
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    if (ec) catalog.errors.push_back(dir.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        auto lab = loadLabFile(f);
        if (!lab) {
            catalog.errors.push_back(lab.error().message);
            continue;
        }
        if (catalog.find(lab->name)) {
            catalog.errors.push_back(f.string() + ": a lab named '" + lab->name + "' already exists");
            continue;
        }
        catalog.labs.push_back(std::move(*lab));
    }
    std::stable_sort(catalog.labs.begin(), catalog.labs.end(), [](const LabDefinition& a, const LabDefinition& b) {
        return a.order != b.order ? a.order < b.order : a.name < b.name;
    });
    return catalog;
}

std::filesystem::path defaultScenarioDir() {
    if (const char* env = std::getenv("DOCKNET_SCENARIOS"); env && *env) return env;
#ifdef DOCKNET_SCENARIO_DIR
    if (std::filesystem::is_directory(DOCKNET_SCENARIO_DIR)) return DOCKNET_SCENARIO_DIR;
#endif
    return "scenarios";
}

}  // namespace docknet::labs
