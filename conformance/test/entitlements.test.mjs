// Offline seat entitlements (contract, "Beyond Polar: offline seat entitlements") checked the way a merchant's app
// checks them: with the `jose` npm package against the organization's jwks.json (signature, typ, claims, exp), and the
// Token Status List whose bit flips after a revoke. A tampered token, another organization's key set and a token
// whose key was revoked (rotate?revoke_previous=true) all fail.
import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";
import { afterEach, before, describe, it } from "node:test";
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { BASE_URL, OPERATOR, SEAT_TIERS, assertNoProtocolViolations, ok, rawExpect, sdk, tenant, uniqueEmail } from "./lib.mjs";

const base = BASE_URL.replace(/\/$/, "");
const s = {};

afterEach(() => assertNoProtocolViolations());

async function shop() {
  const t = await tenant({ seats: true, memberModel: true });
  const product = await ok("products.create", t.polar.products.create({
    name: `Offline ${Math.random().toString(36).slice(2, 8)}`, recurringInterval: "month",
    prices: [{ amountType: "seat_based", priceCurrency: "usd", seatTiers: SEAT_TIERS }],
  }));
  const customer = await ok("customers.create", t.polar.customers.create({ email: uniqueEmail("billing") }));
  const sub = await ok("subscriptions.create",
    sdk(t.token, { extraBody: { seats: 3 } }).subscriptions.create({ productId: product.id, customerId: customer.id }));
  return { ...t, productId: product.id, customerId: customer.id, subscriptionId: sub.id };
}

async function claimedSeat(t) {
  const assigned = await rawExpect("POST", "/v1/customer-seats", t.token,
    { subscription_id: t.subscriptionId, email: uniqueEmail("holder") }, 200);
  const claimed = await rawExpect("POST", "/v1/customer-seats/claim", null,
    { invitation_token: assigned.invitation_token }, 200);
  return claimed.seat;
}

async function issue(t, seatId) {
  return rawExpect("POST", `/v1/customer-seats/${seatId}/entitlement`, t.token, undefined, 200);
}

function keySetUrl(t) {
  return new URL(`${base}/v1/organizations/${t.org.id}/jwks.json`);
}

async function keySet(t) {
  const res = await fetch(keySetUrl(t));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("cache-control"), "public, max-age=3600");
  return res.json();
}

