#!/usr/bin/env bash
# What one parse of LeaseCloud's `order.created` costs, counted by cachegrind: instructions
# and mispredicted branches (cachegrind's simulation of a branch predictor) per parse, over
# 512 different bodies in LeaseCloud's member order (examples/parse_variants.rs), for the
# crate's borrowed view and owned event and for serde_json scanning the same JSON into
# IgnoredAny. Exact counts that repeat from run to run, unlike any timing on a shared machine;
# what they leave out is memory and cache latency. A benchmark, not a test: CI does not run it.
#
#   benches/cachegrind/run.sh            # about a minute after the build
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PARSES=20000 # as in examples/parse_variants.rs

if ! command -v valgrind >/dev/null; then
    sudo=()
    (($(id -u) == 0)) || sudo=(sudo)
    "${sudo[@]}" apt-get install -y valgrind ||
        { "${sudo[@]}" apt-get update && "${sudo[@]}" apt-get install -y valgrind; }
fi

(cd "$root" && cargo build --release -p commerce-webhooks-examples --example parse_variants)
target_dir=$(cd "$root" && cargo metadata --format-version 1 --no-deps |
    grep -o '"target_directory":"[^"]*"' | cut -d'"' -f4)
bin="$target_dir/release/examples/parse_variants"

# Prints the mode's instructions and mispredicted branches (conditional and indirect) in all.
counts() {
    local log
    log=$(valgrind --tool=cachegrind --cache-sim=no --branch-sim=yes \
        --cachegrind-out-file=/dev/null "$bin" "$1" 2>&1) || {
        echo "run.sh: parse_variants $1 failed: $log" >&2
        exit 1
    }
    grep -q "$PARSES of $PARSES parses" <<<"$log" || {
        echo "run.sh: not every parse of $1 succeeded: $log" >&2
        exit 1
    }
    awk '/ I *refs:/ { gsub(",", "", $4); refs = $4 }
         / Mispredicts:/ { gsub(",", "", $3); miss = $3 }
         END { print refs, miss }' <<<"$log"
}

echo "commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(
    git -C "$root" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'),"\
    "$(valgrind --version)"
read -r loop_refs loop_miss <<<"$(counts none)"
printf '\n| parse | instructions | mispredicted | instructions / floor | mispredicted / floor |\n'
echo "|-------|--------------|--------------|----------------------|----------------------|"
for mode in floor view owned; do
    read -r refs miss <<<"$(counts "$mode")"
    echo "$mode $(((refs - loop_refs) / PARSES)) $(((miss - loop_miss) / PARSES))"
done | awk '{
        if (NR == 1) { floor_instr = $2; floor_miss = $3 }
        printf "| %-5s | %12d | %12d | %20.2f | %20.2f |\n", $1, $2, $3, $2 / floor_instr, $3 / floor_miss
    }'
echo
echo "Per parse, the loop's own cost taken off; floor: serde_json into IgnoredAny."
