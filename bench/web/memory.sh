#!/usr/bin/env bash
# Resident memory of one `kiriwake serve` (SQLite) as its store grows to TOTAL sessions: the part of run.sh that
# measures memory, on its own. Usage: bench/web/memory.sh [DURATION_SECONDS] [TOTAL] [STARTED]
# (defaults 10, 100000, 2000). Prints a Markdown table; NO_BUILD=1 uses the Release build already in artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10}"; total="${2:-100000}"; started="${3:-2000}"
port=5198; url="http://127.0.0.1:$port"; work="$(mktemp -d)"; pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
trap "exit 1" INT TERM
[[ "${NO_BUILD:-}" == 1 ]] || dotnet build src/Kiriwake.Cli -c Release -nologo -v quiet -clp:ErrorsOnly >&2
XDG_DATA_HOME="$work" Logging__LogLevel__Default=Warning dotnet artifacts/bin/Kiriwake.Cli/release/kiriwake.dll serve --port "$port" \
  --no-browser --store "$work/sessions.db" --sessions-per-minute 100000000 >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do curl -sf "$url/" >/dev/null && break; sleep 0.5; done
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status"; }
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from sessions').fetchone()[0])" "$work/sessions.db"; }
python3 bench/web/create_sessions.py "$started" "$url" >"$work/sessions.txt"
SESSIONS="$work/sessions.txt" wrk -t2 -c16 -d"${duration}s" -s bench/web/answer.lua "$url" >"$work/walk.txt"
SESSIONS="$work/sessions.txt" wrk -t2 -c16 -d"${duration}s" -s bench/web/read.lua "$url" >/dev/null
echo "Made by: \`${NO_BUILD:+NO_BUILD=1 }bench/web/memory.sh $duration $total $started\` on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)."
echo "The store is grown with \`bench/web/seed_sessions.py\` (rows copied from the $started sessions started and walked"
echo "through the API, new random ids); after each growth wrk (2 threads, 16 connections) reads sessions picked at random"
echo "across the whole store for ${duration} s, then the server's resident set size (VmRSS) is read."
echo
echo "| sessions stored | RSS (MB) | reads across the whole store | load average before |"
echo "|---|---|---|---|"
echo "| $(count) | $(rss) | (after walking them: $(grep -o 'answers sent: [0-9]*' "$work/walk.txt"), $(grep -o 'non-2xx: [0-9]*' "$work/walk.txt")) | |"
for target in 25000 50000 "$total"; do
  stored=$(python3 bench/web/seed_sessions.py "$work/sessions.db" "$target")
  python3 -c "import sqlite3,sys; [print(r[0]) for r in sqlite3.connect(sys.argv[1]).execute('select \"Id\" from sessions order by random()')]" "$work/sessions.db" >"$work/all.txt"
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  SESSIONS="$work/all.txt" wrk -t2 -c16 -d"${duration}s" --latency -s bench/web/read.lua "$url" >"$work/read.txt"
  echo "| $stored | $(rss) | $(awk '/^Requests\/sec:/ {print $2}' "$work/read.txt")/s, p99 $(awk '$1 == "99%" {print $2}' "$work/read.txt"), $(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$work/read.txt" || echo 'non-2xx: 0') | $before |"
done
