package dev.seatkeeper.customers;

/**
 * Fired (synchronously, in the deleting transaction) just before a member row is deleted, so that the packages that
 * hang things on a member undo them first: seats revokes every seat it holds (with events), sessions ends its portal
 * sessions (contract, "Members"). The member is still managed when observers run.
 *
 * @param member the member about to be deleted
 */
public record MemberRemoved(Member member) {}
