// Webhooks through Polar's official TypeScript SDK (@polar-sh/sdk 0.49.0): every endpoint function of
// `polar.webhooks` against the server, and real deliveries to a receiver on 127.0.0.1, each verified with the SDK's
// own `validateEvent` (`@polar-sh/sdk/webhooks`), which checks the Standard Webhooks signature with the whole
// `whsec_…` secret and parses the payload with Polar's models. A delivery it rejects fails the step that waited for
// it, with the zod issues and the body; the last step checks every request the receiver ever got.
//
// Contract, "Events (webhooks)". run.mjs gives the server fast retries (SEATKEEPER_WEBHOOK_RETRY_BASE) for the step
// in which the receiver fails once.
import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import { validateEvent, WebhookVerificationError } from "@polar-sh/sdk/webhooks";
import { HTTPValidationError } from "@polar-sh/sdk/models/errors/httpvalidationerror.js";
import { ResourceNotFound } from "@polar-sh/sdk/models/errors/resourcenotfound.js";
import { startReceiver } from "../local.mjs";
import {
  ALL_SCOPES, SEAT_TIERS, assertNoProtocolViolations, describeError, fails, lastRaw, ok, sdk, tenant, uniqueEmail,
} from "./lib.mjs";

const SCOPES = [...ALL_SCOPES, "webhooks:read", "webhooks:write"];
const SEAT_AND_MEMBER_EVENTS = [
  "customer_seat.assigned", "customer_seat.claimed", "customer_seat.revoked",
  "member.created", "member.updated", "member.deleted",
];
const WAIT_MS = 30000;

const s = {}; // shared state, steps run in order
/** Every secret each receiver path was registered with, newest last (a reset adds one). */
const secrets = new Map();
let receiver;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Verifies one received request with the SDK's validateEvent and a secret of its path (the newest first: a delivery
 * that arrived before a reset is signed with the secret of that time); returns the parsed event. Any failure
 * (signature or Polar's model) fails the step with what the SDK said and what was sent.
 */
function verified(entry) {
  const known = secrets.get(entry.path);
  if (!known) assert.fail(`a delivery arrived on ${entry.path}, which no endpoint of this suite uses: ${entry.body}`);
  let err;
  for (const secret of [...known].reverse()) {
    try {
      return validateEvent(entry.body, entry.headers, secret);
    } catch (e) {
      err = e;
      if (!(e instanceof WebhookVerificationError)) break; // the signature held; Polar's model refused the payload
    }
  }
  const what = err instanceof WebhookVerificationError
    ? `WebhookVerificationError: ${err.message} (the signature does not verify with the endpoint's secret)`
    : describeError(err);
  assert.fail(`validateEvent rejected a delivery on ${entry.path}\n  headers: ${JSON.stringify(entry.headers)}\n` +
    `  body: ${entry.body}\n${what}`);
}

/** The deliveries received on `path`, in arrival order, each verified: [{entry, event (parsed), raw (JSON)}]. */
function deliveries(path) {
  return receiver.received.filter((e) => e.path === path)
    .map((entry) => ({ entry, event: verified(entry), raw: JSON.parse(entry.body) }));
}

/** Waits until `find(deliveries(path))` is truthy; fails with what did arrive. */
async function awaitDelivery(path, what, find) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const found = find(deliveries(path));
    if (found) return found;
    await sleep(50);
  }
  const got = deliveries(path).map((d) => `${d.raw.type} ${d.raw.data?.id ?? ""}`);
  assert.fail(`no delivery of ${what} on ${path} within ${WAIT_MS / 1000} s; received there: ${JSON.stringify(got)}`);
}

const ofSeat = (list, type, seatId) => list.filter((d) => d.raw.type === type && d.raw.data.id === seatId);

async function assign(email, extra = {}) {
  const seat = await ok("customerSeats.assignSeat",
    s.polar.customerSeats.assignSeat({ subscriptionId: s.subscriptionId, email, ...extra }));
  return { seat, token: lastRaw("POST", "/v1/customer-seats").invitation_token };
}

afterEach(() => assertNoProtocolViolations());

