#!/bin/sh
# run_fuzzer.sh BINARY FUZZ_DIR NAME RUNS_DIR SECONDS
# A bounded libFuzzer run: first every input of FUZZ_DIR/regressions/NAME (inputs that once
# crashed or hung) and FUZZ_DIR/corpus/NAME (the checked-in seeds), then SECONDS of mutation
# (DOCKNET_FUZZ_SECONDS in the environment overrides it). New inputs go to a fresh folder under
# RUNS_DIR, never into the checked-in corpus; FUZZ_DIR/dict/NAME.dict, if there, is its dictionary; a crash leaves its input in RUNS_DIR/NAME-artifacts/.
set -eu
bin="$1" fuzz_dir="$2" name="$3" runs_dir="$4" seconds="${DOCKNET_FUZZ_SECONDS:-$5}"
if [ ! -x "$bin" ]; then
  echo "$bin is missing: ./test builds the fuzz build (cmake --preset fuzz && cmake --build build-fuzz)" >&2
  exit 1
fi
mkdir -p "$runs_dir/$name-artifacts"
work="$(mktemp -d "$runs_dir/$name-corpus.XXXXXX")"
trap 'rm -rf "$work"' EXIT
set -- "$work"
for dir in "$fuzz_dir/regressions/$name" "$fuzz_dir/corpus/$name"; do
  if [ -d "$dir" ]; then set -- "$@" "$dir"; fi
done
if [ -f "$fuzz_dir/dict/$name.dict" ]; then set -- -dict="$fuzz_dir/dict/$name.dict" "$@"; fi
# A fixed seed: every run tries the same sequence of inputs (how far it gets in SECONDS depends
# on the machine), so a failure here shows up again on the next run (DOCKNET_FUZZ_SEED=0 lets
# libFuzzer pick a seed).
"$bin" -seed="${DOCKNET_FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=4096 -print_final_stats=1 -artifact_prefix="$runs_dir/$name-artifacts/" "$@" 2>&1
