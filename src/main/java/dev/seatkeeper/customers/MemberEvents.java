package dev.seatkeeper.customers;

/** Polar's member webhook events (contract, "Events (webhooks)"), each carrying the Member. */
final class MemberEvents {
    static final String CREATED = "member.created";

    static final String UPDATED = "member.updated";

    static final String DELETED = "member.deleted";

    private MemberEvents() {}
}
