#!/usr/bin/env bash
# Smoke test: deploys the Seatkeeper WAR, unchanged, to WildFly (standalone.xml) and sends it real requests.
#
#   server-config/wildfly/smoke.sh [path/to/seatkeeper.war]      (default: <repo>/target/seatkeeper.war)
#
# - Fetches org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip from Maven Central through Maven (cached in ~/.m2) and
#   unpacks it once into <repo>/target/wildfly/wildfly-$WILDFLY_VERSION; later runs reuse that copy.
# - Every run starts from the distribution's own standalone.xml with empty data/tmp/log/deployments, applies
#   configure-datasource.cli, configure-microprofile.cli and configure-edge.cli offline (copying WEB-INF/error-bodies/ as seatkeeper-errors/
#   next to standalone.xml), copies the WAR to
#   standalone/deployments/seatkeeper.war and starts bin/standalone.sh -c standalone.xml on a free port offset.
# - Checks: POST /seatkeeper/v1/organizations/ with the operator token (201), the same without a token (401),
#   GET /openapi (200), then the seat flow: product, customer, subscription, assign, claim info, claim, activity,
#   portal revoke (the seat's activity time read back; the holder's session ends) and subscription revoke; health on
#   the management port (live, ready with the database check, started) and /seatkeeper/metrics (401 without the token, the claim counted with it); then 2,000 seeded hostile requests
#   (conformance/edge/hostile.mjs; SMOKE_HOSTILE_SEED replays a run, SMOKE_HOSTILE_COUNT sets its size); with
#   SMOKE_BROWSER=1, the claim page in a headless Chromium (ClaimPathOnServerIT, compiled by an earlier mvn verify). Needs curl and node. The server is always stopped on exit; the last line is a one-line PASS/FAIL summary.
#
# Environment (all optional): WILDFLY_VERSION (default 39.0.1.Final), SMOKE_PORT_OFFSET (default: the first offset
# from a random start in 100..899 whose ports are all free), SMOKE_TIMEOUT (seconds to wait for the deployment,
# default 240), SMOKE_DB_URL with SMOKE_DB_USER and SMOKE_DB_PASSWORD (default: the H2 file under standalone/data; a
# jdbc:postgresql: URL makes configure-datasource.cli install <repo>/target/postgresql.jar as the driver module).
set -euo pipefail

started_at=$SECONDS
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/../.." && pwd)
version=${WILDFLY_VERSION:-39.0.1.Final}
timeout=${SMOKE_TIMEOUT:-240}

war=${1:-$repo_root/target/seatkeeper.war}
if [[ ! -f $war ]]; then
    echo "FAIL wildfly-smoke: no WAR at $war (build it with 'mvn package', or pass its path)" >&2
    exit 2
fi
war=$(cd "$(dirname "$war")" && pwd)/$(basename "$war")

wf_parent=$repo_root/target/wildfly
wf_home=$wf_parent/wildfly-$version
pristine=$wf_parent/standalone-$version.xml.pristine
run_dir=$wf_parent/run
deployments=$wf_home/standalone/deployments
server_log=$wf_home/standalone/log/server.log
console_log=$run_dir/console.log
cli_log=$run_dir/cli.log

server_pid=""
launcher_pid=""
summary_done=""
phase="setup"

log() { echo "[wildfly-smoke] $*"; }

print_tail() {
    local file=$1 lines=${2:-80}
    if [[ -s $file ]]; then
        echo "----- last $lines lines of $file -----"
        tail -n "$lines" "$file"
        echo "----- end of $file -----"
    fi
}

stop_server() {
    local pid
    if [[ -z $server_pid && -f $run_dir/wildfly.pid ]]; then
        server_pid=$(cat "$run_dir/wildfly.pid" 2>/dev/null || true)
    fi
    for pid in $server_pid $launcher_pid; do
        if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
        fi
    done
    for pid in $server_pid $launcher_pid; do
        [[ -n $pid ]] || continue
        local waited=0
        while kill -0 "$pid" 2>/dev/null && ((waited < 60)); do
            sleep 0.5
            waited=$((waited + 1))
        done
        if kill -0 "$pid" 2>/dev/null; then
            log "process $pid did not stop within 30 s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    server_pid=""
    launcher_pid=""
}

