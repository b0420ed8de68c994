package dev.seatkeeper.bench.floor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The one row the stack-floor operations write and read: an id, a name, a creation time (UTC; {@code OffsetDateTime}, as Seatkeeper's entities: EclipseLink stores an {@code Instant} as serialized bytes). */
@Entity
@Table(name = "floor_row")
public class FloorRow {
    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected FloorRow() {}

    FloorRow(String id, String name, OffsetDateTime createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }
}
