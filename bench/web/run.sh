#!/usr/bin/env bash
# Load test of `kiriwake serve` with wrk against real servers on loopback with a SQLite store.
# Usage: bench/web/run.sh [DURATION_SECONDS] [TOTAL_SESSIONS]   (defaults 10 and 100000)
#   BASELINE=DIR   a kiriwake build folder (holding kiriwake.dll) to compare against, measured in the same run,
#                  alternating with this tree's build (e.g. DIR from `git worktree add` of an older commit + build)
#   BASELINE_COMMIT=REV  the same, built here from a commit of this repository (a temporary git worktree, removed
#                  at the end), e.g. BASELINE_COMMIT=8e20921 (main before issue 10's second round of measurements)
#   ROUNDS=N       how many times each build is measured, alternating (default 2)
#   MEMORY=0       skip the memory part (quick comparisons while working)
#   WARM=S         seconds of answering on other sessions before the answers are measured (default 20; 0: cold)
#   OUT=FILE       where to write the results (default bench/results/web-wrk.md)
# Writes bench/results/web-wrk.md. Needs wrk (Debian: apt-get install wrk), python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10}"
total="${2:-100000}"
rounds="${ROUNDS:-2}"
baseline="${BASELINE:-}"
port=5199
work="$(mktemp -d)"
pid=""
stop_server() { if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
cleanup() {
  stop_server
  if [[ -d "$work/baseline-src" ]]; then git worktree remove --force "$work/baseline-src" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 1" INT TERM
out="${OUT:-bench/results/web-wrk.md}"
url="http://127.0.0.1:$port"
load() { cut -d' ' -f1-3 /proc/loadavg; }

dotnet build src/Kiriwake.Cli -c Release -nologo -v quiet -clp:ErrorsOnly >&2
if [[ -n "${BASELINE_COMMIT:-}" ]]; then
  git worktree add --detach "$work/baseline-src" "$BASELINE_COMMIT" >&2
  (cd "$work/baseline-src" && dotnet build src/Kiriwake.Cli -c Release -nologo -v quiet -clp:ErrorsOnly >&2)
  baseline="$work/baseline-src/artifacts/bin/Kiriwake.Cli/release"
fi
current="$PWD/artifacts/bin/Kiriwake.Cli/release"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes')"

# start_server BUILD_DIR STORE_DIR: a real `kiriwake serve` on a fresh SQLite store.
start_server() {
  mkdir -p "$2"
  XDG_DATA_HOME="$2" Logging__LogLevel__Default=Warning dotnet "$1/kiriwake.dll" serve --port "$port" --no-browser \
    --store "$2/sessions.db" --sessions-per-minute 100000000 >"$2/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do curl -sf "$url/" >/dev/null && return 0; sleep 0.5; done
  echo "the server did not start:" >&2; tail -20 "$2/serve.log" >&2; exit 1
}

# wrk_run NAME SCRIPT SESSIONS: one measurement, its output kept in $work/NAME.txt.
wrk_run() {
  echo "load average before: $(load)" >"$work/$1.txt"
  SESSIONS="$3" wrk -t2 -c16 -d"${duration}s" --latency -s "bench/web/$2" "$url" >>"$work/$1.txt"
}

# measure LABEL BUILD_DIR ROUND: reads and answers on 2,000 sessions of a fresh server.
measure() {
  local name="$1-$3" dir="$work/$1-$3"
  start_server "$2" "$dir"
  python3 bench/web/create_sessions.py 2000 "$url" >"$dir/sessions.txt"
  SESSIONS="$dir/sessions.txt" wrk -t2 -c16 -d3s -s bench/web/read.lua "$url" >/dev/null # warm-up
  wrk_run "read-$name" read.lua "$dir/sessions.txt"
  # Warm-up of the answers: other sessions walk the same routes for WARM seconds, so that the engine has worked out
  # each state of the routes once (a state new to the process costs one solve: up to ~200 ms deep in the 4013 route,
  # 1 ms once kept) and the measured walk sees the steady state. WARM=0 measures the cold first walk instead, whose
  # tail is those first solves (and which a faster build reaches deeper into within the same seconds).
  if [[ "${WARM:-20}" != 0 ]]; then
    python3 bench/web/create_sessions.py 2000 "$url" >"$dir/warm.txt"
    SESSIONS="$dir/warm.txt" wrk -t2 -c16 -d"${WARM:-20}s" -s bench/web/answer.lua "$url" >"$dir/warm-answers.txt"
  fi
  wrk_run "answer-$name" answer.lua "$dir/sessions.txt"
  # The cost of one decision inside a request: replay of the log + the next decision, timed in the process
  # (Server-Timing; "Cache-Control: no-cache" makes the server replay instead of sending the kept object).
  for id in $(head -200 "$dir/sessions.txt" | cut -d' ' -f1); do
    curl -s -H 'Cache-Control: no-cache' -D - -o /dev/null "$url/api/sessions/$id" | tr -d '\r' | awk -F'dur=' '/^Server-Timing: decide/ {print $2}'
  done | awk '{s+=$1; n++} END {if (n) printf "%.3f\n", s/n; else print "n/a"}' >"$work/decide-$name.txt"
  stop_server
}

field() { # field FILE WHAT: Requests/sec, the 99% latency, non-2xx count (wrk's or answer.lua's)
  case "$2" in
    rps) awk '/^Requests\/sec:/ {print $2}' "$1" ;;
    p99) awk '$1 == "99%" {print $2}' "$1" ;;
    bad) { grep -o 'Non-2xx or 3xx responses: [0-9]*' "$1" | grep -o '[0-9]*$'; grep -o 'non-2xx: [0-9]*' "$1" | grep -o '[0-9]*$'; grep -o 'not understood: [0-9]*' "$1" | grep -o '[0-9]*$'; grep -o 'idle session: [0-9]*' "$1" | grep -o '[0-9]*$'; echo 0; } | awk '{s+=$1} END {print s}' ;;
  esac
}

