package dev.seatkeeper.seats;

/**
 * Why a seat's revocation is scheduled, stored beside its {@code revokes_at} ({@code revokes_reason}): the reason it
 * will be revoked with, and whether it leaves for a scheduled decrease (those are unscheduled with the decrease).
 */
enum ScheduledRevocation {
    /** {@code ?at=<instant>}. */
    SCHEDULED("scheduled", RevocationReason.SCHEDULED),
    /** {@code ?at=period_end}. */
    PERIOD_END("period_end", RevocationReason.PERIOD_END),
    /** A time-boxed seat's {@code expires_at}. */
    EXPIRED("expired", RevocationReason.EXPIRED),
    /** A leaver named for a scheduled decrease. */
    RELEASED("released", RevocationReason.PERIOD_END);

    private final String stored;
    private final RevocationReason reason;

    ScheduledRevocation(String stored, RevocationReason reason) {
        this.stored = stored;
        this.reason = reason;
    }

    String stored() {
        return stored;
    }

    RevocationReason reason() {
        return reason;
    }

    static ScheduledRevocation of(String stored) {
        for (ScheduledRevocation s : values()) {
            if (s.stored.equals(stored)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown scheduled revocation " + stored);
    }
}
