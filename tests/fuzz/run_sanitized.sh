#!/bin/sh
# run_sanitized.sh BINARY: one sanitized Catch2 test binary of the fuzz build, all its tests.
# ./test builds it (build-fuzz/); running ctest alone on a build/ without it says so.
set -eu
bin="$1"
if [ ! -x "$bin" ]; then
  echo "$bin is missing: ./test builds the fuzz build (cmake --preset fuzz && cmake --build build-fuzz)" >&2
  exit 1
fi
exec "$bin" --order decl
