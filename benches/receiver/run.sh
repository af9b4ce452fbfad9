#!/usr/bin/env bash
# End-to-end load benchmark of the axum receiver path: wrk POSTs signed LeaseCloud webhooks to
# examples/receiver_load.rs, whose routes do the same HTTP work and differ only in what they
# check (nothing, the signature, the signature and the parse). Prints, per body size, each
# route's best requests/s and latency, and its requests/s as a ratio of the bare route's in the
# same run. A benchmark, not a test: CI does not run it.
#
#   benches/receiver/run.sh                      # RUNS=3 DURATION=10: about 6 minutes
#                                                # (more when disturbed rounds are run again)
#   RUNS=5 DURATION=20 benches/receiver/run.sh
#   ROUTES="/bare /view" benches/receiver/run.sh   # some of the example's routes
#   ROUTES="/bare /view /guarded /guarded-redis" SIZES=1k benches/receiver/run.sh
#                                                # with the duplicate guard, in memory and on
#                                                # Redis (a redis-server started on CPU 1)
#   FEATURES="axum tracing" ROUTES="/bare /verified /view /guarded /unknown" \
#       benches/receiver/run.sh                  # the crate's spans on, a subscriber that
#                                                # keeps them and writes nothing
#
# A /guarded route gets a new delivery with every request: wrk sends 20,000 bodies, each its
# own event id, in turn (the server forgets a handled id after 1 ms).
#
# Needs 2 CPUs: the server runs on CPU 0 (one tokio thread), wrk on CPU 1, so neither steals
# the other's core. Run nothing heavy beside it.
set -euo pipefail

RUNS=${RUNS:-3}              # the whole set is repeated; the best run counts
DURATION=${DURATION:-10}     # seconds each route is measured in a run
SLICE=${SLICE:-2}            # seconds of each wrk run: the routes take turns at this pace
WARMUP=${WARMUP:-2}          # seconds of each route's warm-up (a fresh server each run)
CONNECTIONS=${CONNECTIONS:-64}
SIZES=${SIZES:-"1k 64k"}     # the bodies `receiver_load sign` knows
# The routes, in the order each run drives them. Another route of the example is appended here.
ROUTES=${ROUTES:-"/bare /signature /verified /view"}
FEATURES=${FEATURES:-axum}   # the example's features: "axum tracing" for the crate's spans
MANY=20000                   # the deliveries a /guarded route takes in turn
BASELINE=/bare               # the ratio's denominator: axum alone, nothing checked

# A round (a slice of every route) during which other processes or the hypervisor kept more
# than OTHERS_MAX CPUs busy measured the machine, not the routes: it is measured again, up to
# RETRIES times a run.
OTHERS_MAX=${OTHERS_MAX:-0.25}
RETRIES=${RETRIES:-2}
SERVER_CPU=0
CLIENT_CPU=1

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

die() {
    echo "run.sh: $*" >&2
    exit 1
}

[[ " $ROUTES " == *" $BASELINE "* ]] || die "ROUTES must include $BASELINE: the ratios are to it"
(($(nproc) >= 2)) || die "needs 2 CPUs (the server and wrk each pinned to one)"

# --- Tools ---------------------------------------------------------------------------------
missing=()
for tool in wrk curl; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
    sudo=()
    (($(id -u) == 0)) || sudo=(sudo)
    # A fresh machine may have no package lists yet: update only when the install fails.
    "${sudo[@]}" apt-get install -y "${missing[@]}" ||
        { "${sudo[@]}" apt-get update && "${sudo[@]}" apt-get install -y "${missing[@]}"; }
fi

(cd "$root" && cargo build --release -p commerce-webhooks-examples --example receiver_load \
    --features "$FEATURES")
target_dir=$(cd "$root" && cargo metadata --format-version 1 --no-deps |
    grep -o '"target_directory":"[^"]*"' | cut -d'"' -f4)
bin="$target_dir/release/examples/receiver_load"
[[ -x $bin ]] || die "$bin was not built"

# --- Clean-up: whatever happens, the server started last is stopped -------------------------
work=$(mktemp -d)
server_pid=""
stop_server() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
trap 'stop_server; rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# wrk's script: POST the body with the signed headers (files named after `--` on wrk's line,
# rewritten before each run), and report wrk's own counters in one line for this script to
# read. No response() hook: it would make wrk (the client) parse every response in Lua.
cat >"$work/post.lua" <<'LUA'
local function slurp(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

function init(args)
  wrk.method = "POST"
  wrk.body = slurp(args[1])
  wrk.headers["Content-Type"] = "application/json"
  for line in io.lines(args[2]) do
    local name, value = line:match("^([^:]+):%s*(.-)%s*$")
    if name then wrk.headers[name] = value end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d status=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout))
