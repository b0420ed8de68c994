package dev.seatkeeper.seats;

import dev.seatkeeper.organizations.EmailDomainNotAllowed;
import dev.seatkeeper.organizations.FeatureNotEnabled;
import dev.seatkeeper.organizations.Organization;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.purchases.SeatContainer;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Transferring a seat to another person (contract, "Beyond Polar: seat lifecycle", transfer), on organization and
 * portal routes alike. One transaction holding the container's lock and then the seat's (the order assignments and
 * resends take them in): the seat is revoked from its holder and a new pending seat is assigned on the same container,
 * so the capacity it held is never free for a racing assignment, and never exceeded.
 */
@Stateless
public class SeatTransferService {
    @PersistenceContext
    EntityManager em;

    @Inject
    SeatLocks locks;

    @Inject
    SeatCounter counter;

    @Inject
    SeatRevoker revoker;

    @Inject
    SeatIssuer issuer;

    @Inject
    SeatInvitations invitations;

    @Inject
    SeatEvents events;

    @Inject
    SeatHistory history;

    @Inject
    Event<SeatPoolChanged> poolChanges;

    /**
     * Revokes the seat (pending or claimed: its token dies, its holder's sessions end as in revoke) and assigns a new
     * pending seat to the person the body names; records {@code customer_seat.revoked} then
     * {@code customer_seat.assigned}. Raises {@link ResourceNotFound} for a seat outside the scope,
     * {@link FeatureNotEnabled}, {@link SeatNotTransferable} for a revoked seat, {@link EmailDomainNotAllowed}, what an
     * assignment's recipient raises ({@code SeatAlreadyAssigned}, {@code MemberNotFound}, …), and
     * {@link SeatNotAvailable} only when the seat held no capacity (an expired invitation with
     * {@code SEATKEEPER_EXPIRED_INVITATIONS_HOLD_SEATS=false}) and none is free. Any refusal changes nothing.
     */
    public TransferredSeat transfer(SeatScope scope, UUID seatId, SeatTransfer request) {
        CustomerSeat seat = locks.lockContainerAndSeat(scope, seatId);
        Organization organization = seat.organization();
        organization.requireSeatBasedPricing();
        if (seat.status() == SeatStatus.REVOKED) {
            throw new SeatNotTransferable();
        }
        request.email().ifPresent(organization::requireSeatEmailAllowed);
        SeatContainer container = seat.container();
        var assignment = request.toAssignment(container, seat.seatMetadata());
        revoker.revokeLocked(seat, RevocationReason.TRANSFER);
        // The revoke is written before the capacity is counted and the new holder looked up, which both query seats.
        em.flush();
        if (counter.countTaken(container) >= container.seats()) {
            throw new SeatNotAvailable("No available seats for " + container.id());
        }
        CustomerSeat issued = issuer.issue(scope, organization, container, assignment);
        var invited = invitations.invite(issued, organization);
        events.assigned(issued);
        history.transferredIn(issued);
        poolChanges.fire(new SeatPoolChanged(container));
        return new TransferredSeat(seat, invited);
    }
}
