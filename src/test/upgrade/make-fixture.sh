#!/usr/bin/env bash
# Makes the upgrade test's fixture (src/test/resources/upgrade/): a database created by an EARLIER release's JPA schema
# generation, with seats in every state, dumped with H2's SCRIPT, and the tokens needed to use it afterwards.
#
#   src/test/upgrade/make-fixture.sh PREVIOUS_MICROBUNDLE.jar GIT_COMMIT
#
# PREVIOUS_MICROBUNDLE.jar is target/seatkeeper-microbundle.jar built (mvn -B clean package -DskipTests) at GIT_COMMIT,
# the last commit whose schema came from JPA schema generation. The server starts on an empty H2 file with a fixed
# SEATKEEPER_SECRET (so the stored token hashes match the tokens written to fixture.properties) and invitation and
# session lifetimes of 100 years (so the fixture does not expire), is filled through the HTTP API, stopped, and the
# database is dumped with org.h2.tools.Script of the H2 version Payara Micro bundles. Needs curl, jq and Maven.
set -euo pipefail
jar=$(realpath "$1")
commit=$2
out=$(cd "$(dirname "$0")/../resources/upgrade" && pwd)
port=${FIXTURE_PORT:-8150}
api=http://127.0.0.1:$port
work=$(mktemp -d)
admin=fixture-operator-token
export SEATKEEPER_ADMIN_TOKEN=$admin SEATKEEPER_SECRET=upgrade-fixture-secret SEATKEEPER_DATA_DIR=$work/data \
    SEATKEEPER_INVITATION_TTL=P36500D SEATKEEPER_SESSION_TTL=P36500D \
    SEATKEEPER_DB_URL="jdbc:h2:file:$work/seatkeeper;LOCK_TIMEOUT=10000"

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
org=$(post /v1/organizations/ $admin '{"name": "Upgrade", "slug": "upgrade",
    "feature_settings": {"seat_based_pricing_enabled": true, "member_model_enabled": true}}' | jq -r .id)
oat=$(post /v1/organization-access-tokens/ $admin "{\"organization_id\": \"$org\", \"comment\": \"fixture\",
    \"scopes\": [\"products:write\", \"customers:write\", \"members:write\", \"subscriptions:write\",
    \"orders:write\", \"customer_seats:write\", \"customer_sessions:write\"]}" | jq -r .token)
monthly=$(post /v1/products/ "$oat" '{"name": "Team", "recurring_interval": "month", "prices": [{"amount_type":
    "seat_based", "price_currency": "usd", "seat_tiers": {"tiers": [{"min_seats": 1, "price_per_seat": 1000}]}}]}' | jq -r .id)
once=$(post /v1/products/ "$oat" '{"name": "Once", "prices": [{"amount_type": "seat_based", "price_currency": "usd",
    "seat_tiers": {"tiers": [{"min_seats": 1, "price_per_seat": 5000}]}}]}' | jq -r .id)
customer=$(post /v1/customers/ "$oat" '{"email": "billing@upgrade.example", "name": "Upgrade Inc."}' | jq -r .id)
subscription=$(post /v1/subscriptions/ "$oat" "{\"product_id\": \"$monthly\", \"customer_id\": \"$customer\",
    \"seats\": 5}" | jq -r .id)
order=$(post /v1/orders/ "$oat" "{\"product_id\": \"$once\", \"customer_id\": \"$customer\", \"seats\": 2}" | jq -r .id)

assign() { # container-field container-id email -> "id token"
    post /v1/customer-seats "$oat" "{\"$1\": \"$2\", \"email\": \"$3\"}" | jq -r '.id + " " + .invitation_token'
}
read -r pending_id pending_token < <(assign subscription_id "$subscription" ada@upgrade.example)
read -r claimed_id claimed_token < <(assign subscription_id "$subscription" cy@upgrade.example)
read -r revoked_id _ < <(assign subscription_id "$subscription" dee@upgrade.example)
read -r order_pending_id order_pending_token < <(assign order_id "$order" eve@upgrade.example)
holder=$(curl -sf -X POST "$api/v1/customer-seats/claim" -H 'Content-Type: application/json' \
    -d "{\"invitation_token\": \"$claimed_token\"}" | jq -r .customer_session_token)
curl -sf -X DELETE "$api/v1/customer-seats/$revoked_id" -H "Authorization: Bearer $oat" >/dev/null

kill $server
wait $server || true
h2=$(mvn -q -B dependency:get -Dartifact=com.h2database:h2:2.2.224 >/dev/null && echo ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar)
java -cp "$h2" org.h2.tools.Script -url "jdbc:h2:file:$work/seatkeeper" -user sa -password sa -script "$out/previous-release.sql"
cat >"$out/fixture.properties" <<PROPS
# Made by src/test/upgrade/make-fixture.sh from the microbundle of commit $commit (schema by JPA schema generation).
commit=$commit
secret=$SEATKEEPER_SECRET
organization_token=$oat
subscription_id=$subscription
order_id=$order
pending_seat_id=$pending_id
pending_invitation_token=$pending_token
claimed_seat_id=$claimed_id
claimed_holder_session=$holder
revoked_seat_id=$revoked_id
order_pending_seat_id=$order_pending_id
order_pending_invitation_token=$order_pending_token
PROPS
rm -rf "$work"
echo "fixture written to $out"