fail() {
    echo "[wildfly-smoke] FAILED during $phase: $*" >&2
    if [[ $phase == configure ]]; then
        print_tail "$cli_log" 60 >&2
    else
        print_tail "$server_log" 80 >&2
        [[ -s $server_log ]] || print_tail "$console_log" 80 >&2
    fi
    echo "FAIL wildfly-smoke: WildFly $version, $phase: $* ($((SECONDS - started_at)) s)"
    summary_done=1
    exit 1
}

on_exit() {
    local rc=$?
    stop_server
    if [[ -z $summary_done ]]; then
        if ((rc != 0)); then
            print_tail "$server_log" 80 >&2
            echo "FAIL wildfly-smoke: WildFly $version, $phase: exited with status $rc ($((SECONDS - started_at)) s)"
        fi
    fi
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- 1. WildFly distribution (downloaded once, then reused) ----
phase="download"
t0=$SECONDS
if [[ ! -x $wf_home/bin/standalone.sh || ! -f $pristine ]]; then
    log "fetching org.wildfly:wildfly-dist:$version:zip through Maven"
    rm -rf "$wf_home" "$wf_parent/unpack"
    mkdir -p "$wf_parent/unpack"
    # Run from a directory without a pom.xml, with a pinned plugin version: independent of the project's build.
    (cd "$wf_parent/unpack" && mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        "-Dartifact=org.wildfly:wildfly-dist:$version:zip" "-DoutputDirectory=$wf_parent/unpack") \
        > "$wf_parent/download.log" 2>&1 \
        || { cat "$wf_parent/download.log" >&2; fail "could not fetch org.wildfly:wildfly-dist:$version:zip"; }
    zip=$wf_parent/unpack/wildfly-dist-$version.zip
    if command -v unzip >/dev/null; then
        unzip -q "$zip" -d "$wf_parent/unpack" || fail "could not unpack $zip"
    else
        (cd "$wf_parent/unpack" && jar xf "$zip") || fail "could not unpack $zip"
        chmod +x "$wf_parent/unpack/wildfly-$version"/bin/*.sh
    fi
    cp "$wf_parent/unpack/wildfly-$version/standalone/configuration/standalone.xml" "$wf_parent/unpack/pristine.xml"
    mv "$wf_parent/unpack/wildfly-$version" "$wf_home"
    mv "$wf_parent/unpack/pristine.xml" "$pristine"
    rm -rf "$wf_parent/unpack"
fi
t_download=$((SECONDS - t0))

# ---- 2. Fresh standalone.xml and server state, then the configure scripts ----
phase="configure"
t0=$SECONDS
rm -rf "$run_dir"
mkdir -p "$run_dir"
cp "$pristine" "$wf_home/standalone/configuration/standalone.xml"
rm -rf "$wf_home/standalone/data" "$wf_home/standalone/tmp" "$wf_home/standalone/log" \
    "$wf_home/standalone/configuration/standalone_xml_history"
find "$deployments" -mindepth 1 ! -name README.txt -exec rm -rf {} +
# A driver module that an earlier run installed (configure-datasource.cli adds it to the fresh standalone.xml again).
rm -rf "$wf_home/modules/org/postgresql"
# The database: the default H2 file under standalone/data, never a caller's SEATKEEPER_DB_URL; or SMOKE_DB_URL.
unset SEATKEEPER_DB_URL SEATKEEPER_DB_USER SEATKEEPER_DB_PASSWORD
if [[ -n ${SMOKE_DB_URL:-} ]]; then
    export SEATKEEPER_DB_URL=$SMOKE_DB_URL SEATKEEPER_DB_USER=${SMOKE_DB_USER:-} SEATKEEPER_DB_PASSWORD=${SMOKE_DB_PASSWORD:-}
    export SEATKEEPER_POSTGRESQL_JAR=$repo_root/target/postgresql.jar
    if [[ $SMOKE_DB_URL == jdbc:postgresql:* && ! -f $SEATKEEPER_POSTGRESQL_JAR ]]; then
        fail "no PostgreSQL driver at $SEATKEEPER_POSTGRESQL_JAR (build with 'mvn package')"
    fi
fi
# One CLI process runs the scripts (each embeds and stops its own offline server).
cat "$script_dir/configure-datasource.cli" "$script_dir/configure-microprofile.cli" "$script_dir/configure-edge.cli" \
    > "$run_dir/configure.cli"
"$wf_home/bin/jboss-cli.sh" --file="$run_dir/configure.cli" > "$cli_log" 2>&1 \
    || fail "jboss-cli.sh --file=configure-datasource.cli + configure-microprofile.cli + configure-edge.cli failed"
# configure-edge.cli reads its JSON error pages from seatkeeper-errors/ next to standalone.xml: the WAR's error bodies.
rm -rf "$wf_home/standalone/configuration/seatkeeper-errors"
cp -R "$repo_root/src/main/webapp/WEB-INF/error-bodies" "$wf_home/standalone/configuration/seatkeeper-errors"
grep -q 'jndi-name="java:/jdbc/seatkeeper"' "$wf_home/standalone/configuration/standalone.xml" \
    || fail "standalone.xml has no java:/jdbc/seatkeeper data source after configure-datasource.cli"
if [[ ${SEATKEEPER_DB_URL:-} == jdbc:postgresql:* ]]; then
    grep -q '<driver>postgresql</driver>' "$wf_home/standalone/configuration/standalone.xml" \
        || fail "SeatkeeperDS does not use the postgresql driver after configure-datasource.cli"
fi
grep -q 'microprofile-openapi-smallrye' "$wf_home/standalone/configuration/standalone.xml" \
    || fail "standalone.xml has no microprofile-openapi-smallrye subsystem after configure-microprofile.cli"
grep -q 'error-page name="seatkeeper-json-404"' "$wf_home/standalone/configuration/standalone.xml" \
    || fail "standalone.xml has no seatkeeper-json-404 error page after configure-edge.cli"
t_configure=$((SECONDS - t0))

# ---- 3. Free ports: every socket binding in standalone.xml is shifted by the offset ----
phase="ports"
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
offset_free() {
    local base
    for base in 8080 8443 8009 9990 9993 4712 4713; do
        if port_in_use $((base + $1)); then return 1; fi
    done
    return 0
}
if [[ -n ${SMOKE_PORT_OFFSET:-} ]]; then
    offset=$SMOKE_PORT_OFFSET
    offset_free "$offset" || fail "a port of offset $offset (e.g. $((8080 + offset)), $((9990 + offset))) is in use"
else
    offset=""
    start=$((100 + RANDOM % 800))
    for ((i = 0; i < 200; i++)); do
        candidate=$(((start + i * 7) % 1000 + 100))
        if offset_free "$candidate"; then
            offset=$candidate
            break
        fi
    done
    [[ -n $offset ]] || fail "found no port offset with all ports free"
fi
http_port=$((8080 + offset))
base_url="http://127.0.0.1:$http_port"

# ---- 4. Start the server with the WAR in deployments/ ----
phase="boot+deploy"
t0=$SECONDS
export SEATKEEPER_ADMIN_TOKEN=smoke-operator
export SEATKEEPER_SECRET="smoke-secret-$RANDOM$RANDOM$RANDOM$RANDOM"
export SEATKEEPER_METRICS_TOKEN="smoke-metrics-$RANDOM$RANDOM$RANDOM$RANDOM"
export LAUNCH_JBOSS_IN_BACKGROUND=1
export JBOSS_PIDFILE=$run_dir/wildfly.pid
cp "$war" "$deployments/seatkeeper.war"
log "starting WildFly $version (port offset $offset: HTTP $http_port, management $((9990 + offset)))"
(cd "$run_dir" && exec "$wf_home/bin/standalone.sh" -c standalone.xml \
    "-Djboss.socket.binding.port-offset=$offset") > "$console_log" 2>&1 < /dev/null &
launcher_pid=$!

deadline=$((SECONDS + timeout))
while true; do
    if [[ -z $server_pid && -s $JBOSS_PIDFILE ]]; then
        server_pid=$(cat "$JBOSS_PIDFILE")
    fi
    if [[ -f $deployments/seatkeeper.war.deployed ]]; then
        break
    fi
    if [[ -f $deployments/seatkeeper.war.failed ]]; then
        echo "----- $deployments/seatkeeper.war.failed -----" >&2
        cat "$deployments/seatkeeper.war.failed" >&2 || true
        echo >&2
        fail "deployment of seatkeeper.war failed"
    fi
    if ! kill -0 "$launcher_pid" 2>/dev/null; then
        fail "the server exited before seatkeeper.war was deployed"
    fi
    if ((SECONDS > deadline)); then
        fail "seatkeeper.war was not deployed within $timeout s"
    fi
    sleep 0.5
done
# The marker can precede the end of boot by a moment: wait until the HTTP listener answers.
until curl -s -o /dev/null --max-time 2 "$base_url/"; do
    ((SECONDS <= deadline)) || fail "no HTTP answer on $base_url within $timeout s"
    kill -0 "$launcher_pid" 2>/dev/null || fail "the server exited after deploying seatkeeper.war"
    sleep 0.3
done
t_boot=$((SECONDS - t0))
log "seatkeeper.war deployed in $t_boot s"

# ---- 5. Real requests ----
phase="checks"
t0=$SECONDS
passed=0
failed=0
failures=()
body_file=$run_dir/body

# check NAME EXPECTED_STATUS EXPECTED_SUBSTRING CURL_ARGS...
check() {
    local name=$1 want_status=$2 want_text=$3
    shift 3
    local status
    status=$(curl -sS -o "$body_file" -w '%{http_code}' --max-time 30 "$@" 2>"$run_dir/curl.err") || status="curl-error"
    if [[ $status == "$want_status" ]] && grep -qF -- "$want_text" "$body_file"; then
        passed=$((passed + 1))
        log "ok   $name -> $status"
    else
        failed=$((failed + 1))
        failures+=("$name")
        log "FAIL $name: expected HTTP $want_status with '$want_text', got $status"
        if [[ -s $run_dir/curl.err ]]; then cat "$run_dir/curl.err"; fi
        echo "----- response body (first 2000 bytes) -----"
        head -c 2000 "$body_file" 2>/dev/null || true
        echo
        echo "-----"
    fi
}

# The named top-level field of the last response body.
field() { node -e 'const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]]; console.log(v ?? "")' "$body_file" "$1"; }

slug="smoke-$(date +%s)-$RANDOM"
org_json="{\"name\":\"Smoke\",\"slug\":\"$slug\",\"feature_settings\":{\"seat_based_pricing_enabled\":true}}"
check "POST /seatkeeper/v1/organizations/ (operator token)" 201 '"slug"' \
    -X POST -H 'Authorization: Bearer smoke-operator' -H 'Content-Type: application/json' \
    -H 'Accept: application/json' --data "$org_json" "$base_url/seatkeeper/v1/organizations/"
org_id=$(field id)
check "POST /seatkeeper/v1/organizations/ (no token)" 401 '"Unauthorized"' \
    -X POST -H 'Content-Type: application/json' -H 'Accept: application/json' \
    --data "${org_json/$slug/$slug-anon}" "$base_url/seatkeeper/v1/organizations/"
check "GET /openapi" 200 'organizations:create' "$base_url/openapi"
# configure-edge.cli: what WildFly answers outside the application is JSON.
check "GET / (no welcome page)" 404 '"ResourceNotFound"' "$base_url/"
check "GET /nothing-here" 404 '"ResourceNotFound"' "$base_url/nothing-here"
check "GET /seatkeeper/WEB-INF/web.xml" 404 '"ResourceNotFound"' "$base_url/seatkeeper/WEB-INF/web.xml"
# Rewritten to the application (configure-edge.cli), which answers 413 first and discards the body it did not read.
head -c 2000000 /dev/zero > "$run_dir/big-body"
check "POST /seatkeeper/WEB-INF/web.xml (2 MB body)" 413 '"PayloadTooLarge"' -X POST \
    -H 'Content-Type: application/json' --data-binary @"$run_dir/big-body" "$base_url/seatkeeper/WEB-INF/web.xml"

# The seat flow end to end, so that what differs between Hibernate and EclipseLink (row locks by native query,
# enum and UUID binding, mapped superclasses, observers in the transaction) is exercised on WildFly too.
api=$base_url/seatkeeper/v1
json=(-H 'Content-Type: application/json' -H 'Accept: application/json')
check "POST organization-access-tokens" 201 '"polar_oat_' -X POST "${json[@]}" -H 'Authorization: Bearer smoke-operator' \
    --data "{\"organization_id\":\"$org_id\",\"scopes\":[\"products:write\",\"customers:write\",\"subscriptions:write\",\"customer_seats:write\",\"customer_sessions:write\"]}" \
    "$api/organization-access-tokens/"
oat=(-H "Authorization: Bearer $(field token)")
check "POST products (seat-based)" 201 '"seat_based"' -X POST "${json[@]}" "${oat[@]}" --data \
    '{"name":"Smoke plan","recurring_interval":"month","prices":[{"amount_type":"seat_based","seat_tiers":{"tiers":[{"min_seats":1,"price_per_seat":500}]}}]}' \
    "$api/products/"
product_id=$(field id)
check "POST customers" 201 '"individual"' -X POST "${json[@]}" "${oat[@]}" --data '{"email":"billing@smoke.example"}' "$api/customers/"
customer_id=$(field id)
check "POST subscriptions (3 seats)" 201 '"active"' -X POST "${json[@]}" "${oat[@]}" \
    --data "{\"product_id\":\"$product_id\",\"customer_id\":\"$customer_id\",\"seats\":3}" "$api/subscriptions/"
subscription_id=$(field id)
check "POST customer-seats (assign)" 200 '"pending"' -X POST "${json[@]}" "${oat[@]}" \
    --data "{\"subscription_id\":\"$subscription_id\",\"email\":\"ada@smoke.example\"}" "$api/customer-seats"
seat_id=$(field id)
invitation=$(field invitation_token)
check "GET customer-seats/claim/{token}" 200 '"can_claim":true' "${json[@]}" "$api/customer-seats/claim/$invitation"
check "POST customer-seats/claim" 200 '"polar_mst_' -X POST "${json[@]}" --data "{\"invitation_token\":\"$invitation\"}" \
    "$api/customer-seats/claim"
holder=$(field customer_session_token)
check "POST customer-seats/claim (used token)" 400 '"InvalidInvitationToken"' -X POST "${json[@]}" \
    --data "{\"invitation_token\":\"$invitation\"}" "$api/customer-seats/claim"
check "POST customer-seats/activity" 200 '"accepted":1' -X POST "${json[@]}" "${oat[@]}" \
    --data "{\"items\":[{\"seat_id\":\"$seat_id\",\"at\":\"2026-01-02T03:04:05Z\"}]}" "$api/customer-seats/activity"
check "POST customer-sessions" 201 '"polar_mst_' -X POST "${json[@]}" "${oat[@]}" \
    --data "{\"customer_id\":\"$customer_id\"}" "$api/customer-sessions/"
owner=$(field token)
check "DELETE customer-portal/seats/{id} (with its activity)" 200 '"last_active_at":"2026-01-02T03:04:05' -X DELETE \
    "${json[@]}" -H "Authorization: Bearer $owner" "$api/customer-portal/seats/$seat_id"
check "holder's session ended" 401 '"invalid_token"' "${json[@]}" -H "Authorization: Bearer $holder" \
    "$api/customer-portal/customer-session/introspect"
check "DELETE subscriptions/{id}" 200 '"canceled"' -X DELETE "${json[@]}" "${oat[@]}" "$api/subscriptions/$subscription_id"

# Operations: health on the management port (configure-microprofile.cli adds MicroProfile Health there), the
# application's metrics behind SEATKEEPER_METRICS_TOKEN, counting the flow above.
management_url="http://127.0.0.1:$((9990 + offset))"
check "GET :$((9990 + offset))/health/live" 200 '"UP"' "$management_url/health/live"
check "GET :$((9990 + offset))/health/ready (database check)" 200 '{"name":"database","status":"UP"}' "$management_url/health/ready"
check "GET :$((9990 + offset))/health/started" 200 '"UP"' "$management_url/health/started"
check "GET /seatkeeper/metrics (no token)" 401 '"Unauthorized"' "$base_url/seatkeeper/metrics"
check "GET /seatkeeper/metrics (wrong token)" 401 '"Unauthorized"' -H 'Authorization: Bearer smoke-operator' "$base_url/seatkeeper/metrics"
check "GET /seatkeeper/metrics (token)" 200 'seatkeeper_seat_operations_seconds_count{operation="claim",outcome="success"} 1' \
    -H "Authorization: Bearer $SEATKEEPER_METRICS_TOKEN" "$base_url/seatkeeper/metrics"
t_checks=$((SECONDS - t0))

# ---- 5b. The seeded hostile request generator (conformance/edge/hostile.mjs), as against the microbundle ----
phase="hostile"
t0=$SECONDS
hostile_args=(--url "$base_url/seatkeeper" --operator smoke-operator --count "${SMOKE_HOSTILE_COUNT:-2000}" --server wildfly)
if [[ -n ${SMOKE_HOSTILE_SEED:-} ]]; then hostile_args+=(--seed "$SMOKE_HOSTILE_SEED"); fi
if node "$repo_root/conformance/edge/hostile.mjs" "${hostile_args[@]}" 2>&1 | sed 's/^/[wildfly-smoke] /'; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
    failures+=("hostile requests")
fi
t_hostile=$((SECONDS - t0))

# ---- 5c. The claim path in a real headless Chromium (SMOKE_BROWSER=1), as PagesIT does on Payara Micro ----
# The test (src/test/java/dev/seatkeeper/pages/ClaimPathOnServerIT.java) must be compiled already (mvn verify or
# test-compile, as .ci/run does before this script); Chromium comes from server-config/chromium/ensure.sh.
if [[ ${SMOKE_BROWSER:-} == 1 ]]; then
    phase="browser"
    if bash "$repo_root/server-config/chromium/ensure.sh" \
        && SEATKEEPER_PAGES_URL="$base_url/seatkeeper" SEATKEEPER_PAGES_OPERATOR=smoke-operator \
            mvn -B -q -f "$repo_root/pom.xml" failsafe:integration-test failsafe:verify \
            -Dit.test=ClaimPathOnServerIT -Dfailsafe.failIfNoSpecifiedTests=true 2>&1 | sed 's/^/[wildfly-smoke] /'; then
        passed=$((passed + 1))
        log "ok   the claim page in Chromium: invitation shown, seat claimed, portal opened"
    else
        failed=$((failed + 1))
        failures+=("claim page in Chromium")
    fi
fi

# ---- 6. Stop and report ----
phase="shutdown"
t0=$SECONDS
stop_server
t_stop=$((SECONDS - t0))
timings="total $((SECONDS - started_at)) s: download $t_download s, configure $t_configure s, boot+deploy $t_boot s, checks $t_checks s, hostile $t_hostile s, stop $t_stop s"
summary_done=1
if ((failed > 0)); then
    print_tail "$server_log" 80 >&2
    echo "FAIL wildfly-smoke: WildFly $version, $passed of $((passed + failed)) checks passed (failed: $(IFS=';'; echo "${failures[*]}")); $timings"
    exit 1
fi
echo "PASS wildfly-smoke: WildFly $version, $passed of $passed checks passed on port $http_port (database ${SEATKEEPER_DB_URL:-H2 file}); $timings"
