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
import java.util.HashSet;
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
     * {@code warned} whether an inactivity warning is pending ({@code reclaim_at} set), which a write clears.
     */
    record Seat(UUID id, boolean revoked, OffsetDateTime lastActiveAt, boolean warned) {}

    /**
     * The seat of each item, by the item's index (empty: no such seat of the organization). An item by person and
     * container names the person's held seat in the container if there is one, else the newest (a revoked seat
     * keeps its person).
     */
    static List<Optional<Seat>> find(EntityManager em, UUID organizationId, List<ActivityReport.Item> items) {
        var byId = byId(em, organizationId, items);
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
     * The seats named by id. A seat already reported is judged from its activity row alone: the row carries the
     * seat's organization, whether it is revoked (V13) and whether a warning is pending (V15), which is all the
     * judgement and the write need. Only the seats without a row, never reported, are read from the seats' own rows
     * ({@link #fromSeats}). Both are one statement each, whatever the batch's size: the ids are one array parameter
     * unnested into rows, in the order of the index. A seat of another organization is left out, as an unknown one.
     */
    private static Map<UUID, Seat> byId(EntityManager em, UUID organizationId, List<ActivityReport.Item> items) {
        var ids = new HashSet<String>();
        for (var item : items) {
            item.seatId().ifPresent(id -> ids.add(id.toString()));
        }
        var found = new HashMap<UUID, Seat>();
        if (ids.isEmpty()) {
            return found;
        }
        List<?> rows = em.createNativeQuery("SELECT a.seat_id, a.organization_id, a.revoked, a.last_active_at, a.warned"
                        + " FROM " + named() + " JOIN " + SeatActivity.TABLE + " a ON a.seat_id = u.id")
                .setParameter(1, sorted(ids))
                .getResultList();
        for (Object result : rows) {
            var row = (Object[]) result;
            String id = row[0].toString();
            ids.remove(id);
            if (organizationId.toString().equals(row[1].toString())) { // else another organization's seat: unknown
                var seat = UUID.fromString(id);
                found.put(seat, new Seat(seat, (Boolean) row[2], Timestamps.column(row[3]), (Boolean) row[4]));
            }
        }
        found.putAll(fromSeats(em, organizationId, ids));
        return found;
    }

    /**
     * The seats of {@code ids} as their own rows hold them, read on the primary key. As a JPQL {@code in} list of up
     * to 1,000 parameters H2 compared every row found with the whole list, twice.
     */
    private static Map<UUID, Seat> fromSeats(EntityManager em, UUID organizationId, Collection<String> ids) {
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
                                row[3] != null));
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
            seats.put(key, new Seat((UUID) row[0], revoked, (OffsetDateTime) row[2], row[6] != null));
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
