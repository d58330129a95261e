# shellcheck shell=bash
# Shared set-up for ./run and ./test (sourced, not executed):
#   1. install the Debian packages the build and the tests need (only the missing ones),
#   2. configure the preset's build folder unless already configured: "default" (build/, Debug,
#      with the tests) for ./test, "release" (build-release/, Release) for ./run,
#   3. build (everything, or the targets the caller names); Ninja rebuilds only what changed.
# ./test also configures and builds the "fuzz" preset (build-fuzz/: clang 16, ASan + UBSan, the
# sim's tests and the libFuzzer targets), whose binaries build/'s ctest runs (docknet_build_fuzz).
# Then the caller runs the GUI, the shell or ctest.
#
# Environment:
#   DOCKNET_JOBS  parallel build jobs (default: nproc)
#
# Every message goes to stderr, so ./run's own output stays clean.

DOCKNET_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
DOCKNET_PRESET="default"
DOCKNET_BUILD="$DOCKNET_ROOT/build"

# Debian 12 packages (see /work/shared/docs/toolchain.md, section 1 for why each is there).
DOCKNET_PACKAGES=(
  # compiler and build tools (the preset uses Ninja)
  g++ ninja-build cmake pkg-config git libreadline-dev
  # the fuzz build: clang 16 (clang 14 cannot compile libstdc++ 12's <expected>) and its
  # sanitizer and libFuzzer runtimes
  clang-16 libclang-rt-16-dev
  # Qt 6: Widgets/Gui/Test, Svg, the LinguistTools CMake package and its lupdate/lrelease, Qt's own strings
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libxkbcommon-dev
  # libraries of the simulator and the real-network tools
  libboost-graph-dev libre2-dev catch2 libyaml-cpp-dev nlohmann-json3-dev libcli11-dev
  libnl-3-dev libnl-route-3-dev libnftables-dev libpcap-dev
  # GUI tests under Xvfb, screenshots, Hangul glyphs
  xvfb xauth xdotool imagemagick fonts-nanum
  # pcap validation and network-namespace tests
  tshark iproute2 iputils-ping nftables
)

docknet_say() { printf '[docknet] %s\n' "$*" >&2; }
docknet_die() { printf '[docknet] error: %s\n' "$*" >&2; exit 1; }

# Prints the packages of DOCKNET_PACKAGES that are not installed, one per line.
docknet_missing_packages() {
  local pkg status
  for pkg in "${DOCKNET_PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)"
    [[ "$status" == ii* ]] || printf '%s\n' "$pkg"
  done
}

docknet_install_packages() {
  command -v dpkg-query >/dev/null 2>&1 || docknet_die "dpkg-query not found: this set-up is for Debian 12 (bookworm)"
  local missing
  mapfile -t missing < <(docknet_missing_packages)
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  docknet_say "missing Debian packages: ${missing[*]}"

  local -a as_root=()
  if ((EUID != 0)); then
    if ! command -v sudo >/dev/null 2>&1; then
      docknet_die "not root and sudo is not installed: as root, run
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    fi
    # Without a terminal (CI), sudo must not wait for a password that nobody can type.
    if [[ ! -t 0 ]] && ! sudo -n true 2>/dev/null; then
      docknet_die "not root, and sudo needs a password but there is no terminal to type it: run this once from a terminal, or install as root:
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    fi
    as_root=(sudo)
  fi

  docknet_say "installing them with apt-get (${as_root[*]:-as root})"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update </dev/null >&2 \
    || docknet_die "apt-get update failed"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" </dev/null >&2 \
    || docknet_die "apt-get install failed"
}

# True if the build folder (default: $DOCKNET_BUILD) holds a finished configure of this very source tree.
docknet_is_configured() {
  local build="${1:-$DOCKNET_BUILD}"
  local cache="$build/CMakeCache.txt"
  [[ -f "$cache" ]] || return 1
  grep -qxF "CMAKE_HOME_DIRECTORY:INTERNAL=$DOCKNET_ROOT" "$cache" || return 1
  [[ -f "$build/build.ninja" || -f "$build/Makefile" ]]
}

# docknet_configure [PRESET BUILD_DIR]: default $DOCKNET_PRESET in $DOCKNET_BUILD.
docknet_configure() {
  local preset="${1:-$DOCKNET_PRESET}" build="${2:-$DOCKNET_BUILD}"
  if docknet_is_configured "$build"; then
    return 0
  fi
  if [[ -f "$build/CMakeCache.txt" ]]; then
    # A half-finished configure, or a build folder copied from another checkout: start it over.
    docknet_say "${build#"$DOCKNET_ROOT"/}/ holds a stale or foreign CMake cache: removing the cache and configuring again"
    rm -rf "$build/CMakeCache.txt" "$build/CMakeFiles"
  fi
  docknet_say "configuring ${build#"$DOCKNET_ROOT"/}/ (cmake --preset $preset)"
  (cd "$DOCKNET_ROOT" && cmake --preset "$preset") >&2 || docknet_die "CMake configure failed"
}

# docknet_build [TARGET...]: everything, or only the named targets.
docknet_build() {
  local jobs="${DOCKNET_JOBS:-$(nproc)}"
  local -a targets=()
  (($# > 0)) && targets=(--target "$@")
  docknet_say "building (cmake --build ${DOCKNET_BUILD#"$DOCKNET_ROOT"/} -j$jobs${*:+ --target $*})"
  cmake --build "$DOCKNET_BUILD" -j"$jobs" "${targets[@]}" >&2 || docknet_die "build failed"
}

# The fuzz build (build-fuzz/, preset "fuzz"): the sim's tests under ASan + UBSan and the
# libFuzzer targets of tests/fuzz, all with clang 16. build/'s ctest runs them ("sanitized: ...",
# "fuzz: ..."). DOCKNET_FUZZ_BUILD_DIR in build/'s cache must name the same folder.
docknet_build_fuzz() {
  local build="$DOCKNET_ROOT/build-fuzz" jobs="${DOCKNET_JOBS:-$(nproc)}"
  docknet_configure fuzz "$build"
  docknet_say "building the sanitized tests and fuzzers (cmake --build build-fuzz -j$jobs)"
  cmake --build "$build" -j"$jobs" >&2 || docknet_die "build of build-fuzz/ failed"
}

# docknet_use_preset NAME: which build folder the next steps use ("default" or "release").
docknet_use_preset() {
  DOCKNET_PRESET="$1"
  case "$1" in
    default) DOCKNET_BUILD="$DOCKNET_ROOT/build" ;;
    release) DOCKNET_BUILD="$DOCKNET_ROOT/build-release" ;;
    *) docknet_die "unknown preset $1" ;;
  esac
}

# docknet_setup [TARGET...]
docknet_setup() {
  docknet_install_packages
  docknet_configure
  docknet_build "$@"
}
