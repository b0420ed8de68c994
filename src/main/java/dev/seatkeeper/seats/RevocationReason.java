package dev.seatkeeper.seats;

/**
 * Why a seat was revoked, {@code revocation_reason} on a revoked seat and in {@code customer_seat.revoked} (contract,
 * "Beyond Polar, general rules for what follows"). Stored as its wire name.
 */
public enum RevocationReason {
    /** An organization or portal revoke. */
    MANUAL("manual"),
    /** The seat was transferred to someone else. */
    TRANSFER("transfer"),
    /** Its member was deleted. */
    MEMBER_DELETED("member_deleted"),
    /** Its subscription ended (revoked, or canceled at the period end). */
    SUBSCRIPTION_ENDED("subscription_ended"),
    /** A revoke scheduled for an instant ({@code ?at=<instant>}). */
    SCHEDULED("scheduled"),
    /** A revoke scheduled for the period end ({@code ?at=period_end}), or a leaver of a scheduled decrease. */
    PERIOD_END("period_end"),
    /** A time-boxed seat reached its {@code expires_at}. */
    EXPIRED("expired"),
    /** An idle claimed seat reached its {@code reclaim_at} (contract, "Beyond Polar: activity and reclaim of idle seats"). */
    INACTIVITY("inactivity"),
    /** A pending seat's invitation stayed unclaimed for the organization's {@code unclaimed_after_days}. */
    UNCLAIMED("unclaimed");

    private final String wireName;

    RevocationReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The reason stored under this wire name. */
    static RevocationReason of(String wireName) {
        for (RevocationReason reason : values()) {
            if (reason.wireName.equals(wireName)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("Unknown revocation reason " + wireName);
    }
}
