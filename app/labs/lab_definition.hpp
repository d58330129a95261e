// A guided lab as read from its YAML file (docs/LABS.md): what the student reads, types and is
// checked on. Plain data, Qt-free; the loader validates everything, so a LabDefinition that
// exists is complete in every language.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace docknet::labs {

enum class Language { English, Korean };

/// A text in every language a lab must carry.
struct LocalText {
    std::string en;
    std::string ko;
    [[nodiscard]] const std::string& in(Language lang) const { return lang == Language::Korean ? ko : en; }
};

enum class CheckKind { Output, ExitCode, Ping, Container, Neighbor, Fdb, Port, Resolves, Dropped, File };

/// One check: its kind and its arguments as written (scalars; placeholders expanded when run).
struct Check {
    CheckKind kind = CheckKind::Output;
    std::map<std::string, std::string> args;
    int line = 0;  // where it was written, for messages
    [[nodiscard]] bool has(const std::string& key) const { return args.contains(key); }
    [[nodiscard]] std::string get(const std::string& key, std::string fallback = {}) const {
        const auto it = args.find(key);
        return it == args.end() ? fallback : it->second;
    }
};

struct Choice {
    std::string key;
    LocalText text;
};

struct Question {
    LocalText ask;
    std::vector<Choice> choices;
    std::string answer;  // a choice's key
    LocalText explain;
};

struct LabStep {
    std::string id;
    LocalText text;
    std::vector<std::string> commands;
    std::vector<Check> checks;
    std::optional<LocalText> hint;
    std::vector<std::string> highlight;
    std::optional<Question> question;
};

struct LabDefinition {
    std::string name;
    int order = 0;
    int minutes = 0;
    LocalText title;
    LocalText goal;
    std::vector<std::string> setup;
    std::vector<LabStep> steps;
    std::string file;  // where it was read from
};

}  // namespace docknet::labs
