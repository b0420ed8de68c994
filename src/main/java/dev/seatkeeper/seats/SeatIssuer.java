package dev.seatkeeper.seats;

import dev.seatkeeper.organizations.EmailDomainNotAllowed;
import dev.seatkeeper.organizations.Organization;
import dev.seatkeeper.purchases.SeatContainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Makes the new pending seat an assignment or a transfer asks for, once its container is locked and a seat is known to
 * be free: finds or creates the recipient ({@link SeatRecipients}), applies the organization's e-mail domain policy to
 * the holder's address, and stores the seat. A plain CDI bean: it runs in the caller's transaction.
 */
@ApplicationScoped
class SeatIssuer {
    @PersistenceContext
    EntityManager em;

    @Inject
    SeatRecipients recipients;

    /**
     * The stored pending seat, without an invitation yet. Raises what {@link SeatRecipients} raises, and
     * {@link EmailDomainNotAllowed} when the holder's address (given, or the named member's or customer's) is outside
     * {@code seat_email_domains}.
     */
    CustomerSeat issue(SeatScope scope, Organization organization, SeatContainer container, SeatAssignment request) {
        var recipient = organization.memberModelEnabled() || request.namesMember()
                ? recipients.member(scope, container, request)
                : recipients.legacy(scope, container, request);
        // A member or customer named by id carries its own address, which the policy covers as well.
        organization.requireSeatEmailAllowed(recipient.email());
        var seat = new CustomerSeat(
                container, recipient.customer(), recipient.member(), recipient.email(), request.metadata());
        // A time-boxed seat (contract, "Time-boxed seats") carries its revocation from the start.
        request.expiresAt().ifPresent(at -> seat.scheduleRevocation(at, ScheduledRevocation.EXPIRED));
        em.persist(seat);
        return seat;
    }
}
