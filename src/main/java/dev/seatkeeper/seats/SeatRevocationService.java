package dev.seatkeeper.seats;

import dev.seatkeeper.customers.Member;
import dev.seatkeeper.customers.MemberRemoved;
import dev.seatkeeper.organizations.FeatureNotEnabled;
import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.purchases.SubscriptionRevoked;
import dev.seatkeeper.sessions.SessionService;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Revoking seats (contract, "Revoke"; seeds/customer-portal revoke): one seat on organization and portal routes, and
 * every seat of a subscription that ends. A revoked seat stays as history; a plain member left without a claimed seat
 * loses its portal sessions in the same transaction.
 */
@Stateless
public class SeatRevocationService {
    @PersistenceContext
    EntityManager em;

    @Inject
    OrganizationService organizations;

    @Inject
    SessionService sessions;

    @Inject
    SeatLocks locks;

    @Inject
    SeatCounter counter;

    @Inject
    SeatEvents events;

    /**
     * Revokes a seat; revoking a revoked seat returns it unchanged and records nothing. Raises
     * {@link ResourceNotFound} for a seat outside the scope, {@link FeatureNotEnabled}.
     */
    public CustomerSeat revoke(SeatScope scope, UUID seatId) {
        CustomerSeat seat = locks.lockSeat(scope, seatId);
        if (seat.status() == SeatStatus.REVOKED) {
            return seat;
        }
        organizations.get(seat.organizationId()).requireSeatBasedPricing();
        revokeLocked(seat);
        return seat;
    }

    /** Ending a subscription revokes every seat on it, in the same transaction. */
    public void revokeAllOf(@Observes SubscriptionRevoked revoked) {
        List<UUID> ids = em.createQuery(
                        "select s.id from CustomerSeat s where s.subscription.id = :id" + " and s.status in :taken",
                        UUID.class)
                .setParameter("id", revoked.subscription().id())
                .setParameter("taken", SeatCounter.TAKEN)
                .getResultList();
        for (UUID id : ids) {
            locks.lockSeat(id)
                    .filter(seat -> seat.status() != SeatStatus.REVOKED)
                    .ifPresent(this::revokeLocked);
        }
    }

    /**
     * Deleting a member revokes every seat it holds, pending or claimed, each as a revoke with its event, in the
     * deleting transaction (contract, "Members"). Observes {@link MemberRemoved}; the member's sessions are ended by
     * the sessions package, which observes the same event.
     */
    public void revokeAllHeldBy(@Observes MemberRemoved removed) {
        List<UUID> ids = em.createQuery(
                        "select s.id from CustomerSeat s where s.member.id = :id and s.status in :taken", UUID.class)
                .setParameter("id", removed.member().id())
                .setParameter("taken", SeatCounter.TAKEN)
                .getResultList();
        for (UUID id : ids) {
            locks.lockSeat(id)
                    .filter(seat -> seat.status() != SeatStatus.REVOKED)
                    .ifPresent(this::revokeLocked);
        }
    }

    private void revokeLocked(CustomerSeat seat) {
        Member holder = seat.member();
        String holderEmail = seat.customerEmail();
        seat.revoke();
        events.revoked(seat, holder == null ? null : holder.id(), holderEmail);
        // A plain member's portal access comes from a seat: without a claimed seat left, their sessions end now.
        // Owners and billing managers act for the customer by role, and keep theirs.
        if (holder != null && !holder.role().managesBilling() && counter.countClaimedBy(holder) == 0) {
            sessions.endMemberSessions(holder);
        }
    }
}
