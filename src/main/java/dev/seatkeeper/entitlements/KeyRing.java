package dev.seatkeeper.entitlements;

import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One row per organization that uses entitlements: the row whose lock serializes key changes (first keys, rotation)
 * and status-list index hand-outs across instances, and the next free index of the organization's status list.
 * Made on first use under the organization's row lock ({@code KeyRings}).
 */
@Entity
@Table(name = "entitlement_key_rings")
class KeyRing extends BaseEntity {
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(name = "next_status_index", nullable = false)
    private int nextStatusIndex;

    protected KeyRing() {}

    KeyRing(UUID organizationId) {
        super(Timestamps.now());
        this.organizationId = organizationId;
    }

    UUID organizationId() {
        return organizationId;
    }

    /** How many indexes were handed out: the status list's length in bits. */
    int statusListLength() {
        return nextStatusIndex;
    }

    /** Hands out the next index; the caller holds this row's lock. */
    int takeStatusIndex() {
        int index = nextStatusIndex;
        nextStatusIndex = Math.addExact(nextStatusIndex, 1);
        touch();
        return index;
    }
}