end
LUA

# A /guarded route's script: each request the next of MANY deliveries (a signature, a tab and
# the body a line, in the file named after `--`), so that every request is a new delivery.
cat >"$work/many.lua" <<'LUA'
local requests = {}
local next_one = 0

function init(args)
  local headers = { ["Content-Type"] = "application/json", ["LeaseCloud-Version"] = "1.0.0" }
  for line in io.lines(args[1]) do
    local signature, body = line:match("^([^\t]*)\t(.*)$")
    headers["LeaseCloud-Signature"] = signature
    requests[#requests + 1] = wrk.format("POST", nil, headers, body)
  end
end

function request()
  next_one = next_one % #requests + 1
  return requests[next_one]
end
LUA
sed -n '/^function done/,/^end/p' "$work/post.lua" >>"$work/many.lua"

# With a /guarded-redis route, a redis-server on a free port, persistence off, on wrk's CPU.
redis_pid=""
if [[ " $ROUTES " == *" /guarded-redis "* ]]; then
    command -v redis-server >/dev/null || "$root/scripts/install-test-deps.sh"
    redis_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    taskset -c "$CLIENT_CPU" redis-server --port "$redis_port" --bind 127.0.0.1 --save "" \
        --appendonly no >"$work/redis.log" 2>&1 &
    redis_pid=$!
    export REDIS_URL="redis://127.0.0.1:$redis_port/"
    for _ in $(seq 100); do
        redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
        sleep 0.05
    done
fi
stop_redis() { [[ -z $redis_pid ]] || kill "$redis_pid" 2>/dev/null || true; }
trap 'stop_server; stop_redis; rm -rf "$work"' EXIT

# Starts the server on a free port of 127.0.0.1 (it binds port 0 and prints the port it got)
# and waits for its line; the route check below then waits for its answer.
start_server() {
    taskset -c "$SERVER_CPU" "$bin" serve 0 >"$work/server.log" 2>&1 &
    server_pid=$!
    port=""
    for _ in $(seq 200); do
        port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$work/server.log")
        [[ -n $port ]] && return
        kill -0 "$server_pid" 2>/dev/null || die "the server stopped: $(cat "$work/server.log")"
        sleep 0.05
    done
    die "the server did not start: $(cat "$work/server.log")"
}

# A fresh body and LeaseCloud-Signature: the server refuses a timestamp more than 300 s off.
sign() {
    "$bin" sign "$1" "$work/body.json" >"$work/headers.txt"
}

# One request by curl before wrk: exactly 200, and the same acknowledgement on every route.
# (wrk counts only statuses of 400 and above as errors, though its line says "Non-2xx or 3xx".)
expected_answer=""
check_route() {
    local route=$1 status answer
    local curl_args=(-sS -o "$work/answer" -w '%{http_code}' -X POST
        -H 'Content-Type: application/json' --data-binary "@$work/body.json")
    while IFS= read -r header; do curl_args+=(-H "$header"); done <"$work/headers.txt"
    for _ in $(seq 50); do
        status=$(curl "${curl_args[@]}" "http://127.0.0.1:$port$route" 2>/dev/null) && break
        sleep 0.05
    done
    [[ $status == 200 ]] || die "$route answered $status: $(cat "$work/answer")"
    answer=$(cat "$work/answer")
    [[ -n $expected_answer ]] || expected_answer=$answer
    [[ $answer == "$expected_answer" ]] ||
        die "$route answered $answer, not $expected_answer like the other routes"
}

# Drives the route for $2 seconds; leaves wrk's counters in $result. Fails on any error
# status, socket error or timeout.
result=""
drive() {
    local route=$1 seconds=$2 out="$work/wrk.out"
    sign "$size"
    local script=(-s "$work/post.lua") files=("$work/body.json" "$work/headers.txt")
    if [[ $route == /guarded* ]]; then
        "$bin" sign-many "$MANY" "$size" "$work/many.txt"
        script=(-s "$work/many.lua")
        files=("$work/many.txt")
    fi
    taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --latency \
        "${script[@]}" "http://127.0.0.1:$port$route" -- "${files[@]}" >"$out" 2>&1 ||
        die "wrk failed on $route: $(cat "$out")"
    result=$(grep '^RESULT ' "$out") || die "no RESULT line from wrk on $route: $(cat "$out")"
    if grep -qE 'Non-2xx or 3xx responses|Socket errors' "$out" ||
        [[ $result != *" status=0 connect=0 read=0 write=0 timeout=0" ]] ||
        [[ $result == *" requests=0 "* ]]; then
        die "$size $route: wrk saw failed requests:"$'\n'"$(cat "$out")"
    fi
}

field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$result"; }

# The CPUs' use during a run, as the number of CPUs kept busy: the server's (below 1, it
# waited for wrk: the client, not the server, set the pace) and others' (the machine may be
# shared, and a build beside the benchmark takes a core from the server or from wrk). From
# /proc/stat (all busy ticks, interrupts and the hypervisor's steal included), less the ticks
# of the server and of this shell's finished children (wrk), from /proc/PID/stat. `ticks`
# prints: all ticks elapsed, others' busy ticks, the server's ticks.
ticks() {
    local server children
    server=$(awk '{ print $14 + $15 }' "/proc/$server_pid/stat")
    children=$(awk '{ print $16 + $17 }' "/proc/$$/stat")
    awk -v server="$server" -v children="$children" '/^cpu / {
        busy = $2 + $3 + $4 + $7 + $8 + $9
        print busy + $5 + $6, busy - server - children, server
        exit
    }' /proc/stat
}
cpu_use() { # before after: prints the server's CPUs and others' CPUs
    awk -v a="$1" -v b="$2" -v cpus="$(nproc)" 'BEGIN {
        split(a, x, " "); split(b, y, " "); per_cpu = (y[1] - x[1]) / cpus
        printf "%.2f %.2f", (y[3] - x[3]) / per_cpu, (y[2] - x[2]) / per_cpu
    }'
}

