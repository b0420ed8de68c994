#!/usr/bin/env bash
# Stops the private PostgreSQL that start.sh started (same PG_PORT and PG_DIR). Does nothing when it is not running.
#
#   server-config/postgresql/stop.sh [--purge]      (--purge also deletes the data directory)
set -euo pipefail

port=${PG_PORT:-55432}
data_dir=${PG_DIR:-/tmp/seatkeeper-pg-$port}
purge=""
case ${1:-} in
    --purge) purge=1 ;;
    "") ;;
    *) echo "usage: $0 [--purge]" >&2; exit 2 ;;
esac

bin_dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -n $bin_dir ]] || bin_dir=$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/pg_ctl)")

if [[ -f $data_dir/PG_VERSION && -x $bin_dir/pg_ctl ]]; then
    owner=$(stat -c %U "$data_dir")
    if ((EUID == 0)) && [[ $owner != root ]]; then
        as_owner() { runuser -u "$owner" -- "$@"; }
    else
        as_owner() { "$@"; }
    fi
    if as_owner "$bin_dir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
        echo "[postgresql] stopping the server of $data_dir" >&2
        as_owner "$bin_dir/pg_ctl" -D "$data_dir" -m fast -w -t 60 stop >&2
    fi
fi
if [[ -n $purge ]]; then
    rm -rf "$data_dir" "$data_dir.initdb.log"
fi
