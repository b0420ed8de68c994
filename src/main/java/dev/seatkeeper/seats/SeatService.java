package dev.seatkeeper.seats;

import dev.seatkeeper.customers.Customer;
import dev.seatkeeper.customers.CustomerService;
import dev.seatkeeper.customers.Member;
import dev.seatkeeper.customers.MemberRole;
import dev.seatkeeper.customers.MemberService;
import dev.seatkeeper.events.EventRecorder;
import dev.seatkeeper.organizations.Organization;
import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.ApiException;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.RowLock;
import dev.seatkeeper.platform.Settings;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.SeatContainer;
import dev.seatkeeper.purchases.Subscription;
import dev.seatkeeper.purchases.SubscriptionRevoked;
import dev.seatkeeper.security.TokenHasher;
import dev.seatkeeper.sessions.SessionService;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Assignment, claim, resend and revocation of seats. Each operation is one transaction that locks exactly the row
 * it must serialize on (the container for assignment, the seat for claim, resend and revoke) and records its
 * webhook event in the same transaction.
 */
@Stateless
public class SeatService {
    static final String ASSIGNED = "customer_seat.assigned";
    static final String CLAIMED = "customer_seat.claimed";
    static final String REVOKED = "customer_seat.revoked";
    private static final String INVALID_TOKEN = "Invalid or expired invitation token";

    @PersistenceContext
    EntityManager em;
    @Inject
    TokenHasher hasher;
    @Inject
    Settings settings;
    @Inject
    OrganizationService organizations;
    @Inject
    CustomerService customers;
    @Inject
    MemberService members;
    @Inject
    SessionService sessions;
    @Inject
    EventRecorder events;
    @Inject
    SeatCounter counter;
    @Inject
    jakarta.enterprise.event.Event<InvitationIssued> invitations;

    /** A seat as assigned or re-sent, with the clear invitation token and link when it is pending. */
    public record InvitedSeat(CustomerSeat seat, String token, String url) {
    }

    /** A claimed seat and the portal session its holder gets. */
    public record ClaimedSeat(CustomerSeat seat, String sessionToken) {
    }

    /** A container's seats (history included) and its capacity. */
    public record SeatList(List<CustomerSeat> seats, long availableSeats, long totalSeats) {
    }

    /** Who gets a seat: the customer the seat is recorded on, the member holding it, and the address invited. */
    private record Recipient(Customer customer, Member member, String email) {
    }

    public InvitedSeat assign(SeatScope scope, SeatAssignment request) {
        if (request.checkoutId().isPresent()) {
            // Checkouts are Polar's payment flow, which Seatkeeper does not have: no checkout names a container.
            throw ApiException.notFound("No subscription or order found for this checkout");
        }
        SeatContainer container = lockContainer(scope, request.subscriptionId(), request.orderId());
        Organization organization = organizations.get(container.organizationId());
        organization.requireSeatBasedPricing();
        if (container instanceof Order order && !order.isPaid()) {
            throw seatNotAvailable("Order must be paid before assigning seats");
        }
        if (container instanceof Subscription subscription && !subscription.isActive()) {
            throw seatNotAvailable("Subscription " + subscription.id() + " is not active");
        }
        if (counter.countTaken(container) >= container.seats()) {
            throw seatNotAvailable("No available seats for " + container.id());
        }
        Recipient recipient = organization.memberModelEnabled() || request.namesMember()
                ? memberRecipient(scope, container, request) : legacyRecipient(scope, container, request);
        var seat = new CustomerSeat(container, recipient.customer(), recipient.member(), recipient.email(),
                request.metadata());
        em.persist(seat);
        if (request.immediateClaim()) {
            seat.claim(null);
            events.record(seat.organizationId(), CLAIMED, SeatResponses.CustomerSeatResponse.of(seat));
            return new InvitedSeat(seat, null, null);
        }
        var invited = invite(seat, organization);
        events.record(seat.organizationId(), ASSIGNED, SeatResponses.CustomerSeatResponse.of(seat));
        return invited;
    }

    /**
     * The customer a body names by {@code customer_id} or {@code external_customer_id}, among those the caller may
     * name: any of the organization's on organization routes, only the caller's own on portal routes (contract,
     * "Security boundaries": another customer of the organization is answered exactly like an unknown one).
     */
    private Optional<Customer> namedCustomer(SeatScope scope, SeatAssignment request) {
        return customers.findByReference(scope.organizationId(), request.customerId(), request.externalCustomerId())
                .filter(customer -> scope.customerId().map(customer.id()::equals).orElse(true));
    }

    /** On portal routes: the answer for a customer the caller may not name, the same whether it exists or not. */
    private static ApiException portalCustomerNotFound() {
        return ApiException.notFound("Customer not found");
    }

