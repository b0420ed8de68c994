// Polar's official TypeScript SDK (@polar-sh/sdk 0.49.0) against a running Seatkeeper.
//
// Every call below goes through the SDK's own functions, so the SDK's zod models validate every response: a missing
// key, a wrong type or a timestamp without offset fails the step with the model path and the body the server sent.
// Steps run in order and share state; a step whose SDK validation fails still records the created id (taken from
// the raw body) so that the later steps can run and report their own problems.
import assert from "node:assert/strict";
import { afterEach, before, describe, it } from "node:test";
import { HTTPValidationError } from "@polar-sh/sdk/models/errors/httpvalidationerror.js";
import { ResourceNotFound } from "@polar-sh/sdk/models/errors/resourcenotfound.js";
import { AlreadyCanceledSubscription } from "@polar-sh/sdk/models/errors/alreadycanceledsubscription.js";
import {
  OPERATOR, SEAT_TIERS, assertNoProtocolViolations, describeError, fails, lastRaw, ok, rawExpect, randomUUID, sdk,
  tenant, uniqueEmail,
} from "./lib.mjs";

const UNKNOWN = "00000000-0000-4000-8000-000000000000"; // a well-formed UUID v4 that names nothing
const INVALID_TOKEN_BODY = {
  error: "invalid_token",
  error_description: "The access token provided is expired, revoked, malformed, or invalid for other reasons.",
};

/** Security object for a portal call: polar_mst_ tokens are member sessions, polar_cst_ customer sessions. */
function sec(token) {
  assert.match(token, /^polar_(cst|mst)_/, `not a portal session token: ${token}`);
  return token.startsWith("polar_mst_") ? { memberSession: token } : { customerSession: token };
}

/** Runs an SDK call that must succeed; if the SDK rejected a 2xx body, hand the raw body to `keep` first. */
async function created(label, promise, keep) {
  try {
    const value = await promise;
    keep(value, false);
    return value;
  } catch (err) {
    if (err?.statusCode >= 200 && err.statusCode < 300 && typeof err.body === "string") {
      try {
        keep(JSON.parse(err.body), true);
      } catch {
        /* not JSON: reported below */
      }
    }
    assert.fail(`${label}: expected success, but the SDK raised\n${describeError(err)}`);
  }
}

function need(value, what) {
  if (value === undefined || value === null) {
    assert.fail(`skipped: an earlier step did not produce ${what}`);
  }
  return value;
}

const s = {}; // shared state

afterEach(() => assertNoProtocolViolations());

