package dev.seatkeeper.events;

import dev.seatkeeper.platform.Randomness;
import dev.seatkeeper.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One webhook event in the outbox, recorded in the transaction of the change it describes. {@code dispatched_at} is set
 * once the delivery worker has handed it to the organization's endpoints; {@code seq}, given by the database at insert,
 * is the order of recording those endpoints receive events in. After 90 days the payload is archived (dropped), as
 * Polar does; the row stays as metadata.
 */
@Entity
@Table(
        name = "events",
        indexes = {
            @Index(name = "ix_events_undispatched", columnList = "dispatched_at, created_at"),
            @Index(name = "ix_events_organization", columnList = "organization_id, created_at")
        })
public class Event {
    @Id
    private UUID id;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(nullable = false, length = 64)
    private String type;
    /** The whole webhook body, {@code {"type", "timestamp", "data"}}, as JSON text; {@code null} once archived. */
    @Column(length = 16000)
    private String payload;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "dispatched_at")
    private OffsetDateTime dispatchedAt;

    protected Event() {}

    public Event(UUID organizationId, String type, String payload) {
        this.id = Randomness.newId();
        this.createdAt = Timestamps.now();
        this.organizationId = organizationId;
        this.type = type;
        this.payload = payload;
    }

    public UUID id() {
        return id;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String type() {
        return type;
    }

    public String payload() {
        return payload;
    }

    public OffsetDateTime dispatchedAt() {
        return dispatchedAt;
    }

    /** The order of recording, given by the database: {@code null} on an instance not yet read back. */
    public Long seq() {
        return seq;
    }

    /** Whether the payload was dropped after the archive age. */
    public boolean isArchived() {
        return payload == null;
    }
}