    /** Member model: the seat belongs to the billing customer and is held by one of its members. */
    private Recipient memberRecipient(SeatScope scope, SeatContainer container, SeatAssignment request) {
        Customer billing = container.customer();
        String email = request.email().orElse(null);
        if (request.customerId().isPresent() || request.externalCustomerId().isPresent()) {
            // Polar answers an unknown customer 400 on the organization route; the portal answers 404, the same for
            // an unknown customer and another customer's, so that a portal caller cannot try ids one by one.
            Customer named = namedCustomer(scope, request).orElseThrow(() -> scope.customerId().isPresent()
                    ? portalCustomerNotFound()
                    : invalidRequest("Customer not found for the provided customer_id or external_customer_id."));
            email = email != null ? email : named.email();
        }
        Member member;
        if (request.memberId().isPresent()) {
            member = members.find(billing, request.memberId().get())
                    .orElseThrow(() -> memberNotFound(request.memberId().get().toString()));
        } else if (request.externalMemberId().isPresent()) {
            String externalId = request.externalMemberId().get();
            Optional<Member> known = members.findByExternalId(billing, externalId);
            if (known.isPresent()) {
                if (email != null && !Customer.emailKey(email).equals(Customer.emailKey(known.get().email()))) {
                    throw emailMismatch("Member with external_member_id '" + externalId
                            + "' exists but has a different email than '" + email + "'");
                }
                member = known.get();
            } else if (email == null) {
                throw memberNotFound(externalId);
            } else {
                member = members.add(billing, email, null, externalId, MemberRole.MEMBER);
                if (member.externalId() == null) {
                    member.assignExternalId(externalId);
                } else if (!member.externalId().equals(externalId)) {
                    throw emailMismatch("Member with email '" + email + "' already has external_member_id '"
                            + member.externalId() + "'");
                }
            }
        } else if (email != null) {
            member = members.add(billing, email, null, null, MemberRole.MEMBER);
        } else {
            throw invalidRequest("At least one of email, external_member_id, or member_id must be provided when "
                    + "member_model_enabled is true.");
        }
        if (counter.countTakenByEmail(container, member.email()) > 0) {
            throw alreadyAssigned(member.email());
        }
        return new Recipient(billing, member, member.email());
    }

    /**
     * Legacy model: the seat is recorded on the holder's own customer, created from the e-mail if needed. On portal
     * routes a customer named by id can only be the caller's own ({@link #namedCustomer}).
     */
    private Recipient legacyRecipient(SeatScope scope, SeatContainer container, SeatAssignment request) {
        UUID org = container.organizationId();
        String identifier = request.email().or(request::externalCustomerId)
                .or(() -> request.customerId().map(UUID::toString))
                .orElseThrow(() -> invalidRequest("Exactly one of email, external_customer_id, or customer_id must be provided"));
        Optional<Customer> named = namedCustomer(scope, request);
        boolean namesCustomer = request.customerId().isPresent() || request.externalCustomerId().isPresent();
        if (named.isEmpty() && namesCustomer && scope.customerId().isPresent()) {
            throw portalCustomerNotFound();
        }
        Optional<Customer> existing = named.or(() -> request.email().flatMap(email -> customers.findByEmail(org, email)));
        Customer holder = existing.orElseGet(() -> {
            if (request.email().isEmpty()) {
                throw new ApiException(404, "CustomerNotFound", "Customer not found: " + identifier);
            }
            return customers.create(org, new CustomerService.NewCustomer("individual", request.email().get(), null,
                    null, jakarta.json.JsonValue.EMPTY_JSON_OBJECT, null));
        });
        if (counter.countTakenByCustomer(container, holder) > 0) {
            throw alreadyAssigned(identifier);
        }
        Member member = holder.email() == null ? null
                : members.add(container.customer(), holder.email(), holder.name(), null, MemberRole.MEMBER);
        return new Recipient(holder, member, holder.email());
    }

    /** Public and read-only: opening the link (as mail scanners do) changes nothing. */
    public SeatResponses.ClaimInfoResponse claimInfo(String token) {
        String hash = hasher.hash(token);
        CustomerSeat seat = em.createNamedQuery("CustomerSeat.byTokenHash", CustomerSeat.class)
                .setParameter("hash", hash).getResultStream().findFirst()
                .filter(s -> s.canBeClaimedAt(Timestamps.now()))
                .orElseThrow(() -> ApiException.notFound(INVALID_TOKEN));
        Organization organization = organizations.get(seat.organizationId());
        organization.requireSeatBasedPricing();
        var product = seat.container().product();
        String email = seat.customerEmail();
        return new SeatResponses.ClaimInfoResponse(product.name(), product.id(), organization.name(),
                organization.slug(), email == null ? "" : email, true);
    }

