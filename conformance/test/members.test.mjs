// The member API (contract, "Members (Polar's member API)") through Polar's SDK 0.49.0, which validates every
// response against its models: by id and by external id, the portal member API, and the cascade of a delete.
import assert from "node:assert/strict";
import { afterEach, before, describe, it } from "node:test";
import { HTTPValidationError } from "@polar-sh/sdk/models/errors/httpvalidationerror.js";
import { ResourceNotFound } from "@polar-sh/sdk/models/errors/resourcenotfound.js";
import {
  SEAT_TIERS, assertNoProtocolViolations, fails, lastRaw, ok, randomUUID, rawExpect, sdk, tenant, uniqueEmail,
} from "./lib.mjs";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const s = {};

afterEach(() => assertNoProtocolViolations());

describe("the member API through @polar-sh/sdk 0.49.0", { concurrency: false }, () => {
  before(async () => {
    s.a = await tenant({ seats: true, memberModel: true });
    s.polar = s.a.polar;
    const product = await ok("products.create", s.polar.products.create({
      name: `Members ${randomUUID().slice(0, 6)}`, recurringInterval: "month",
      prices: [{ amountType: "seat_based", priceCurrency: "usd", seatTiers: SEAT_TIERS }],
    }));
    s.customerEmail = uniqueEmail("billing");
    s.externalId = `ext-${randomUUID()}`;
    const customer = await ok("customers.create", s.polar.customers.create({
      email: s.customerEmail, type: "team", externalId: s.externalId,
    }));
    s.customerId = customer.id;
    const sub = await ok("subscriptions.create",
      sdk(s.a.token, { extraBody: { seats: 3 } }).subscriptions.create({ productId: product.id, customerId: customer.id }));
    s.subId = sub.id;
    const owners = await ok("members.listMembers", s.polar.members.listMembers({ customerId: customer.id, role: "owner" }));
    s.ownerId = owners.result.items[0].id;
  });

  it("customers.members.get / update / delete by id", async () => {
    const email = uniqueEmail("m");
    const member = await ok("customers.members.create", s.polar.customers.members.create({
      id: s.customerId, memberCreateFromCustomer: { email, name: "Ann" },
    }));
    const got = await ok("customers.members.get", s.polar.customers.members.get({ id: s.customerId, memberId: member.id }));
    assert.equal(got.email, email);
    const updated = await ok("customers.members.update", s.polar.customers.members.update({
      id: s.customerId, memberId: member.id, memberUpdate: { name: "Ann B.", role: "billing_manager" },
    }));
    assert.equal(updated.name, "Ann B.");
    assert.equal(updated.role, "billing_manager");
    const newEmail = uniqueEmail("m2");
    const moved = await ok("customers.members.update (email)", s.polar.customers.members.update({
      id: s.customerId, memberId: member.id, memberUpdate: { email: newEmail },
    }));
    assert.equal(moved.email, newEmail);
    await ok("customers.members.delete", s.polar.customers.members.delete({ id: s.customerId, memberId: member.id }));
    await fails("customers.members.get after delete",
      s.polar.customers.members.get({ id: s.customerId, memberId: member.id }),
      { status: 404, type: ResourceNotFound, error: "ResourceNotFound", detail: "Member not found" });
    await fails("customers.members.update unknown",
      s.polar.customers.members.update({ id: s.customerId, memberId: UNKNOWN, memberUpdate: { name: "x" } }),
      { status: 404, type: ResourceNotFound, error: "ResourceNotFound" });
    await fails("customers.members.delete unknown",
      s.polar.customers.members.delete({ id: s.customerId, memberId: UNKNOWN }),
      { status: 404, type: ResourceNotFound, error: "ResourceNotFound" });
    await fails("customers.members.update with a malformed e-mail",
      s.polar.customers.members.update({ id: s.customerId, memberId: s.ownerId, memberUpdate: { email: "nope" } }),
      { status: 422, type: HTTPValidationError });
  });

  it("customers.members by external ids", async () => {
    const member = await ok("customers.members.createExternal", s.polar.customers.members.createExternal({
      externalId: s.externalId, memberCreateFromCustomer: { email: uniqueEmail("x"), externalId: "usr_1337" },
    }));
    assert.equal(member.customerId, s.customerId);
    const got = await ok("customers.members.getExternal",
      s.polar.customers.members.getExternal({ externalId: s.externalId, memberExternalId: "usr_1337" }));
    assert.equal(got.id, member.id);
    const updated = await ok("customers.members.updateExternal", s.polar.customers.members.updateExternal({
      externalId: s.externalId, memberExternalId: "usr_1337", memberUpdate: { name: "External" },
    }));
    assert.equal(updated.name, "External");
    await ok("customers.members.deleteExternal",
      s.polar.customers.members.deleteExternal({ externalId: s.externalId, memberExternalId: "usr_1337" }));
    await fails("customers.members.getExternal after delete",
      s.polar.customers.members.getExternal({ externalId: s.externalId, memberExternalId: "usr_1337" }),
      { status: 404, type: ResourceNotFound, error: "ResourceNotFound" });
    await fails("customers.members.createExternal on an unknown customer",
      s.polar.customers.members.createExternal({ externalId: "nobody", memberCreateFromCustomer: { email: uniqueEmail("n") } }),
      { status: 404, type: ResourceNotFound, error: "ResourceNotFound" });
  });

  it("the last owner can neither be deleted nor demoted (422 CannotRemoveLastOwner)", async () => {
    // Polar's SDK reads a 422 as HTTPValidationError, whose `detail` is a list; the contract's body names the error
    // instead, so the answer is checked on the wire.
    const path = `/v1/customers/${s.customerId}/members/${s.ownerId}`;
    const deleted = await rawExpect("DELETE", path, s.a.token, undefined, 422);
    assert.equal(deleted.error, "CannotRemoveLastOwner");
    const demoted = await rawExpect("PATCH", path, s.a.token, { role: "member" }, 422);
    assert.equal(demoted.error, "CannotRemoveLastOwner");
    const owner = await ok("customers.members.get (owner)", s.polar.customers.members.get({ id: s.customerId, memberId: s.ownerId }));
    assert.equal(owner.role, "owner");
  });

  it("customerPortal.members: list, add, update, remove for the owner", async () => {
    const session = await ok("customerSessions.create (owner)",
      s.polar.customerSessions.create({ customerId: s.customerId, memberId: s.ownerId }));
    const portal = sdk(session.token);
    const listed = await ok("customerPortal.members.listMembers", portal.customerPortal.members.listMembers({}));
    assert.ok(listed.result.items.some((m) => m.id === s.ownerId));
    const added = await ok("customerPortal.members.addMember",
      portal.customerPortal.members.addMember({ email: uniqueEmail("team"), role: "member" }));
    assert.equal(added.role, "member");
    const updated = await ok("customerPortal.members.updateMember", portal.customerPortal.members.updateMember({
      id: added.id, customerPortalMemberUpdate: { name: "Mate", role: "billing_manager" },
    }));
    assert.equal(updated.role, "billing_manager");
    assert.equal(updated.name, "Mate");
    await fails("customerPortal.members.updateMember (own role)", portal.customerPortal.members.updateMember({
      id: s.ownerId, customerPortalMemberUpdate: { role: "member" },
    }), { status: 422, type: HTTPValidationError });
    await ok("customerPortal.members.removeMember", portal.customerPortal.members.removeMember({ id: added.id }));
    await fails("customerPortal.members.removeMember (gone)",
      portal.customerPortal.members.removeMember({ id: added.id }), { status: 404, error: "ResourceNotFound" });
  });

  it("deleting a member revokes its seat (event recorded) and ends its session", async () => {
    const email = uniqueEmail("holder");
    await ok("customerSeats.assignSeat", s.polar.customerSeats.assignSeat({ subscriptionId: s.subId, email }));
    const token = lastRaw("POST", "/v1/customer-seats").invitation_token;
    const claimed = await ok("customerSeats.claimSeat", s.polar.customerSeats.claimSeat({ invitationToken: token }));
    const memberId = claimed.seat.memberId;
    const before = await ok("customerSeats.listSeats", s.polar.customerSeats.listSeats({ subscriptionId: s.subId }));
    await ok("customers.members.delete (seat holder)", s.polar.customers.members.delete({ id: s.customerId, memberId }));
    const after = await ok("customerSeats.listSeats", s.polar.customerSeats.listSeats({ subscriptionId: s.subId }));
    assert.equal(after.availableSeats, before.availableSeats + 1, "the capacity is freed");
    const seat = after.seats.find((x) => x.id === claimed.seat.id);
    assert.equal(seat.status, "revoked");
    await fails("customerPortal.customerSession.introspect with the deleted member's session",
      s.polar.customerPortal.customerSession.introspect({ memberSession: claimed.customerSessionToken }),
      { status: 401, error: "invalid_token" });
  });
});
