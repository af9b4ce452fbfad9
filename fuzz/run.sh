#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), installing cargo-fuzz if missing.
# Needs the nightly toolchain (cargo-fuzz builds with sanitizers). New inputs that widen
# coverage are added to fuzz/corpus/<target>/; crashes land in fuzz/artifacts/<target>/.
#   fuzz/run.sh 600        # ten minutes per target
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

failed=()
for target in $(cargo fuzz list); do
  echo "== $target (${seconds}s)"
  mkdir -p "corpus/$target"
  if ! cargo +nightly fuzz run "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10; then
    failed+=("$target")
  fi
done

if ((${#failed[@]})); then
  echo "targets that failed: ${failed[*]}" >&2
  exit 1
fi
echo "all targets ran ${seconds}s without a failure"