    /**
     * Claims the seat an invitation token names. The seat row is locked before it is read, so of any number of
     * concurrent claims with one token exactly one finds it pending; the others find the token used up.
     */
    public ClaimedSeat claim(String token) {
        String hash = hasher.hash(token);
        CustomerSeat seat = RowLock.lock(em, "customer_seats", "invitation_token_hash", hash)
                .map(this::loadSeat)
                .filter(s -> s.hasInvitation(hash) && s.canBeClaimedAt(Timestamps.now()))
                .orElseThrow(SeatService::invalidToken);
        Organization organization = organizations.get(seat.organizationId());
        organization.requireSeatBasedPricing();
        if (seat.customer() == null) {
            throw invalidToken();
        }
        Customer billing = seat.container().customer();
        Member holder = seat.member();
        Customer sessionCustomer = organization.memberModelEnabled() ? billing : seat.customer();
        if (holder == null) {
            String email = organization.memberModelEnabled() ? seat.email() : seat.customer().email();
            if (email == null && organization.memberModelEnabled()) {
                throw invalidToken();
            }
            // Both models record the holder as a member of the billing customer, as Polar does.
            holder = email == null ? null : members.add(billing, email, null, null, MemberRole.MEMBER);
        }
        seat.claim(holder);
        events.record(seat.organizationId(), CLAIMED, SeatResponses.CustomerSeatResponse.of(seat));
        var session = holder != null ? sessions.openForMember(holder, null) : sessions.openForCustomer(sessionCustomer, null);
        return new ClaimedSeat(seat, session.token());
    }

    /** Revokes a seat; revoking a revoked seat returns it unchanged and records nothing. */
    public CustomerSeat revoke(SeatScope scope, UUID seatId) {
        CustomerSeat seat = lockSeat(scope, seatId);
        if (seat.status() == SeatStatus.REVOKED) {
            return seat;
        }
        organizations.get(seat.organizationId()).requireSeatBasedPricing();
        revokeLocked(seat);
        return seat;
    }

    /** Ending a subscription revokes every seat on it, in the same transaction. */
    public void revokeAllOf(@Observes SubscriptionRevoked revoked) {
        List<UUID> ids = em.createQuery("select s.id from CustomerSeat s where s.subscription.id = :id"
                        + " and s.status in :taken", UUID.class)
                .setParameter("id", revoked.subscription().id()).setParameter("taken", SeatCounter.TAKEN)
                .getResultList();
        for (UUID id : ids) {
            RowLock.lockById(em, "customer_seats", id).map(this::loadSeat)
                    .filter(seat -> seat.status() != SeatStatus.REVOKED)
                    .ifPresent(this::revokeLocked);
        }
    }

    private void revokeLocked(CustomerSeat seat) {
        Member holder = seat.member();
        seat.revoke();
        events.record(seat.organizationId(), REVOKED, SeatResponses.CustomerSeatResponse.of(seat));
        // A plain member's portal access comes from a seat: without a claimed seat left, their sessions end now.
        // Owners and billing managers act for the customer by role, and keep theirs.
        if (holder != null && !holder.role().managesBilling() && counter.countClaimedBy(holder) == 0) {
            sessions.endMemberSessions(holder);
        }
    }

    /** A new invitation for a pending seat: a fresh token and expiry; the previous token stops working. */
    public InvitedSeat resend(SeatScope scope, UUID seatId) {
        CustomerSeat seat = lockSeat(scope, seatId);
        Organization organization = organizations.get(seat.organizationId());
        organization.requireSeatBasedPricing();
        if (seat.status() != SeatStatus.PENDING) {
            throw new ApiException(400, "SeatNotPending", "Seat is not in pending status");
        }
        return invite(seat, organization);
    }

    /**
     * A container's seats, oldest first, and its capacity. {@code query} may narrow the seats to one status and to one
     * page; capacity ({@code availableSeats}, {@code totalSeats}) always counts every seat (contract, "Security
     * boundaries": seat lists are paged). Raises 400 without a container, 404 for one outside the scope.
     */
    public SeatList list(SeatScope scope, Optional<UUID> subscriptionId, Optional<UUID> orderId, SeatListQuery query) {
        if (subscriptionId.isEmpty() && orderId.isEmpty()) {
            throw ApiException.badRequest("Either subscription_id or order_id must be provided");
        }
        SeatContainer container = findContainer(scope, subscriptionId, orderId);
        organizations.get(container.organizationId()).requireSeatBasedPricing();
        String path = container instanceof Order ? "oneTimeOrder" : "subscription";
        String status = query.status().isPresent() ? " and s.status = :status" : "";
        // Holders are fetched with the seats: in the legacy model each seat is on a customer of its own.
        var select = em.createQuery("select s from CustomerSeat s left join fetch s.member"
                        + " left join fetch s.customer where s." + path + ".id = :id" + status + " order by s.createdAt, s.id",
                        CustomerSeat.class)
                .setParameter("id", container.id());
        query.status().ifPresent(wanted -> select.setParameter("status", wanted));
        query.page().ifPresent(page -> select.setFirstResult(page.offset()).setMaxResults(page.limit()));
        long taken = counter.countTaken(container);
        return new SeatList(select.getResultList(), Math.max(0, container.seats() - taken), container.seats());
    }

