#!/usr/bin/env bash
# Memory of one `kiriwake serve` (SQLite) as its store grows to TOTAL sessions: the part of run.sh that measures
# memory, on its own. Usage: bench/web/memory.sh [DURATION_SECONDS] [TOTAL] [STARTED]
# (defaults 10, 100000, 2000). Prints a Markdown table.
#   NO_BUILD=1   use the Release build already in artifacts/ (BUILD=DIR: a build folder holding kiriwake.dll)
# The managed heap is read with dotnet-counters when it is installed (`dotnet tool install -g dotnet-counters`);
# without it that column says n/a.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10}"; total="${2:-100000}"; started="${3:-2000}"
port=5198; url="http://127.0.0.1:$port"; work="$(mktemp -d)"; pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
trap "exit 1" INT TERM
build="${BUILD:-artifacts/bin/Kiriwake.Cli/release}"
[[ "${NO_BUILD:-}" == 1 || -n "${BUILD:-}" ]] || dotnet build src/Kiriwake.Cli -c Release -nologo -v quiet -clp:ErrorsOnly >&2
XDG_DATA_HOME="$work" Logging__LogLevel__Default=Warning dotnet "$build/kiriwake.dll" serve --port "$port" \
  --no-browser --store "$work/sessions.db" --sessions-per-minute 100000000 >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do curl -sf "$url/" >/dev/null && break; sleep 0.5; done
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status"; }
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from sessions').fetchone()[0])" "$work/sessions.db"; }
counters="$(command -v dotnet-counters || echo "$HOME/.dotnet/tools/dotnet-counters")"
# gc_heap: the managed heap after the last collection (all generations, MB), the memory the GC has committed, and the
# server's own gauges (meter Kiriwake.Web): kept session objects (MB, the bound's estimate) and SQLite's memory (MB).
gc_heap() {
  if [[ ! -x "$counters" ]]; then echo "n/a | n/a | n/a | n/a"; return; fi
  rm -f "$work/c.csv"
  "$counters" collect -p "$pid" --counters 'System.Runtime[dotnet.gc.last_collection.heap.size,dotnet.gc.last_collection.memory.committed_size],Kiriwake.Web' \
    --format csv --duration 00:00:00:04 -o "$work/c.csv" >/dev/null 2>&1 || true
  python3 - "$work/c.csv" <<'PY'
import csv, sys
try:
    rows = [r for r in csv.reader(open(sys.argv[1])) if len(r) >= 5][1:]
except OSError:
    rows = []
last = {}
for r in rows:
    last[r[2]] = float(r[4])
heap = sum(v for k, v in last.items() if "heap.size" in k)
committed = sum(v for k, v in last.items() if "committed" in k)
kept = sum(v for k, v in last.items() if "session_cache.size" in k)
sqlite = sum(v for k, v in last.items() if "sqlite.memory" in k)
print(" | ".join(f"{x / 2**20:.1f}" for x in (heap, committed, kept, sqlite)) if last else "n/a | n/a | n/a | n/a")
PY
}
python3 bench/web/create_sessions.py "$started" "$url" >"$work/sessions.txt"
SESSIONS="$work/sessions.txt" wrk -t2 -c16 -d"${duration}s" -s bench/web/answer.lua "$url" >"$work/walk.txt"
SESSIONS="$work/sessions.txt" wrk -t2 -c16 -d"${duration}s" -s bench/web/read.lua "$url" >/dev/null
echo "Made by: \`${NO_BUILD:+NO_BUILD=1 }${BUILD:+BUILD=$BUILD }bench/web/memory.sh $duration $total $started\` on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, build $(git rev-parse --short HEAD)."
echo "The store is grown with \`bench/web/seed_sessions.py\` (rows copied from the $started sessions started and walked"
echo "through the API, new random ids); after each growth wrk (2 threads, 16 connections) reads sessions picked at random"
echo "across the whole store for ${duration} s, then the server's resident set size (VmRSS) and its managed heap after the"
echo "last collection, the GC's committed memory, the kept session objects and SQLite's memory (dotnet-counters) are read."
echo
echo "| sessions stored | RSS (MB) | managed heap (MB) | GC committed (MB) | kept sessions (MB) | SQLite (MB) | reads across the whole store | load average before |"
echo "|---|---|---|---|---|---|---|---|"
echo "| $(count) | $(rss) | $(gc_heap) | (after walking them: $(grep -o 'answers sent: [0-9]*' "$work/walk.txt"), $(grep -o 'non-2xx: [0-9]*' "$work/walk.txt")) | |"
step=$(( total / 8 ))
for target in $(seq "$step" "$step" "$total"); do
  [[ "$target" -gt "$started" ]] || continue
  stored=$(python3 bench/web/seed_sessions.py "$work/sessions.db" "$target")
  python3 -c "import sqlite3,sys; [print(r[0]) for r in sqlite3.connect(sys.argv[1]).execute('select \"Id\" from sessions order by random()')]" "$work/sessions.db" >"$work/all.txt"
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  SESSIONS="$work/all.txt" wrk -t2 -c16 -d"${duration}s" --latency -s bench/web/read.lua "$url" >"$work/read.txt"
  echo "| $stored | $(rss) | $(gc_heap) | $(awk '/^Requests\/sec:/ {print $2}' "$work/read.txt")/s, p99 $(awk '$1 == "99%" {print $2}' "$work/read.txt"), $(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$work/read.txt" || echo 'non-2xx: 0') | $before |"
done