median() { # "numbers separated by blanks": prints their median
    tr ' ' '\n' <<<"$1" | sort -n | awk 'NF { v[++n] = $1 } END { print (v[int((n + 1) / 2)] + v[int(n / 2) + 1]) / 2 }'
}

# --- The runs ---------------------------------------------------------------------------------
# In each run, one server takes every route in turn, SLICE seconds at a time, until each has
# had DURATION seconds: a slow spell of the machine (on this VM the host's load moves the
# bare route's cost by half within minutes) then falls on every route alike instead of on
# whichever ran during it. The order rotates from one round to the next (A B, B A, A B, ...),
# so no route always runs first or after the same neighbour.
echo "commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(
    git -C "$root" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'),"\
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) CPUs"
echo "RUNS=$RUNS DURATION=${DURATION}s in slices of ${SLICE}s WARMUP=${WARMUP}s," \
    "wrk -t1 -c$CONNECTIONS on CPU $CLIENT_CPU, server (1 tokio thread) on CPU $SERVER_CPU"
for size in $SIZES; do
    "$bin" sign "$size" "$work/body.json" >/dev/null
    echo "body $size: $(wc -c <"$work/body.json") bytes"
done
echo

read -r -a route_list <<<"$ROUTES"
route_count=${#route_list[@]}
rounds=$(((DURATION + SLICE - 1) / SLICE))
results="$work/results"
: >"$results"
repeated=0
for run in $(seq "$RUNS"); do
    for size in $SIZES; do
        start_server
        sign "$size"
        for route in "${route_list[@]}"; do
            check_route "$route"
            drive "$route" "$WARMUP"
        done
        # Per route: requests, wrk's microseconds, the server's and others' CPU use summed over
        # the slices (each weighted by its length), and each slice's p50 and p99.
        declare -A requests=() micros=() server_sum=() others_sum=() others_max=() p50s=() p99s=()
        round=0
        discarded=0
        while ((round < rounds)); do
            round_lines=()
            disturbed=0
            for ((i = 0; i < route_count; i++)); do
                route=${route_list[(i + round) % route_count]}
                before=$(ticks)
                drive "$route" "$SLICE"
                read -r server_cpu others_cpu <<<"$(cpu_use "$before" "$(ticks)")"
                round_lines+=("$route $(field requests) $(field duration_us) $(field p50_us) $(
                    field p99_us) $server_cpu $others_cpu")
                disturbed=$(awk -v others="$others_cpu" -v max="$OTHERS_MAX" -v d="$disturbed" \
                    'BEGIN { print (d || others > max) ? 1 : 0 }')
            done
            # A round during which other processes kept more than OTHERS_MAX CPUs busy is
            # measured again (up to RETRIES times a run): it measured the host as much as
            # the routes.
            if ((disturbed && discarded < RETRIES)); then
                discarded=$((discarded + 1))
                repeated=$((repeated + 1))
                echo "run $run/$RUNS  $size  round $((round + 1)): disturbed, measured again"
                continue
            fi
            for line in "${round_lines[@]}"; do
                read -r route n us p50 p99 server_cpu others_cpu <<<"$line"
                requests[$route]=$((${requests[$route]:-0} + n))
                micros[$route]=$((${micros[$route]:-0} + us))
                server_sum[$route]=$(awk -v a="${server_sum[$route]:-0}" -v b="$server_cpu" \
                    -v us="$us" 'BEGIN { print a + b * us }')
                others_sum[$route]=$(awk -v a="${others_sum[$route]:-0}" -v b="$others_cpu" \
                    -v us="$us" 'BEGIN { print a + b * us }')
                others_max[$route]=$(awk -v a="${others_max[$route]:-0}" -v b="$others_cpu" \
                    'BEGIN { print (b > a) ? b : a }')
                p50s[$route]+="$p50 "
                p99s[$route]+="$p99 "
            done
            round=$((round + 1))
        done
        stop_server
        for route in "${route_list[@]}"; do
            n=${requests[$route]}
            us=${micros[$route]}
            read -r rps server_cpu others_cpu cost <<<"$(awk -v n="$n" -v us="$us" \
                -v server="${server_sum[$route]}" -v others="${others_sum[$route]}" 'BEGIN {
                    # The server busy server_cpu of the time for us microseconds in all: its
                    # CPU time per request, its cost even where wrk set the pace.
                    printf "%.0f %.2f %.2f %.1f", n / (us / 1e6), server / us, others / us,
                        server / n
                }')"
            p50=$(median "${p50s[$route]}")
            p99=$(median "${p99s[$route]}")
            printf 'run %d/%d  %-4s %-11s %7s req/s  p50 %6s us  p99 %6s us  server %s CPU,' \
                "$run" "$RUNS" "$size" "$route" "$rps" "$p50" "$p99" "$server_cpu"
            printf ' %6s us/req  others %s CPU (max %s)\n' "$cost" "$others_cpu" \
                "${others_max[$route]}"
            echo "$size $route $run $rps $p50 $p99 $server_cpu ${others_max[$route]} $cost" \
                >>"$results"
        done
        unset requests micros server_sum others_sum others_max p50s p99s
    done
