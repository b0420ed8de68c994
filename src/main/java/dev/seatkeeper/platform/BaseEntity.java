package dev.seatkeeper.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What every stored object of Polar's API has: a UUID assigned in Java (no database sequence to differ between
 * providers), a creation time, and a modification time that stays null until the first change.
 */
@MappedSuperclass
public abstract class BaseEntity {
    @Id
    private UUID id;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "modified_at")
    private OffsetDateTime modifiedAt;

    /** For the persistence provider, which fills the fields from the row. */
    protected BaseEntity() {}

    protected BaseEntity(OffsetDateTime createdAt) {
        this.id = Randomness.newId();
        this.createdAt = createdAt;
    }

    /** Marks a change; every mutating method of an entity calls it. */
    protected void touch() {
        this.modifiedAt = Timestamps.now();
    }

    public UUID id() {
        return id;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime modifiedAt() {
        return modifiedAt;
    }
}
