package dev.seatkeeper.customers;

/**
 * Fired (synchronously, in the updating transaction) after a member's e-mail changed, so that its pending and
 * claimed seats follow it (contract, "Members"; Polar's {@code update_email_by_member_id}).
 *
 * @param member the member, already carrying the new address
 */
public record MemberEmailChanged(Member member) {}