done

# --- The tables ------------------------------------------------------------------------------
for size in $SIZES; do
    echo
    echo "body $size, best of $RUNS runs of ${DURATION}s"
    awk -v size="$size" -v routes="$ROUTES" -v base="$BASELINE" '
        $1 == size {
            rps[$2, $3] = $4; p50[$2, $3] = $5; p99[$2, $3] = $6; server[$2, $3] = $7
            others[$2, $3] = $8; cost[$2, $3] = $9; runs[$3] = 1
        }
        END {
            printf "| %-11s | %7s | %6s | %6s | %6s | %6s | %-9s | %10s | %11s | %10s |\n",
                "route", "req/s", "p50 ms", "p99 ms", "/ bare", "median", "range", "server CPU",
                "server us/r", "others max"
            print "|-------------|---------|--------|--------|--------|--------|-----------|------------|-------------|------------|"
            n = split(routes, list, " ")
            for (run in runs) if (rps[base, run] > base_best) base_best = rps[base, run]
            for (i = 1; i <= n; i++) {
                route = list[i]; best = ""; busy = 0; count = 0
                for (run in runs) {
                    if (best == "" || rps[route, run] > rps[route, best]) best = run
                    # An insertion sort of the ratios of the runs, for the range and the median.
                    ratio = rps[route, run] / rps[base, run]
                    for (j = ++count; j > 1 && ratios[j - 1] > ratio; j--) ratios[j] = ratios[j - 1]
                    ratios[j] = ratio
                    if (others[route, run] > busy) busy = others[route, run]
                }
                median = (ratios[int((count + 1) / 2)] + ratios[int(count / 2) + 1]) / 2
                printf "| %-11s | %7d | %6.2f | %6.2f | %6.2f | %6.2f | %.2f-%.2f | %10.2f | %11.1f | %10.2f |\n",
                    route, rps[route, best], p50[route, best] / 1000, p99[route, best] / 1000,
                    rps[route, best] / base_best, median, ratios[1], ratios[count],
                    server[route, best], cost[route, best], busy
            }
        }' "$results"
done
cat <<EOF

$repeated disturbed rounds were measured again (others above $OTHERS_MAX CPUs; RETRIES=$RETRIES a run).
req/s: the route's best run (all its slices together); p50 and p99: the median of that run's
slices'; server CPU and us/r: that run's. / bare: the route's best req/s over $BASELINE's best;
median and range: the median, lowest and highest ratio of one run's req/s to $BASELINE's in
the same run, the routes having taken turns in it.
server CPU: below about 0.95 the server waited (for wrk, or for the hypervisor, whose steal
counts among the others); server us/r (its CPU time per request, tick-sampled) still
compares the routes then.
others max: the most CPUs that other processes, the kernel's network work outside the
server's time, or the hypervisor took during one slice of the route (about +-0.1 from the
sampling); above OTHERS_MAX after every retry, that run's figures are suspect.
EOF
