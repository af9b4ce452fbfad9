#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), JOBS at a time (default 1),
# installing cargo-fuzz if missing. Needs the nightly toolchain (cargo-fuzz builds with
# sanitizers). New inputs that widen coverage are added to fuzz/corpus/<target>/; crashes
# land in fuzz/artifacts/<target>/ and logs in fuzz/logs/<target>.log.
#   fuzz/run.sh 600 2       # ten minutes per target, two at a time
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
jobs="${2:-1}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
cargo +nightly fuzz build
mkdir -p logs

run_one() {
  target="$1"
  mkdir -p "corpus/$target"
  if cargo +nightly fuzz run "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
      >"logs/$target.log" 2>&1; then
    echo "ok     $target ($(grep -Eo 'Done [0-9]+ runs' "logs/$target.log" | tail -1))"
  else
    echo "FAILED $target: see fuzz/logs/$target.log"
    return 1
  fi
}
export -f run_one
export seconds

cargo fuzz list | xargs -P "$jobs" -I{} bash -c 'run_one {}'
