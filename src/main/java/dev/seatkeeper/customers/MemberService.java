package dev.seatkeeper.customers;

import dev.seatkeeper.events.EventRecorder;
import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.NotPermitted;
import dev.seatkeeper.platform.Page;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.RowLock;
import dev.seatkeeper.platform.UniqueInsert;
import dev.seatkeeper.platform.ValidationIssue;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The members of customers (contract, "Members (Polar's member API)"; Polar's {@code member/service.py}): find or add,
 * update, delete with its cascade, and list. Every change is announced with Polar's member event in the same
 * transaction. Changes that depend on the customer's other members (the last-owner rule, unique e-mail addresses,
 * ownership transfer) lock the customer's row first, so that concurrent requests are decided one after the other;
 * adding a plain member does not ({@link #add}).
 */
@Stateless
public class MemberService {
    /** Polar's member webhook events (contract, "Events (webhooks)"), carrying the Member. */
    static final String CREATED = "member.created";

    static final String UPDATED = "member.updated";

    static final String DELETED = "member.deleted";

    @PersistenceContext
    EntityManager em;

    @EJB
    EventRecorder events;

    @EJB
    OrganizationService organizations;

    @Inject
    UniqueInsert uniqueInsert;

    @Inject
    Event<MemberRemoved> removed;

    @Inject
    Event<MemberEmailChanged> emailChanged;

    /**
     * Names a customer of the calling organization on a member route: by id, or by the merchant's external id.
     *
     * @param id the customer's id, when the path names it so
     * @param externalId the customer's external id, when the path names it so
     */
    public record CustomerRef(Optional<UUID> id, Optional<String> externalId) {
        public static CustomerRef byId(UUID id) {
            return new CustomerRef(Optional.of(id), Optional.empty());
        }

        public static CustomerRef byExternalId(String externalId) {
            return new CustomerRef(Optional.empty(), Optional.of(externalId));
        }
    }

    /**
     * Names a member of a customer: by id, or by the merchant's external id for it.
     *
     * @param id the member's id
     * @param externalId the member's external id
     */
    public record MemberRef(Optional<UUID> id, Optional<String> externalId) {
        public static MemberRef byId(UUID id) {
            return new MemberRef(Optional.of(id), Optional.empty());
        }

        public static MemberRef byExternalId(String externalId) {
            return new MemberRef(Optional.empty(), Optional.of(externalId));
        }
    }

    /**
     * The organization's customer a member route names.
     *
     * @return the customer; raises {@link ResourceNotFound} "Customer not found" for an unknown id or one of another
     *     organization (indistinguishable, contract "Security boundaries")
     */
    public Customer customer(UUID organizationId, CustomerRef ref) {
        Optional<Customer> found = ref.id().isPresent()
                ? Optional.ofNullable(em.find(Customer.class, ref.id().get()))
                        .filter(c -> c.organizationId().equals(organizationId))
                : ref.externalId()
                        .flatMap(ext -> em.createNamedQuery("Customer.byExternalId", Customer.class)
                                .setParameter("org", organizationId)
                                .setParameter("externalId", ext)
                                .getResultStream()
                                .findFirst());
        return found.orElseThrow(() -> new ResourceNotFound("Customer not found"));
    }

    /**
     * The member a member route names, under the customer it names.
     *
     * @return the member; raises {@link ResourceNotFound} "Member not found" when either the customer or the member
     *     is unknown to the calling organization, as Polar answers both
     */
    public Member member(UUID organizationId, CustomerRef customerRef, MemberRef memberRef) {
        Customer customer;
        try {
            customer = customer(organizationId, customerRef);
        } catch (ResourceNotFound e) {
            throw memberNotFound();
        }
        return find(customer, memberRef).orElseThrow(MemberService::memberNotFound);
    }

    private Optional<Member> find(Customer customer, MemberRef ref) {
        return ref.id().isPresent()
                ? find(customer, ref.id().get())
                : ref.externalId().flatMap(ext -> findByExternalId(customer, ext));
    }

    private static ResourceNotFound memberNotFound() {
        return new ResourceNotFound("Member not found");
    }

    /**
     * Creates a member under a customer of the organization (Polar's create, by customer id or external id). An
     * existing member with the same e-mail (any case) is returned as it is, as Polar does, so that a retried create
     * is harmless.
     *
     * @return the new or existing member; raises {@link ResourceNotFound} "Customer not found", {@link NotPermitted}
     *     when the organization has neither the member model nor seat-based pricing (Polar's rule)
     */
    public Member create(UUID organizationId, CustomerRef ref, NewMember request) {
        var customer = customer(organizationId, ref);
        var organization = organizations.get(organizationId);
        if (!organization.memberModelEnabled() && !organization.seatBasedPricingEnabled()) {
            throw new NotPermitted("Member management is not enabled for this organization");
        }
        return add(customer, request.email(), request.name(), request.externalId(), request.role());
    }

    /**
     * Applies an update on the organization API, where promoting a member to {@code owner} transfers ownership: the
     * current owner becomes a {@code billing_manager} (Polar's {@code allow_ownership_transfer=True}).
     *
     * @return the updated member; raises {@link ResourceNotFound} "Member not found", {@link CannotRemoveLastOwner},
     *     a 422 on {@code ["body","email"]} for an address another member of the customer has
     */
    public Member update(UUID organizationId, CustomerRef customerRef, MemberRef memberRef, MemberChanges changes) {
        Member member = member(organizationId, customerRef, memberRef);
        return update(member, changes, true);
    }

    /**
     * Updates a member. Role changes and e-mail changes lock the customer's row first. Demoting the only owner is
     * refused; promoting a member to owner demotes the current owner(s) to {@code billing_manager} when
     * {@code mayTransferOwnership}, and is a 422 on {@code ["body","role"]} otherwise. A new e-mail is refused when
     * another member of the customer has it (any case), and follows the member onto its pending and claimed seats
     * ({@link MemberEmailChanged}). {@code member.updated} is recorded for every member that changed.
     *
     * @param member a managed member
     * @param changes the fields to change
     * @param mayTransferOwnership true on the organization API and for an owner in the portal
     * @return the member
     */
    public Member update(Member member, MemberChanges changes, boolean mayTransferOwnership) {
        var role = changes.role().filter(r -> r != member.role());
        var email = changes.email().filter(e -> !e.equals(member.email()));
        if (role.isPresent() || email.isPresent()) {
            lockCustomer(member.customer());
            em.refresh(member);
        }
        boolean changed = false;
        if (role.isPresent() && role.get() != member.role()) {
            changeRole(member, role.get(), mayTransferOwnership);
            changed = true;
        }
        if (email.isPresent() && !email.get().equals(member.email())) {
            findByEmail(member.customer(), email.get())
                    .filter(other -> !other.id().equals(member.id()))
                    .ifPresent(other -> {
                        throw new RequestValidationException(new ValidationIssue(
                                "value_error",
                                List.of("body", "email"),
                                "A member with this email already exists for this customer.",
                                email.get()));
                    });
            member.changeEmail(email.get());
            emailChanged.fire(new MemberEmailChanged(member));
            changed = true;
        }
        if (changes.name().isPresent() && !changes.name().get().equals(member.name())) {
            member.rename(changes.name().get());
            changed = true;
        }
        if (changed) {
            events.record(member.organizationId(), UPDATED, MemberResponse.of(member));
        }
        return member;
    }

    private void changeRole(Member member, MemberRole role, boolean mayTransferOwnership) {
        List<Member> owners = owners(member.customer());
        if (member.role() == MemberRole.OWNER && owners.size() <= 1) {
            throw new CannotRemoveLastOwner("Cannot change role. Customer must have exactly one owner.");
        }
        if (role == MemberRole.OWNER && !owners.isEmpty()) {
            if (!mayTransferOwnership) {
                throw new RequestValidationException(new ValidationIssue(
                        "value_error", List.of("body", "role"), "Only the owner can transfer ownership.", "owner"));
            }
            // Polar keeps exactly one owner: the previous one stays on as a billing manager.
            for (Member previous : owners) {
                previous.changeRole(MemberRole.BILLING_MANAGER);
                events.record(previous.organizationId(), UPDATED, MemberResponse.of(previous));
            }
        }
        member.changeRole(role);
    }

    /**
     * Deletes a member on the organization API.
     *
     * @see #delete(Member)
     */
    public void delete(UUID organizationId, CustomerRef customerRef, MemberRef memberRef) {
        delete(member(organizationId, customerRef, memberRef));
    }

    /**
     * Deletes a member and, in the same transaction, everything hung on it: every seat it holds is revoked (each as
     * a revoke, with its {@code customer_seat.revoked} event, freeing the capacity) and its portal sessions end
     * ({@link MemberRemoved}); {@code member.deleted} is recorded with the member as it was. Raises
     * {@link CannotRemoveLastOwner} for the customer's only owner.
     *
     * @param member a managed member
     */
    public void delete(Member member) {
        if (member.role() == MemberRole.OWNER) {
            lockCustomer(member.customer());
            if (owners(member.customer()).size() <= 1) {
                throw new CannotRemoveLastOwner("Cannot delete the only owner. Transfer ownership first.");
            }
        }
        // Of concurrent deletes of one member, the first deletes it and the others find nothing left: 404, and no
        // second member.deleted. Only the member's row is locked, which no seat assignment waits on.
        if (RowLock.lockById(em, "members", member.id()).isEmpty()) {
            throw memberNotFound();
        }
        var gone = MemberResponse.of(member);
        removed.fire(new MemberRemoved(member));
        // The revoked seats and ended sessions no longer point at the member once flushed; the row can go.
        em.flush();
        em.remove(member);
        events.record(member.organizationId(), DELETED, gone);
    }

    private void lockCustomer(Customer customer) {
        RowLock.lockById(em, "customers", customer.id());
    }

    private List<Member> owners(Customer customer) {
        return em.createNamedQuery("Member.byCustomerAndRole", Member.class)
                .setParameter("customerId", customer.id())
                .setParameter("role", MemberRole.OWNER)
                .getResultList();
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
            Optional<Member> known = findByEmail(customer, email);
            if (known.isPresent()) {
                return known.get();
            }
            lockCustomer(customer);
        }
        var found = uniqueInsert.findOrInsert(
                em,
                () -> findByEmail(customer, email),
                () -> new Member(customer, email.strip(), name, externalId, role).row());
        if (found.created()) {
            events.record(found.entity().organizationId(), CREATED, MemberResponse.of(found.entity()));
        }
        return found.entity();
    }

    /** Links a member found by e-mail to the merchant's own id for it, announced with {@code member.updated}. */
    public void linkExternalId(Member member, String externalId) {
        member.assignExternalId(externalId);
        events.record(member.organizationId(), UPDATED, MemberResponse.of(member));
    }

    public Optional<Member> findByEmail(Customer customer, String email) {
        return em.createNamedQuery("Member.byCustomerAndEmail", Member.class)
                .setParameter("customerId", customer.id())
                .setParameter("emailKey", EmailAddress.keyOf(email))
                .getResultStream()
                .findFirst();
    }

    public Optional<Member> find(Customer customer, UUID memberId) {
        return Optional.ofNullable(em.find(Member.class, memberId))
                .filter(m -> m.customer().id().equals(customer.id()));
    }

    public Optional<Member> findByExternalId(Customer customer, String externalId) {
        return em.createNamedQuery("Member.byExternalId", Member.class)
                .setParameter("org", customer.organizationId())
                .setParameter("externalId", externalId)
                .getResultStream()
                .filter(m -> m.customer().id().equals(customer.id()))
                .findFirst();
    }

    public Optional<Member> owner(Customer customer) {
        return em.createNamedQuery("Member.byCustomerAndRole", Member.class)
                .setParameter("customerId", customer.id())
                .setParameter("role", MemberRole.OWNER)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * One page of a customer's members (Polar's list per customer), oldest first.
     *
     * @return the page; raises {@link ResourceNotFound} "Customer not found"
     */
    public Page<Member> list(UUID organizationId, CustomerRef ref, Optional<MemberRole> role, PageRequest page) {
        var customer = customer(organizationId, ref);
        return list(organizationId, Optional.of(customer.id()), Optional.empty(), role, page);
    }

    /** One page of the organization's members, oldest first, with the total; each filter narrows when present. */
    public Page<Member> list(
            UUID organizationId,
            Optional<UUID> customerId,
            Optional<String> externalCustomerId,
            Optional<MemberRole> role,
            PageRequest page) {
        return Page.of(
                filtered(
                        "select m from Member m join fetch m.customer",
                        organizationId,
                        customerId,
                        externalCustomerId,
                        role,
                        " order by m.createdAt, m.id",
                        Member.class),
                filtered(
                        "select count(m) from Member m",
                        organizationId,
                        customerId,
                        externalCustomerId,
                        role,
                        "",
                        Long.class),
                page);
    }

    private <T> TypedQuery<T> filtered(
            String select,
            UUID organizationId,
            Optional<UUID> customerId,
            Optional<String> externalCustomerId,
            Optional<MemberRole> role,
            String orderBy,
            Class<T> type) {
        var jpql = new StringBuilder(select).append(" where m.organizationId = :org");
        customerId.ifPresent(x -> jpql.append(" and m.customer.id = :customerId"));
        externalCustomerId.ifPresent(x -> jpql.append(" and m.customer.externalId = :externalCustomerId"));
        role.ifPresent(x -> jpql.append(" and m.role = :role"));
        var query = em.createQuery(jpql.append(orderBy).toString(), type).setParameter("org", organizationId);
        customerId.ifPresent(id -> query.setParameter("customerId", id));
        externalCustomerId.ifPresent(id -> query.setParameter("externalCustomerId", id));
        role.ifPresent(r -> query.setParameter("role", r));
        return query;
    }
}
