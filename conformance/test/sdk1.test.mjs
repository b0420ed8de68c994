// Polar's current TypeScript SDK (@polar-sh/sdk 1.0.1, installed under the alias polar-sdk-1) against a running
// Seatkeeper: every call sends `Polar-Version`, errors come back as the SDK's typed error classes.
//
// 1.0.1 does not validate responses, so this suite checks them itself: every key that the SDK's model for the
// response declares as required (its .d.mts interfaces, read at run time for the version in use) must be present,
// and every answer must echo the Polar-Version that was sent.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterEach, before, describe, it } from "node:test";
import { PolarClientError } from "polar-sdk-1";
import { validateEvent as validateEvent049, WebhookVerificationError } from "@polar-sh/sdk/webhooks";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { startReceiver } from "../local.mjs";
import * as v2026_04 from "polar-sdk-1/2026-04";
import * as v2026_10 from "polar-sdk-1/2026-10";
import * as v2027_01 from "polar-sdk-1/2027-01";
import {
  ALL_SCOPES, BASE_URL, assertNoProtocolViolations, randomUUID, raw, rawExpect, tenant, uniqueEmail,
} from "./lib.mjs";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const VERSIONS = { "2026-04": v2026_04, "2026-10": v2026_10, "2027-01": v2027_01 };
const { errors } = v2026_04;

// ---------------------------------------------------------------------------------------------------------------
// Every request the SDK sends goes through the global fetch: record the version sent and the version echoed.
// ---------------------------------------------------------------------------------------------------------------
const versionProblems = [];
const originalFetch = globalThis.fetch;
globalThis.fetch = async (url, init = {}) => {
  const res = await originalFetch(url, init);
  const sent = init.headers instanceof Headers ? init.headers.get("Polar-Version") : null;
  if (sent) {
    const echoed = res.headers.get("Polar-Version");
    if (echoed !== sent) {
      versionProblems.push(`${init.method} ${new URL(url).pathname} sent Polar-Version ${sent}, answer echoed ${echoed}`);
    }
    const problem = deprecationProblem(sent, res.headers);
    if (problem) versionProblems.push(`${init.method} ${new URL(url).pathname}: ${problem}`);
    const type = (res.headers.get("content-type") || "").split(";")[0];
    if (res.status !== 204 && type !== "application/json") {
      versionProblems.push(`${init.method} ${new URL(url).pathname} -> ${res.status} with Content-Type '${type}'`);
    }
  }
  return res;
};

/**
 * Contract, "API versions": answers to 2026-04 (deprecated by the default settings since 2026-10-01, sunset
 * 2027-01-15) carry Deprecation (RFC 9745), Sunset (RFC 8594) and a Link to the OpenAPI document; answers to the other
 * versions none of them. Returns what is wrong, or null.
 */
function deprecationProblem(version, headers) {
  const got = { deprecation: headers.get("deprecation"), sunset: headers.get("sunset"), link: headers.get("link") };
  if (version === "2026-04") {
    const want = {
      deprecation: "@1790812800", sunset: "Fri, 15 Jan 2027 00:00:00 GMT", link: `<${BASE_URL}/openapi>; rel="deprecation"`,
    };
    return JSON.stringify(got) === JSON.stringify(want) ? null : `2026-04 answered with ${JSON.stringify(got)}, want ${JSON.stringify(want)}`;
  }
  return Object.values(got).every((v) => v === null) ? null : `${version} answered with deprecation headers ${JSON.stringify(got)}`;
}

afterEach(() => {
  assertNoProtocolViolations();
  if (shapeProblems.length) assert.fail(`responses without keys that SDK 1.0.1's models require:\n${shapeProblems.splice(0).join("\n")}`);
  if (versionProblems.length) assert.fail(versionProblems.splice(0).join("\n"));
});

// ---------------------------------------------------------------------------------------------------------------
// The SDK's response models, read from its type declarations.
// ---------------------------------------------------------------------------------------------------------------
const sdkDist = dirname(createRequire(import.meta.url).resolve("polar-sdk-1"));

