// Which steps of which lab a student has done, kept across runs in a small JSON file under the
// user's config directory ($XDG_CONFIG_HOME/docknet/progress.json).
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace docknet::labs {

class LabProgress {
public:
    /// Reads `file` if it exists; a missing or unreadable file is an empty progress.
    explicit LabProgress(std::filesystem::path file);
    /// $DOCKNET_PROGRESS, else $XDG_CONFIG_HOME/docknet/progress.json, else ~/.config/docknet/progress.json.
    static std::filesystem::path defaultFile();

    [[nodiscard]] std::size_t doneSteps(const std::string& lab) const;
    [[nodiscard]] bool isDone(const std::string& lab, const std::string& step) const;
    void markDone(const std::string& lab, const std::string& step);
    void reset(const std::string& lab);
    /// Writes the file (creating its directory); false when it cannot.
    bool save() const;

private:
    std::filesystem::path m_file;
    std::map<std::string, std::set<std::string>> m_done;
};

}  // namespace docknet::labs
