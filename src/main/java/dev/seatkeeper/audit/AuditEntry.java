package dev.seatkeeper.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One stored entry of a seat's history ({@code seat_history}). Written by {@link AuditTrail}; read through JPA, and
 * changed only once, by {@link AuditChain}, which links it into its organization's chain.
 */
@Entity
@Table(name = "seat_history")
public class AuditEntry {
    @Id
    private UUID id;

    /**
     * The order rows were inserted in, filled by the database: the chain's order between entries stamped with the
     * same {@code at} (possible only between two servers; one server's times are strictly increasing).
     */
    @Column(name = "written", insertable = false, updatable = false)
    private long written;

    @Column(name = "organization_id", updatable = false)
    private UUID organizationId;

    @Column(name = "seat_id", updatable = false)
    private UUID seatId;

    /**
     * UTC wall time, as {@link AuditTrail} writes it: read as a {@link LocalDateTime}, so that neither the JVM's
     * time zone nor a change of it moves the instant (an {@link OffsetDateTime} field is read in the JVM's zone, which
     * put a non-UTC server's entries hours off and would break every hash of the chain when the zone changed).
     */
    @Column(name = "at", updatable = false)
    private LocalDateTime at;

    @Column(name = "action", updatable = false)
    private String action;

    @Column(name = "actor_type", updatable = false)
    private String actorType;

    @Column(name = "actor_id", updatable = false)
    private String actorId;

    /** Text, not a uuid column: it is null for most actors, and EclipseLink's UUID converter fails on a null. */
    @Column(name = "actor_subject", updatable = false)
    private String actorSubject;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Column(name = "from_status", updatable = false)
    private String fromStatus;

    @Column(name = "to_status", updatable = false)
    private String toStatus;

    @Column(name = "request_id", updatable = false)
    private String requestId;

    @Column(name = "seq")
    private Long seq;

    @Column(name = "hash")
    private String hash;

    protected AuditEntry() {}

    /**
     * A new, unlinked entry.
     *
     * @param at when the change was made (UTC wall time, microseconds: {@link WriteClock#next})
     * @param requestId the request's or scheduled action's id, or null outside both
     */
    AuditEntry(UUID id, SeatChange change, Actor actor, LocalDateTime at, String requestId) {
        this.id = id;
        this.organizationId = change.organizationId();
        this.seatId = change.seatId();
        this.at = at;
        this.action = change.action().wireName();
        this.actorType = actor.type();
        this.actorId = actor.id();
        this.actorSubject = actor.subject() == null ? null : actor.subject().toString();
        this.reason = change.reason();
        this.fromStatus = change.fromStatus();
        this.toStatus = change.toStatus();
        this.requestId = requestId;
    }

    /** Links the entry: its place in the organization's chain and the hash that ties it to the entry before. */
    void link(long seq, String hash) {
        this.seq = seq;
        this.hash = hash;
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public UUID seatId() {
        return seatId;
    }

    /** When the change was made (UTC). */
    public OffsetDateTime at() {
        return at.atOffset(ZoneOffset.UTC);
    }

    public String action() {
        return action;
    }

    public String actorType() {
        return actorType;
    }

    public String actorId() {
        return actorId;
    }

    /** The customer's or member's id behind a portal session (as text), else null. */
    public String actorSubject() {
        return actorSubject;
    }

    public String reason() {
        return reason;
    }

    public String fromStatus() {
        return fromStatus;
    }

    public String toStatus() {
        return toStatus;
    }

    public String requestId() {
        return requestId;
    }

    public Long seq() {
        return seq;
    }

    public String hash() {
        return hash;
    }
}
