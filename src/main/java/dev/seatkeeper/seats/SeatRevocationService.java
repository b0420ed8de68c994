package dev.seatkeeper.seats;

import dev.seatkeeper.customers.MemberRemoved;
import dev.seatkeeper.organizations.FeatureNotEnabled;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.purchases.SubscriptionRevoked;
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
    SeatLocks locks;

    @Inject
    SeatRevoker revoker;

    /**
     * Revokes a seat; revoking a revoked seat returns it unchanged and records nothing. Raises
     * {@link ResourceNotFound} for a seat outside the scope, {@link FeatureNotEnabled}.
     */
    public CustomerSeat revoke(SeatScope scope, UUID seatId) {
        CustomerSeat seat = locks.lockSeat(scope, seatId);
        if (seat.status() == SeatStatus.REVOKED) {
            return seat;
        }
        seat.organization().requireSeatBasedPricing();
        revoker.revokeLocked(seat, RevocationReason.MANUAL);
        return seat;
    }

    /** Ending a subscription revokes every seat on it, in the same transaction. */
    public void revokeAllOf(@Observes SubscriptionRevoked revoked) {
        revokeTaken("s.subscription.id", revoked.subscription().id(), RevocationReason.SUBSCRIPTION_ENDED);
    }

    /**
     * Deleting a member revokes every seat it holds, pending or claimed, each as a revoke with its event, in the
     * deleting transaction (contract, "Members"). Observes {@link MemberRemoved}; the member's sessions are ended by
     * the sessions package, which observes the same event.
     */
    public void revokeAllHeldBy(@Observes MemberRemoved removed) {
        revokeTaken("s.member.id", removed.member().id(), RevocationReason.MEMBER_DELETED);
    }

    /** Revokes, one by one under its row lock, every pending or claimed seat whose {@code path} is {@code id}. */
    private void revokeTaken(String path, UUID id, RevocationReason reason) {
        List<UUID> ids = em.createQuery(
                        "select s.id from CustomerSeat s where " + path + " = :id and s.status in :taken", UUID.class)
                .setParameter("id", id)
                .setParameter("taken", SeatCounter.TAKEN)
                .getResultList();
        for (UUID seatId : ids) {
            locks.lockSeat(seatId)
                    .filter(seat -> seat.status() != SeatStatus.REVOKED)
                    .ifPresent(seat -> revoker.revokeLocked(seat, reason));
        }
    }
}