function declarations(version) {
  const index = readFileSync(join(sdkDist, version, "index.d.mts"), "utf8");
  const models = /from "\.\.\/(models-[^"]+)\.mjs"/.exec(index)?.[1];
  const file = models ? `${models}.d.mts` : readdirSync(sdkDist).find((f) => f.startsWith("models-") && f.endsWith(".d.mts"));
  return readFileSync(join(sdkDist, file), "utf8");
}
const declared = Object.fromEntries(Object.keys(VERSIONS).map((v) => [v, declarations(v)]));

/** The required keys of an interface, or the alternatives of a union type alias, of the version's models. */
function model(version, name) {
  const text = declared[version];
  const iface = new RegExp(`^interface ${name} \\{\\n([\\s\\S]*?)^\\}`, "m").exec(text);
  if (iface) {
    const keys = [...iface[1].matchAll(/^ {2}([a-z_][a-z0-9_]*): /gm)].map((m) => m[1]);
    return { keys };
  }
  const alias = new RegExp(`^type ${name} = ([A-Za-z0-9_ |]+);`, "m").exec(text);
  if (alias) return { union: alias[1].split("|").map((s) => s.trim()) };
  throw new Error(`SDK 1.0.1 (${version}) declares no model ${name}`);
}

/**
 * Checks that `value` has every key that the SDK's model `name` requires (any alternative of a union). A missing key
 * is collected and reported when the step ends, so that one run lists every model the server falls short of.
 */
const shapeProblems = [];
function assertShape(name, value, version = "2026-04") {
  try {
    checkShape(name, value, version);
  } catch (err) {
    shapeProblems.push(err.message.split("\n")[0] + " " + JSON.stringify(err.actual ?? ""));
  }
  return value;
}

function checkShape(name, value, version) {
  const m = model(version, name);
  if (m.union) {
    const problems = m.union.map((alt) => {
      const missing = model(version, alt).keys.filter((k) => !(k in value));
      return { alt, missing };
    });
    if (!problems.some((p) => p.missing.length === 0)) {
      assert.fail(`${name} (${version}): no alternative fits; missing ${JSON.stringify(problems)} in ${JSON.stringify(value)}`);
    }
    return value;
  }
  const missing = m.keys.filter((k) => !(k in value));
  assert.deepEqual(missing, [], `${name} (${version}) keys missing from ${JSON.stringify(value)}`);
  return value;
}

function client(token, version = "2026-04") {
  return VERSIONS[version].createPolar({ accessToken: token, baseUrl: BASE_URL, timeout: 30 });
}

/** Awaits a call that must fail with an instance of `type` and HTTP `status`; returns the parsed error body. */
async function rejects(label, promise, type, status, error) {
  try {
    const value = await promise;
    assert.fail(`${label}: expected HTTP ${status}, the call succeeded: ${JSON.stringify(value)}`);
  } catch (err) {
    if (err?.code === "ERR_ASSERTION") throw err;
    assert.ok(err instanceof type, `${label}: expected ${type.name}, got ${err?.name}: ${err?.message}`);
    assert.equal(err.statusCode, status, `${label}: ${err.message}`);
    if (error !== undefined) assert.equal(err.error?.error, error, `${label}: ${JSON.stringify(err.error)}`);
    return err.error;
  }
}

const s = {};

