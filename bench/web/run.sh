#!/usr/bin/env bash
# Load test of `kiriwake serve` with wrk against a real server on loopback with a SQLite store.
# Usage: bench/web/run.sh [DURATION_SECONDS] [TOTAL_SESSIONS]   (defaults 20 and 100000)
# Writes bench/results/web-wrk.md. Needs wrk (Debian: apt-get install wrk) and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-20}"
total="${2:-100000}"
port=5199
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
out=bench/results/web-wrk.md

dotnet build src/Kiriwake.Cli -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dll=artifacts/bin/Kiriwake.Cli/release/kiriwake.dll
XDG_DATA_HOME="$work" Logging__LogLevel__Default=Warning dotnet "$dll" serve --port "$port" --no-browser \
  --store "$work/sessions.db" --sessions-per-minute 100000000 >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.5; done
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
url="http://127.0.0.1:$port"
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from sessions').fetchone()[0])" "$work/sessions.db"; }

# 2,000 sessions to answer and read.
for _ in $(seq 1 2000); do
  curl -s -X POST "$url/api/sessions" -H 'content-type: application/json' \
    -d '{"errorCode":"4013","lang":"ja","family":"iphone-no-home","platform":"windows-itunes"}' | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])"
done >"$work/sessions.txt"
rss_start=$(rss)

# Warm up, then measure.
SESSIONS="$work/sessions.txt" wrk -t2 -c16 -d5s -s bench/web/read.lua "$url" >/dev/null
answers=$(SESSIONS="$work/sessions.txt" wrk -t2 -c16 -d"${duration}s" --latency -s bench/web/answer.lua "$url")
reads=$(SESSIONS="$work/sessions.txt" wrk -t2 -c16 -d"${duration}s" --latency -s bench/web/read.lua "$url")

# The cost of one decision inside a request: replay of the log + the next decision, timed in the process.
decide=$(for id in $(head -200 "$work/sessions.txt"); do
  curl -s -D - -o /dev/null "$url/api/sessions/$id" | tr -d '\r' | awk -F'dur=' '/^Server-Timing/ {print $2}'
done | awk '{s+=$1; n++} END {printf "%.3f", s/n}')

# Memory over many stored sessions: create sessions up to TOTAL, then read across all of them.
rss_before_many=$(rss)
creates=""
while [ "$(count)" -lt "$total" ]; do
  creates=$(wrk -t2 -c16 -d20s -s bench/web/create.lua "$url")
done
stored=$(count)
python3 -c "import sqlite3,sys; [print(r[0]) for r in sqlite3.connect(sys.argv[1]).execute('select id from sessions order by random() limit 20000')]" "$work/sessions.db" >"$work/all.txt"
SESSIONS="$work/all.txt" wrk -t2 -c16 -d"${duration}s" -s bench/web/read.lua "$url" >/dev/null
rss_after_many=$(rss)

{
  echo "# kiriwake serve under wrk (SQLite, loopback)"
  echo
  echo "Made by: \`bench/web/run.sh $duration $total\` on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "wrk: 2 threads, 16 connections, ${duration} s per measurement, after a 5 s warm-up."
  echo
  echo "## Answering a step (POST /api/sessions/{id}/answers, alternating with /undo on the same session)"
  echo '```'; echo "$answers"; echo '```'
  echo "## Reading a session (GET /api/sessions/{id})"
  echo '```'; echo "$reads"; echo '```'
  echo "## One decision inside a request"
  echo "Replaying a session's log and deciding its next step, timed inside the process (Server-Timing), mean of 200 reads: **${decide} ms**."
  echo
  echo "## Memory over many stored sessions"
  echo "- resident memory with 2,000 sessions: $((rss_start / 1024)) MB"
  echo "- before creating more: $((rss_before_many / 1024)) MB"
  echo "- after storing $stored sessions and reading 20,000 of them at random: $((rss_after_many / 1024)) MB"
  echo
  echo "Last creation round (POST /api/sessions):"
  echo '```'; echo "$creates"; echo '```'
} >"$out"
cat "$out"
