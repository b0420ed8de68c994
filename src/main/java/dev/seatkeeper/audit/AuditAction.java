package dev.seatkeeper.audit;

/** What a history entry records (contract, "Beyond Polar: audit trail"), stored and served as its wire name. */
public enum AuditAction {
    ASSIGNED("assigned"),
    CLAIMED("claimed"),
    RESENT("resent"),
    REVOKED("revoked"),
    /** The seat a transfer revoked. */
    TRANSFERRED_OUT("transferred_out"),
    /** The new pending seat a transfer assigned. */
    TRANSFERRED_IN("transferred_in"),
    REVOCATION_SCHEDULED("revocation_scheduled"),
    REVOCATION_CANCELED("revocation_canceled"),
    /** The holder of an idle seat was warned of its reclaim. */
    RECLAIM_WARNED("reclaim_warned"),
    /** A time-boxed seat's {@code expires_at} was set. */
    EXPIRES_SET("expires_set"),
    /** The holder's e-mail changed, and the seat followed it. */
    EMAIL_CHANGED("email_changed");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
