#!/usr/bin/env bash
# Makes the second part of the upgrade test's fixture (src/test/resources/upgrade/): a webhook endpoint as the LAST
# release before Standard Webhooks secrets made it (a legacy `whsec_` secret, sealed with the fixture's
# SEATKEEPER_SECRET), in the organization of previous-release.sql.
#
#   src/test/upgrade/make-webhook-fixture.sh RELEASE_MICROBUNDLE.jar GIT_COMMIT
#
# RELEASE_MICROBUNDLE.jar is target/seatkeeper-microbundle.jar built (mvn -B clean package -DskipTests) at GIT_COMMIT,
# the last commit before schema version 4. The server starts on previous-release.sql (which it migrates to its own
# schema), makes an access token and the endpoint through the HTTP API, and stops; the endpoint's row is dumped with
# H2's SCRIPT (webhook-endpoint.sql, one INSERT the test runs after migrating the fixture to that release's schema
# version) and its secret in clear written to webhook-endpoint.properties. Needs curl, jq and Maven.
set -euo pipefail
jar=$(realpath "$1")
commit=$2
out=$(cd "$(dirname "$0")/../resources/upgrade" && pwd)
port=${FIXTURE_PORT:-8151}
api=http://127.0.0.1:$port
work=$(mktemp -d)
admin=fixture-operator-token
h2=$(mvn -q -B dependency:get -Dartifact=com.h2database:h2:2.2.224 >/dev/null && echo ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar)
java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:file:$work/seatkeeper" -user sa -password sa \
    -script "$out/previous-release.sql"
org=$(java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$work/seatkeeper" \
    -user sa -password sa -sql 'SELECT ID FROM ORGANIZATIONS' 2>/dev/null | sed -n 2p | tr -d ' ')
export SEATKEEPER_ADMIN_TOKEN=$admin SEATKEEPER_SECRET=$(sed -n 's/^secret=//p' "$out/fixture.properties") \
    SEATKEEPER_DATA_DIR=$work/data SEATKEEPER_DB_URL="jdbc:h2:file:$work/seatkeeper;LOCK_TIMEOUT=10000"

java -jar "$jar" --port "$port" --nohazelcast --disablephonehome >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 180); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$api/v1/customers/") == 401 ]] && break
    sleep 1
done

post() { # path token body
    curl -sf -X POST "$api$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3"
}
oat=$(post /v1/organization-access-tokens/ $admin "{\"organization_id\": \"$org\", \"comment\": \"webhooks\",
    \"scopes\": [\"webhooks:write\"]}" | jq -r .token)
endpoint=$(post /v1/webhooks/endpoints "$oat" '{"url": "http://127.0.0.1:9/hook", "format": "raw",
    "events": ["customer_seat.assigned", "customer_seat.claimed"]}')
kill $server
wait $server || true
java -cp "$h2" org.h2.tools.Script -url "jdbc:h2:file:$work/seatkeeper" -user sa -password sa \
    -script "$work/dump.sql" -options SIMPLE TABLE WEBHOOK_ENDPOINTS
grep '^INSERT INTO "PUBLIC"."WEBHOOK_ENDPOINTS"' "$work/dump.sql" >"$out/webhook-endpoint.sql"
cat >"$out/webhook-endpoint.properties" <<PROPS
# Made by src/test/upgrade/make-webhook-fixture.sh from the microbundle of commit $commit (schema version 3).
commit=$commit
schema_version=3
endpoint_id=$(jq -r .id <<<"$endpoint")
endpoint_secret=$(jq -r .secret <<<"$endpoint")
PROPS
rm -rf "$work"
echo "fixture written to $out"
