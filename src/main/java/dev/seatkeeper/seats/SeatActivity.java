package dev.seatkeeper.seats;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A seat's last reported activity (contract, "Beyond Polar: activity and reclaim of idle seats"): one row per seat
 * from its first report on, in a narrow table of its own (V12) that the activity route rewrites about once a minute
 * per seat for a fraction of what rewriting the wide seat row cost. A seat reads it as {@link
 * CustomerSeat#lastActiveAt()}. Read-only through JPA: only native statements write it, the activity route's
 * (reclaim/ActivityWrites) and the flags below, so a seat operation never inserts or joins it unless it needs the time. Three more
 * columns are for the activity route's native statements alone and not mapped: the seat's {@code organization_id}
 * and {@code revoked} (V13), which {@link SeatRevoker} sets when it revokes the seat, and {@code warned} (V15), which
 * follows the seat's pending {@code reclaim_at} (reclaim/ActivityWrites.markWarned).
 */
@Entity
@Table(name = SeatActivity.TABLE)
public class SeatActivity {
    /** The table's name, for the native statements that write it. */
    public static final String TABLE = "seat_activity";

    @Id
    @Column(name = "seat_id")
    private UUID seatId;
    /** UTC; only ever moved forward. */
    @Column(name = "last_active_at")
    private OffsetDateTime lastActiveAt;

    protected SeatActivity() {}

    public UUID seatId() {
        return seatId;
    }

    /** The last activity reported (UTC). */
    public OffsetDateTime lastActiveAt() {
        return lastActiveAt;
    }
}