describe("Seatkeeper speaks Polar's API to @polar-sh/sdk 0.49.0", { concurrency: false }, () => {
  before(async () => {
    s.a = await tenant({ seats: true, memberModel: true });
    s.polar = s.a.polar;
  });

  // ---------------------------------------------------------------- authentication
  it("401 without a token and with an unknown token (SDKError)", async () => {
    const anonymous = sdk(undefined);
    const r1 = await fails("customers.list without a token", anonymous.customers.list({}), { status: 401 });
    assert.deepEqual(r1.body, { error: "Unauthorized", detail: "Unauthorized" });
    assert.match(r1.err.headers.get("www-authenticate") ?? "", /^Bearer realm=/);

    const bogus = sdk("polar_oat_" + "a".repeat(43));
    const r2 = await fails("customers.list with an unknown token", bogus.customers.list({}), { status: 401 });
    assert.deepEqual(r2.body, INVALID_TOKEN_BODY);
    assert.match(r2.err.headers.get("www-authenticate") ?? "", /error="invalid_token"/);
    assert.equal(r2.err.headers.get("cache-control"), "no-store");

    const r3 = await fails("customerPortal.customerSession.introspect with an unknown session",
      anonymous.customerPortal.customerSession.introspect({ customerSession: "polar_cst_" + "b".repeat(43) }),
      { status: 401 });
    assert.equal(r3.body.error, "invalid_token");
  });

  it("403 insufficient_scope for a token without the route's scope", async () => {
    const created = await rawExpect("POST", "/v1/organization-access-tokens/", OPERATOR, {
      organization_id: s.a.org.id, comment: "read only", scopes: ["customer_seats:read"],
    }, 201);
    const readOnly = sdk(created.token);
    const r = await fails("customerSeats.assignSeat with a read-only token",
      readOnly.customerSeats.assignSeat({ subscriptionId: UNKNOWN, email: uniqueEmail("nope") }), { status: 403 });
    assert.deepEqual(r.body, {
      error: "insufficient_scope",
      error_description: "The request requires higher privileges than provided by the access token.",
    });
    await fails("customers.list with a token without customers scopes", readOnly.customers.list({}),
      { status: 403, error: "insufficient_scope" });
  });

  // ---------------------------------------------------------------- catalogue
  it("products.create / get / list, and 404 ResourceNotFound for an unknown product", async () => {
    const name = `Team plan ${randomUUID().slice(0, 6)}`;
    const product = await created("products.create (recurring, seat-based)", s.polar.products.create({
      name,
      recurringInterval: "month",
      prices: [{ amountType: "seat_based", priceCurrency: "usd", seatTiers: SEAT_TIERS }],
    }), (v) => { s.productId = v.id; });
    assert.equal(product.name, name);
    assert.equal(product.isRecurring, true);
    assert.equal(product.recurringInterval, "month");
    assert.equal(product.organizationId, s.a.org.id);
    assert.ok(product.createdAt instanceof Date);
    assert.equal(product.prices.length, 1);
    assert.equal(product.prices[0].amountType, "seat_based");
    assert.deepEqual(product.prices[0].seatTiers.tiers.map((t) => [t.minSeats, t.maxSeats ?? null, t.pricePerSeat]),
      [[1, 10, 1000], [11, null, 800]]);

    const got = await ok("products.get", s.polar.products.get({ id: product.id }));
    assert.equal(got.id, product.id);

    const page = await ok("products.list", s.polar.products.list({}));
    assert.ok(page.result.items.some((p) => p.id === product.id), "products.list does not contain the new product");
    assert.ok(page.result.pagination.totalCount >= 1);

    await fails("products.get unknown id", s.polar.products.get({ id: UNKNOWN }),
      { status: 404, type: ResourceNotFound, error: "ResourceNotFound" });

    const oneTime = await created("products.create (one-time, seat-based)", s.polar.products.create({
      name: `Seat pack ${randomUUID().slice(0, 6)}`,
      prices: [{ amountType: "seat_based", priceCurrency: "usd", seatTiers: SEAT_TIERS }],
    }), (v) => { s.oneTimeProductId = v.id; });
    assert.equal(oneTime.isRecurring, false);
    assert.equal(oneTime.recurringInterval, null);
  });

  // ---------------------------------------------------------------- customers and members
  it("customers.create / get / list, 404 for an unknown customer, 422 for a duplicate e-mail", async () => {
    s.customerEmail = uniqueEmail("billing");
    const customer = await created("customers.create", s.polar.customers.create({
      email: s.customerEmail, name: "Example Inc.", type: "team", externalId: `ext-${randomUUID()}`,
      metadata: { plan: "team", size: 5, vip: true, ratio: 0.5 },
    }), (v) => { s.customerId = v.id; });
    assert.equal(customer.email, s.customerEmail);
    assert.equal(customer.type, "team");
    assert.equal(customer.organizationId, s.a.org.id);
    assert.deepEqual(customer.metadata, { plan: "team", size: 5, vip: true, ratio: 0.5 });
    assert.match(customer.externalId ?? "", /^ext-/);
    assert.equal(customer.name, "Example Inc.");

    const got = await ok("customers.get", s.polar.customers.get({ id: customer.id }));
    assert.equal(got.id, customer.id);
    assert.equal(got.email, s.customerEmail);

    const page = await ok("customers.list", s.polar.customers.list({ limit: 100 }));
    assert.ok(page.result.items.some((c) => c.id === customer.id), "customers.list does not contain the new customer");

    await fails("customers.get unknown id", s.polar.customers.get({ id: UNKNOWN }),
      { status: 404, type: ResourceNotFound, error: "ResourceNotFound" });

    await fails("customers.create with a duplicate e-mail (other case)",
      s.polar.customers.create({ email: s.customerEmail.toUpperCase() }),
      { status: 422, type: HTTPValidationError });
  });

  it("customers.members.create and members.listMembers", async () => {
    const customerId = need(s.customerId, "a customer");
    s.billingManagerEmail = uniqueEmail("manager");
    const manager = await created("customers.members.create (billing_manager)", s.polar.customers.members.create({
      id: customerId,
      memberCreateFromCustomer: {
        email: s.billingManagerEmail, name: "Bill Manager", role: "billing_manager", externalId: `mext-${randomUUID()}`,
      },
    }), (v) => { s.billingManagerId = v.id; });
    assert.equal(manager.customerId, customerId);
    assert.equal(manager.role, "billing_manager");
    assert.equal(manager.email, s.billingManagerEmail);
    assert.match(manager.externalId ?? "", /^mext-/);
    assert.equal(manager.name, "Bill Manager");

    s.plainMemberEmail = uniqueEmail("member");
    const member = await created("customers.members.create (member, role defaulted by the SDK)",
      s.polar.customers.members.create({ id: customerId, memberCreateFromCustomer: { email: s.plainMemberEmail } }),
      (v) => { s.plainMemberId = v.id; });
    assert.equal(member.role, "member");
    assert.equal(member.name, null);

    const page = await ok("members.listMembers", s.polar.members.listMembers({ customerId }));
    const roles = Object.fromEntries(page.result.items.map((m) => [m.email, m.role]));
    assert.equal(roles[s.billingManagerEmail], "billing_manager");
    assert.equal(roles[s.plainMemberEmail], "member");
    const owner = page.result.items.find((m) => m.role === "owner");
    assert.ok(owner, "a member-model customer should have an owner member: " + JSON.stringify(roles));
    assert.equal(owner.email, s.customerEmail);
    s.ownerMemberId = owner.id;
    assert.ok(page.result.items.every((m) => m.customerId === customerId));

    await fails("customers.members.create on an unknown customer", s.polar.customers.members.create({
      id: UNKNOWN, memberCreateFromCustomer: { email: uniqueEmail("nobody") },
    }), { status: 404, type: ResourceNotFound, error: "ResourceNotFound" });
  });

  // ---------------------------------------------------------------- purchases
  it("subscriptions.create (seats added to the body) / get, 404 for an unknown subscription", async () => {
    const productId = need(s.productId, "a recurring product");
    const customerId = need(s.customerId, "a customer");
    const withSeats = sdk(s.a.token, { extraBody: { seats: 3 } });
    const sub = await created("subscriptions.create", withSeats.subscriptions.create({ productId, customerId }),
      (v) => { s.subId = v.id; });
    assert.equal(sub.status, "active");
    assert.equal(sub.seats, 3);
    assert.equal(sub.customerId, customerId);
    assert.equal(sub.productId, productId);
    assert.equal(sub.customer.id, customerId);
    assert.equal(sub.product.id, productId);
    assert.equal(sub.recurringInterval, "month");
    assert.ok(sub.currentPeriodStart instanceof Date && sub.currentPeriodEnd instanceof Date);

    const got = await ok("subscriptions.get", s.polar.subscriptions.get({ id: sub.id }));
    assert.equal(got.id, sub.id);
    assert.equal(got.seats, 3);

    await fails("subscriptions.get unknown id", s.polar.subscriptions.get({ id: UNKNOWN }),
      { status: 404, type: ResourceNotFound, error: "ResourceNotFound" });

    // Unchanged SDK call (it cannot send `seats`): the subscription gets the product's minimum seat count.
    const plain = await ok("subscriptions.create without seats", s.polar.subscriptions.create({
      productId, customerId, metadata: { source: "sdk" },
    }));
    assert.equal(plain.status, "active");
    assert.equal(plain.seats, 1);
    assert.deepEqual(plain.metadata, { source: "sdk" });
    const page = await ok("subscriptions.list", s.polar.subscriptions.list({ customerId }));
    assert.ok(page.result.items.some((x) => x.id === plain.id), "subscriptions.list does not contain the subscription");
  });

  it("orders.create (seats added to the body) / get, 404 for an unknown order", async () => {
    const productId = need(s.oneTimeProductId, "a one-time product");
    const customerId = need(s.customerId, "a customer");
    const order = await created("orders.create (paid, 2 seats)",
      sdk(s.a.token, { extraBody: { seats: 2 } }).orders.create({ productId, customerId }),
      (v) => { s.orderId = v.id; });
    assert.equal(order.seats, 2);
    assert.equal(order.status, "paid");
    assert.equal(order.paid, true);
    assert.equal(order.customerId, customerId);
    assert.equal(order.productId, productId);

    const got = await ok("orders.get", s.polar.orders.get({ id: order.id }));
    assert.equal(got.id, order.id);
    assert.equal(got.seats, 2);

    const pending = await created("orders.create (pending)",
      sdk(s.a.token, { extraBody: { seats: 2, status: "pending" } }).orders.create({ productId, customerId }),
      (v) => { s.pendingOrderId = v.id; });
    assert.equal(pending.status, "pending");
    assert.equal(pending.paid, false);

    await fails("orders.get unknown id", s.polar.orders.get({ id: UNKNOWN }),
      { status: 404, type: ResourceNotFound, error: "ResourceNotFound" });

    // Unchanged SDK call (it cannot send `seats`): the order gets the product's minimum seat count.
    const plain = await ok("orders.create without seats", s.polar.orders.create({ productId, customerId }));
    assert.equal(plain.seats, 1);
    assert.equal(plain.status, "paid");
  });

  // ---------------------------------------------------------------- sessions
  it("customerSessions.create and customerPortal.customerSession.introspect", async () => {
    const customerId = need(s.customerId, "a customer");
    // A team customer's session names its member (Polar: "member_id is required for team customers").
    const session = await created("customerSessions.create (owner)", s.polar.customerSessions.create({
      customerId, memberId: need(s.ownerMemberId, "the owner member"), returnUrl: "https://example.com/back",
    }),
      (v) => { s.ownerSession = v.token; });
    assert.match(session.token, /^polar_mst_/, "member model: the customer session is the owner's member session");
    assert.equal(session.customerId, customerId);
    assert.equal(session.customer.id, customerId);
    assert.equal(session.returnUrl, "https://example.com/back");
    assert.ok(session.expiresAt instanceof Date && session.expiresAt > new Date());
    assert.equal(typeof session.customerPortalUrl, "string");

    const intro = await ok("customerPortal.customerSession.introspect",
      s.polar.customerPortal.customerSession.introspect(sec(session.token)));
    assert.ok(intro.expiresAt instanceof Date);
    assert.equal(intro.returnUrl, "https://example.com/back");

    const manager = await created("customerSessions.create (billing manager)", s.polar.customerSessions.create({
      customerId, memberId: need(s.billingManagerId, "a billing manager"),
    }), (v) => { s.managerSession = v.token; });
    assert.match(manager.token, /^polar_mst_/);
    assert.equal(manager.returnUrl, null);

    // An individual customer needs no member_id: the session is its owner's member session.
    const individual = await ok("customers.create (individual)",
      s.polar.customers.create({ email: uniqueEmail("solo") }));
    assert.equal(individual.type, "individual");
    const solo = await ok("customerSessions.create (individual customer, no member_id)",
      s.polar.customerSessions.create({ customerId: individual.id }));
    assert.match(solo.token, /^polar_mst_/);
    assert.equal(solo.customer.id, individual.id);

    await created("customerSessions.create (plain member)", s.polar.customerSessions.create({
      customerId, memberId: need(s.plainMemberId, "a plain member"),
    }), (v) => { s.plainMemberSession = v.token; });

    // Polar answers 422 (customer_id fails validation); a 404 ResourceNotFound is an acceptable documented error too.
    await fails("customerSessions.create for an unknown customer",
      s.polar.customerSessions.create({ customerId: UNKNOWN }),
      [{ status: 422, type: HTTPValidationError }, { status: 404, error: "ResourceNotFound" }]);
  });

  // ---------------------------------------------------------------- organization seat API
  it("customerSeats.assignSeat / listSeats / getClaimInfo / resendInvitation / claimSeat", async () => {
    const subscriptionId = need(s.subId, "a subscription");
    s.adaEmail = uniqueEmail("ada");
    const seat = await created("customerSeats.assignSeat",
      s.polar.customerSeats.assignSeat({ subscriptionId, email: s.adaEmail, metadata: { team: "core" } }),
      (v) => { s.adaSeatId = v.id; });
    const rawSeat = lastRaw("POST", "/v1/customer-seats");
    assert.equal(seat.status, "pending");
    assert.equal(seat.subscriptionId, subscriptionId);
    assert.equal(seat.orderId, null);
    assert.equal(seat.email, s.adaEmail);
    assert.equal(seat.claimedAt, null);
    assert.equal(seat.revokedAt, null);
    assert.ok(seat.invitationTokenExpiresAt instanceof Date);
    assert.deepEqual(seat.seatMetadata, { team: "core" });
    assert.match(rawSeat.invitation_token ?? "", /^[A-Za-z0-9_-]{43}$/, "assign must return invitation_token");
    assert.equal(rawSeat.invitation_url,
      `${rawSeat.invitation_url.split("/").slice(0, 3).join("/")}/${s.a.org.slug}/portal/claim?token=${rawSeat.invitation_token}`);
    const firstToken = rawSeat.invitation_token;

    const list = await ok("customerSeats.listSeats", s.polar.customerSeats.listSeats({ subscriptionId }));
    assert.equal(list.totalSeats, 3);
    assert.equal(list.availableSeats, 2);
    assert.deepEqual(list.seats.map((x) => x.id), [seat.id]);

    const info = await ok("customerSeats.getClaimInfo", s.polar.customerSeats.getClaimInfo({ invitationToken: firstToken }));
    assert.equal(info.canClaim, true);
    assert.equal(info.customerEmail, s.adaEmail);
    assert.equal(info.organizationSlug, s.a.org.slug);
    assert.equal(info.productId, s.productId);

    const resent = await ok("customerSeats.resendInvitation", s.polar.customerSeats.resendInvitation({ seatId: seat.id }));
    assert.equal(resent.status, "pending");
    const newToken = lastRaw("POST", `/v1/customer-seats/${seat.id}/resend`).invitation_token;
    assert.match(newToken ?? "", /^[A-Za-z0-9_-]{43}$/, "resend must return the new invitation_token");
    assert.notEqual(newToken, firstToken);
    await fails("customerSeats.getClaimInfo with the token replaced by resend",
      s.polar.customerSeats.getClaimInfo({ invitationToken: firstToken }), { status: 404, error: "ResourceNotFound" });

    const claim = await created("customerSeats.claimSeat", s.polar.customerSeats.claimSeat({ invitationToken: newToken }),
      (v) => { s.adaSession = v.customer_session_token ?? v.customerSessionToken; });
    assert.equal(claim.seat.id, seat.id);
    assert.equal(claim.seat.status, "claimed");
    assert.ok(claim.seat.claimedAt instanceof Date);
    assert.ok(claim.seat.memberId, "member model: the claimed seat has a member");
    assert.equal(claim.seat.member?.email, s.adaEmail);
    assert.equal(claim.seat.member?.role, "member");
    assert.match(claim.customerSessionToken, /^polar_mst_/);

    const intro = await ok("customerPortal.customerSession.introspect (claimed holder)",
      s.polar.customerPortal.customerSession.introspect(sec(claim.customerSessionToken)));
    assert.ok(intro.expiresAt instanceof Date);
  });

  it("claim errors: 400 InvalidInvitationToken (reused, unknown), 404 claim info, 400 SeatNotPending on resend", async () => {
    const seatId = need(s.adaSeatId, "a claimed seat");
    await fails("customerSeats.claimSeat with an unknown token",
      s.polar.customerSeats.claimSeat({ invitationToken: "x".repeat(43) }),
      { status: 400, error: "InvalidInvitationToken", detail: "Invalid or expired invitation token" });
    await fails("customerSeats.getClaimInfo with an unknown token",
      s.polar.customerSeats.getClaimInfo({ invitationToken: "x".repeat(43) }),
      { status: 404, error: "ResourceNotFound", detail: "Invalid or expired invitation token" });
    await fails("customerSeats.resendInvitation of a claimed seat", s.polar.customerSeats.resendInvitation({ seatId }),
      { status: 400, error: "SeatNotPending", detail: "Seat is not in pending status" });
    // The SDK refuses to send a claim without a token, so that 422 is checked with plain fetch.
    const missing = await rawExpect("POST", "/v1/customer-seats/claim", null, {}, 422);
    assert.equal(missing.error, "RequestValidationError");
    assert.deepEqual(missing.detail.map((d) => [d.type, d.loc, d.msg]),
      [["missing", ["body", "invitation_token"], "Field required"]]);
    // An empty token: Polar looks it up and answers 400; a 422 validation error is also a documented answer.
    await fails("customerSeats.claimSeat with an empty token", s.polar.customerSeats.claimSeat({ invitationToken: "" }),
      [{ status: 400, error: "InvalidInvitationToken" }, { status: 422, type: HTTPValidationError }]);
  });

  it("customerPortal.seats.listClaimedSubscriptions for the seat holder", async () => {
    const holder = need(s.adaSession, "a claimed seat's session");
    const page = await ok("customerPortal.seats.listClaimedSubscriptions",
      s.polar.customerPortal.seats.listClaimedSubscriptions(sec(holder), {}));
    assert.equal(page.result.pagination.totalCount, 1);
    assert.equal(page.result.pagination.maxPage, 1);
    assert.deepEqual(page.result.items.map((x) => x.id), [s.subId]);
    const item = page.result.items[0];
    assert.equal(item.product.id, s.productId);
    assert.equal(item.product.organization.slug, s.a.org.slug);
  });

  it("customerPortal.seats: listSeats / assignSeat / resendInvitation (owner and billing manager)", async () => {
    const subscriptionId = need(s.subId, "a subscription");
    const owner = need(s.ownerSession, "the owner's session");
    const list = await ok("customerPortal.seats.listSeats",
      s.polar.customerPortal.seats.listSeats(sec(owner), { subscriptionId }));
    assert.equal(list.totalSeats, 3);
    assert.equal(list.availableSeats, 2);

    s.graceEmail = uniqueEmail("grace");
    const seat = await created("customerPortal.seats.assignSeat (owner)",
      s.polar.customerPortal.seats.assignSeat(sec(owner), { subscriptionId, email: s.graceEmail }),
      (v) => { s.graceSeatId = v.id; });
    assert.equal(seat.status, "pending");
    assert.equal(seat.email, s.graceEmail);
    // Beyond Polar's wire, as the contract's "Security boundaries" says: a portal caller never receives the token.
    assert.equal(lastRaw("POST", "/v1/customer-portal/seats").invitation_token, undefined);
    assert.equal(lastRaw("POST", "/v1/customer-portal/seats").invitation_url, undefined);

    const resent = await ok("customerPortal.seats.resendInvitation",
      s.polar.customerPortal.seats.resendInvitation(sec(owner), { seatId: seat.id }));
    assert.equal(resent.id, seat.id);
    assert.equal(resent.status, "pending");

    const manager = need(s.managerSession, "the billing manager's session");
    const third = await created("customerPortal.seats.assignSeat (billing manager, immediate claim)",
      s.polar.customerPortal.seats.assignSeat(sec(manager), {
        subscriptionId, email: uniqueEmail("linus"), immediateClaim: true,
      }), (v) => { s.linusSeatId = v.id; });
    assert.equal(third.status, "claimed");
    assert.equal(third.invitationTokenExpiresAt, null);
  });

  it("400 SeatNotAvailable when the subscription is full; 400 SeatsAlreadyAssigned when lowering seats", async () => {
    const subscriptionId = need(s.subId, "a subscription");
    await fails("customerSeats.assignSeat on a full subscription",
      s.polar.customerSeats.assignSeat({ subscriptionId, email: uniqueEmail("late") }),
      { status: 400, error: "SeatNotAvailable", detail: `No available seats for ${subscriptionId}` });
    const list = await ok("customerSeats.listSeats (full)", s.polar.customerSeats.listSeats({ subscriptionId }));
    assert.equal(list.availableSeats, 0);

    await fails("subscriptions.update seats below the assigned count",
      s.polar.subscriptions.update({ id: subscriptionId, subscriptionUpdate: { seats: 2 } }),
      { status: 400, error: "SeatsAlreadyAssigned",
        detail: "Cannot decrease seats to 2. Currently 3 seats are assigned. Revoke seats first." });

    const grown = await ok("subscriptions.update seats 3 -> 4",
      s.polar.subscriptions.update({ id: subscriptionId, subscriptionUpdate: { seats: 4 } }));
    assert.equal(grown.seats, 4);
    const after = await ok("customerSeats.listSeats (after growing)", s.polar.customerSeats.listSeats({ subscriptionId }));
    assert.equal(after.totalSeats, 4);
    assert.equal(after.availableSeats, 1);

    await fails("subscriptions.update on an unknown subscription",
      s.polar.subscriptions.update({ id: UNKNOWN, subscriptionUpdate: { seats: 4 } }),
      { status: 404, type: ResourceNotFound, error: "ResourceNotFound" });
  });

  it("customerSeats.assignSeat validation: 422 for two identities, no identity, two containers, 11 metadata keys", async () => {
    const subscriptionId = need(s.subId, "a subscription");
    const v = { status: 422, type: HTTPValidationError, error: "RequestValidationError" };
    await fails("assignSeat with email and customer_id",
      s.polar.customerSeats.assignSeat({ subscriptionId, email: uniqueEmail("two"), customerId: s.customerId }), v);
    await fails("assignSeat without an identity", s.polar.customerSeats.assignSeat({ subscriptionId }), v);
    await fails("assignSeat with subscription_id and order_id",
      s.polar.customerSeats.assignSeat({ subscriptionId, orderId: s.orderId ?? UNKNOWN, email: uniqueEmail("both") }), v);
    const metadata = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i]));
    await fails("assignSeat with 11 metadata keys",
      s.polar.customerSeats.assignSeat({ subscriptionId, email: uniqueEmail("meta"), metadata }), v);
  });

  it("customerSeats.listSeats errors: 404 unknown container, 400 without a container", async () => {
    await fails("customerSeats.listSeats unknown subscription",
      s.polar.customerSeats.listSeats({ subscriptionId: UNKNOWN }), { status: 404 });
    await fails("customerSeats.listSeats without subscription_id or order_id",
      s.polar.customerSeats.listSeats({}), { status: 400, detail: "Either subscription_id or order_id must be provided" });
  });

  it("customerPortal.seats.revokeSeat: 403 NotPermitted for a plain member, 422 malformed id, 404 unknown, 200 + idempotent", async () => {
    const plain = need(s.plainMemberSession, "a plain member's session");
    const owner = need(s.ownerSession, "the owner's session");
    const seatId = need(s.adaSeatId, "a claimed seat");

    await fails("customerPortal.seats.revokeSeat by a plain member",
      s.polar.customerPortal.seats.revokeSeat(sec(plain), { seatId }),
      { status: 403, error: "NotPermitted", detail: "Only owners and billing managers can access billing features." });
    await fails("customerPortal.seats.revokeSeat without a session",
      sdk(undefined).customerPortal.seats.revokeSeat({}, { seatId }), { status: 401, error: "Unauthorized" });

    const bad = await fails("customerPortal.seats.revokeSeat with seat_id 'not-a-uuid'",
      s.polar.customerPortal.seats.revokeSeat(sec(owner), { seatId: "not-a-uuid" }),
      { status: 422, type: HTTPValidationError, error: "RequestValidationError" });
    assert.deepEqual(bad.err.detail?.[0]?.loc, ["path", "seat_id"]);
    assert.equal(bad.err.detail?.[0]?.type, "uuid_parsing");

    await fails("customerPortal.seats.revokeSeat unknown seat",
      s.polar.customerPortal.seats.revokeSeat(sec(owner), { seatId: UNKNOWN }),
      { status: 404, error: "ResourceNotFound", detail: "Seat not found" });

    const revoked = await ok("customerPortal.seats.revokeSeat (owner revokes the claimed seat)",
      s.polar.customerPortal.seats.revokeSeat(sec(owner), { seatId }));
    assert.equal(revoked.status, "revoked");
    assert.ok(revoked.revokedAt instanceof Date);
    assert.equal(revoked.email, null);
    assert.equal(revoked.customerId, null);
    assert.equal(revoked.memberId, null);
    assert.equal(revoked.member, null);

    const again = await ok("customerPortal.seats.revokeSeat again (idempotent)",
      s.polar.customerPortal.seats.revokeSeat(sec(owner), { seatId }));
    assert.equal(again.status, "revoked");
    assert.equal(again.revokedAt.getTime(), revoked.revokedAt.getTime());

    if (s.adaSession) {
      const r = await fails("introspect with the revoked holder's session",
        s.polar.customerPortal.customerSession.introspect(sec(s.adaSession)), { status: 401 });
      assert.equal(r.body.error, "invalid_token");
    }
    const intro = await ok("the owner's session survives the revoke",
      s.polar.customerPortal.customerSession.introspect(sec(owner)));
    assert.ok(intro.expiresAt instanceof Date);
  });

  it("customerSeats.revokeSeat: 422 malformed id, 404 unknown, 200 revoked", async () => {
    const seatId = need(s.graceSeatId, "a pending seat");
    const bad = await fails("customerSeats.revokeSeat with seat_id 'not-a-uuid'",
      s.polar.customerSeats.revokeSeat({ seatId: "not-a-uuid" }),
      { status: 422, type: HTTPValidationError, error: "RequestValidationError" });
    assert.deepEqual(bad.err.detail?.[0]?.loc, ["path", "seat_id"]);
    await fails("customerSeats.revokeSeat unknown seat", s.polar.customerSeats.revokeSeat({ seatId: UNKNOWN }),
      { status: 404, error: "ResourceNotFound" });
    await fails("customerSeats.resendInvitation unknown seat",
      s.polar.customerSeats.resendInvitation({ seatId: UNKNOWN }), { status: 404, error: "ResourceNotFound" });

    const revoked = await ok("customerSeats.revokeSeat", s.polar.customerSeats.revokeSeat({ seatId }));
    assert.equal(revoked.status, "revoked");
    assert.ok(revoked.revokedAt instanceof Date);
    const list = await ok("customerSeats.listSeats (history kept)", s.polar.customerSeats.listSeats({ subscriptionId: s.subId }));
    assert.ok(list.seats.some((x) => x.id === seatId && x.status === "revoked"), "revoked seat stays listed");
    assert.equal(list.availableSeats, 3);
  });

  it("seats on a one-time order; 400 when the order is not paid", async () => {
    const orderId = need(s.orderId, "a paid order");
    const seat = await ok("customerSeats.assignSeat on an order",
      s.polar.customerSeats.assignSeat({ orderId, email: uniqueEmail("order") }));
    assert.equal(seat.orderId, orderId);
    assert.equal(seat.subscriptionId, null);
    const list = await ok("customerSeats.listSeats (order)", s.polar.customerSeats.listSeats({ orderId }));
    assert.equal(list.totalSeats, 2);
    assert.equal(list.availableSeats, 1);
    const byMember = await ok("customerSeats.assignSeat by member_id with immediate claim",
      s.polar.customerSeats.assignSeat({ orderId, memberId: need(s.billingManagerId, "a billing manager"), immediateClaim: true }));
    assert.equal(byMember.status, "claimed");
    assert.equal(byMember.memberId, s.billingManagerId);
    assert.equal(byMember.member?.role, "billing_manager");
    assert.ok(byMember.claimedAt instanceof Date);
    if (s.ownerSession) {
      const portal = await ok("customerPortal.seats.listSeats (order)",
        s.polar.customerPortal.seats.listSeats(sec(s.ownerSession), { orderId }));
      assert.equal(portal.availableSeats, 0);
    }
    const pendingOrderId = need(s.pendingOrderId, "a pending order");
    await fails("customerSeats.assignSeat on an unpaid order",
      s.polar.customerSeats.assignSeat({ orderId: pendingOrderId, email: uniqueEmail("early") }),
      { status: 400, detail: "Order must be paid before assigning seats" });
  });

  it("subscriptions.revoke revokes every seat; 403 AlreadyCanceledSubscription the second time", async () => {
    const subscriptionId = need(s.subId, "a subscription");
    const revoked = await ok("subscriptions.revoke", s.polar.subscriptions.revoke({ id: subscriptionId }));
    assert.equal(revoked.id, subscriptionId);
    assert.equal(revoked.status, "canceled");
    assert.ok(revoked.endedAt instanceof Date, "ended_at is set by a revoke");
    const list = await ok("customerSeats.listSeats (revoked subscription)", s.polar.customerSeats.listSeats({ subscriptionId }));
    assert.ok(list.seats.length > 0 && list.seats.every((x) => x.status === "revoked"),
      "every seat of a revoked subscription is revoked: " + JSON.stringify(list.seats.map((x) => x.status)));

    await fails("subscriptions.revoke of a revoked subscription", s.polar.subscriptions.revoke({ id: subscriptionId }),
      { status: 403, type: AlreadyCanceledSubscription, error: "AlreadyCanceledSubscription" });
    await fails("subscriptions.update seats of a revoked subscription",
      s.polar.subscriptions.update({ id: subscriptionId, subscriptionUpdate: { seats: 5 } }),
      { status: 403, type: AlreadyCanceledSubscription, error: "AlreadyCanceledSubscription" });
    await fails("subscriptions.revoke unknown id", s.polar.subscriptions.revoke({ id: UNKNOWN }),
      { status: 404, type: ResourceNotFound, error: "ResourceNotFound" });
  });

  // ---------------------------------------------------------------- feature switch and the legacy model
  it("403 FeatureNotEnabled once seat-based pricing is switched off (assign, list, revoke, resend, claim info, claim, portal)", async () => {
    const b = await tenant({ seats: true, memberModel: true });
    const product = await ok("products.create (org B)", b.polar.products.create({
      name: "B plan", recurringInterval: "year",
      prices: [{ amountType: "seat_based", priceCurrency: "usd", seatTiers: SEAT_TIERS }],
    }));
    const customer = await ok("customers.create (org B)", b.polar.customers.create({ email: uniqueEmail("b") }));
    const sub = await ok("subscriptions.create (org B)",
      sdk(b.token, { extraBody: { seats: 2 } }).subscriptions.create({ productId: product.id, customerId: customer.id }));
    const seat = await ok("customerSeats.assignSeat (org B)",
      b.polar.customerSeats.assignSeat({ subscriptionId: sub.id, email: uniqueEmail("pending") }));
    const token = lastRaw("POST", "/v1/customer-seats").invitation_token;
    const session = await ok("customerSessions.create (org B)", b.polar.customerSessions.create({ customerId: customer.id }));

    await rawExpect("PATCH", `/v1/organizations/${b.org.id}`, OPERATOR,
      { feature_settings: { seat_based_pricing_enabled: false } }, 200);

    const expected = { status: 403, error: "FeatureNotEnabled",
      detail: "Seat-based pricing is not enabled for this organization" };
    await fails("customerSeats.assignSeat (disabled)",
      b.polar.customerSeats.assignSeat({ subscriptionId: sub.id, email: uniqueEmail("x") }), expected);
    await fails("customerSeats.listSeats (disabled)", b.polar.customerSeats.listSeats({ subscriptionId: sub.id }), expected);
    await fails("customerSeats.revokeSeat (disabled)", b.polar.customerSeats.revokeSeat({ seatId: seat.id }), expected);
    await fails("customerSeats.getClaimInfo (disabled)",
      b.polar.customerSeats.getClaimInfo({ invitationToken: token }), expected);
    await fails("customerSeats.resendInvitation (disabled)",
      b.polar.customerSeats.resendInvitation({ seatId: seat.id }), expected);
    await fails("customerPortal.seats.listSeats (disabled)",
      b.polar.customerPortal.seats.listSeats(sec(session.token), { subscriptionId: sub.id }), expected);
    await fails("customerSeats.claimSeat (disabled)", b.polar.customerSeats.claimSeat({ invitationToken: token }), expected);
    await fails("customerPortal.seats.revokeSeat (disabled)",
      b.polar.customerPortal.seats.revokeSeat(sec(session.token), { seatId: seat.id }), expected);
    await fails("customerSeats.claimSeat with an unknown token (disabled: the token is checked first)",
      b.polar.customerSeats.claimSeat({ invitationToken: "y".repeat(43) }), { status: 400, error: "InvalidInvitationToken" });
  });

  it("legacy model (member_model_enabled false): assign and claim give the holder a portal session", async () => {
    const c = await tenant({ seats: true, memberModel: false });
    const product = await ok("products.create (legacy org)", c.polar.products.create({
      name: "Legacy plan", recurringInterval: "month",
      prices: [{ amountType: "seat_based", priceCurrency: "usd", seatTiers: SEAT_TIERS }],
    }));
    const customer = await ok("customers.create (legacy org)", c.polar.customers.create({ email: uniqueEmail("legacy") }));
    const sub = await ok("subscriptions.create (legacy org)",
      sdk(c.token, { extraBody: { seats: 1 } }).subscriptions.create({ productId: product.id, customerId: customer.id }));
    const email = uniqueEmail("holder");
    const seat = await ok("customerSeats.assignSeat (legacy org)",
      c.polar.customerSeats.assignSeat({ subscriptionId: sub.id, email }));
    assert.equal(seat.status, "pending");
    const token = lastRaw("POST", "/v1/customer-seats").invitation_token;
    const claim = await ok("customerSeats.claimSeat (legacy org)", c.polar.customerSeats.claimSeat({ invitationToken: token }));
    assert.equal(claim.seat.status, "claimed");
    assert.ok(claim.seat.customerId, "legacy model: the seat holder is a customer");
    assert.notEqual(claim.seat.customerId, customer.id);
    const page = await ok("customerPortal.seats.listClaimedSubscriptions (legacy holder)",
      c.polar.customerPortal.seats.listClaimedSubscriptions(sec(claim.customerSessionToken), {}));
    assert.deepEqual(page.result.items.map((x) => x.id), [sub.id]);
    const owner = await ok("customerSessions.create (legacy org)", c.polar.customerSessions.create({ customerId: customer.id }));
    assert.match(owner.token, /^polar_cst_/, "legacy model: a customer session");
    const intro = await ok("introspect (legacy customer session)",
      c.polar.customerPortal.customerSession.introspect(sec(owner.token)));
    assert.ok(intro.expiresAt instanceof Date);
  });

  it("customerPortal.subscriptions.list and customerPortal.orders.list: the customer's own purchases, paged", async () => {
    const c = await tenant({ seats: true, memberModel: false });
    const prices = [{ amountType: "seat_based", priceCurrency: "usd", seatTiers: SEAT_TIERS }];
    const recurring = await ok("products.create (portal lists)",
      c.polar.products.create({ name: "Portal plan", recurringInterval: "month", prices }));
    const oneTime = await ok("products.create (portal lists, one-time)",
      c.polar.products.create({ name: "Portal pack", prices }));
    const customer = await ok("customers.create (portal lists)", c.polar.customers.create({ email: uniqueEmail("lists") }));
    const other = await ok("customers.create (portal lists, other)", c.polar.customers.create({ email: uniqueEmail("else") }));
    const subs = [];
    for (const [who, seats] of [[customer, 2], [customer, 3], [other, 1]]) {
      subs.push(await ok("subscriptions.create (portal lists)",
        sdk(c.token, { extraBody: { seats } }).subscriptions.create({ productId: recurring.id, customerId: who.id })));
    }
    const orders = [];
    for (const [who, status] of [[customer, "paid"], [customer, "pending"], [other, "paid"]]) {
      orders.push(await ok("orders.create (portal lists)",
        sdk(c.token, { extraBody: { seats: 2, status } }).orders.create({ productId: oneTime.id, customerId: who.id })));
    }
    const session = await ok("customerSessions.create (portal lists)", c.polar.customerSessions.create({ customerId: customer.id }));
    assert.match(session.token, /^polar_cst_/, "legacy model: a customer session");

    const subPage = await ok("customerPortal.subscriptions.list",
      c.polar.customerPortal.subscriptions.list(sec(session.token), {}));
    assert.equal(subPage.result.pagination.totalCount, 2);
    assert.deepEqual(new Set(subPage.result.items.map((x) => x.id)), new Set([subs[0].id, subs[1].id]));
    for (const item of subPage.result.items) {
      assert.equal(item.customerId, customer.id);
      assert.equal(item.product.id, recurring.id);
      assert.equal(item.product.organization.slug, c.org.slug);
      assert.equal(item.status, "active");
    }
    const firstSub = await ok("customerPortal.subscriptions.list (limit 1)",
      c.polar.customerPortal.subscriptions.list(sec(session.token), { page: 1, limit: 1, active: true }));
    assert.equal(firstSub.result.items.length, 1);
    assert.equal(firstSub.result.pagination.maxPage, 2);
    const secondSub = await ok("customerPortal.subscriptions.list (page 2)", firstSub.next());
    assert.equal(secondSub?.result.items.length, 1);

    const orderPage = await ok("customerPortal.orders.list",
      c.polar.customerPortal.orders.list(sec(session.token), {}));
    assert.equal(orderPage.result.pagination.totalCount, 2);
    assert.deepEqual(new Set(orderPage.result.items.map((x) => x.id)), new Set([orders[0].id, orders[1].id]));
    for (const item of orderPage.result.items) {
      assert.equal(item.customerId, customer.id);
      assert.equal(item.product?.id, oneTime.id);
      assert.equal(item.subscription, null);
      assert.equal(item.items.length, 1);
      assert.equal(item.seats, 2);
    }
    const paid = orderPage.result.items.find((x) => x.id === orders[0].id);
    assert.equal(paid.status, "paid");
    assert.equal(paid.paid, true);
    const oneTimeOnly = await ok("customerPortal.orders.list (filters)", c.polar.customerPortal.orders.list(
      sec(session.token), { productBillingType: "one_time", productId: [oneTime.id], limit: 1 }));
    assert.equal(oneTimeOnly.result.pagination.totalCount, 2);
    assert.equal(oneTimeOnly.result.items.length, 1);

    const bad = await fails("customerPortal.subscriptions.list with product_id 'x'",
      c.polar.customerPortal.subscriptions.list(sec(session.token), { productId: "x" }),
      { status: 422, type: HTTPValidationError, error: "RequestValidationError" });
    assert.deepEqual(bad.err.detail?.[0]?.loc, ["query", "product_id", 0]);
    await fails("customerPortal.orders.list without a session",
      sdk(undefined).customerPortal.orders.list({}, {}), { status: 401, error: "Unauthorized" });

    // Member sessions (main tenant): Polar lists subscriptions for any member, orders only for billing roles.
    const plain = need(s.plainMemberSession, "a plain member's session");
    const owner = need(s.ownerSession, "the owner's session");
    await ok("customerPortal.subscriptions.list (plain member)", s.polar.customerPortal.subscriptions.list(sec(plain), {}));
    const ownerOrders = await ok("customerPortal.orders.list (owner)",
      s.polar.customerPortal.orders.list(sec(owner), {}));
    assert.ok(ownerOrders.result.items.some((x) => x.id === s.orderId), "the owner sees its customer's order");
    await fails("customerPortal.orders.list by a plain member", s.polar.customerPortal.orders.list(sec(plain), {}),
      { status: 403, error: "NotPermitted", detail: "Only owners and billing managers can access billing features." });
  });

  it("tenant isolation: another organization's ids answer 404", async () => {
    const other = await tenant({ seats: true, memberModel: true });
    if (s.customerId) {
      await fails("customers.get of another organization's customer", other.polar.customers.get({ id: s.customerId }),
        { status: 404, type: ResourceNotFound, error: "ResourceNotFound" });
    }
    if (s.orderId) {
      await fails("orders.get of another organization's order", other.polar.orders.get({ id: s.orderId }),
        { status: 404, type: ResourceNotFound, error: "ResourceNotFound" });
    }
    if (s.linusSeatId) {
      await fails("customerSeats.revokeSeat of another organization's seat",
        other.polar.customerSeats.revokeSeat({ seatId: s.linusSeatId }), { status: 404 });
    }
  });
});
