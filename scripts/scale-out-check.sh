#!/usr/bin/env bash
# Two real `kiriwake serve` processes on two ports sharing one throwaway PostgreSQL 15:
# a session started on one is continued on the other; a helpdesk sign-in on one is valid on the other;
# PostgreSQL stopped mid-run gives 503 + Retry-After on both; after its restart both work again, nothing lost.
#   scripts/scale-out-check.sh [KIRIWAKE_DLL]   (default: artifacts/bin/Kiriwake.Cli/debug/kiriwake.dll)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dll="${1:-$root/artifacts/bin/Kiriwake.Cli/debug/kiriwake.dll}"
work="$(mktemp -d /tmp/kiriwake-scale-XXXXXX)"; chmod 755 "$work"
pg="$work/pg"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; "$root/scripts/throwaway-postgres.sh" stop "$pg" || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

admin="$("$root/scripts/throwaway-postgres.sh" start "$pg")"
port="$(cat "$pg/port")"
psql "host=127.0.0.1 port=$port user=kiriwake_admin dbname=postgres" -q -c "CREATE ROLE kiriwake LOGIN" -c "CREATE DATABASE kiriwake OWNER kiriwake"
store="Host=127.0.0.1;Port=$port;Username=kiriwake;Database=kiriwake"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
p1=$(free_port); p2=$(free_port)
dotnet "$dll" serve --urls "http://127.0.0.1:$p1" --store "$store" --no-browser >"$work/s1.log" 2>&1 & pids+=($!)
sleep 3  # the first applies the migrations
dotnet "$dll" serve --urls "http://127.0.0.1:$p2" --store "$store" --no-browser >"$work/s2.log" 2>&1 & pids+=($!)
for p in $p1 $p2; do
  for _ in $(seq 60); do curl -fs "http://127.0.0.1:$p/" -o /dev/null && break; sleep 1; done
done
printf 'a long enough password\n' | dotnet "$dll" users add kimura --role admin --store "$store" --lang en >/dev/null

# A session started on server 1, answered on server 2.
s=$(curl -fs -X POST -H 'Content-Type: application/json' -d '{"symptom":"icloud-storage-full","lang":"en"}' "http://127.0.0.1:$p1/api/sessions")
id=$(jq -r .id <<<"$s"); step=$(jq -r .step.id <<<"$s"); ans=$(jq -r '.step.answers[0].value' <<<"$s")
acked=$(curl -fs -X POST -H 'Content-Type: application/json' -d "{\"stepId\":\"$step\",\"answer\":\"$ans\"}" "http://127.0.0.1:$p2/api/sessions/$id/answers")
echo "session $id: answered on server 2 -> next step $(jq -r '.step.id // "end"' <<<"$acked")"

# Sign in on server 1 (antiforgery form), use the cookie on server 2.
jar="$work/jar"
tok=$(curl -fs -c "$jar" "http://127.0.0.1:$p1/helpdesk/sign-in" | grep -o 'name="__af" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__af=$tok" --data-urlencode name=kimura --data-urlencode "password=a long enough password" "http://127.0.0.1:$p1/helpdesk/sign-in"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "http://127.0.0.1:$p2/api/helpdesk/users")
[[ "$code" == 200 ]] || fail "sign-in from server 1 not valid on server 2 ($code)"
echo "sign-in on server 1 valid on server 2: $code"

# PostgreSQL stopped mid-run.
"$root/scripts/throwaway-postgres.sh" pause "$pg"
for p in $p1 $p2; do
  hdr=$(curl -s -D - -o /dev/null "http://127.0.0.1:$p/api/sessions/$id")
  grep -q '^HTTP/1.1 503' <<<"$hdr" || fail "server on $p did not answer 503 during the outage: $(head -1 <<<"$hdr")"
  grep -qi '^Retry-After: 5' <<<"$hdr" || fail "no Retry-After on $p"
done
echo "during the outage: 503 + Retry-After on both"
"$root/scripts/throwaway-postgres.sh" resume "$pg"

for p in $p1 $p2; do
  after=$(curl -fs "http://127.0.0.1:$p/api/sessions/$id") || fail "server on $p did not recover"
  [[ "$(jq -c . <<<"$after")" == "$(jq -c . <<<"$acked")" ]] || fail "acknowledged answer lost on $p"
done
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "http://127.0.0.1:$p2/api/helpdesk/me")
[[ "$code" == 200 ]] || fail "sign-in lost after the restart ($code)"
echo "after the restart: both servers recovered without restart; acknowledged answer kept; sign-in still valid"
echo "OK"