labels=(new)
[[ -n "$baseline" ]] && labels=(baseline new)
for round in $(seq 1 "$rounds"); do
  for label in "${labels[@]}"; do
    if [[ "$label" == baseline ]]; then measure baseline "$baseline" "$round"; else measure new "$current" "$round"; fi
  done
done

# Memory over many stored sessions (this tree's build): bench/web/memory.sh walks 2,000 sessions, then grows the store
# by copying their rows (seed_sessions.py) in 8 steps to TOTAL and reads sessions picked at random across the whole
# store after each growth; it records RSS, the managed heap and the server's own gauges.
memory_table="(not measured: MEMORY=0)"
if [[ "${MEMORY:-1}" != 0 ]]; then
  memory_table="$(NO_BUILD=1 bash bench/web/memory.sh "$duration" "$total")"
fi

mean() { awk '{s+=$1; n++} END {if (n) printf "%.0f", s/n}'; }
{
  echo "# kiriwake serve under wrk (SQLite, loopback)"
  echo
  echo "Made by: \`${BASELINE:+BASELINE=$BASELINE }${BASELINE_COMMIT:+BASELINE_COMMIT=$BASELINE_COMMIT }ROUNDS=$rounds WARM=${WARM:-20} bench/web/run.sh $duration $total\` on $(date -u +%Y-%m-%dT%H:%MZ), build $commit,"
  echo "$(nproc) cores, load average at the end: $(load) (each measurement below says the load before it)."
  echo "wrk: 2 threads, 16 connections, ${duration} s per measurement, on 2,000 sessions started through the API (error 4013)."
  echo "Reading: \`GET /api/sessions/{id}\` round robin (read.lua). Answering: every request answers the current step of one"
  echo "of its thread's sessions with an offered answer, read from the previous reply; finished sessions are taken back"
  echo "one step with /undo and walked on (answer.lua). A measurement with any non-2xx reply is marked INVALID."
  echo "Before the answers are measured, 2,000 other sessions walk the same routes for ${WARM:-20} s (WARM=${WARM:-20}; 0 = a cold first walk,"
  echo "whose tail is the engine's first solve of each state new to the process)."
  echo
  echo "## Summary"
  echo
  echo "| build | round | reading: req/s | p99 | non-2xx | answering: req/s | p99 | non-2xx | one decision (ms) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for round in $(seq 1 "$rounds"); do
    for label in "${labels[@]}"; do
      r="$work/read-$label-$round.txt"; a="$work/answer-$label-$round.txt"
      rv=$([[ "$(field "$r" bad)" == 0 ]] && echo "" || echo " INVALID")
      av=$([[ "$(field "$a" bad)" == 0 ]] && echo "" || echo " INVALID")
      echo "| $label | $round | $(field "$r" rps)$rv | $(field "$r" p99) | $(field "$r" bad) | $(field "$a" rps)$av | $(field "$a" p99) | $(field "$a" bad) | $(cat "$work/decide-$label-$round.txt") |"
    done
  done
  if [[ -n "$baseline" ]]; then
    echo
    for kind in read answer; do
      b=$(for round in $(seq 1 "$rounds"); do field "$work/$kind-baseline-$round.txt" rps; done | mean)
      n=$(for round in $(seq 1 "$rounds"); do field "$work/$kind-new-$round.txt" rps; done | mean)
      echo "- ${kind}ing, mean of the rounds: baseline $b req/s, new $n req/s: **ratio new/baseline $(awk -v n="$n" -v b="$b" 'BEGIN {printf "%.2f", n/b}')**"
    done
    echo "- baseline: ${BASELINE_COMMIT:+commit $(git rev-parse --short "$BASELINE_COMMIT"), built in }\`$baseline\`"
  fi
  echo
  echo "## Memory as the store grows (this build)"
  echo
  printf '%s\n' "$memory_table"
  echo
  echo "## wrk output"
  for f in "$work"/read-*.txt "$work"/answer-*.txt; do
    [[ -f "$f" ]] || continue
    echo "### $(basename "$f" .txt)"
    echo '```'; cat "$f"; echo '```'
  done
} >"$out"
cat "$out"
