#!/usr/bin/env bash
# The performance benchmark, from a fresh clone: builds the microbundle, the no-op WAR and the floor WAR, installs wrk
# from Debian's packages if it is missing, and runs bench/run.mjs with the arguments given (README, "Performance"):
#   bench/run.sh            the full run: every operation, then 1,000 against 1,000,000 seats (about 10 minutes)
#   bench/run.sh --smoke    a few seconds per operation, as CI runs it (with --floor)
#   bench/run.sh --floor    also the stack's floor beside the no-op (bench/floor; its memory counts in the figures)
#   bench/run.sh --no-build ...   on the jar already in target/
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
