#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for tests and CI: Debian's binaries, a temporary data folder, a loopback port.
#   throwaway-postgres.sh start DIR   -> initdb into DIR, start, print the superuser's connection string
#   throwaway-postgres.sh stop DIR    -> stop it (the folder stays; remove it yourself)
#   throwaway-postgres.sh pause|resume DIR -> stop / start again on the same port (outage tests)
# PostgreSQL refuses to run as root: under root the server runs as the unprivileged user "postgres" (Debian's),
# else "nobody". The superuser inside the cluster is "kiriwake_admin"; loopback connections are trusted
# (the server listens on 127.0.0.1 only and its socket folder is private to the data folder).
set -euo pipefail

cmd="${1:-}"; dir="${2:-}"
if [[ -z "$cmd" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR" >&2; exit 2
fi

bin=""
for candidate in /usr/lib/postgresql/15/bin "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")"; do
  if [[ -x "$candidate/pg_ctl" && -x "$candidate/initdb" ]]; then bin="$candidate"; break; fi
done
if [[ -z "$bin" ]]; then
  echo "PostgreSQL binaries (initdb, pg_ctl) not found: install Debian's postgresql-15" >&2; exit 3
fi

as_owner() {
  if [[ "$(id -u)" == "0" ]]; then
    local user=postgres
    id -u "$user" >/dev/null 2>&1 || user=nobody
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

owner_user() {
  if [[ "$(id -u)" == "0" ]]; then
    if id -u postgres >/dev/null 2>&1; then echo postgres; else echo nobody; fi
  else
    id -un
  fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    if [[ "$(id -u)" == "0" ]]; then
      chown "$(owner_user)" "$dir"
      if ! runuser -u "$(owner_user)" -- test -x "$dir"; then
        echo "$(owner_user) cannot reach $dir: choose a folder whose parents it may enter (e.g. under /tmp)" >&2; exit 6
      fi
    fi
    chmod 700 "$dir"
    data="$dir/data"
    as_owner "$bin/initdb" -D "$data" -U kiriwake_admin --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 4; }
    # A free loopback port: ask the kernel, then hand it to PostgreSQL (retry if someone took it meanwhile).
    for attempt in 1 2 3 4 5; do
      port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
      if as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
           -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null 2>&1; then
        echo "$port" > "$dir/port"
        echo "Host=127.0.0.1;Port=$port;Username=kiriwake_admin;Database=postgres"
        exit 0
      fi
    done
    cat "$dir/server.log" >&2; exit 5
    ;;
  stop)
    dir="$(cd "$dir" && pwd)"
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  pause)
    dir="$(cd "$dir" && pwd)"
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  resume)
    dir="$(cd "$dir" && pwd)"
    port="$(cat "$dir/port")"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    ;;
  *)
    echo "unknown command: $cmd" >&2; exit 2 ;;
esac