describe("Webhooks through @polar-sh/sdk 0.49.0, deliveries checked by its validateEvent", { concurrency: false }, () => {
  before(async () => {
    receiver = await startReceiver();
    s.a = await tenant({ seats: true, memberModel: true, scopes: SCOPES });
    s.b = await tenant({ seats: true, memberModel: true, scopes: SCOPES });
    s.polar = s.a.polar;
    const product = await ok("products.create", s.polar.products.create({
      name: "Webhooks team", recurringInterval: "month",
      prices: [{ amountType: "seat_based", priceCurrency: "usd", seatTiers: SEAT_TIERS }],
    }));
    const customer = await ok("customers.create", s.polar.customers.create({ email: uniqueEmail("hooks-billing") }));
    const sub = await ok("subscriptions.create", sdk(s.a.token, { extraBody: { seats: 20 } }).subscriptions.create({
      productId: product.id, customerId: customer.id,
    }));
    s.subscriptionId = sub.id;
  });

  after(async () => {
    await receiver?.close();
  });

  it("webhooks.createWebhookEndpoint / getWebhookEndpoint / listWebhookEndpoints (http on loopback)", async () => {
    const url = receiver.url("/a");
    const endpoint = await ok("webhooks.createWebhookEndpoint", s.polar.webhooks.createWebhookEndpoint({
      url, name: "seats", format: "raw", events: SEAT_AND_MEMBER_EVENTS,
    }));
    secrets.set("/a", [endpoint.secret]);
    s.endpointA = endpoint;
    assert.equal(endpoint.url, url);
    assert.equal(endpoint.name, "seats");
    assert.equal(endpoint.format, "raw");
    assert.equal(endpoint.organizationId, s.a.org.id);
    assert.equal(endpoint.enabled, true);
    assert.deepEqual([...endpoint.events].sort(), [...SEAT_AND_MEMBER_EVENTS].sort());
    assert.match(endpoint.secret, /^whsec_[A-Za-z0-9+/]{43}=$/, "Standard Webhooks format: base64 of 32 bytes");
    const rawEndpoint = lastRaw("POST", "/v1/webhooks/endpoints");
    assert.equal(rawEndpoint.api_version, "2026-10", "no Polar-Version: the default version");
    assert.equal(rawEndpoint.uses_standard_webhook_signature, true);
    assert.ok(endpoint.createdAt instanceof Date);

    const got = await ok("webhooks.getWebhookEndpoint", s.polar.webhooks.getWebhookEndpoint({ id: endpoint.id }));
    assert.equal(got.id, endpoint.id);
    assert.equal(got.secret, endpoint.secret);

    const page = await ok("webhooks.listWebhookEndpoints", s.polar.webhooks.listWebhookEndpoints({}));
    assert.deepEqual(page.result.items.map((e) => e.id), [endpoint.id]);
    assert.equal(page.result.pagination.totalCount, 1);
    const other = await ok("webhooks.listWebhookEndpoints (another organization)", s.b.polar.webhooks.listWebhookEndpoints({}));
    assert.equal(other.result.pagination.totalCount, 0, "another organization lists none of these endpoints");
  });

  it("422 HTTPValidationError for format slack, an http:// URL off loopback, and a private address", async () => {
    const base = { name: "refused", events: ["customer_seat.claimed"] };
    await fails("createWebhookEndpoint format slack",
      s.polar.webhooks.createWebhookEndpoint({ ...base, url: receiver.url("/x"), format: "slack" }),
      { status: 422, type: HTTPValidationError });
    await fails("createWebhookEndpoint http://example.com",
      s.polar.webhooks.createWebhookEndpoint({ ...base, url: "http://example.com/hook", format: "raw" }),
      { status: 422, type: HTTPValidationError });
    await fails("createWebhookEndpoint https://10.0.0.1 (private address)",
      s.polar.webhooks.createWebhookEndpoint({ ...base, url: "https://10.0.0.1/hook", format: "raw" }),
      { status: 422, type: HTTPValidationError });
    await fails("updateWebhookEndpoint to format discord", s.polar.webhooks.updateWebhookEndpoint({
      id: s.endpointA.id, webhookEndpointUpdate: { format: "discord" },
    }), { status: 422, type: HTTPValidationError });
    const page = await ok("webhooks.listWebhookEndpoints", s.polar.webhooks.listWebhookEndpoints({}));
    assert.equal(page.result.pagination.totalCount, 1, "nothing refused was stored");
  });

  it("404 ResourceNotFound for another organization's endpoint (get, update, reset, delete)", async () => {
    const id = s.endpointA.id;
    const other = s.b.polar.webhooks;
    const notFound = { status: 404, type: ResourceNotFound };
    await fails("getWebhookEndpoint by another organization", other.getWebhookEndpoint({ id }), notFound);
    await fails("updateWebhookEndpoint by another organization",
      other.updateWebhookEndpoint({ id, webhookEndpointUpdate: { name: "taken" } }), notFound);
    await fails("resetWebhookEndpointSecret by another organization", other.resetWebhookEndpointSecret({ id }), notFound);
    await fails("deleteWebhookEndpoint by another organization", other.deleteWebhookEndpoint({ id }), notFound);
    const still = await ok("getWebhookEndpoint", s.polar.webhooks.getWebhookEndpoint({ id }));
    assert.equal(still.name, "seats");
    assert.equal(still.secret, s.endpointA.secret);
  });

  it("assign, claim, revoke and assign with immediate claim arrive signed, in order, and validateEvent accepts each", async () => {
    const email = uniqueEmail("hooked");
    const { seat, token } = await assign(email);
    const claim = await ok("customerSeats.claimSeat", s.polar.customerSeats.claimSeat({ invitationToken: token }));
    assert.equal(claim.seat.status, "claimed");
    const revoked = await ok("customerSeats.revokeSeat", s.polar.customerSeats.revokeSeat({ seatId: seat.id }));
    assert.equal(revoked.status, "revoked");
    const direct = await assign(uniqueEmail("direct"), { immediateClaim: true });
    s.seatId = seat.id;

    const list = await awaitDelivery("/a", "customer_seat.revoked and the immediate claim", (l) =>
      ofSeat(l, "customer_seat.revoked", seat.id).length && ofSeat(l, "customer_seat.claimed", direct.seat.id).length && l);
    const types = ["customer_seat.assigned", "customer_seat.claimed", "customer_seat.revoked"];
    const order = list.filter((d) => d.raw.data.id === seat.id && types.includes(d.raw.type)).map((d) => d.raw.type);
    assert.deepEqual(order, types, "one event per change, in the order they were recorded");

    const [assigned] = ofSeat(list, "customer_seat.assigned", seat.id);
    assert.equal(assigned.event.type, "customer_seat.assigned");
    assert.equal(assigned.event.data.id, seat.id);
    assert.equal(assigned.event.data.status, "pending");
    assert.equal(assigned.event.data.email, email);
    assert.ok(assigned.event.timestamp instanceof Date);
    assert.equal(assigned.raw.data.invitation_token, undefined, "the invitation token never leaves in an event");
    const [claimed] = ofSeat(list, "customer_seat.claimed", seat.id);
    assert.equal(claimed.event.data.status, "claimed");
    assert.ok(claimed.event.data.claimedAt instanceof Date);
    const [gone] = ofSeat(list, "customer_seat.revoked", seat.id);
    assert.equal(gone.event.data.status, "revoked");
    assert.equal(gone.raw.data.previous_email, email, "a revoke names who lost the seat (beyond Polar)");
    assert.equal(ofSeat(list, "customer_seat.claimed", direct.seat.id)[0].event.data.status, "claimed");
    assert.equal(ofSeat(list, "customer_seat.assigned", direct.seat.id).length, 0,
      "an assign with immediate claim is customer_seat.claimed only");

    const created = list.filter((d) => d.raw.type === "member.created" && d.raw.data.email === email);
    assert.equal(created.length, 1, `member.created for ${email} (member model: the assign creates the member)`);
    assert.equal(created[0].event.data.email, email);
    assert.ok(created[0].event.data.customerId);

    for (const { entry } of list) {
      assert.equal(entry.headers["content-type"], "application/json");
      // Standard Webhooks' signature and Polar's legacy one (contract, "Events (webhooks)").
      assert.match(entry.headers["webhook-signature"], /^v1,[A-Za-z0-9+/=]+ v1,[A-Za-z0-9+/=]+$/);
      assert.equal(JSON.parse(entry.body).api_version, "2026-10");
      assert.ok(Math.abs(Number(entry.headers["webhook-timestamp"]) - Date.now() / 1000) < 300, "timestamp is now");
    }
    const ids = list.map((d) => d.entry.headers["webhook-id"]);
    assert.equal(new Set(ids).size, ids.length, "each event has its own webhook-id");
  });

  it("webhooks.listWebhookDeliveries lists each attempt; webhooks.redeliverWebhookEvent sends again (202)", async () => {
    // A delivery is recorded when the receiver's answer is back, so the last one received may be listed a moment
    // after it arrived: poll until the list has caught up with what the receiver has.
    const arrived = deliveries("/a").map((d) => d.entry.headers["webhook-id"]);
    let items = [];
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      const page = await ok("webhooks.listWebhookDeliveries",
        s.polar.webhooks.listWebhookDeliveries({ endpointId: s.endpointA.id, limit: 100 }));
      items = page.result.items;
      if (items.length >= arrived.length) break;
      await sleep(100);
    }
    assert.ok(items.length >= arrived.length, `${items.length} deliveries listed, ${arrived.length} received`);
    for (const d of items) {
      assert.equal(d.succeeded, true);
      assert.equal(d.httpCode, 204);
      assert.ok(arrived.includes(d.webhookEvent.id), `delivery of event ${d.webhookEvent.id} was not received`);
      assert.equal(d.webhookEvent.succeeded, true);
      assert.equal(d.webhookEvent.skipped, false);
      assert.equal(d.webhookEvent.isArchived, false);
    }
    const revokedDelivery = items.find((d) => d.webhookEvent.type === "customer_seat.revoked");
    assert.ok(revokedDelivery, "the revoke's delivery is listed");
    assert.equal(JSON.parse(revokedDelivery.webhookEvent.payload).data.id, s.seatId);

    const eventId = revokedDelivery.webhookEvent.id;
    const before = deliveries("/a").length;
    await ok("webhooks.redeliverWebhookEvent", s.polar.webhooks.redeliverWebhookEvent({ id: eventId }));
    const again = await awaitDelivery("/a", `the redelivery of ${eventId}`, (l) =>
      l.slice(before).find((d) => d.entry.headers["webhook-id"] === eventId));
    assert.equal(again.event.type, "customer_seat.revoked");
    assert.equal(again.event.data.id, s.seatId);

    await fails("redeliverWebhookEvent of another organization's event",
      s.b.polar.webhooks.redeliverWebhookEvent({ id: eventId }), { status: 404, type: ResourceNotFound });
  });

  it("a receiver that fails once gets the event on the retry; both attempts are listed, newest first", async () => {
    receiver.fail("/b", 500);
    const endpoint = await ok("webhooks.createWebhookEndpoint (assigned only)", s.polar.webhooks.createWebhookEndpoint({
      url: receiver.url("/b"), format: "raw", events: ["customer_seat.assigned"],
    }));
    secrets.set("/b", [endpoint.secret]);
    s.endpointB = endpoint;
    const { seat } = await assign(uniqueEmail("retried"));
    const list = await awaitDelivery("/b", "the retried assign", (l) => l.length >= 2 && l);
    assert.deepEqual(list.map((d) => d.event.data.id), [seat.id, seat.id]);
    assert.equal(list[0].entry.headers["webhook-id"], list[1].entry.headers["webhook-id"], "the same event, twice");

    let items = [];
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      const page = await ok("webhooks.listWebhookDeliveries",
        s.polar.webhooks.listWebhookDeliveries({ endpointId: endpoint.id }));
      items = page.result.items;
      if (items.length >= 2) break;
      await sleep(100);
    }
    assert.deepEqual(items.map((d) => [d.succeeded, d.httpCode]), [[true, 204], [false, 500]]);
    assert.equal(items[1].response, "not now");
  });

  it("webhooks.updateWebhookEndpoint changes the name and the events sent", async () => {
    const updated = await ok("webhooks.updateWebhookEndpoint", s.polar.webhooks.updateWebhookEndpoint({
      id: s.endpointA.id, webhookEndpointUpdate: { name: "revocations", events: ["customer_seat.revoked"] },
    }));
    assert.equal(updated.name, "revocations");
    assert.deepEqual(updated.events, ["customer_seat.revoked"]);
    assert.equal(updated.url, s.endpointA.url);
    assert.equal(updated.secret, s.endpointA.secret);

    const before = deliveries("/a").length;
    const email = uniqueEmail("narrowed");
    const { seat } = await assign(email);
    await ok("customerSeats.revokeSeat", s.polar.customerSeats.revokeSeat({ seatId: seat.id }));
    const fresh = await awaitDelivery("/a", "the revoke after the update", (l) =>
      ofSeat(l.slice(before), "customer_seat.revoked", seat.id).length && l.slice(before));
    // Events reach an endpoint in the order they were recorded: anything sent for the assign would be here already.
    assert.deepEqual(fresh.map((d) => d.raw.type), ["customer_seat.revoked"],
      "only the subscribed type is sent after the update");
  });

  it("webhooks.resetWebhookEndpointSecret: the new secret verifies, the old one too during the overlap", async () => {
    const old = s.endpointA.secret;
    const reset = await ok("webhooks.resetWebhookEndpointSecret",
      s.polar.webhooks.resetWebhookEndpointSecret({ id: s.endpointA.id }));
    assert.match(reset.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.notEqual(reset.secret, old);
    secrets.get("/a").push(reset.secret);
    const got = await ok("webhooks.getWebhookEndpoint", s.polar.webhooks.getWebhookEndpoint({ id: s.endpointA.id }));
    assert.equal(got.secret, reset.secret);

    const before = deliveries("/a").length;
    const { seat } = await assign(uniqueEmail("resecret"));
    await ok("customerSeats.revokeSeat", s.polar.customerSeats.revokeSeat({ seatId: seat.id }));
    const d = await awaitDelivery("/a", "the revoke after the reset", (l) =>
      ofSeat(l.slice(before), "customer_seat.revoked", seat.id)[0]);
    assert.equal(d.entry.headers["webhook-signature"].split(" ").length, 4, "both schemes under each secret during the overlap");
    assert.equal(validateEvent(d.entry.body, d.entry.headers, old).data.id, seat.id, "the old secret still verifies");
    assert.throws(() => validateEvent(d.entry.body, d.entry.headers, `whsec_${"x".repeat(43)}`), WebhookVerificationError,
      "a wrong secret does not verify");
  });

  it("webhooks.updateWebhookEndpoint enabled false: its pending event is skipped, nothing arrives until it is enabled again", async () => {
    // The receiver refuses every attempt, so the endpoint's first event is still pending (retried every 0.3 s or so)
    // when the endpoint is disabled. Contract: a disabled endpoint gets nothing; its pending events are skipped.
    receiver.fail("/c", ...Array(10000).fill(500));
    const endpoint = await ok("webhooks.createWebhookEndpoint (C)", s.polar.webhooks.createWebhookEndpoint({
      url: receiver.url("/c"), format: "raw", events: ["customer_seat.assigned", "customer_seat.revoked"],
    }));
    secrets.set("/c", [endpoint.secret]);
    const first = await assign(uniqueEmail("while-failing"));
    await awaitDelivery("/c", "a refused attempt", (l) => ofSeat(l, "customer_seat.assigned", first.seat.id)[0]);

    const disabled = await ok("webhooks.updateWebhookEndpoint enabled false", s.polar.webhooks.updateWebhookEndpoint({
      id: endpoint.id, webhookEndpointUpdate: { enabled: false },
    }));
    assert.equal(disabled.enabled, false);
    assert.equal(disabled.secret, endpoint.secret);
    const got = await ok("webhooks.getWebhookEndpoint", s.polar.webhooks.getWebhookEndpoint({ id: endpoint.id }));
    assert.equal(got.enabled, false, "stored disabled");
    receiver.recover("/c");
    await sleep(1000); // an attempt already under way when the endpoint was disabled has arrived by now
    const atDisable = deliveries("/c").length;

    const page = await ok("webhooks.listWebhookDeliveries",
      s.polar.webhooks.listWebhookDeliveries({ endpointId: endpoint.id, limit: 100 }));
    assert.ok(page.result.items.length >= 1, "the refused attempts are listed");
    for (const d of page.result.items) {
      assert.equal(d.succeeded, false);
      assert.equal(d.httpCode, 500);
      assert.equal(d.webhookEvent.skipped, true, "the pending event was skipped when the endpoint was disabled");
    }

    const whileDisabled = await assign(uniqueEmail("while-disabled"));
    await ok("customerSeats.revokeSeat", s.polar.customerSeats.revokeSeat({ seatId: whileDisabled.seat.id }));
    // Endpoint B subscribes to assignments: once it has this one, the worker has handed the event out.
    await awaitDelivery("/b", "the assign while C is disabled", (l) =>
      ofSeat(l, "customer_seat.assigned", whileDisabled.seat.id)[0]);
    await sleep(1000);
    assert.equal(deliveries("/c").length, atDisable, "a disabled endpoint receives nothing, not even its retries");

    const enabled = await ok("webhooks.updateWebhookEndpoint enabled true", s.polar.webhooks.updateWebhookEndpoint({
      id: endpoint.id, webhookEndpointUpdate: { enabled: true },
    }));
    assert.equal(enabled.enabled, true);
    const after = await assign(uniqueEmail("re-enabled"));
    const resumed = await awaitDelivery("/c", "the assign after re-enabling", (l) =>
      ofSeat(l, "customer_seat.assigned", after.seat.id).length && l.slice(atDisable));
    // Events reach an endpoint in the order they were recorded: a skipped event or one recorded while the endpoint
    // was disabled would have arrived before this one.
    assert.deepEqual(resumed.map((d) => [d.raw.type, d.raw.data.id]), [["customer_seat.assigned", after.seat.id]]);
    await ok("webhooks.deleteWebhookEndpoint (C)", s.polar.webhooks.deleteWebhookEndpoint({ id: endpoint.id }));
  });

  it("webhooks.deleteWebhookEndpoint: 204, then 404, and nothing more is sent to it", async () => {
    await ok("webhooks.deleteWebhookEndpoint", s.polar.webhooks.deleteWebhookEndpoint({ id: s.endpointA.id }));
    await fails("getWebhookEndpoint after delete", s.polar.webhooks.getWebhookEndpoint({ id: s.endpointA.id }),
      { status: 404, type: ResourceNotFound });
    await fails("deleteWebhookEndpoint twice", s.polar.webhooks.deleteWebhookEndpoint({ id: s.endpointA.id }),
      { status: 404, type: ResourceNotFound });
    const beforeA = deliveries("/a").length;
    const beforeB = deliveries("/b").length;
    const { seat } = await assign(uniqueEmail("after-delete"));
    await ok("customerSeats.revokeSeat", s.polar.customerSeats.revokeSeat({ seatId: seat.id }));
    // Endpoint B still subscribes to assignments: once it has this one, the worker has handed the events out.
    await awaitDelivery("/b", "the assign after the delete", (l) => ofSeat(l.slice(beforeB), "customer_seat.assigned", seat.id)[0]);
    await sleep(500);
    assert.equal(deliveries("/a").length, beforeA, "a deleted endpoint receives nothing");
    const page = await ok("webhooks.listWebhookEndpoints", s.polar.webhooks.listWebhookEndpoints({}));
    assert.deepEqual(page.result.items.map((e) => e.id), [s.endpointB.id]);
  });

  it("every request the receiver got verifies with validateEvent", () => {
    assert.ok(receiver.received.length >= 10, `only ${receiver.received.length} deliveries received`);
    for (const entry of receiver.received) verified(entry);
  });
});
