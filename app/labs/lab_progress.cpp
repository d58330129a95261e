#include "labs/lab_progress.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

namespace docknet::labs {

LabProgress::LabProgress(std::filesystem::path file) : m_file(std::move(file)) {
    std::ifstream in(m_file);
    if (!in) return;
    const auto j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("labs") || !j["labs"].is_object()) return;
    for (const auto& [lab, steps] : j["labs"].items())
        if (steps.is_array())
            for (const auto& s : steps)
                if (s.is_string()) m_done[lab].insert(s.get<std::string>());
}

std::filesystem::path LabProgress::defaultFile() {
    if (const char* p = std::getenv("DOCKNET_PROGRESS"); p && *p) return p;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::filesystem::path(x) / "docknet" / "progress.json";
    if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".config" / "docknet" / "progress.json";
    return "docknet-progress.json";
}

std::size_t LabProgress::doneSteps(const std::string& lab) const {
    const auto it = m_done.find(lab);
    return it == m_done.end() ? 0 : it->second.size();
}

bool LabProgress::isDone(const std::string& lab, const std::string& step) const {
    const auto it = m_done.find(lab);
    return it != m_done.end() && it->second.contains(step);
}

void LabProgress::markDone(const std::string& lab, const std::string& step) { m_done[lab].insert(step); }

void LabProgress::reset(const std::string& lab) { m_done.erase(lab); }

bool LabProgress::save() const {
    nlohmann::json j;
    j["labs"] = nlohmann::json::object();
    for (const auto& [lab, steps] : m_done) j["labs"][lab] = std::vector<std::string>(steps.begin(), steps.end());
    std::error_code ec;
    if (m_file.has_parent_path()) std::filesystem::create_directories(m_file.parent_path(), ec);
    const auto tmp = m_file.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        if (!out) return false;
        out << j.dump(2) << "\n";
        if (!out) return false;
    }
    std::filesystem::rename(tmp, m_file, ec);
    return !ec;
}

}  // namespace docknet::labs
