// `docker build`: the stages of a parsed Dockerfile, the instructions applied to their images (RUN
// through run_interpreter.cpp), and the exported image. See dockerfile.hpp for what is modelled
// and what is approximate, dockerfile_internal.hpp for the files that do the parts.
#include "sim/docker/dockerfile.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <variant>

#include "sim/docker/dockerfile_internal.hpp"

namespace sim::docker {

using namespace detail;

namespace {

// ===========================================================================================
// Build
// ===========================================================================================

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