async function statusBit(t, idx) {
  const res = await fetch(`${base}/v1/organizations/${t.org.id}/seat-status-list`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type"), /^application\/statuslist\+jwt/);
  const { payload, protectedHeader } = await jwtVerify(await res.text(), createLocalJWKSet(await keySet(t)), {
    typ: "statuslist+jwt", algorithms: ["EdDSA"],
  });
  assert.equal(protectedHeader.typ, "statuslist+jwt");
  assert.equal(payload.sub, `${base}/v1/organizations/${t.org.id}/seat-status-list`);
  assert.equal(payload.ttl, 300);
  assert.equal(payload.status_list.bits, 1);
  const bits = inflateSync(Buffer.from(payload.status_list.lst, "base64url"));
  return (bits[idx >> 3] >> (idx & 7)) & 1;
}

describe("offline seat entitlements, verified with jose", { concurrency: false }, () => {
  before(async () => {
    s.a = await shop();
    s.b = await shop();
  });

  it("a token verifies with jwks.json: EdDSA, typ, the contract's claims, exp", async () => {
    const seat = await claimedSeat(s.a);
    const answer = await issue(s.a, seat.id);
    assert.ok(answer.token.length < 1024, `${answer.token.length} characters`);
    const { payload, protectedHeader } = await jwtVerify(answer.token, createRemoteJWKSet(keySetUrl(s.a)), {
      issuer: `${base}/v1/organizations/${s.a.org.id}`, typ: "seat-entitlement+jwt", algorithms: ["EdDSA"],
    });
    assert.equal(protectedHeader.alg, "EdDSA");
    assert.equal(protectedHeader.kid, answer.kid);
    assert.deepEqual(Object.keys(payload).sort(), [
      "exp", "external_member_id", "iat", "iss", "jti", "nbf", "organization_id", "product_id", "seat_id", "status",
      "sub", "subscription_id",
    ]);
    assert.equal(payload.sub, seat.member_id);
    assert.equal(payload.seat_id, seat.id);
    assert.equal(payload.subscription_id, s.a.subscriptionId);
    assert.equal(payload.product_id, s.a.productId);
    assert.equal(payload.organization_id, s.a.org.id);
    assert.equal(payload.external_member_id, null);
    assert.equal(payload.nbf, payload.iat);
    assert.equal(payload.exp - payload.iat, 7 * 24 * 3600, "SEATKEEPER_ENTITLEMENT_TTL defaults to P7D");
    assert.equal(new Date(answer.expires_at).getTime() / 1000, payload.exp);
    assert.equal(payload.status.status_list.uri, `${base}/v1/organizations/${s.a.org.id}/seat-status-list`);
    assert.equal(typeof payload.status.status_list.idx, "number");
    await assert.rejects(
      jwtVerify(answer.token, createLocalJWKSet(await keySet(s.a)), { currentDate: new Date((payload.exp + 1) * 1000) }),
      { code: "ERR_JWT_EXPIRED" });
  });

  it("the seat's status bit flips in the status list right after a revoke", async () => {
    const seat = await claimedSeat(s.a);
    const other = await claimedSeat(s.a);
    const { payload } = await jwtVerify((await issue(s.a, seat.id)).token, createLocalJWKSet(await keySet(s.a)));
    const { payload: otherPayload } = await jwtVerify((await issue(s.a, other.id)).token,
      createLocalJWKSet(await keySet(s.a)));
    const idx = payload.status.status_list.idx;
    assert.equal(await statusBit(s.a, idx), 0);
    await rawExpect("DELETE", `/v1/customer-seats/${seat.id}`, s.a.token, undefined, 200);
    assert.equal(await statusBit(s.a, idx), 1);
    assert.equal(await statusBit(s.a, otherPayload.status.status_list.idx), 0);
    const refused = await fetch(`${base}/v1/customer-seats/${seat.id}/entitlement`, {
      method: "POST", headers: { Authorization: `Bearer ${s.a.token}` },
    });
    assert.equal(refused.status, 400);
    assert.equal((await refused.json()).error, "SeatNotClaimed");
  });

  it("a tampered token, another organization's keys and a revoked key all fail", async () => {
    const seat = await claimedSeat(s.a);
    const { token } = await issue(s.a, seat.id);
    const keys = createLocalJWKSet(await keySet(s.a));
    await jwtVerify(token, keys);

    const [header, body, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(body, "base64url").toString());
    claims.seat_id = "00000000-0000-4000-8000-000000000000";
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
    await assert.rejects(jwtVerify(forged, keys), { code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
    const flipped = signature[0] === "A" ? "B" : "A";
    await assert.rejects(jwtVerify([header, body, flipped + signature.slice(1)].join("."), keys));

    await assert.rejects(jwtVerify(token, createLocalJWKSet(await keySet(s.b))), { code: "ERR_JWKS_NO_MATCHING_KEY" });

    const oldKid = decodeProtectedHeader(token).kid;
    const rotated = await rawExpect("POST", `/v1/organizations/${s.a.org.id}/entitlement-keys/rotate?revoke_previous=true`,
      OPERATOR, undefined, 200);
    assert.notEqual(rotated.kid, oldKid);
    const after = await keySet(s.a);
    assert.ok(!after.keys.some((k) => k.kid === oldKid), "the revoked key left jwks.json");
    await assert.rejects(jwtVerify(token, createLocalJWKSet(after)), { code: "ERR_JWKS_NO_MATCHING_KEY" });
    const fresh = await issue(s.a, seat.id);
    assert.equal(fresh.kid, rotated.kid);
    await jwtVerify(fresh.token, createLocalJWKSet(after), { typ: "seat-entitlement+jwt" });
  });
});
