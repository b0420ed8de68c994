package dev.seatkeeper.customers;

import dev.seatkeeper.events.EventRecorder;
import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.NotPermitted;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.RowLock;
import dev.seatkeeper.platform.UniqueInsert;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/**
 * Adding members (contract, "Members (Polar's member API)"; Polar's {@code member/service.py}): Polar's create, the
 * find-or-add that assignments, claims and sessions use, and linking a found member to the merchant's external id.
 * Each new member is announced with {@code member.created} in the same transaction.
 */
@Stateless
public class MemberAdditionService {
    @PersistenceContext
    EntityManager em;

    @EJB
    EventRecorder events;

    @EJB
    OrganizationService organizations;

    @EJB
    MemberListService lists;

    @Inject
    UniqueInsert uniqueInsert;

    /**
     * Creates a member under a customer of the organization (Polar's create, by customer id or external id). An
     * existing member with the same e-mail (any case) is returned as it is, as Polar does, so that a retried create
     * is harmless.
     *
     * @return the new or existing member; raises {@link ResourceNotFound} "Customer not found", {@link NotPermitted}
     *     when the organization has neither the member model nor seat-based pricing (Polar's rule)
     */
    public Member create(UUID organizationId, CustomerRef ref, NewMember request) {
        var customer = lists.customer(organizationId, ref);
        var organization = organizations.get(organizationId);
        if (!organization.memberModelEnabled() && !organization.seatBasedPricingEnabled()) {
            throw new NotPermitted("Member management is not enabled for this organization");
        }
        return add(customer, request.email(), request.name(), request.externalId(), request.role());
    }

    /**
     * The customer's member with this e-mail (any case), or a new one with the given role, announced with
     * {@code member.created} in the same transaction. Requests adding the same person at once all get the one member
     * ({@link UniqueInsert}: the members' unique key decides, not a lock). A plain {@code member} is added without
     * locking the customer's row, so that claims and assignments of one customer's invitees do not queue behind each
     * other (contract, "Performance shape"): nothing about a new plain member depends on the customer's other members,
     * and an e-mail change racing it still meets the unique key. An {@code owner} or {@code billing_manager} is added
     * under the customer's row lock, as every other change that involves roles is.
     *
     * @param customer a managed customer
     * @param email the address (stripped here)
     * @param name the new member's name, or {@code null}
     * @param externalId the new member's external id, or {@code null}
     * @param role the new member's role; an existing member keeps its own
     * @return the member
     */
    public Member add(Customer customer, String email, String name, String externalId, MemberRole role) {
        if (role.managesBilling()) {
            Optional<Member> known = lists.findByEmail(customer, email);
            if (known.isPresent()) {
                return known.get();
            }
            RowLock.lockById(em, "customers", customer.id());
        }
        var found = uniqueInsert.findOrInsert(
                em,
                () -> lists.findByEmail(customer, email),
                () -> new Member(customer, email.strip(), name, externalId, role).row());
        if (found.created()) {
            events.record(found.entity().organizationId(), MemberEvents.CREATED, MemberResponse.of(found.entity()));
        }
        return found.entity();
    }

    /** Links a member found by e-mail to the merchant's own id for it, announced with {@code member.updated}. */
    public void linkExternalId(Member member, String externalId) {
        member.assignExternalId(externalId);
        events.record(member.organizationId(), MemberEvents.UPDATED, MemberResponse.of(member));
    }
}
