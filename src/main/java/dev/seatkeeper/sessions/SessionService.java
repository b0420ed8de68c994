package dev.seatkeeper.sessions;

import dev.seatkeeper.customers.Customer;
import dev.seatkeeper.customers.CustomerService;
import dev.seatkeeper.customers.Member;
import dev.seatkeeper.customers.MemberAdditionService;
import dev.seatkeeper.customers.MemberListService;
import dev.seatkeeper.customers.MemberRemoved;
import dev.seatkeeper.customers.MemberRole;
import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.Settings;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.platform.ValidationIssue;
import dev.seatkeeper.security.Principal;
import dev.seatkeeper.security.TokenFormat;
import dev.seatkeeper.security.TokenHasher;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Opens portal sessions. The clear token exists only in the answer; the database keeps its hash. */
@Stateless
public class SessionService {
    @PersistenceContext
    EntityManager em;

    @Inject
    TokenHasher hasher;

    @Inject
    Settings settings;

    @EJB
    CustomerService customers;

    @EJB
    MemberAdditionService members;

    @EJB
    MemberListService memberLists;

    @EJB
    OrganizationService organizations;

    public record NewSession(
            Optional<UUID> customerId,
            Optional<String> externalCustomerId,
            Optional<UUID> memberId,
            Optional<String> externalMemberId,
            String returnUrl) {}

    /** An opened session: who it is for, its expiry, and the token to hand to the browser. */
    public record OpenedSession(
            UUID id,
            String token,
            Customer customer,
            Member member,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            String returnUrl) {}

    /**
     * Opens the session the merchant asks for. In a member-model organization this is a member session, for the
     * member named or for the customer's owner (created if missing); otherwise a customer session.
     */
    public OpenedSession open(UUID organizationId, NewSession request) {
        Customer customer = customers
                .findByReference(organizationId, request.customerId(), request.externalCustomerId())
                .orElseThrow(() -> new RequestValidationException(
                        CustomerService.doesNotExist(request.customerId(), request.externalCustomerId())));
        if (!organizations.get(organizationId).memberModelEnabled()) {
            return openForCustomer(customer, request.returnUrl());
        }
        Member member;
        if (request.memberId().isPresent()) {
            member = memberLists
                    .find(customer, request.memberId().get())
                    .orElseThrow(() ->
                            memberMissing("member_id", request.memberId().get().toString()));
        } else if (request.externalMemberId().isPresent()) {
            member = memberLists
                    .findByExternalId(customer, request.externalMemberId().get())
                    .orElseThrow(() -> memberMissing(
                            "external_member_id", request.externalMemberId().get()));
        } else if ("team".equals(customer.type())) {
            throw new RequestValidationException(new ValidationIssue(
                    "value_error", List.of("body", "member_id"), "member_id is required for team customers.", null));
        } else {
            member = memberLists
                    .owner(customer)
                    .orElseGet(() -> members.add(customer, customer.email(), customer.name(), null, MemberRole.OWNER));
        }
        return openForMember(member, request.returnUrl());
    }

    private static RequestValidationException memberMissing(String field, String input) {
        return new RequestValidationException(new ValidationIssue(
                "value_error", List.of("body", field), "Member does not exist for this customer.", input));
    }

    public OpenedSession openForCustomer(Customer customer, String returnUrl) {
        String token = TokenFormat.generate(TokenFormat.CUSTOMER_SESSION);
        var session = new CustomerSession(customer, hasher.hash(token), expiry(), returnUrl);
        em.persist(session);
        return new OpenedSession(
                session.id(), token, customer, null, session.createdAt(), session.expiresAt(), returnUrl);
    }

    public OpenedSession openForMember(Member member, String returnUrl) {
        String token = TokenFormat.generate(TokenFormat.MEMBER_SESSION);
        var session = new MemberSession(member, hasher.hash(token), expiry(), returnUrl);
        em.persist(session);
        return new OpenedSession(
                session.id(), token, member.customer(), member, session.createdAt(), session.expiresAt(), returnUrl);
    }

    private OffsetDateTime expiry() {
        return Timestamps.now().plus(settings.sessionTtl());
    }

    /** Ends every session of a member at once: their tokens stop working on the next request. */
    public int endMemberSessions(Member member) {
        return em.createNamedQuery("MemberSession.deleteByMember")
                .setParameter("memberId", member.id())
                .executeUpdate();
    }

    /**
     * A deleted member's sessions end in the deleting transaction, whatever its role (contract, "Members"). Observes
     * {@link MemberRemoved}.
     */
    public void endSessionsOfRemoved(@Observes MemberRemoved removed) {
        endMemberSessions(removed.member());
    }

    /** The session a portal user is calling with. */
    public Optional<PortalSession> find(Principal.PortalUser user) {
        Class<? extends PortalSession> kind =
                user instanceof Principal.MemberSessionUser ? MemberSession.class : CustomerSession.class;
        return Optional.ofNullable(em.find(kind, user.sessionId()));
    }

    /**
     * Deletes the customer and member sessions that expired before {@code now} (UTC); returns how many. They can no
     * longer authenticate anything (an expired session is already refused), so keeping them only grows the tables.
     */
    public int deleteExpired(OffsetDateTime now) {
        return em.createQuery("delete from CustomerSession s where s.expiresAt < :now")
                        .setParameter("now", now)
                        .executeUpdate()
                + em.createQuery("delete from MemberSession s where s.expiresAt < :now")
                        .setParameter("now", now)
                        .executeUpdate();
    }
}
