package dev.seatkeeper.bench.floor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one row the stack-floor operations write and read: an id, a name, a creation time (UTC; {@code OffsetDateTime},
 * as Seatkeeper's entities: EclipseLink stores an {@code Instant} as serialized bytes).
 */
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

    /** The longest name kept, in characters (the column's default length). */
    static final int NAME_LENGTH = 255;

    protected FloorRow() {}

    /**
     * A new row's id: a random UUID from a per-thread generator, so that the floor does not queue on one shared lock.
     */
    static String newId() {
        var random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** The name a request body gives a row: the body, cut to {@link #NAME_LENGTH} characters. */
    static String nameOf(String body) {
        return body.length() > NAME_LENGTH ? body.substring(0, NAME_LENGTH) : body;
    }

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
