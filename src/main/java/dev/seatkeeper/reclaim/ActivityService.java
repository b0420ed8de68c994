package dev.seatkeeper.reclaim;

import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.NotPermitted;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.TransactionConnection;
import dev.seatkeeper.seats.CustomerSeat;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Activity reports (contract, "Beyond Polar: activity and reclaim of idle seats"). A seat's {@code last_active_at}
 * only moves forward, and at most once a minute: a report within a minute of the stored time, or older, is accepted
 * without a write. A write also clears a pending reclaim. A batch of up to 1,000 items costs a constant number of
 * statements: its seats are found with a few set-based queries ({@link ReportedSeats}) and written with one statement
 * on the seats' activity rows whose condition carries the forward-only rule ({@link ActivityWrites}), so racing
 * reports of one seat keep the latest and no row is read under a lock. Claims never wait for it: it writes the seats'
 * own rows only to clear a pending reclaim (two statements more per warned seat).
 */
@Stateless
public class ActivityService {
    /** Reports later than this past the request's time are ignored (clock skew allowed for). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** Reports closer than this to the stored time are not written. */
    static final Duration COALESCE = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @EJB
    OrganizationService organizations;

    @Inject
    TransactionConnection connections;

    /** Why an item was not counted. */
    public record Ignored(int index, String reason) {}

    /** How many items were accepted, and the others, in request order. */
    public record Outcome(int accepted, List<Ignored> ignored) {}

    /** Whether a report at {@code at} lies so far past the request's time {@code now} that it is ignored. */
    static boolean inFuture(OffsetDateTime at, OffsetDateTime now) {
        return at.isAfter(now.plus(FUTURE_TOLERANCE));
    }

    /**
     * Whether a report at {@code at} moves a seat whose stored time is {@code stored} (null: never reported): it is
     * at least {@link #COALESCE} later. Otherwise it is accepted without a write.
     */
    static boolean moves(OffsetDateTime stored, OffsetDateTime at) {
        return stored == null || !at.isBefore(stored.plus(COALESCE));
    }

    /**
     * Records a batch of the organization's reports, judged at {@code now} (UTC). Ignored: {@code future_time},
     * {@code unknown_seat} (no such seat of the organization), {@code revoked_seat}.
     *
     * @throws dev.seatkeeper.organizations.FeatureNotEnabled seat-based pricing is off
     */
    public Outcome report(UUID organizationId, ActivityReport report, OffsetDateTime now) {
        organizations.get(organizationId).requireSeatBasedPricing();
        var seats = ReportedSeats.find(em, organizationId, report.items());
        var ignored = new ArrayList<Ignored>();
        // The latest time reported per seat, kept where it is at least a minute past the stored one.
        var latest = new HashMap<UUID, OffsetDateTime>();
        var stored = new HashMap<UUID, OffsetDateTime>();
        var warned = new HashSet<UUID>();
        int accepted = 0;
        for (int index = 0; index < report.items().size(); index++) {
            OffsetDateTime at = report.items().get(index).at().orElse(now);
            var seat = seats.get(index);
            String problem = inFuture(at, now)
                    ? "future_time"
                    : seat.isEmpty() ? "unknown_seat" : seat.get().revoked() ? "revoked_seat" : null;
            if (problem != null) {
                ignored.add(new Ignored(index, problem));
                continue;
            }
            accepted++;
            stored.put(seat.get().id(), seat.get().lastActiveAt());
            if (seat.get().warned()) {
                warned.add(seat.get().id());
            }
            latest.merge(seat.get().id(), at, ReclaimRule::later);
        }
        latest.entrySet().removeIf(e -> !moves(stored.get(e.getKey()), e.getValue()));
        warned.retainAll(latest.keySet());
        var unreported =
                latest.keySet().stream().filter(id -> stored.get(id) == null).toList();
        ActivityWrites.write(connections, em, latest, warned, unreported);
        return new Outcome(accepted, ignored);
    }

    /**
     * "Keep my seat": the holder's own report from the portal, at {@code now} (UTC). The holder is the seat's member
     * (a member session), or in the legacy model the seat's own customer (a customer session that is not the
     * container's). Returns the seat as stored after the report.
     *
     * @param memberId the caller's member, empty for a customer session
     * @throws ResourceNotFound a seat of another customer or organization, or none ("Seat not found")
     * @throws NotPermitted someone of the same customer who does not hold the seat
     * @throws dev.seatkeeper.organizations.FeatureNotEnabled seat-based pricing is off
     */
    public CustomerSeat keep(
            UUID organizationId, UUID customerId, Optional<UUID> memberId, UUID seatId, OffsetDateTime now) {
        var seat = withContainer(seatId)
                .filter(s -> s.organizationId().equals(organizationId))
                .filter(s -> customerId.equals(s.container().customer().id())
                        || (s.customer() != null
                                && customerId.equals(s.customer().id())))
                .findFirst()
                .orElseThrow(() -> new ResourceNotFound("Seat not found"));
        boolean holder = memberId.isPresent()
                ? seat.member() != null && memberId.get().equals(seat.member().id())
                : seat.customer() != null
                        && customerId.equals(seat.customer().id())
                        && !customerId.equals(seat.container().customer().id());
        if (!holder) {
            throw new NotPermitted("Only the seat's holder can report its activity.");
        }
        organizations.get(organizationId).requireSeatBasedPricing();
        // A revoked seat takes no activity: the write leaves it out, as a report of it would be ignored.
        ActivityWrites.write(
                connections,
                em,
                Map.of(seat.id(), now),
                seat.reclaimAt() == null ? Set.of() : Set.of(seat.id()),
                seat.lastActiveAt() == null ? Set.of(seat.id()) : Set.of());
        // Read again as stored: the activity row and the seat's own were written beside the persistence context.
        em.clear();
        return withContainer(seatId).findFirst().orElseThrow();
    }

    /** The seat with its container and holder (CustomerSeat.withContainer), whoever's it is; empty if none. */
    private Stream<CustomerSeat> withContainer(UUID seatId) {
        return em
                .createNamedQuery("CustomerSeat.withContainer", CustomerSeat.class)
                .setParameter("id", seatId)
                .getResultList()
                .stream();
    }
}