    /** A page of the subscriptions on which a portal user holds a claimed seat, with their organization. */
    public record HeldSubscriptions(List<Subscription> items, long totalCount, Organization organization) {
    }

    /**
     * The subscriptions on which the caller holds a claimed seat: as a member by its member id, as a customer
     * session by the customer the seats are recorded on.
     */
    public HeldSubscriptions heldSubscriptions(UUID organizationId, UUID customerId, Optional<UUID> memberId,
                                               PageRequest page) {
        String holder = memberId.isPresent() ? "s.member.id = :holder" : "s.customer.id = :holder";
        String where = " where sub.organizationId = :org and exists (select s.id from CustomerSeat s"
                + " where s.subscription = sub and s.status = :claimed and " + holder + ")";
        UUID holderId = memberId.orElse(customerId);
        List<Subscription> items = em.createQuery("select sub from Subscription sub join fetch sub.customer"
                        + " join fetch sub.product" + where + " order by sub.createdAt desc, sub.id", Subscription.class)
                .setParameter("org", organizationId).setParameter("claimed", SeatStatus.CLAIMED)
                .setParameter("holder", holderId)
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        long total = em.createQuery("select count(sub) from Subscription sub" + where, Long.class)
                .setParameter("org", organizationId).setParameter("claimed", SeatStatus.CLAIMED)
                .setParameter("holder", holderId).getSingleResult();
        return new HeldSubscriptions(items, total, organizations.get(organizationId));
    }

    private InvitedSeat invite(CustomerSeat seat, Organization organization) {
        String token = InvitationTokens.generate();
        seat.invite(hasher.hash(token), Timestamps.now().plus(settings.invitationTtl()));
        String url = settings.publicUrl() + "/" + organization.slug() + "/portal/claim?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        if (seat.customerEmail() != null) {
            invitations.fire(new InvitationIssued(seat.customerEmail(), seat.container().product().name(),
                    organization.name(), url, seat.invitationTokenExpiresAt()));
        }
        return new InvitedSeat(seat, token, url);
    }

    /** Locks the container row (and only it) before anything about its capacity is read. */
    private SeatContainer lockContainer(SeatScope scope, Optional<UUID> subscriptionId, Optional<UUID> orderId) {
        if (subscriptionId.isPresent()) {
            RowLock.lockById(em, "subscriptions", subscriptionId.get());
        } else {
            RowLock.lockById(em, "orders", orderId.get());
        }
        return findContainer(scope, subscriptionId, orderId);
    }

    private SeatContainer findContainer(SeatScope scope, Optional<UUID> subscriptionId, Optional<UUID> orderId) {
        if (subscriptionId.isPresent()) {
            return Optional.ofNullable(em.find(Subscription.class, subscriptionId.get())).filter(scope::covers)
                    .orElseThrow(() -> ApiException.notFound("Subscription not found"));
        }
        return Optional.ofNullable(em.find(Order.class, orderId.get())).filter(scope::covers)
                .orElseThrow(() -> ApiException.notFound("Order not found"));
    }

    private CustomerSeat lockSeat(SeatScope scope, UUID seatId) {
        return RowLock.lockById(em, "customer_seats", seatId)
                .map(this::loadSeat)
                .filter(seat -> scope.covers(seat.container()))
                .orElseThrow(() -> ApiException.notFound("Seat not found"));
    }

    /** The seat of a locked row, with its container and holder (CustomerSeat.withContainer): one query. */
    private CustomerSeat loadSeat(UUID id) {
        return em.createNamedQuery("CustomerSeat.withContainer", CustomerSeat.class).setParameter("id", id)
                .getSingleResult();
    }

    private static ApiException seatNotAvailable(String detail) {
        return new ApiException(400, "SeatNotAvailable", detail);
    }

    private static ApiException invalidRequest(String detail) {
        return new ApiException(400, "InvalidSeatAssignmentRequest", detail);
    }

    private static ApiException memberNotFound(String identifier) {
        return new ApiException(404, "MemberNotFound", "Member not found: " + identifier);
    }

    private static ApiException emailMismatch(String detail) {
        return new ApiException(400, "MemberEmailMismatch", detail);
    }

    private static ApiException alreadyAssigned(String who) {
        return new ApiException(400, "SeatAlreadyAssigned", "Seat already assigned to customer " + who);
    }

    private static ApiException invalidToken() {
        return new ApiException(400, "InvalidInvitationToken", INVALID_TOKEN);
    }
}
