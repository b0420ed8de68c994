#!/usr/bin/env bash
# The performance benchmark, from a fresh clone: builds the microbundle, the no-op WAR and the floor WAR, installs wrk
# from Debian's packages if it is missing, and runs bench/run.mjs with the arguments given (README, "Performance"):
#   bench/run.sh                    the full run on H2: the floor, every operation, the memory pass, then 1,000 against
#                                   1,000,000 other seats
#   bench/run.sh --db postgresql    the same on the private PostgreSQL of server-config/postgresql (installed from
#                                   Debian's packages if missing, started on PG_PORT, default 55440, stopped at the end)
#   bench/run.sh --smoke            a few seconds per operation on H2 and on PostgreSQL, as CI runs it
#   bench/run.sh --no-build ...     on the jar already in target/
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" != 0 ]; then
        echo "wrk is not installed and installing it needs root: apt-get install -y wrk" >&2
        exit 1
    fi
    apt-get update -q && apt-get install -y -q wrk
fi

args=()
build=true
for a in "$@"; do
    if [ "$a" = --no-build ]; then build=false; else args+=("$a"); fi
done
if $build; then
    mvn -B -q package -DskipTests
fi
mvn -B -q -f bench/noop/pom.xml package
mvn -B -q -f bench/floor/pom.xml package
exec node bench/run.mjs "${args[@]}"
