// `docker build` for docknet: parse a Dockerfile the way BuildKit's dockerfile frontend does and
// apply it to an image from the ImageCatalog, producing the new image and the output Docker 27
// prints (BuildKit is the default builder since 23.0; without a TTY it prints the "plain"
// progress form).
//
// Parsing: instructions are case-insensitive; `\` continues a line (the newline is removed, as
// BuildKit does, so the step name keeps the spaces); `#` comment lines are dropped, also inside a
// continuation; RUN/CMD/ENTRYPOINT take the JSON (exec) form or the shell form. Supported:
// FROM [--platform=..] IMAGE [AS name], RUN, EXPOSE, CMD, ENTRYPOINT, ENV (k=v and legacy k v),
// WORKDIR, COPY/ADD (--from, --chown, --chmod, --link), LABEL, USER, ARG (global before the first
// FROM, and --build-arg); MAINTAINER, VOLUME, STOPSIGNAL, HEALTHCHECK, SHELL, ONBUILD are
// accepted and mostly ignored. Every FROM starts a stage; the LAST stage (or --target) is the
// image, and only stages it depends on (FROM <stage>, COPY --from) are built — so the tutorial's
// file with `FROM nginx:latest ... FROM mysql:5.7.8 ...` builds only the mysql stage, numbered
// "[stage-1 2/4]".
//
// RUN is interpreted, not executed: `&&`, `||`, `;` chains; apt-get/apt (update, install [-y],
// upgrade, clean, remove), apk (add, update, del), microdnf install; echo, exit, true/false,
// rm/mkdir/... succeed; any other command must be one of the image's tools, else the shell's
// "not found" (exit 127). apt-get install needs the package lists (`apt-get update` first: the
// official images delete them), knows a table of Debian/Ubuntu packages (net-tools -> ifconfig
// arp route netstat; iputils-ping -> ping; iproute2 -> ip ss bridge; curl; wget; dnsutils /
// bind9-dnsutils -> nslookup dig; netcat-openbsd / netcat-traditional -> nc (plain `netcat` is a
// virtual package on bookworm and noble); procps -> ps; ...), and fails on anything else with
// `E: Unable to locate package foo` (exit 100). apt-get on Alpine/busybox: `/bin/sh: apt-get:
// not found` (127); apk on Debian: `/bin/sh: 1: apk: not found` (127).
//
// The transcript is deterministic and plausible: vertex numbering, step names, "CACHED" on an
// identical rebuild, the error blocks and the final `ERROR: failed to solve: ...` line follow
// BuildKit (its solver/errdefs source-snippet code was read for this); the step timings, the
// apt/apk download lines, package versions and sizes are an approximation.
//
// Errors (the last line docker build prints; exit status 1):
//   ERROR: failed to solve: process "/bin/sh -c apt-get install -y foo" did not complete successfully: exit code: 100
//   ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: FRM (did you mean FROM?)
//   ERROR: failed to solve: no build stage in current context            (an instruction before the first FROM)
//   ERROR: failed to solve: dockerfile contains no stages to build       (only ARGs)
//   ERROR: failed to solve: file with no instructions                    (only comments/blank lines)
//   ERROR: failed to solve: the Dockerfile cannot be empty               (0 bytes)
//   ERROR: failed to solve: nosuch: failed to resolve source metadata for docker.io/library/nosuch:latest:
//          pull access denied, repository does not exist or may require authorization: server message:
//          insufficient_scope: authorization failed                    (unknown repository)
//   ERROR: failed to solve: nginx:9.9: failed to resolve source metadata for docker.io/library/nginx:9.9:
//          docker.io/library/nginx:9.9: not found                      (unknown tag)
//   ERROR: invalid tag "Mysql": repository name must be lowercase        (bad -t, before anything runs)
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/docker/image_catalog.hpp"

namespace sim::docker {

struct BuildOptions {
    std::string created = "2024-10-20T10:24:57Z";  // RFC 3339 creation time of the new image
    std::string dockerfileName = "Dockerfile";      // as named by -f (shown in the transcript and error snippets)
    std::map<std::string, std::string> buildArgs;   // --build-arg NAME=value
    std::string target;                             // --target (empty: the last stage)
    /// Files in the build context (paths relative to it). nullopt: every COPY/ADD source exists.
    /// Otherwise a missing source fails like BuildKit: `failed to compute cache key: failed to
    /// calculate checksum of ref <id>::<id>: "/app.py": not found`.
    std::optional<std::set<std::string>> contextFiles;
};

struct BuildResult {
    ImageConfig image;                    // the new image (repository/tag from -t; "<none>" without)
    std::string transcript;               // everything docker build prints (BuildKit writes it to stderr)
    std::vector<std::string> cacheKeys;   // the steps now in the build cache (ImageCatalog::rememberBuildSteps)
    std::vector<std::string> warnings;    // build-check warnings, e.g. "JSONArgsRecommended: ... (line 5)"
};

/// Builds the Dockerfile text against the images in `catalog` without changing it. On failure
/// the Error's message is the complete output docker build prints (the progress up to the
/// failure, the error block, and the final "ERROR: ..." line), so a caller can print it as is;
/// lastLine(error.message) is the one-line reason. Error codes: InvalidArgument (parse errors,
/// bad tag), NotFound (unknown base image, missing COPY source), Conflict (a RUN failed).
core::Result<BuildResult> buildImage(const ImageCatalog& catalog, std::string_view dockerfileText, std::string tag,
                                     const BuildOptions& options = {});

/// buildImage, then on success stores the image in the catalog (ImageCatalog::add, which
/// leaves a replaced tag dangling) and records its steps in the build cache, so the next
/// identical build prints "CACHED" and yields the same image ID. What `docker build` should call.
core::Result<BuildResult> buildAndStore(ImageCatalog& catalog, std::string_view dockerfileText, std::string tag,
                                        const BuildOptions& options = {});

/// The last non-empty line of a multi-line message ("ERROR: failed to solve: ...").
std::string_view lastLine(std::string_view text);

/// BuildKit's "did you mean" search (util/suggest): the instruction name within Levenshtein
/// distance 2 of `word`, in the case of `word` ("FRM" -> "FROM", "frm" -> "from"); empty if none.
std::string suggestInstruction(std::string_view word);

}  // namespace sim::docker