describe("Seatkeeper speaks Polar's API to @polar-sh/sdk 1.0.1", { concurrency: false }, () => {
  before(async () => {
    s.a = await tenant({ seats: true, memberModel: true });
    s.polar = client(s.a.token);
  });

  it("products, customers, subscriptions and orders", async () => {
    const tiers = { tiers: [{ min_seats: 1, max_seats: 10, price_per_seat: 1000 }, { min_seats: 11, price_per_seat: 800 }] };
    const product = assertShape("Product", await s.polar.products.create({
      name: `Team ${randomUUID().slice(0, 6)}`, recurring_interval: "month",
      prices: [{ amount_type: "seat_based", price_currency: "usd", seat_tiers: tiers }],
    }));
    s.productId = product.id;
    assert.equal((await s.polar.products.get(product.id)).id, product.id);
    const oneTime = await s.polar.products.create({
      name: `Pack ${randomUUID().slice(0, 6)}`,
      prices: [{ amount_type: "seat_based", price_currency: "usd", seat_tiers: tiers }],
    });
    const listedProducts = await s.polar.products.list({ limit: 100 });
    assert.ok(listedProducts.items.some((p) => p.id === product.id));

    s.customerEmail = uniqueEmail("billing");
    s.externalCustomerId = `ext-${randomUUID()}`;
    const customer = assertShape("Customer", await s.polar.customers.create({
      email: s.customerEmail, name: "Example Inc.", type: "team", external_id: s.externalCustomerId,
    }));
    s.customerId = customer.id;
    assert.equal((await s.polar.customers.get(customer.id)).email, s.customerEmail);
    assert.ok((await s.polar.customers.list({ limit: 100 })).items.some((c) => c.id === customer.id));
    await rejects("customers.get unknown", s.polar.customers.get(UNKNOWN), errors.ResourceNotFound, 404, "ResourceNotFound");
    await rejects("customers.create duplicate", s.polar.customers.create({ email: s.customerEmail.toUpperCase() }),
      errors.HTTPValidationError, 422);

    const subscription = assertShape("Subscription", await s.polar.subscriptions.create({
      product_id: product.id, customer_id: customer.id, seats: 3,
    }));
    s.subscriptionId = subscription.id;
    assert.equal(subscription.seats, 3);
    assert.equal((await s.polar.subscriptions.get(subscription.id)).status, "active");
    assert.ok((await s.polar.subscriptions.list({ customer_id: customer.id })).items.some((x) => x.id === subscription.id));

    const order = assertShape("Order", await s.polar.orders.create({ product_id: oneTime.id, customer_id: customer.id, seats: 2 }));
    assert.equal(order.status, "paid");
    assert.equal((await s.polar.orders.get(order.id)).id, order.id);
    await rejects("orders.get unknown", s.polar.orders.get(UNKNOWN), errors.ResourceNotFound, 404);
  });

  it("customers.members: create, list, get, update, delete by id", async () => {
    const members = s.polar.customers.members;
    const manager = assertShape("Member", await members.create(s.customerId, {
      email: uniqueEmail("manager"), name: "Bill", role: "billing_manager", external_id: `m-${randomUUID()}`,
    }));
    assert.equal(manager.role, "billing_manager");
    s.managerId = manager.id;
    const plainEmail = uniqueEmail("member");
    const plain = assertShape("Member", await members.create(s.customerId, { email: plainEmail }));
    assert.equal(plain.role, "member");
    s.plainId = plain.id;

    const page = assertShape("ListResourceMember", await members.list(s.customerId, { limit: 100 }));
    const owner = page.items.find((m) => m.role === "owner");
    assert.ok(owner, JSON.stringify(page));
    assert.equal(owner.email, s.customerEmail);
    s.ownerId = owner.id;
    assert.equal(page.items.length, 3);
    assert.deepEqual((await members.list(s.customerId, { role: "billing_manager" })).items.map((m) => m.id), [manager.id]);

    assert.equal((await members.get(s.customerId, plain.id)).email, plainEmail);
    const renamed = assertShape("Member", await members.update(s.customerId, plain.id, { name: "Renamed" }));
    assert.equal(renamed.name, "Renamed");

    await rejects("members.get unknown", members.get(s.customerId, UNKNOWN), errors.ResourceNotFound, 404, "ResourceNotFound");
    await rejects("members.create unknown customer", members.create(UNKNOWN, { email: uniqueEmail("x") }),
      errors.ResourceNotFound, 404);
    await rejects("members.create role owner", members.create(s.customerId, { email: uniqueEmail("o"), role: "owner" }),
      errors.HTTPValidationError, 422);
    const lastOwner = await rejects("members.delete the last owner", members.delete(s.customerId, owner.id),
      errors.HTTPValidationError, 422);
    assert.equal(lastOwner.error, "CannotRemoveLastOwner");
    const demote = await rejects("members.update demotes the last owner",
      members.update(s.customerId, owner.id, { role: "member" }), errors.HTTPValidationError, 422);
    assert.equal(demote.error, "CannotRemoveLastOwner");

    const throwaway = await members.create(s.customerId, { email: uniqueEmail("gone") });
    assert.equal(await members.delete(s.customerId, throwaway.id), undefined);
    await rejects("members.get deleted", members.get(s.customerId, throwaway.id), errors.ResourceNotFound, 404);

    // Another organization's token finds nothing.
    const other = client((await tenant({ seats: true, memberModel: true })).token);
    await rejects("members.get of another organization", other.customers.members.get(s.customerId, plain.id),
      errors.ResourceNotFound, 404);
  });

  it("customers.members by external ids", async () => {
    const members = s.polar.customers.members;
    const created = assertShape("Member", await members.createExternal(s.externalCustomerId, {
      email: uniqueEmail("ext"), external_id: "usr_1337",
    }));
    assert.equal(created.customer_id, s.customerId);
    assert.equal((await members.getExternal(s.externalCustomerId, "usr_1337")).id, created.id);
    assert.ok((await members.listExternal(s.externalCustomerId, {})).items.some((m) => m.id === created.id));
    const updated = await members.updateExternal(s.externalCustomerId, "usr_1337", { name: "External" });
    assert.equal(updated.name, "External");
    await members.deleteExternal(s.externalCustomerId, "usr_1337");
    await rejects("members.getExternal deleted", members.getExternal(s.externalCustomerId, "usr_1337"),
      errors.ResourceNotFound, 404);
    await rejects("members.createExternal unknown customer", members.createExternal("nobody", { email: uniqueEmail("n") }),
      errors.ResourceNotFound, 404);
  });

  it("customerSessions, customer seats: assign, list, claim info, claim, resend, revoke", async () => {
    const session = assertShape("CustomerSession", await s.polar.customerSessions.create({
      customer_id: s.customerId, member_id: s.ownerId,
    }));
    assert.match(session.token, /^polar_mst_/);
    s.ownerSession = session.token;
    s.managerSession = (await s.polar.customerSessions.create({ customer_id: s.customerId, member_id: s.managerId })).token;

    const seats = s.polar.customerSeats;
    s.holderEmail = uniqueEmail("holder");
    const seat = assertShape("CustomerSeat", await seats.assignSeat({
      subscription_id: s.subscriptionId, email: s.holderEmail, metadata: { team: "core" },
    }));
    assert.equal(seat.status, "pending");
    const token = seat.invitation_token;
    assert.match(token ?? "", /^[A-Za-z0-9_-]{43}$/, "Beyond Polar: the invitation token on organization routes");
    const info = assertShape("SeatClaimInfo", await seats.getClaimInfo(token));
    assert.equal(info.customer_email, s.holderEmail);
    const resent = await seats.resendInvitation(seat.id);
    const claimed = assertShape("CustomerSeatClaimResponse", await seats.claimSeat({ invitation_token: resent.invitation_token }));
    assertShape("CustomerSeat", claimed.seat);
    assert.equal(claimed.seat.status, "claimed");
    s.holderSession = claimed.customer_session_token;
    s.holderMemberId = claimed.seat.member_id;
    await rejects("claimSeat twice", seats.claimSeat({ invitation_token: resent.invitation_token }),
      errors.CustomerSeatsClaimSeat400Error, 400, "InvalidInvitationToken");

    const listed = assertShape("SeatsList", await seats.listSeats({ subscription_id: s.subscriptionId }));
    assert.equal(listed.available_seats, 2);
    await rejects("listSeats unknown", seats.listSeats({ subscription_id: UNKNOWN }), errors.CustomerSeatsListSeats404Error, 404);

    const other = await seats.assignSeat({ subscription_id: s.subscriptionId, email: uniqueEmail("other") });
    const revoked = assertShape("CustomerSeat", await seats.revokeSeat(other.id));
    assert.equal(revoked.status, "revoked");
    await rejects("revokeSeat unknown", seats.revokeSeat(UNKNOWN), errors.CustomerSeatsRevokeSeat404Error, 404);
    // SeatAssign identity rule: e-mail together with an external member id.
    const both = await seats.assignSeat({
      subscription_id: s.subscriptionId, email: uniqueEmail("emp"), external_member_id: `emp-${randomUUID()}`,
    });
    assert.equal(both.status, "pending");
    await rejects("assignSeat with email and member_id",
      seats.assignSeat({ subscription_id: s.subscriptionId, email: uniqueEmail("x"), member_id: s.plainId }),
      errors.HTTPValidationError, 422);
    await seats.revokeSeat(both.id);
  });

  it("the portal: session, seats, subscriptions, orders, members", async () => {
    const owner = client(s.ownerSession);
    assertShape("CustomerCustomerSession", await owner.customerPortal.customerSession.introspect());
    const user = assertShape("PortalAuthenticatedUser", await owner.customerPortal.customerSession.getAuthenticatedUser());
    assert.equal(user.type, "member");
    const seats = assertShape("SeatsList", await owner.customerPortal.seats.listSeats({ subscription_id: s.subscriptionId }));
    assert.ok(seats.seats.length >= 1);
    const portalSubscriptions = await owner.customerPortal.subscriptions.list({});
    assert.ok(portalSubscriptions.items.length >= 1);
    portalSubscriptions.items.forEach((x) => assertShape("CustomerSubscription", x));
    const portalOrders = await owner.customerPortal.orders.list({});
    assert.ok(portalOrders.items.length >= 1);
    portalOrders.items.forEach((x) => assertShape("CustomerOrder", x));
    const claimedSubs = await client(s.holderSession).customerPortal.seats.listClaimedSubscriptions({});
    claimedSubs.items.forEach((x) => assertShape("CustomerSubscription", x));

    const team = owner.customerPortal.members;
    const listed = await team.listMembers({});
    assert.ok(listed.items.length >= 3);
    listed.items.forEach((m) => assertShape("CustomerPortalMember", m));
    const added = assertShape("CustomerPortalMember", await team.addMember({ email: uniqueEmail("team"), role: "member" }));
    const updated = await team.updateMember(added.id, { name: "Team mate", role: "billing_manager" });
    assert.equal(updated.role, "billing_manager");
    await rejects("portal updateMember own role", team.updateMember(s.ownerId, { role: "member" }), errors.HTTPValidationError, 422);
    await rejects("portal removeMember unknown", team.removeMember(UNKNOWN), errors.CustomerPortalMembersRemoveMember404Error, 404);
    await team.removeMember(added.id);

    const plainSession = (await s.polar.customerSessions.create({ customer_id: s.customerId, member_id: s.plainId })).token;
    await rejects("portal listMembers as a plain member", client(plainSession).customerPortal.members.listMembers({}),
      errors.CustomerPortalMembersListMembers403Error, 403, "NotPermitted");
    const legacy = await tenant({ seats: true, memberModel: false });
    const legacyPolar = client(legacy.token);
    const legacyCustomer = await legacyPolar.customers.create({ email: uniqueEmail("legacy") });
    const customerSession = (await legacyPolar.customerSessions.create({ customer_id: legacyCustomer.id })).token;
    assert.match(customerSession, /^polar_cst_/);
    await rejects("portal listMembers with a customer session", client(customerSession).customerPortal.members.listMembers({}),
      errors.CustomerPortalMembersListMembers401Error, 401, "Unauthorized");
  });

  it("deleting a member revokes its seats and ends its session, in one step", async () => {
    const before = await s.polar.customerSeats.listSeats({ subscription_id: s.subscriptionId });
    await s.polar.customers.members.delete(s.customerId, s.holderMemberId);
    const after = await s.polar.customerSeats.listSeats({ subscription_id: s.subscriptionId });
    assert.equal(after.available_seats, before.available_seats + 1);
    const seat = after.seats.find((x) => x.member_id === s.holderMemberId);
    assert.equal(seat, undefined, "no seat names the deleted member");
    await rejects("introspect with the deleted member's session",
      client(s.holderSession).customerPortal.customerSession.introspect(), PolarClientError, 401);
  });

  it("webhook endpoints", async () => {
    const hooks = client((await tenant({
      seats: true, memberModel: true,
      scopes: ["webhooks:read", "webhooks:write"],
    })).token).webhooks;
    const endpoint = assertShape("WebhookEndpoint", await hooks.createWebhookEndpoint({
      url: "http://127.0.0.1:9/hook", format: "raw", events: ["member.deleted", "customer_seat.revoked"],
    }));
    assert.match(endpoint.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    s.hooksToken = (await tenant({ seats: true, memberModel: true, scopes: ["webhooks:read", "webhooks:write"] })).token;
    assert.equal((await hooks.getWebhookEndpoint(endpoint.id)).id, endpoint.id);
    assert.ok((await hooks.listWebhookEndpoints({})).items.some((e) => e.id === endpoint.id));
    const reset = await hooks.resetWebhookEndpointSecret(endpoint.id);
    assert.notEqual(reset.secret, endpoint.secret);
    await hooks.listWebhookDeliveries({ endpoint_id: endpoint.id });
    await hooks.deleteWebhookEndpoint(endpoint.id);
    await rejects("getWebhookEndpoint deleted", hooks.getWebhookEndpoint(endpoint.id), errors.ResourceNotFound, 404);
  });

  it("every Polar-Version works; an unknown one is 404 before authentication", async () => {
    for (const version of Object.keys(VERSIONS)) {
      const polar = client(s.a.token, version);
      const member = await polar.customers.members.get(s.customerId, s.ownerId);
      assertShape("Member", member, version);
      assertShape("SeatsList", await polar.customerSeats.listSeats({ subscription_id: s.subscriptionId }), version);
      // An endpoint made with a version's entry point gets that version; none later than the request's is taken.
      const hooks = client(s.hooksToken, version).webhooks;
      const endpoint = assertShape("WebhookEndpoint", await hooks.createWebhookEndpoint({
        url: "http://127.0.0.1:9/hook", format: "raw", events: ["member.created"],
      }), version);
      assert.equal(endpoint.api_version, version);
      assert.equal(endpoint.uses_standard_webhook_signature, true);
      assert.equal((await hooks.getWebhookEndpoint(endpoint.id)).api_version, version, "stored");
      if (version !== "2027-01") {
        const body = await rejects(`createWebhookEndpoint api_version 2027-01 with ${version}`, hooks.createWebhookEndpoint({
          url: "http://127.0.0.1:9/hook", format: "raw", events: ["member.created"], api_version: "2027-01",
        }), VERSIONS[version].errors.HTTPValidationError, 422);
        assert.deepEqual(body?.detail?.map((d) => d.loc), [["body", "api_version"]], JSON.stringify(body));
      }
      await hooks.deleteWebhookEndpoint(endpoint.id);
    }
    for (const token of [s.a.token, undefined]) {
      const res = await originalFetch(`${BASE_URL}/v1/customers/`, {
        headers: { "Polar-Version": "2099-01", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      });
      assert.equal(res.status, 404);
      assert.deepEqual(await res.json(), { detail: "Not Found" });
    }
    const r = await raw("GET", "/v1/customers/", s.a.token);
    assert.equal(r.headers.get("polar-version"), "2026-10", "no header means 2026-10");
    assert.equal(deprecationProblem("2026-10", r.headers), null);
    await rawExpect("GET", "/v1/customers/", undefined, undefined, 401);
  });

  it("one real delivery verifies with SDK 0.49.0, SDK 1.0.1 and a Standard Webhooks library; a tampered one with none", async () => {
    const receiver = await startReceiver();
    try {
      const org = await tenant({ seats: true, memberModel: true, scopes: ["webhooks:write", "customers:write"] });
      const polar = client(org.token, "2026-10");
      const endpoint = assertShape("WebhookEndpoint", await polar.webhooks.createWebhookEndpoint({
        url: receiver.url("/both"), format: "raw", events: ["member.created"],
      }), "2026-10");
      assert.match(endpoint.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      assert.equal(endpoint.uses_standard_webhook_signature, true);
      await polar.customers.create({ email: uniqueEmail("both-schemes") }); // its owner member: member.created
      const deadline = Date.now() + 30000;
      while (!receiver.received.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const delivery = receiver.received[0];
      assert.ok(delivery, "a delivery arrived");
      const headers = delivery.headers;
      assert.equal(headers["webhook-signature"].split(" ").length, 2, headers["webhook-signature"]);
      const body = JSON.parse(delivery.body);
      assert.deepEqual(Object.keys(body).sort(), ["api_version", "data", "timestamp", "type"]);
      assert.equal(body.api_version, "2026-10");

      const secret = endpoint.secret;
      const sdk049 = validateEvent049(delivery.body, headers, secret); // Polar's legacy key: the whole secret
      assert.equal(sdk049.type, "member.created");
      const sdk1 = await v2026_10.webhooks.validateEvent(delivery.body, headers, secret);
      assert.equal(sdk1.type, "member.created");
      // Given only the new-format secret, Standard Webhooks' own check uses the decoded key after whsec_.
      const standard = new StandardWebhook(secret).verify(delivery.body, headers);
      assert.equal(standard.type, "member.created");

      const tampered = delivery.body.replace("member.created", "member.updated");
      assert.notEqual(tampered, delivery.body);
      assert.throws(() => validateEvent049(tampered, headers, secret), WebhookVerificationError);
      await assert.rejects(v2026_10.webhooks.validateEvent(tampered, headers, secret), v2026_10.webhooks.PolarWebhookVerificationError);
      assert.throws(() => new StandardWebhook(secret).verify(tampered, headers), /signature/i);
    } finally {
      await receiver.close();
    }
  });
});

/**
 * Every key of an interface of the version's models, required or optional: a key the server returns that the model
 * does not declare is reported (the contract's extra figures, named in `extras`, excepted).
 */
function declaredKeys(version, name) {
  const iface = new RegExp(`^interface ${name} \\{\\n([\\s\\S]*?)^\\}`, "m").exec(declared[version]);
  if (!iface) throw new Error(`SDK 1.0.1 (${version}) declares no model ${name}`);
  return [...iface[1].matchAll(/^ {2}([a-z_][a-z0-9_]*)\??: /gm)].map((m) => m[1]);
}

function assertOnlyDeclared(name, value, extras = [], version = "2026-10") {
  assertShape(name, value, version);
  const known = new Set([...declaredKeys(version, name), ...extras]);
  const unknown = Object.keys(value).filter((k) => !known.has(k));
  assert.deepEqual(unknown, [], `${name} (${version}): keys the model does not declare in ${JSON.stringify(value)}`);
}

describe("Polar's seat metrics through @polar-sh/sdk 1.0.1 (polar.metrics.get)", { concurrency: false }, () => {
  const EXTRAS = ["median_time_to_claim_seconds", "seats_revoked"];

  it("returns Polar's MetricsResponse: every key of periods, totals and metrics is one the SDK models", async () => {
    const org = await tenant({ seats: true, memberModel: true, scopes: [...ALL_SCOPES, "metrics:read"] });
    const polar = client(org.token, "2026-10");
    const product = await polar.products.create({
      name: `Metrics ${randomUUID().slice(0, 6)}`, recurring_interval: "month",
      prices: [{ amount_type: "seat_based", price_currency: "usd", seat_tiers: { tiers: [{ min_seats: 1, price_per_seat: 1000 }] } }],
    });
    const customer = await polar.customers.create({ email: uniqueEmail("metrics") });
    const subscription = await polar.subscriptions.create({ product_id: product.id, customer_id: customer.id, seats: 4 });
    await polar.customerSeats.assignSeat({ subscription_id: subscription.id, email: uniqueEmail("m1") });
    await polar.customerSeats.assignSeat({ subscription_id: subscription.id, email: uniqueEmail("m2"), immediate_claim: true });
    const today = new Date().toISOString().slice(0, 10);
    const metrics = await polar.metrics.get({ start_date: today, end_date: today, interval: "day" });

    assertOnlyDeclared("MetricsResponse", metrics);
    assert.equal(metrics.periods.length, 1);
    for (const period of metrics.periods) {
      assertOnlyDeclared("MetricPeriod", period, EXTRAS);
      assert.match(period.timestamp, /^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    }
    assertOnlyDeclared("MetricsTotals", metrics.totals, EXTRAS);
    assertOnlyDeclared("Metrics", metrics.metrics);
    for (const described of Object.values(metrics.metrics)) assertOnlyDeclared("Metric", described);
    assert.deepEqual(Object.keys(metrics.metrics).sort(), [
      "average_seats_per_customer", "churned_seat_customers", "new_seat_customers", "seat_customers",
      "seat_utilization_rate", "seats_claimed", "seats_pending", "seats_total",
    ]);
    assert.equal(metrics.totals.seats_total, 2);
    assert.equal(metrics.totals.seats_claimed, 1);
    assert.equal(metrics.totals.seats_pending, 1);
    assert.equal(metrics.totals.seat_utilization_rate, 0.5);
  });
});
