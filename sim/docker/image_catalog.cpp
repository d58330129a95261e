// ImageCatalog's lookup (by reference or ID), built images and pulls; image references, fake IDs, sizes.
#include "sim/docker/image_catalog.hpp"

#include "sim/docker/image_catalog_internal.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace sim::docker {

namespace {

using core::ErrorCode;
using core::fail;

// ---- Deterministic hashing --------------------------------------------------------------

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

bool isHex(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string familiarName(const ImageConfig& i) { return i.repository + ":" + i.tag; }

std::string pulledKey(std::string_view ref) {
    auto r = parseImageReference(ref);
    return r ? r->familiar() : std::string(ref);
}

}  // namespace

// ---- Free functions -------------------------------------------------------------------------

std::string_view toString(Userland u) {
    switch (u) {
    case Userland::Debian: return "debian";
    case Userland::Ubuntu: return "ubuntu";
    case Userland::Alpine: return "alpine";
    case Userland::Busybox: return "busybox";
    }
    return "debian";
}

std::string_view toString(Service s) {
    switch (s) {
    case Service::None: return "none";
    case Service::Nginx: return "nginx";
    case Service::Httpd: return "httpd";
    case Service::Mysql: return "mysql";
    case Service::Postgres: return "postgres";
    case Service::Redis: return "redis";
    }
    return "none";
}

std::string digestHex(std::string_view key) {
    std::uint64_t state = fnv1a(key);
    std::string out;
    out.reserve(64);
    static constexpr char kHex[] = "0123456789abcdef";
    for (int w = 0; w < 4; ++w) {
        std::uint64_t v = splitmix(state);
        for (int i = 0; i < 16; ++i) {
            out.push_back(kHex[v >> 60]);
            v <<= 4;
        }
    }
    return out;
}

std::string humanSize(double size) {
    static constexpr const char* kUnits[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    int i = 0;
    while (size >= 1000.0 && i < 8) {
        size /= 1000.0;
        ++i;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g%s", size, kUnits[i]);
    return buf;
}

std::string ImageConfig::reference() const { return repository + ":" + tag; }

std::string ImageConfig::shortId() const {
    const std::string_view hex = std::string_view(id).starts_with("sha256:") ? std::string_view(id).substr(7) : id;
    return std::string(hex.substr(0, 12));
}

std::optional<std::string> ImageConfig::envValue(std::string_view name) const {
    for (const auto& e : env)
        if (e.size() > name.size() && e.compare(0, name.size(), name) == 0 && e[name.size()] == '=')
            return e.substr(name.size() + 1);
    return std::nullopt;
}

std::string ImageRef::familiar() const {
    if (!digest.empty()) return repository + "@" + digest;
    return repository + ":" + tag;
}

std::string ImageRef::full() const {
    const std::string path = repository.find('/') == std::string::npos ? "library/" + repository : repository;
    return "docker.io/" + path + (digest.empty() ? ":" + tag : "@" + digest);
}

core::Result<ImageRef> parseImageReference(std::string_view reference) {
    std::string s(reference);
    if (s.empty()) return fail(ErrorCode::InvalidArgument, "invalid reference format");
    ImageRef r;
    if (const auto at = s.find('@'); at != std::string::npos) {
        r.digest = s.substr(at + 1);
        s = s.substr(0, at);
        if (!r.digest.starts_with("sha256:") || !isHex(std::string_view(r.digest).substr(7)))
            return fail(ErrorCode::InvalidArgument, "invalid reference format");
    }
    const auto lastSlash = s.rfind('/');
    const auto colon = s.rfind(':');
    if (colon != std::string::npos && (lastSlash == std::string::npos || colon > lastSlash)) {
        r.tag = s.substr(colon + 1);
        r.tagGiven = true;
        s = s.substr(0, colon);
        if (r.tag.empty()) return fail(ErrorCode::InvalidArgument, "invalid reference format");
        for (char c : r.tag)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-'))
                return fail(ErrorCode::InvalidArgument, "invalid reference format");
    }
    // Registry: only Docker Hub is modelled.
    for (std::string_view host : {"docker.io/", "index.docker.io/", "registry-1.docker.io/"})
        if (s.starts_with(host)) {
            s = s.substr(host.size());
            break;
        }
    if (s.starts_with("library/") && s.find('/', 8) == std::string::npos) s = s.substr(8);
    if (s.empty()) return fail(ErrorCode::InvalidArgument, "invalid reference format");
    for (char c : s) {
        if (std::isupper(static_cast<unsigned char>(c))) {
            const std::string path = s.find('/') == std::string::npos ? "library/" + s : s;
            return fail(ErrorCode::InvalidArgument,
                        "invalid reference format: repository name (" + path + ") must be lowercase");
        }
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '/' ||
              c == '.' || c == '_' || c == '-'))
            return fail(ErrorCode::InvalidArgument, "invalid reference format");
    }
    if (s.front() == '/' || s.back() == '/' || s.front() == '-' || s.front() == '.' || s.front() == '_')
        return fail(ErrorCode::InvalidArgument, "invalid reference format");
    r.repository = s;
    if (!r.tagGiven && r.digest.empty()) r.tag = "latest";
    return r;
}

// ---- ImageCatalog -------------------------------------------------------------------------

ImageCatalog::ImageCatalog() {
    for (auto& i : catalog_detail::builtinImages()) addBuiltin(std::move(i));
}

void ImageCatalog::addBuiltin(ImageConfig image) {
    m_entries.push_back(Entry{std::make_unique<ImageConfig>(std::move(image)), m_nextSeq++});
}

const ImageCatalog::Entry* ImageCatalog::findEntry(std::string_view reference) const {
    if (auto ref = parseImageReference(reference)) {
        for (const auto& e : m_entries) {
            const ImageConfig& i = *e.image;
            if (i.repository != ref->repository) continue;
            if (!ref->digest.empty() ? i.repoDigest == ref->digest : i.tag == ref->tag) return &e;
        }
    }
    // An image ID: "sha256:<hex>", or bare hex (full or a unique prefix of >= 4 digits).
    std::string_view hex = reference;
    if (hex.starts_with("sha256:")) hex.remove_prefix(7);
    if (hex.size() < 4 || hex.size() > 64 || !isHex(hex)) return nullptr;
    const Entry* found = nullptr;
    for (const auto& e : m_entries) {
        if (!std::string_view(e.image->id).substr(7).starts_with(hex)) continue;
        if (found && found->image->id != e.image->id) return nullptr;  // ambiguous prefix
        if (!found) found = &e;
    }
    return found;
}

const ImageConfig* ImageCatalog::find(std::string_view reference) const {
    const Entry* e = findEntry(reference);
    return e ? e->image.get() : nullptr;
}

const ImageConfig& ImageCatalog::add(ImageConfig image) {
    image.builtLocally = true;
    for (auto& e : m_entries) {
        ImageConfig& old = *e.image;
        if (old.isDangling() || old.repository != image.repository || old.tag != image.tag) continue;
        if (old.id == image.id) return old;  // identical rebuild: nothing changes
        old.repository = "<none>";
        old.tag = "<none>";
        old.builtLocally = old.builtLocally || m_pulled.contains(familiarName(image));  // it stays local
    }
    // A tag-less build (`docker build .` without -t) is dangling from the start.
    if (image.repository.empty()) image.repository = image.tag = "<none>";
    m_entries.push_back(Entry{std::make_unique<ImageConfig>(std::move(image)), m_nextSeq++});
    return *m_entries.back().image;
}

std::vector<const ImageConfig*> ImageCatalog::list() const {
    std::vector<const Entry*> local;
    for (const auto& e : m_entries)
        if (e.image->builtLocally || m_pulled.contains(familiarName(*e.image))) local.push_back(&e);
    std::stable_sort(local.begin(), local.end(), [](const Entry* a, const Entry* b) {
        if (a->image->created != b->image->created) return a->image->created > b->image->created;
        return a->seq > b->seq;
    });
    std::vector<const ImageConfig*> out;
    for (const Entry* e : local) out.push_back(e->image.get());
    return out;
}

std::vector<const ImageConfig*> ImageCatalog::all() const {
    std::vector<const ImageConfig*> out;
    for (const auto& e : m_entries) out.push_back(e.image.get());
    return out;
}

bool ImageCatalog::knowsRepository(std::string_view repository) const {
    auto ref = parseImageReference(repository);
    const std::string repo = ref ? ref->repository : std::string(repository);
    return std::any_of(m_entries.begin(), m_entries.end(), [&](const Entry& e) { return e.image->repository == repo; });
}

bool ImageCatalog::isPulled(std::string_view ref) const {
    const ImageConfig* i = find(ref);
    if (!i) return false;
    return i->builtLocally || m_pulled.contains(familiarName(*i));
}

void ImageCatalog::markPulled(std::string_view ref) {
    if (const ImageConfig* i = find(ref)) m_pulled.insert(familiarName(*i));
    else m_pulled.insert(pulledKey(ref));
}

namespace {

std::string pullBody(const ImageConfig& i, bool upToDate) {
    const std::string path = i.repository.find('/') == std::string::npos ? "library/" + i.repository : i.repository;
    std::string out = i.tag + ": Pulling from " + path + "\n";
    if (!upToDate)
        for (const auto& layer : i.layers) out += layer.substr(0, 12) + ": Pull complete\n";
    out += "Digest: " + i.repoDigest + "\n";
    out += upToDate ? "Status: Image is up to date for " + familiarName(i) + "\n"
                    : "Status: Downloaded newer image for " + familiarName(i) + "\n";
    return out;
}

}  // namespace

std::string ImageCatalog::pullTranscript(std::string_view ref) const {
    auto parsed = parseImageReference(ref);
    const ImageConfig* i = find(ref);
    if (!parsed || !i || i->builtLocally) return {};
    std::string out;
    if (!parsed->tagGiven && parsed->digest.empty()) out += "Using default tag: latest\n";
    out += pullBody(*i, isPulled(ref));
    out += ImageRef{i->repository, i->tag, "", true}.full() + "\n";
    return out;
}

std::string ImageCatalog::runPullTranscript(std::string_view ref) const {
    auto parsed = parseImageReference(ref);
    const ImageConfig* i = find(ref);
    if (!parsed || !i) return {};
    return "Unable to find image '" + parsed->familiar() + "' locally\n" + pullBody(*i, false);
}

std::string ImageCatalog::alwaysPullTranscript(std::string_view ref) const {
    const ImageConfig* i = find(ref);
    if (!i || i->builtLocally) return {};
    return pullBody(*i, isPulled(ref));
}

core::Result<std::string> ImageCatalog::pull(std::string_view ref) {
    auto parsed = parseImageReference(ref);
    if (!parsed) return std::unexpected(parsed.error());
    const ImageConfig* i = find(ref);
    if (!i) {
        if (knowsRepository(parsed->repository))
            return fail(ErrorCode::NotFound, "manifest for " + parsed->familiar() + " not found: manifest unknown: manifest unknown");
        return fail(ErrorCode::NotFound, "pull access denied for " + parsed->repository +
                                             ", repository does not exist or may require 'docker login': denied: "
                                             "requested access to the resource is denied");
    }
    if (i->builtLocally)  // a local-only image: Docker Hub has no such repository
        return fail(ErrorCode::NotFound, "pull access denied for " + parsed->repository +
                                             ", repository does not exist or may require 'docker login': denied: "
                                             "requested access to the resource is denied");
    std::string out = pullTranscript(ref);
    markPulled(ref);
    return out;
}

}  // namespace sim::docker
