package dev.seatkeeper.seats;

import dev.seatkeeper.customers.Customer;
import dev.seatkeeper.customers.Member;
import dev.seatkeeper.customers.MemberAdditionService;
import dev.seatkeeper.customers.MemberRole;
import dev.seatkeeper.organizations.FeatureNotEnabled;
import dev.seatkeeper.organizations.Organization;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.security.TokenHasher;
import dev.seatkeeper.sessions.SessionService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The invitee's side (contract, "Claim info", "Claim"; seeds/claim): what an invitation is for, and claiming it for a
 * portal session. Both are public routes: the invitation token is the only credential.
 */
@Stateless
public class SeatClaimService {
    @PersistenceContext
    EntityManager em;

    @Inject
    TokenHasher hasher;

    @EJB
    MemberAdditionService members;

    @EJB
    SessionService sessions;

    @Inject
    SeatLocks locks;

    @Inject
    SeatEvents events;

    @Inject
    SeatHistory history;

    /**
     * The pending seat an invitation token names, with its container, product and organization (the organization
     * that sells it: {@code seat.organization()}). Read-only: opening the link (as mail scanners do) changes nothing.
     * Raises {@link ResourceNotFound} ("Invalid or expired invitation token") for an unknown, used or expired token,
     * {@link FeatureNotEnabled} when the organization has seat-based pricing off.
     */
    public CustomerSeat invitation(String token) {
        CustomerSeat seat = em.createNamedQuery("CustomerSeat.invitationByTokenHash", CustomerSeat.class)
                .setParameter("hash", hasher.hash(token))
                .getResultStream()
                .findFirst()
                .filter(s -> s.canBeClaimedAt(Timestamps.now()))
                .orElseThrow(() -> new ResourceNotFound(InvalidInvitationToken.DETAIL));
        seat.organization().requireSeatBasedPricing();
        return seat;
    }

    /**
     * Claims the seat an invitation token names and opens a portal session for its holder: a member session when the
     * seat has (or now gets) a member, a customer session otherwise. The seat row is locked before it is read, so of
     * any number of concurrent claims with one token exactly one finds it pending; the others get
     * {@link InvalidInvitationToken}, as do unknown, expired and revoked tokens. Raises {@link FeatureNotEnabled}.
     */
    public ClaimedSeat claim(String token) {
        String hash = hasher.hash(token);
        CustomerSeat seat = locks.lockSeatByTokenHash(hash)
                .filter(s -> s.hasInvitation(hash) && s.canBeClaimedAt(Timestamps.now()))
                .orElseThrow(InvalidInvitationToken::new);
        Organization organization = seat.organization();
        organization.requireSeatBasedPricing();
        if (seat.customer() == null) {
            throw new InvalidInvitationToken();
        }
        Customer billing = seat.container().customer();
        Member holder = seat.member();
        Customer sessionCustomer = organization.memberModelEnabled() ? billing : seat.customer();
        if (holder == null) {
            String email = organization.memberModelEnabled()
                    ? seat.email()
                    : seat.customer().email();
            if (email == null && organization.memberModelEnabled()) {
                throw new InvalidInvitationToken();
            }
            // Both models record the holder as a member of the billing customer, as Polar does.
            holder = email == null ? null : members.add(billing, email, null, null, MemberRole.MEMBER);
        }
        seat.claim(holder);
        events.claimed(seat);
        history.claimed(seat);
        var session =
                holder != null ? sessions.openForMember(holder, null) : sessions.openForCustomer(sessionCustomer, null);
        return new ClaimedSeat(seat, session.token());
    }
}
