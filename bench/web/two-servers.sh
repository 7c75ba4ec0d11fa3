#!/usr/bin/env bash
# Load test of TWO `kiriwake serve` processes sharing one throwaway PostgreSQL 15 (issue 11's scale-out), with wrk.
# Usage: bench/web/two-servers.sh [DURATION_SECONDS]   (default 10)
#   BASELINE=DIR   a kiriwake build folder (holding kiriwake.dll) measured the same way in the same run, first
#   ROUNDS=N       how many times each build is measured, alternating (default 1)
#   NO_BUILD=1     measure the Release build already in artifacts/ (default: build it first)
# Sessions are started round robin on both servers; each server is then driven by its own wrk (1 thread,
# 8 connections: 16 in all) on the sessions the OTHER server started, so every answer continues on the other
# process what one process began. Writes bench/results/web-wrk-two-servers-postgres.md.
# Needs wrk, python3, curl, psql and PostgreSQL's initdb/pg_ctl (scripts/throwaway-postgres.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
duration="${1:-10}"
rounds="${ROUNDS:-1}"
baseline="${BASELINE:-}"
work="$(mktemp -d /tmp/kiriwake-two-XXXXXX)"; chmod 755 "$work"
pg="$work/pg"; pids=()
stop_servers() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; pids=(); }
trap 'stop_servers; scripts/throwaway-postgres.sh stop "$pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
trap "exit 1" INT TERM
out=bench/results/web-wrk-two-servers-postgres.md
load() { cut -d' ' -f1-3 /proc/loadavg; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

[[ "${NO_BUILD:-}" == 1 ]] || dotnet build src/Kiriwake.Cli -c Release -nologo -v quiet -clp:ErrorsOnly >&2
current="$root/artifacts/bin/Kiriwake.Cli/release"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes')"

scripts/throwaway-postgres.sh start "$pg" >/dev/null
pgport="$(cat "$pg/port")"
pgversion="$(psql "host=127.0.0.1 port=$pgport user=kiriwake_admin dbname=postgres" -Atc 'show server_version')"

# measure LABEL BUILD_DIR ROUND: a fresh database, two servers, 2,000 sessions, reads then answers.
measure() {
  local name="$1-$3" dir="$work/$1-$3" db="kiriwake_$1_$3"
  mkdir -p "$dir"
  psql "host=127.0.0.1 port=$pgport user=kiriwake_admin dbname=postgres" -q \
    -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kiriwake') THEN CREATE ROLE kiriwake LOGIN; END IF; END \$\$" \
    -c "CREATE DATABASE $db OWNER kiriwake"
  local store="Host=127.0.0.1;Port=$pgport;Username=kiriwake;Database=$db;Maximum Pool Size=40"
  local p1 p2; p1=$(free_port); p2=$(free_port)
  Logging__LogLevel__Default=Warning dotnet "$2/kiriwake.dll" serve --urls "http://127.0.0.1:$p1" --store "$store" --no-browser \
    --sessions-per-minute 100000000 >"$dir/s1.log" 2>&1 & pids+=($!)
  for _ in $(seq 120); do curl -fs "http://127.0.0.1:$p1/" -o /dev/null && break; sleep 0.5; done # the first migrates
  Logging__LogLevel__Default=Warning dotnet "$2/kiriwake.dll" serve --urls "http://127.0.0.1:$p2" --store "$store" --no-browser \
    --sessions-per-minute 100000000 >"$dir/s2.log" 2>&1 & pids+=($!)
  for _ in $(seq 120); do curl -fs "http://127.0.0.1:$p2/" -o /dev/null && break; sleep 0.5; done
  local u1="http://127.0.0.1:$p1" u2="http://127.0.0.1:$p2"
  python3 bench/web/create_sessions.py 2000 "$u1" "$u2" >"$dir/sessions.txt"
  # Lines alternate between the servers: odd lines were started on server 1, even lines on server 2.
  awk 'NR % 2 == 1' "$dir/sessions.txt" >"$dir/started-on-1.txt"
  awk 'NR % 2 == 0' "$dir/sessions.txt" >"$dir/started-on-2.txt"

  SESSIONS="$dir/started-on-2.txt" wrk -t1 -c8 -d3s -s bench/web/read.lua "$u1" >/dev/null & # warm-up
  local warm=$!
  SESSIONS="$dir/started-on-1.txt" wrk -t1 -c8 -d3s -s bench/web/read.lua "$u2" >/dev/null
  wait "$warm"
  for kind in read answer; do
    echo "load average before: $(load)" | tee "$work/$kind-$name-1.txt" >"$work/$kind-$name-2.txt"
    THREADS=1 SESSIONS="$dir/started-on-2.txt" wrk -t1 -c8 -d"${duration}s" --latency -s "bench/web/$kind.lua" "$u1" >>"$work/$kind-$name-1.txt" &
    local w=$!
    THREADS=1 SESSIONS="$dir/started-on-1.txt" wrk -t1 -c8 -d"${duration}s" --latency -s "bench/web/$kind.lua" "$u2" >>"$work/$kind-$name-2.txt"
    wait "$w"
  done
  stop_servers
}

field() { # field FILE WHAT
  case "$2" in
    rps) awk '/^Requests\/sec:/ {print $2}' "$1" ;;
    p99) awk '$1 == "99%" {print $2}' "$1" ;;
    bad) { grep -o 'Non-2xx or 3xx responses: [0-9]*' "$1" | grep -o '[0-9]*$'; grep -o 'non-2xx: [0-9]*' "$1" | grep -o '[0-9]*$'; grep -o 'not understood: [0-9]*' "$1" | grep -o '[0-9]*$'; grep -o 'idle session: [0-9]*' "$1" | grep -o '[0-9]*$'; echo 0; } | awk '{s+=$1} END {print s}' ;;
  esac
}
sum() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f", a + b}'; }
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; else if (v ~ /s$/) printf "%.2f", v * 1000; else print v }'; }
worst() { awk -v a="$(ms "$1")" -v b="$(ms "$2")" 'BEGIN {printf "%.2f ms", (a > b ? a : b)}'; }

