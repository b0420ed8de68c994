package dev.seatkeeper.seats;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One change that moves a container's seat counts ({@code new_seat_steps}): a seat created, claimed, or revoked
 * while pending or while claimed, at its quarter hour. Written by {@link SeatSteps} in the change's own transaction
 * and folded into the summed counts of {@code seat_steps} by the scheduler ({@code usage.SeatStepFolder}), which the
 * seat metrics read (contract, "Beyond Polar: capacity signals, seat usage and seat metrics").
 */
@Entity
@Table(name = "new_seat_steps")
public class SeatStep {
    /** The kinds, as stored in {@code kind}. */
    public static final String CREATED = "created";

    public static final String CLAIMED = "claimed";
    public static final String REVOKED_PENDING = "revoked_pending";
    public static final String REVOKED_CLAIMED = "revoked_claimed";

    /** Seconds in the grain of {@code at}: every time zone's offset is a whole number of quarter hours. */
    public static final long GRAIN_SECONDS = 900;

    @Id
    private UUID id;

    @Column(name = "organization_id", updatable = false)
    private UUID organizationId;

    @Column(name = "container_id", updatable = false)
    private UUID containerId;

    /** The container is a subscription (else an order): the metrics' {@code billing_type} filter. */
    @Column(name = "recurring", updatable = false)
    private boolean recurring;

    /** The change's time cut down to its quarter hour, stored as the seat's own times are. */
    @Column(name = "at", updatable = false)
    private OffsetDateTime at;

    @Column(name = "kind", updatable = false)
    private String kind;

    /** The revocation reason's wire name for the revoked kinds, {@code ""} for the others. */
    @Column(name = "reason", updatable = false)
    private String reason;

    protected SeatStep() {}

    /**
     * A step of {@code seat} of {@code kind} at {@code time} (the seat's own created, claimed or revoked time).
     *
     * @param reason the revocation reason's wire name, or {@code ""}
     */
    SeatStep(UUID id, CustomerSeat seat, String kind, OffsetDateTime time, String reason) {
        this.id = id;
        this.organizationId = seat.organizationId();
        this.containerId = seat.container().id();
        this.recurring = seat.subscription() != null;
        this.at = quarter(time);
        this.kind = kind;
        this.reason = reason;
    }

    /** {@code time} (any offset) cut down to the start of its quarter hour, in UTC. */
    public static OffsetDateTime quarter(OffsetDateTime time) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        return utc.withMinute(utc.getMinute() / 15 * 15);
    }
}
