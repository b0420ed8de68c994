package dev.seatkeeper.seats;

import dev.seatkeeper.organizations.EmailDomainNotAllowed;
import dev.seatkeeper.organizations.FeatureNotEnabled;
import dev.seatkeeper.organizations.Organization;
import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.Settings;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.SeatContainer;
import dev.seatkeeper.purchases.Subscription;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Assigning a seat and re-sending its invitation (contract, "Assign", "Resend"), on organization and portal routes
 * alike ({@link SeatScope}). Each call is one transaction that locks the one row it serializes on (the container for
 * capacity, the seat for a resend) and records its webhook event in that transaction.
 */
@Stateless
public class SeatAssignmentService {
    @Resource
    SessionContext context;

    @EJB
    OrganizationService organizations;

    @Inject
    SeatLocks locks;

    @Inject
    SeatCounter counter;

    @Inject
    SeatIssuer issuer;

    @Inject
    SeatInvitations invitations;

    @Inject
    SeatEvents events;

    @Inject
    SeatHistory history;

    @Inject
    Settings settings;

    @Inject
    Event<SeatPoolChanged> poolChanges;

    /**
     * Assigns a seat of the container the request names, in Polar's order of checks: the container (404), seat-based
     * pricing ({@link FeatureNotEnabled}), a paid order or an active subscription, the e-mail domain policy
     * ({@link EmailDomainNotAllowed}, for the address given and again for the holder's address), a free seat
     * ({@link SeatNotAvailable}), then the recipient ({@link SeatRecipients}). Returns the pending seat with its
     * invitation, or the claimed seat without one when {@code immediate_claim} asks for it and the scope acts for the
     * seat's customer ({@link SeatScope#actsFor}: on portal routes, only the caller's own customer).
     */
    public InvitedSeat assign(SeatScope scope, SeatAssignment request) {
        return assignWithin(scope, request, 0);
    }

    /**
     * One item of a bulk assignment ({@link SeatBulkService}), in a transaction of its own: {@link #assign}, where
     * {@code reserved} seats more than the stored ones count as taken (the earlier items of a dry run, which stored
     * nothing). With {@code dryRun} the transaction is rolled back whatever happens, so nothing is stored, no event
     * recorded and no e-mail sent; the seat returned is what would have been stored, without an invitation.
     */
    public InvitedSeat assignBulkItem(SeatScope scope, SeatAssignment request, int reserved, boolean dryRun) {
        var invited = assignWithin(scope, request, reserved);
        if (!dryRun) {
            return invited;
        }
        // Marked only once the item has gone through, so that every statement ran in an active transaction.
        context.setRollbackOnly();
        return new InvitedSeat(invited.seat(), null, null);
    }

    private InvitedSeat assignWithin(SeatScope scope, SeatAssignment request, int reserved) {
        if (request.checkoutId().isPresent()) {
            // Checkouts are Polar's payment flow, which Seatkeeper does not have: no checkout names a container.
            throw new ResourceNotFound("No subscription or order found for this checkout");
        }
        SeatContainer container = locks.lockContainer(scope, request.subscriptionId(), request.orderId());
        Organization organization = organizations.get(container.organizationId());
        organization.requireSeatBasedPricing();
        if (container instanceof Order order && !order.isPaid()) {
            throw new SeatNotAvailable("Order must be paid before assigning seats");
        }
        if (container instanceof Subscription subscription && !subscription.isActive()) {
            throw new SeatNotAvailable("Subscription " + subscription.id() + " is not active");
        }
        request.email().ifPresent(organization::requireSeatEmailAllowed);
        if (counter.countTaken(container) + reserved >= container.seats()) {
            throw new SeatNotAvailable("No available seats for " + container.id());
        }
        var seat = issuer.issue(scope, organization, container, request);
        // A claim is the holder's consent. Polar's portal honours immediate_claim for any holder, so in the legacy
        // model a billing manager could give a claimed seat to another customer found by e-mail; here a portal
        // caller's immediate_claim applies only to its own customer, otherwise the holder is invited as usual.
        if (request.immediateClaim() && scope.actsFor(seat.customer())) {
            seat.claim(null);
            events.claimed(seat);
            history.assignedClaimed(seat);
            poolChanges.fire(new SeatPoolChanged(container));
            return new InvitedSeat(seat, null, null);
        }
        var invited = invitations.invite(seat, organization);
        events.assigned(seat);
        history.assigned(seat);
        poolChanges.fire(new SeatPoolChanged(container));
        return invited;
    }

    /**
     * A new invitation for a pending seat: a fresh token and expiry; the previous token stops working. With
     * {@code SEATKEEPER_EXPIRED_INVITATIONS_HOLD_SEATS=false} an expired invitation held no seat, so its resend takes
     * one again: under the container's lock, refused with {@link SeatNotAvailable} when none is free. Raises
     * {@link ResourceNotFound} for a seat outside the scope, {@link FeatureNotEnabled}, {@link SeatNotPending}.
     */
    public InvitedSeat resend(SeatScope scope, UUID seatId) {
        CustomerSeat seat = settings.expiredInvitationsHoldSeats()
                ? locks.lockSeat(scope, seatId)
                : locks.lockContainerAndSeat(scope, seatId);
        Organization organization = seat.organization();
        organization.requireSeatBasedPricing();
        if (seat.status() != SeatStatus.PENDING) {
            throw new SeatNotPending();
        }
        SeatContainer container = seat.container();
        boolean takesCapacity = counter.holdsNoCapacity(seat);
        if (takesCapacity && counter.countTaken(container) >= container.seats()) {
            throw new SeatNotAvailable("No available seats for " + container.id());
        }
        var invited = invitations.invite(seat, organization);
        history.resent(seat);
        if (takesCapacity) {
            poolChanges.fire(new SeatPoolChanged(container));
        }
        return invited;
    }
}
