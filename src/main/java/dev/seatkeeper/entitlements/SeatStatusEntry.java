package dev.seatkeeper.entitlements;

import dev.seatkeeper.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A seat's index in its organization's Token Status List, handed out when the seat's first entitlement is issued (every
 * later token of the seat carries the same index: revoking the seat revokes all of them). {@code revoked_at} is set in
 * the revoke's transaction; a set bit never clears (a revoked seat stays revoked).
 */
@Entity
@Table(name = "seat_status_entries")
class SeatStatusEntry {
    @Id
    @Column(name = "seat_id")
    private UUID seatId;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(name = "status_index", nullable = false)
    private int statusIndex;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected SeatStatusEntry() {}

    SeatStatusEntry(UUID seatId, UUID organizationId, int statusIndex) {
        this.seatId = seatId;
        this.organizationId = organizationId;
        this.statusIndex = statusIndex;
        this.createdAt = Timestamps.now();
    }

    int statusIndex() {
        return statusIndex;
    }
}
