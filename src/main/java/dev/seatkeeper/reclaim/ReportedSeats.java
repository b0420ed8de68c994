package dev.seatkeeper.reclaim;

import dev.seatkeeper.customers.EmailAddress;
import dev.seatkeeper.platform.ServiceDataSource;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.seats.SeatActivity;
import dev.seatkeeper.seats.SeatStatus;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The seats an activity batch names (contract, "Beyond Polar: activity and reclaim of idle seats"), found with two
 * queries for the items by {@code seat_id} and one per kind of person and container among the others (at most eight
 * for a batch of 1,000 items), not one per item: the columns the judgement needs, no entity loaded.
 */
final class ReportedSeats {
    private ReportedSeats() {}

    /**
     * What the judgement of an item needs of its seat; {@code lastActiveAt} (UTC) is null until reported,
     * {@code reclaimAt} (UTC) unless a warning is pending, and also null for a seat the batch does not move (its
     * warning, if any, is only cleared by a write).
     */
    record Seat(UUID id, boolean revoked, OffsetDateTime lastActiveAt, OffsetDateTime reclaimAt) {}

    /**
     * The seat of each item, by the item's index (empty: no such seat of the organization). An item by person and
     * container names the person's held seat in the container if there is one, else the newest (a revoked seat
     * keeps its person). {@code now} (UTC) is the request's time, which an item without {@code at} reports.
     */
    static List<Optional<Seat>> find(
            EntityManager em, UUID organizationId, List<ActivityReport.Item> items, OffsetDateTime now) {
        var byId = byId(em, organizationId, items, now);
        // Items by person, grouped by the columns they name: "person column|container column" -> indexes.
        var groups = new LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            if (item.seatId().isEmpty()) {
                groups.computeIfAbsent(personColumn(item) + "|" + containerColumn(item), k -> new ArrayList<>())
                        .add(i);
            }
        }
        var byPerson = new HashMap<List<Object>, Seat>();
        groups.forEach((columns, indexes) -> byPerson.putAll(byPerson(em, organizationId, items, indexes)));
        var seats = new ArrayList<Optional<Seat>>(items.size());
        for (var item : items) {
            seats.add(Optional.ofNullable(
                    item.seatId().isPresent() ? byId.get(item.seatId().get()) : byPerson.get(key(item))));
        }
        return seats;
    }

    /**
     * The seats named by id. A seat already reported is judged from its activity row alone (V13: the row carries the
     * seat's organization and whether it is revoked), unless the batch moves its time: in a steady stream of reports
     * most fall within the minute of the stored time ({@link ActivityService#moves}) and write nothing. The others,
     * seats without a row and seats the batch moves, are read from the seats' own rows ({@link #fromSeats}), which
     * also give the pending warning a write clears. Both are one statement each, whatever the batch's size: the ids
     * are one array parameter unnested into rows, in the order of the index. A seat of another organization is left
     * out, as an unknown one.
     */
    private static Map<UUID, Seat> byId(
            EntityManager em, UUID organizationId, List<ActivityReport.Item> items, OffsetDateTime now) {
        // The latest counted time per seat named by id: a time past the future tolerance is ignored, and a seat with
        // none but such times (OffsetDateTime.MIN) needs no write.
        var latest = new HashMap<String, OffsetDateTime>();
        for (var item : items) {
            if (item.seatId().isPresent()) {
                OffsetDateTime at = item.at().orElse(now);
                latest.merge(
                        item.seatId().get().toString(),
                        ActivityService.inFuture(at, now) ? OffsetDateTime.MIN : at,
                        ReclaimRule::later);
            }
        }
        var found = new HashMap<UUID, Seat>();
        if (latest.isEmpty()) {
            return found;
        }
        var unsettled = new ArrayList<String>();
        List<?> rows = em.createNativeQuery("SELECT a.seat_id, a.organization_id, a.revoked, a.last_active_at FROM "
                        + named() + " JOIN " + SeatActivity.TABLE + " a ON a.seat_id = u.id")
                .setParameter(1, sorted(latest.keySet()))
                .getResultList();
        var reported = new HashMap<String, Object[]>();
        for (Object result : rows) {
            var row = (Object[]) result;
            reported.put(row[0].toString(), row);
        }
        latest.forEach((id, at) -> {
            var row = reported.get(id);
            if (row == null) {
                unsettled.add(id);
                return;
            }
            if (!organizationId.toString().equals(row[1].toString())) {
                return; // another organization's seat: unknown
            }
            boolean revoked = (Boolean) row[2];
            OffsetDateTime stored = Timestamps.column(row[3]);
            if (revoked || !ActivityService.moves(stored, at)) {
                found.put(UUID.fromString(id), new Seat(UUID.fromString(id), revoked, stored, null));
            } else {
                unsettled.add(id);
            }
        });
        found.putAll(fromSeats(em, organizationId, unsettled));
        return found;
    }

    /**
     * The seats of {@code ids} as their own rows hold them, read on the primary key. As a JPQL {@code in} list of up
     * to 1,000 parameters H2 compared every row found with the whole list, twice.
     */
    private static Map<UUID, Seat> fromSeats(EntityManager em, UUID organizationId, List<String> ids) {
        var found = new HashMap<UUID, Seat>();
        if (ids.isEmpty()) {
            return found;
        }
        List<?> rows = em.createNativeQuery("SELECT s.id, s.status, a.last_active_at, s.reclaim_at, s.organization_id"
                        + " FROM " + named() + " JOIN customer_seats s ON s.id = u.id LEFT JOIN " + SeatActivity.TABLE
                        + " a ON a.seat_id = s.id")
                .setParameter(1, sorted(ids))
                .getResultList();
        for (Object result : rows) {
            var row = (Object[]) result;
            if (organizationId.toString().equals(row[4].toString())) {
                var id = UUID.fromString(row[0].toString());
                found.put(
                        id,
                        new Seat(
                                id,
                                SeatStatus.valueOf(row[1].toString()) == SeatStatus.REVOKED,
                                Timestamps.column(row[2]),
                                Timestamps.column(row[3])));
            }
        }
        return found;
    }

    /** The ids (UUID text) as one array parameter, in the order of the index (ids on one page looked up in turn). */
    private static String[] sorted(Collection<String> ids) {
        return ids.stream().sorted().toArray(String[]::new);
    }

    /** The table of the ids of parameter 1, as rows of one column {@code id}. */
    private static String named() {
        return ServiceDataSource.isPostgresql()
                ? "unnest(CAST(?1 AS uuid[])) AS u (id)"
                : "UNNEST(CAST(?1 AS VARCHAR ARRAY)) AS u (id)";
    }

    /**
     * The seats of the items at {@code indexes}, which all name the same kind of person and container: one query for
     * every pair of their people and containers, the best seat per (person, container) picked here.
     */
    private static Map<List<Object>, Seat> byPerson(
            EntityManager em, UUID organizationId, List<ActivityReport.Item> items, List<Integer> indexes) {
        var first = items.get(indexes.get(0));
        String person = personColumn(first);
        String container = containerColumn(first);
        var people = indexes.stream().map(i -> person(items.get(i))).distinct().toList();
        var containers =
                indexes.stream().map(i -> container(items.get(i))).distinct().toList();
        var best = new HashMap<List<Object>, Object[]>();
        // Held before revoked, then the newest.
        Comparator<Object[]> better = Comparator.<Object[], Boolean>comparing(row -> row[1] == SeatStatus.REVOKED)
                .thenComparing(row -> (OffsetDateTime) row[3], Comparator.reverseOrder());
        em.createQuery(
                        "select s.id, s.status, a.lastActiveAt, s.createdAt, " + person + ", " + container
                                + ", s.reclaimAt from CustomerSeat s left join s.activity a"
                                + " where s.organizationId = :org and " + container
                                + " in :containers and " + person + " in :people",
                        Object[].class)
                .setParameter("org", organizationId)
                .setParameter("containers", containers)
                .setParameter("people", people)
                .getResultList()
                .forEach(row -> best.merge(List.of(row[4], row[5]), row, (a, b) -> better.compare(a, b) <= 0 ? a : b));
        var seats = new HashMap<List<Object>, Seat>();
        best.forEach((key, row) -> {
            boolean revoked = row[1] == SeatStatus.REVOKED;
            seats.put(key, new Seat((UUID) row[0], revoked, (OffsetDateTime) row[2], (OffsetDateTime) row[6]));
        });
        return seats;
    }

    private static List<Object> key(ActivityReport.Item item) {
        return List.of(person(item), container(item));
    }

    /** The JPQL path of the person an item names (a constant, never input). */
    private static String personColumn(ActivityReport.Item item) {
        return item.memberId().isPresent()
                ? "s.member.id"
                : item.externalMemberId().isPresent() ? "s.member.externalId" : "s.email.key";
    }

    /** The value compared with {@link #personColumn}: the member id, the external id, or the e-mail's key. */
    private static Object person(ActivityReport.Item item) {
        return item.memberId().isPresent()
                ? item.memberId().get()
                : item.externalMemberId()
                        .orElseGet(() -> EmailAddress.keyOf(item.email().get()));
    }

    private static String containerColumn(ActivityReport.Item item) {
        return item.subscriptionId().isPresent() ? "s.subscription.id" : "s.oneTimeOrder.id";
    }

    private static UUID container(ActivityReport.Item item) {
        return item.subscriptionId().or(item::orderId).get();
    }
}
