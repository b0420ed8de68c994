#!/usr/bin/env bash
# Starts a private PostgreSQL for tests as a plain process (no service manager, no Docker) and prints the JDBC URL
# of each database it was asked for, one a line, on standard output (everything else goes to standard error).
#
#   server-config/postgresql/start.sh [--fresh] [DATABASE...]      (default database: seatkeeper)
#
# - Installs Debian's postgresql package when no PostgreSQL server binaries are found (needs root, as CI has).
# - PostgreSQL refuses to run as root: as root, the cluster belongs to the OS user "postgres" that the package
#   creates (or to "seatkeeper-pg", created here, if that user is missing); otherwise to the calling user.
# - initdb once into PG_DIR, then pg_ctl start on PG_PORT with its socket in /tmp. Safe to run again: a running
#   server is left running, existing databases are kept, unless --fresh, which drops and re-creates the named
#   databases (for test runs that must start empty).
# - A login role PG_USER/PG_PASSWORD owns the databases; connections over TCP need that password.
#
# Environment (all optional): PG_PORT (default 55432; tests use 55432-55439), PG_DIR (default
# /tmp/seatkeeper-pg-$PG_PORT), PG_USER (default seatkeeper), PG_PASSWORD (default seatkeeper).
# Stop it with server-config/postgresql/stop.sh (same PG_PORT/PG_DIR).
set -euo pipefail

port=${PG_PORT:-55432}
data_dir=${PG_DIR:-/tmp/seatkeeper-pg-$port}
role=${PG_USER:-seatkeeper}
password=${PG_PASSWORD:-seatkeeper}
fresh=""
databases=()
for arg in "$@"; do
    case $arg in
        --fresh) fresh=1 ;;
        -*) echo "usage: $0 [--fresh] [DATABASE...]" >&2; exit 2 ;;
        *) databases+=("$arg") ;;
    esac
done
((${#databases[@]})) || databases=(seatkeeper)
for name in "$role" "${databases[@]}"; do
    # The names are written into SQL below: allow only plain identifiers.
    [[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "not a plain lower-case SQL name: $name" >&2; exit 2; }
done
[[ $password != *"'"* ]] || { echo "PG_PASSWORD must not contain a single quote" >&2; exit 2; }

log() { echo "[postgresql] $*" >&2; }

# The newest installed server's binaries (Debian keeps them out of the PATH, under /usr/lib/postgresql/N/bin).
find_bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl ]]; then
        echo "$dir"
    elif command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
        dirname "$(command -v pg_ctl)"
    fi
}
bin_dir=$(find_bin_dir)
if [[ -z $bin_dir ]]; then
    log "installing Debian's postgresql package"
    if ((EUID != 0)); then
        echo "PostgreSQL is not installed and installing it needs root: apt-get install -y postgresql" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 && apt-get install -y -q postgresql >&2
    bin_dir=$(find_bin_dir)
    [[ -n $bin_dir ]] || { echo "no initdb/pg_ctl after installing postgresql" >&2; exit 1; }
fi

# Who owns and runs the cluster.
if ((EUID == 0)); then
    owner=postgres
    if ! id -u "$owner" >/dev/null 2>&1; then
        owner=seatkeeper-pg
        id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
    fi
    as_owner() { runuser -u "$owner" -- "$@"; }
else
    owner=$(id -un)
    as_owner() { "$@"; }
fi

if [[ ! -f $data_dir/PG_VERSION ]]; then
    log "initdb $data_dir (owner $owner)"
    mkdir -p "$data_dir"
    chown "$owner" "$data_dir"
    chmod 700 "$data_dir"
    # Local socket connections (this script's own psql) are trusted; TCP connections need a password.
    as_owner "$bin_dir/initdb" -D "$data_dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >"$data_dir.initdb.log" 2>&1 \
        || { cat "$data_dir.initdb.log" >&2; exit 1; }
fi

if as_owner "$bin_dir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
    log "already running on port $port ($data_dir)"
else
    log "starting on port $port ($data_dir)"
    # -k /tmp: the Debian default socket directory (/var/run/postgresql) may not exist or be writable.
    as_owner "$bin_dir/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w -t 60 \
        -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" start >&2 \
        || { tail -n 40 "$data_dir/server.log" >&2 || true; exit 1; }
fi

psql_admin() { as_owner "$bin_dir/psql" -X -q -v ON_ERROR_STOP=1 -h /tmp -p "$port" -U postgres -d postgres "$@"; }
if [[ $(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'") != 1 ]]; then
    psql_admin -c "CREATE ROLE $role LOGIN PASSWORD '$password'" >&2
else
    psql_admin -c "ALTER ROLE $role PASSWORD '$password'" >&2
fi
for db in "${databases[@]}"; do
    exists=$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")
    if [[ -n $fresh && $exists == 1 ]]; then
        log "dropping database $db"
        psql_admin -c "DROP DATABASE $db WITH (FORCE)" >&2
        exists=""
    fi
    if [[ $exists != 1 ]]; then
        log "creating database $db"
        psql_admin -c "CREATE DATABASE $db OWNER $role" >&2
    fi
    echo "jdbc:postgresql://127.0.0.1:$port/$db"
done
