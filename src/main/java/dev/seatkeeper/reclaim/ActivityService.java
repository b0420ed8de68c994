package dev.seatkeeper.reclaim;

import dev.seatkeeper.customers.EmailAddress;
import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.NotPermitted;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.seats.CustomerSeat;
import dev.seatkeeper.seats.SeatStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Activity reports (contract, "Beyond Polar: activity and reclaim of idle seats"). A seat's {@code last_active_at}
 * only moves forward, and at most once a minute: a report within a minute of the stored time, or older, is accepted
 * without a write. A write also clears a pending reclaim. Writes are single UPDATE statements whose condition carries
 * the forward-only rule, so racing reports of one seat keep the latest and no row is read under a lock; the seats of
 * one batch that share a time are written by one statement.
 */
@Stateless
public class ActivityService {
    /** Reports later than this past the request's time are ignored (clock skew allowed for). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** Reports closer than this to the stored time are not written. */
    static final Duration COALESCE = Duration.ofMinutes(1);
    /** Ids per IN list. */
    private static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;

    @EJB
    OrganizationService organizations;

    /** Why an item was not counted. */
    public record Ignored(int index, String reason) {}

    /** How many items were accepted, and the others, in request order. */
    public record Outcome(int accepted, List<Ignored> ignored) {}

    /**
     * Records a batch of the organization's reports, judged at {@code now} (UTC). Ignored: {@code future_time},
     * {@code unknown_seat} (no such seat of the organization), {@code revoked_seat}.
     *
     * @throws dev.seatkeeper.organizations.FeatureNotEnabled seat-based pricing is off
     */
    public Outcome report(UUID organizationId, ActivityReport report, OffsetDateTime now) {
        organizations.get(organizationId).requireSeatBasedPricing();
        var ignored = new ArrayList<Ignored>();
        var found = new HashMap<UUID, Object[]>();
        var seatIds = report.items().stream()
                .flatMap(i -> i.seatId().stream())
                .distinct()
                .toList();
        for (int i = 0; i < seatIds.size(); i += CHUNK) {
            em.createQuery(
                            "select s.id, s.status, s.lastActiveAt from CustomerSeat s"
                                    + " where s.organizationId = :org and s.id in :ids",
                            Object[].class)
                    .setParameter("org", organizationId)
                    .setParameter("ids", seatIds.subList(i, Math.min(seatIds.size(), i + CHUNK)))
                    .getResultList()
                    .forEach(row -> found.put((UUID) row[0], row));
        }
        // The latest time reported per seat to write, and the stored time it must move beyond.
        var latest = new LinkedHashMap<UUID, OffsetDateTime>();
        var stored = new HashMap<UUID, OffsetDateTime>();
        int accepted = 0;
        for (int index = 0; index < report.items().size(); index++) {
            var item = report.items().get(index);
            OffsetDateTime at = item.at().orElse(now);
            Optional<Object[]> seat = at.isAfter(now.plus(FUTURE_TOLERANCE))
                    ? Optional.empty()
                    : item.seatId().isPresent()
                            ? Optional.ofNullable(found.get(item.seatId().get()))
                            : byPerson(organizationId, item);
            String problem = at.isAfter(now.plus(FUTURE_TOLERANCE))
                    ? "future_time"
                    : seat.isEmpty() ? "unknown_seat" : seat.get()[1] == SeatStatus.REVOKED ? "revoked_seat" : null;
            if (problem != null) {
                ignored.add(new Ignored(index, problem));
                continue;
            }
            accepted++;
            UUID id = (UUID) seat.get()[0];
            stored.put(id, (OffsetDateTime) seat.get()[2]);
            latest.merge(id, at, ReclaimRule::later);
        }
        write(latest, stored);
        return new Outcome(accepted, ignored);
    }

    /** The seat of a person in a container: a held one if there is one, else any (revoked seats keep no person). */
    private Optional<Object[]> byPerson(UUID organizationId, ActivityReport.Item item) {
        String person = item.memberId().isPresent()
                ? "s.member.id = :person"
                : item.externalMemberId().isPresent() ? "s.member.externalId = :person" : "s.email.key = :person";
        Object value = item.memberId().isPresent()
                ? item.memberId().get()
                : item.externalMemberId()
                        .orElseGet(() -> EmailAddress.keyOf(item.email().get()));
        String container =
                item.subscriptionId().isPresent() ? "s.subscription.id = :container" : "s.oneTimeOrder.id = :container";
        return em
                .createQuery(
                        "select s.id, s.status, s.lastActiveAt from CustomerSeat s where s.organizationId = :org and "
                                + container + " and " + person + " order by s.createdAt desc",
                        Object[].class)
                .setParameter("org", organizationId)
                .setParameter(
                        "container", item.subscriptionId().or(item::orderId).get())
                .setParameter("person", value)
                .setMaxResults(5)
                .getResultList()
                .stream()
                .min((a, b) -> Boolean.compare(a[1] == SeatStatus.REVOKED, b[1] == SeatStatus.REVOKED));
    }

    /** Writes each seat whose reported time is at least a minute past its stored one; seats of one time together. */
    private void write(Map<UUID, OffsetDateTime> latest, Map<UUID, OffsetDateTime> stored) {
        var byTime = new LinkedHashMap<OffsetDateTime, List<UUID>>();
        latest.forEach((id, at) -> {
            OffsetDateTime before = stored.get(id);
            if (before == null || !at.isBefore(before.plus(COALESCE))) {
                byTime.computeIfAbsent(at, t -> new ArrayList<>()).add(id);
            }
        });
        byTime.forEach((at, ids) -> {
            for (int i = 0; i < ids.size(); i += CHUNK) {
                recordActivity(ids.subList(i, Math.min(ids.size(), i + CHUNK)), at);
            }
        });
    }

    /** The forward-only write: a seat moves to {@code at} only if it is held and its stored time is a minute older. */
    int recordActivity(List<UUID> ids, OffsetDateTime at) {
        return em.createQuery("update CustomerSeat s set s.lastActiveAt = :at, s.reclaimAt = null where s.id in :ids"
                        + " and s.status <> :revoked and (s.lastActiveAt is null or s.lastActiveAt <= :cutoff)")
                .setParameter("at", at)
                .setParameter("ids", ids)
                .setParameter("revoked", SeatStatus.REVOKED)
                .setParameter("cutoff", at.minus(COALESCE))
                .executeUpdate();
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
        var seat = em
                .createNamedQuery("CustomerSeat.withContainer", Object[].class)
                .setParameter("id", seatId)
                .getResultList()
                .stream()
                .map(row -> (CustomerSeat) row[0])
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
        recordActivity(List.of(seat.id()), now);
        em.refresh(seat);
        return seat;
    }
}
