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
import java.util.List;

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