labels=(new)
[[ -n "$baseline" ]] && labels=(baseline new)
for round in $(seq 1 "$rounds"); do
  for label in "${labels[@]}"; do
    if [[ "$label" == baseline ]]; then measure baseline "$baseline" "$round"; else measure new "$current" "$round"; fi
  done
done

{
  echo "# Two kiriwake serve processes on one PostgreSQL, under wrk"
  echo
  echo "Made by: \`${NO_BUILD:+NO_BUILD=1 }${BASELINE:+BASELINE=$baseline }ROUNDS=$rounds bench/web/two-servers.sh $duration\` on $(date -u +%Y-%m-%dT%H:%MZ), build $commit,"
  echo "$(nproc) cores shared by both servers, PostgreSQL $pgversion (scripts/throwaway-postgres.sh: loopback, fsync off)"
  echo "and wrk; load average at the end: $(load) (each measurement says the load before it)."
  echo "Each server gets its own wrk (1 thread, 8 connections: 16 in all, ${duration} s) on the sessions the OTHER server"
  echo "started (2,000 sessions, error 4013), so every read and answer crosses processes. Answering as in run.sh"
  echo "(answer.lua: the current step, an offered answer, undo at the end). Any non-2xx reply makes a measurement INVALID."
  echo
  echo "| build | round | reading: req/s (both servers) | worst p99 | non-2xx | answering: answers/s (both servers) | worst p99 | non-2xx |"
  echo "|---|---|---|---|---|---|---|---|"
  for round in $(seq 1 "$rounds"); do
    for label in "${labels[@]}"; do
      row="| $label | $round"
      for kind in read answer; do
        f1="$work/$kind-$label-$round-1.txt"; f2="$work/$kind-$label-$round-2.txt"
        bad=$(( $(field "$f1" bad) + $(field "$f2" bad) ))
        row+=" | $(sum "$(field "$f1" rps)" "$(field "$f2" rps)")$([[ $bad == 0 ]] || echo ' INVALID') | $(worst "$(field "$f1" p99)" "$(field "$f2" p99)") | $bad"
      done
      echo "$row |"
    done
  done
  if [[ -n "$baseline" ]]; then
    echo
    for kind in read answer; do
      b=$(for round in $(seq 1 "$rounds"); do sum "$(field "$work/$kind-baseline-$round-1.txt" rps)" "$(field "$work/$kind-baseline-$round-2.txt" rps)"; echo; done | awk '{s+=$1; n++} END {printf "%.0f", s/n}')
      n=$(for round in $(seq 1 "$rounds"); do sum "$(field "$work/$kind-new-$round-1.txt" rps)" "$(field "$work/$kind-new-$round-2.txt" rps)"; echo; done | awk '{s+=$1; n++} END {printf "%.0f", s/n}')
      echo "- ${kind}ing, mean of the rounds: baseline $b req/s, new $n req/s: **ratio new/baseline $(awk -v n="$n" -v b="$b" 'BEGIN {printf "%.2f", n/b}')**"
    done
    echo "- baseline: \`$baseline\`"
  fi
  echo
  echo "## wrk output"
  for f in "$work"/read-*.txt "$work"/answer-*.txt; do
    echo "### $(basename "$f" .txt)"
    echo '```'; cat "$f"; echo '```'
  done
} >"$out"
cat "$out"
