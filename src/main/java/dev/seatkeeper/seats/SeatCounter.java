package dev.seatkeeper.seats;

import dev.seatkeeper.customers.Customer;
import dev.seatkeeper.customers.EmailAddress;
import dev.seatkeeper.customers.Member;
import dev.seatkeeper.platform.Settings;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.purchases.AssignedSeats;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.SeatContainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts of seats that hold capacity (pending or claimed), each answered by an index on the seats table.
 * A plain CDI bean: its queries run in the transaction of the service that asks.
 */
@ApplicationScoped
public class SeatCounter implements AssignedSeats {
    static final List<SeatStatus> TAKEN = List.of(SeatStatus.PENDING, SeatStatus.CLAIMED);

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    /**
     * Seats of the container that hold capacity: pending or claimed, except, with
     * {@code SEATKEEPER_EXPIRED_INVITATIONS_HOLD_SEATS=false}, pending seats whose invitation has expired (contract,
     * "Beyond Polar: seat lifecycle"). One count served by the container and status index.
     */
    @Override
    public long countTaken(SeatContainer container) {
        if (settings.expiredInvitationsHoldSeats()) {
            return takenIn(container, "").getSingleResult();
        }
        return takenIn(
                        container,
                        " and (s.status = :claimed or s.invitationTokenExpiresAt is null"
                                + " or s.invitationTokenExpiresAt > :now)")
                .setParameter("claimed", SeatStatus.CLAIMED)
                .setParameter("now", Timestamps.now())
                .getSingleResult();
    }

    /** Whether this pending seat's invitation has expired and so, by the setting, frees its capacity. */
    boolean holdsNoCapacity(CustomerSeat seat) {
        return !settings.expiredInvitationsHoldSeats()
                && seat.status() == SeatStatus.PENDING
                && seat.invitationTokenExpiresAt() != null
                && !seat.invitationTokenExpiresAt().isAfter(Timestamps.now());
    }

    /** Taken seats of the container invited at this address, in any case. */
    public long countTakenByEmail(SeatContainer container, String email) {
        return takenIn(container, " and s.email.key = :emailKey")
                .setParameter("emailKey", EmailAddress.keyOf(email))
                .getSingleResult();
    }

    public long countTakenByCustomer(SeatContainer container, Customer customer) {
        return takenIn(container, " and s.customer.id = :customerId")
                .setParameter("customerId", customer.id())
                .getSingleResult();
    }

    /** Claimed seats a member holds: a member belongs to one customer, so these are all of that customer's. */
    public long countClaimedBy(Member member) {
        return em.createQuery(
                        "select count(s) from CustomerSeat s where s.member.id = :memberId and s.status = :claimed",
                        Long.class)
                .setParameter("memberId", member.id())
                .setParameter("claimed", SeatStatus.CLAIMED)
                .getSingleResult();
    }

    /** Seats of one container that hold capacity ({@link #countTaken}'s rule), and how many of them are claimed. */
    public record PoolCount(long taken, long claimed) {}

    /**
     * {@link PoolCount} of each container, by container id (a container without seats is left out): one grouped
     * count for the subscriptions and one for the orders, served by the container and status indexes, whatever the
     * number of containers.
     */
    public Map<UUID, PoolCount> countPools(Collection<? extends SeatContainer> containers) {
        var counts = new HashMap<UUID, PoolCount>();
        for (String path : List.of("subscription", "oneTimeOrder")) {
            List<UUID> ids = containers.stream()
                    .filter(c -> (c instanceof Order) == path.equals("oneTimeOrder"))
                    .map(SeatContainer::id)
                    .toList();
            if (ids.isEmpty()) {
                continue;
            }
            boolean expiredHold = settings.expiredInvitationsHoldSeats();
            var query = em.createQuery(
                            "select s." + path + ".id, s.status, count(s) from CustomerSeat s where s." + path
                                    + ".id in :ids and s.status in :taken"
                                    + (expiredHold
                                            ? ""
                                            : " and (s.status = :claimed or s.invitationTokenExpiresAt is null"
                                                    + " or s.invitationTokenExpiresAt > :now)")
                                    + " group by s." + path + ".id, s.status",
                            Object[].class)
                    .setParameter("ids", ids)
                    .setParameter("taken", TAKEN);
            if (!expiredHold) {
                query.setParameter("claimed", SeatStatus.CLAIMED).setParameter("now", Timestamps.now());
            }
            for (Object[] row : query.getResultList()) {
                long n = ((Number) row[2]).longValue();
                boolean claimed = row[1] == SeatStatus.CLAIMED;
                counts.merge(
                        (UUID) row[0],
                        new PoolCount(n, claimed ? n : 0),
                        (a, b) -> new PoolCount(a.taken() + b.taken(), a.claimed() + b.claimed()));
            }
        }
        return counts;
    }

    private TypedQuery<Long> takenIn(SeatContainer container, String condition) {
        String path = container instanceof Order ? "oneTimeOrder" : "subscription";
        return em.createQuery(
                        "select count(s) from CustomerSeat s where s." + path + ".id = :id" + " and s.status in :taken"
                                + condition,
                        Long.class)
                .setParameter("id", container.id())
                .setParameter("taken", TAKEN);
    }
}
