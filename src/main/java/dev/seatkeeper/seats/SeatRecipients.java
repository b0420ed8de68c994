package dev.seatkeeper.seats;

import dev.seatkeeper.customers.Customer;
import dev.seatkeeper.customers.CustomerNotFound;
import dev.seatkeeper.customers.CustomerService;
import dev.seatkeeper.customers.EmailAddress;
import dev.seatkeeper.customers.Member;
import dev.seatkeeper.customers.MemberAdditionService;
import dev.seatkeeper.customers.MemberEmailMismatch;
import dev.seatkeeper.customers.MemberListService;
import dev.seatkeeper.customers.MemberNotFound;
import dev.seatkeeper.customers.MemberRole;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.purchases.SeatContainer;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Who gets the seat an assignment asks for, by Polar's SeatAssign rules (contract, "Assign"), in either model:
 * the customer the seat is recorded on, the member who holds it, and the address invited. Creates the member (and in
 * the legacy model the customer) when the body names a new one. A plain CDI bean: it runs in the assignment's
 * transaction, under the container's lock.
 */
@ApplicationScoped
class SeatRecipients {
    @EJB
    CustomerService customers;

    @EJB
    MemberAdditionService members;

    @EJB
    MemberListService memberLists;

    @Inject
    SeatCounter counter;

    /** The customer the seat is recorded on, the member holding it (may be {@code null}), and the address invited. */
    record Recipient(Customer customer, Member member, String email) {}

    /**
     * Member model: the seat belongs to the billing customer and is held by one of its members, named by id, by
     * external id (created with the e-mail when new) or by e-mail. Raises {@link InvalidSeatAssignmentRequest},
     * {@link MemberNotFound}, {@link MemberEmailMismatch}, {@link SeatAlreadyAssigned}, and on portal routes
     * {@link ResourceNotFound} for a customer the caller may not name.
     */
    Recipient member(SeatScope scope, SeatContainer container, SeatAssignment request) {
        Customer billing = container.customer();
        String email = request.email().orElse(null);
        if (request.customerId().isPresent() || request.externalCustomerId().isPresent()) {
            // Polar answers an unknown customer 400 on the organization route; the portal answers 404, the same for
            // an unknown customer and another customer's, so that a portal caller cannot try ids one by one.
            Customer named = namedCustomer(scope, request)
                    .orElseThrow(() -> scope.customerId().isPresent()
                            ? portalCustomerNotFound()
                            : new InvalidSeatAssignmentRequest(
                                    "Customer not found for the provided customer_id or external_customer_id."));
            email = email != null ? email : named.email();
        }
        Member member;
        if (request.memberId().isPresent()) {
            member = memberLists
                    .find(billing, request.memberId().get())
                    .orElseThrow(
                            () -> new MemberNotFound(request.memberId().get().toString()));
        } else if (request.externalMemberId().isPresent()) {
            member = byExternalId(billing, request.externalMemberId().get(), email);
        } else if (email != null) {
            member = members.add(billing, email, null, null, MemberRole.MEMBER);
        } else {
            throw new InvalidSeatAssignmentRequest("At least one of email, external_member_id, or member_id must be"
                    + " provided when member_model_enabled is true.");
        }
        if (counter.countTakenByEmail(container, member.email()) > 0) {
            throw new SeatAlreadyAssigned(member.email());
        }
        return new Recipient(billing, member, member.email());
    }

    /** The member with this external id, or a new one with {@code email} (which must then be given). */
    private Member byExternalId(Customer billing, String externalId, String email) {
        Optional<Member> known = memberLists.findByExternalId(billing, externalId);
        if (known.isPresent()) {
            if (email != null && !EmailAddress.of(known.get().email()).matches(email)) {
                throw new MemberEmailMismatch("Member with external_member_id '" + externalId
                        + "' exists but has a different email than '" + email + "'");
            }
            return known.get();
        }
        if (email == null) {
            throw new MemberNotFound(externalId);
        }
        Member member = members.add(billing, email, null, externalId, MemberRole.MEMBER);
        if (member.externalId() == null) {
            members.linkExternalId(member, externalId);
        } else if (!member.externalId().equals(externalId)) {
            throw new MemberEmailMismatch(
                    "Member with email '" + email + "' already has external_member_id '" + member.externalId() + "'");
        }
        return member;
    }

    /**
     * Legacy model: the seat is recorded on the holder's own customer, found by id, external id or e-mail, or created
     * from the e-mail. On portal routes a customer named by id can only be the caller's own ({@link #namedCustomer}).
     * Raises {@link InvalidSeatAssignmentRequest}, {@link CustomerNotFound}, {@link SeatAlreadyAssigned}, and on portal
     * routes {@link ResourceNotFound}.
     */
    Recipient legacy(SeatScope scope, SeatContainer container, SeatAssignment request) {
        UUID org = container.organizationId();
        String identifier = request.email()
                .or(request::externalCustomerId)
                .or(() -> request.customerId().map(UUID::toString))
                .orElseThrow(() -> new InvalidSeatAssignmentRequest(
                        "Exactly one of email, external_customer_id, or customer_id must be provided"));
        Optional<Customer> named = namedCustomer(scope, request);
        boolean namesCustomer =
                request.customerId().isPresent() || request.externalCustomerId().isPresent();
        if (named.isEmpty() && namesCustomer && scope.customerId().isPresent()) {
            throw portalCustomerNotFound();
        }
        Optional<Customer> existing =
                named.or(() -> request.email().flatMap(email -> customers.findByEmail(org, email)));
        // Several assignments of one new person at once (to other containers) all get the one customer.
        Customer holder = existing.orElseGet(() -> customers.findOrCreateByEmail(
                org, request.email().orElseThrow(() -> new CustomerNotFound(identifier))));
        if (counter.countTakenByCustomer(container, holder) > 0) {
            throw new SeatAlreadyAssigned(identifier);
        }
        // The member gets the holder's name only on organization routes: on the portal it would show the caller
        // the name of another customer found by e-mail (Polar copies no name at all).
        String name = scope.actsFor(holder) ? holder.name() : null;
        Member member = holder.email() == null
                ? null
                : members.add(container.customer(), holder.email(), name, null, MemberRole.MEMBER);
        return new Recipient(holder, member, holder.email());
    }

    /**
     * The customer a body names by {@code customer_id} or {@code external_customer_id}, among those the caller may
     * name: any of the organization's on organization routes, only the caller's own on portal routes (contract,
     * "Security boundaries": another customer of the organization is answered exactly like an unknown one).
     */
    private Optional<Customer> namedCustomer(SeatScope scope, SeatAssignment request) {
        return customers
                .findByReference(scope.organizationId(), request.customerId(), request.externalCustomerId())
                .filter(customer ->
                        scope.customerId().map(customer.id()::equals).orElse(true));
    }

    /** On portal routes: the answer for a customer the caller may not name, the same whether it exists or not. */
    private static ResourceNotFound portalCustomerNotFound() {
        return new ResourceNotFound("Customer not found");
    }
}
