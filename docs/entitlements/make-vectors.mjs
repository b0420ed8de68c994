#!/usr/bin/env node
// Makes docs/entitlements/vectors.json with a running Seatkeeper (SEATKEEPER_URL, SEATKEEPER_ADMIN_TOKEN): an
// organization with two claimed seats, a token for each, the second seat revoked, then the organization's jwks.json and
// status list as served, a tampered copy of the first token, and the verdict a verifier must reach for each token.
// EntitlementVectorsTest checks that they still verify. Start the server with SEATKEEPER_PUBLIC_URL=https://seats.example.com.
import { writeFileSync } from "node:fs";

const base = (process.env.SEATKEEPER_URL || "http://localhost:8080").replace(/\/$/, "");
const admin = process.env.SEATKEEPER_ADMIN_TOKEN;

async function call(method, path, token, body, status = 200) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body) headers["Content-Type"] = "application/json";
  const res = await fetch(base + path, { method, headers, body: body && JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text.startsWith("{") ? JSON.parse(text) : text;
}

const slug = `vectors-${Date.now()}`;
const org = await call("POST", "/v1/organizations/", admin, { name: "Vectors", slug }, 201);
const { token } = await call("POST", "/v1/organization-access-tokens/", admin, {
  organization_id: org.id, comment: "vectors", scopes: ["products:write", "customers:write", "subscriptions:write",
    "customer_seats:write", "customer_seats:read"],
}, 201);
const product = await call("POST", "/v1/products/", token, { name: "Desktop app", recurring_interval: "month",
  prices: [{ amount_type: "seat_based", price_currency: "usd", seat_tiers: { tiers: [{ min_seats: 1, price_per_seat: 900 }] } }],
}, 201);
const customer = await call("POST", "/v1/customers/", token, { email: "billing@customer.example" }, 201);
const sub = await call("POST", "/v1/subscriptions/", token, { product_id: product.id, customer_id: customer.id, seats: 2 }, 201);
const seats = [];
for (const who of ["ann", "bob"]) {
  const assigned = await call("POST", "/v1/customer-seats", token, { subscription_id: sub.id, email: `${who}@customer.example` });
  seats.push((await call("POST", "/v1/customer-seats/claim", null, { invitation_token: assigned.invitation_token })).seat);
}
const [held, revoked] = [await call("POST", `/v1/customer-seats/${seats[0].id}/entitlement`, token),
  await call("POST", `/v1/customer-seats/${seats[1].id}/entitlement`, token)];
await call("DELETE", `/v1/customer-seats/${seats[1].id}`, token);
const jwks = await call("GET", `/v1/organizations/${org.id}/jwks.json`);
const statusList = await call("GET", `/v1/organizations/${org.id}/seat-status-list`);

const claims = (jws) => JSON.parse(Buffer.from(jws.split(".")[1], "base64url").toString());
const [header, body, signature] = held.token.split(".");
const forged = { ...claims(held.token), seat_id: seats[1].id };
const tampered = [header, Buffer.from(JSON.stringify(forged)).toString("base64url"), signature].join(".");
const at = claims(held.token).iat + 60;
writeFileSync(new URL("./vectors.json", import.meta.url), JSON.stringify({
  description: "Offline seat entitlement test vectors made by a real Seatkeeper (make-vectors.mjs). Verify each token "
    + "with jwks, at verify_at (seconds since the epoch), then read its status bit in status_list (verified with the "
    + "same jwks). Verdicts: valid, revoked (signature and exp hold, status bit 1), invalid_signature, expired.",
  issuer: `${claims(held.token).iss}`,
  jwks,
  status_list: statusList,
  cases: [
    { name: "a claimed seat", token: held.token, verify_at: at, verdict: "valid", claims: claims(held.token) },
    { name: "a revoked seat", token: revoked.token, verify_at: at, verdict: "revoked", claims: claims(revoked.token) },
    { name: "a token whose seat_id was changed", token: tampered, verify_at: at, verdict: "invalid_signature" },
    { name: "a claimed seat after exp", token: held.token, verify_at: claims(held.token).exp + 1, verdict: "expired" },
  ],
}, null, 2) + "\n");
console.log("wrote vectors.json");
