package dev.seatkeeper.customers;

import dev.seatkeeper.platform.Page;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read side of members (contract, "Members (Polar's member API)"): the customer and member a member route names,
 * look-ups by e-mail, id and external id, and Polar's lists. Nothing here changes or locks anything.
 */
@Stateless
public class MemberListService {
    @PersistenceContext
    EntityManager em;

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
        return find(customer, memberRef).orElseThrow(MemberListService::memberNotFound);
    }

    private Optional<Member> find(Customer customer, MemberRef ref) {
        return ref.id().isPresent()
                ? find(customer, ref.id().get())
                : ref.externalId().flatMap(ext -> findByExternalId(customer, ext));
    }

    static ResourceNotFound memberNotFound() {
        return new ResourceNotFound("Member not found");
    }

    /** The customer's member with this e-mail, in any case. */
    public Optional<Member> findByEmail(Customer customer, String email) {
        return em.createNamedQuery("Member.byCustomerAndEmail", Member.class)
                .setParameter("customerId", customer.id())
                .setParameter("emailKey", EmailAddress.keyOf(email))
                .getResultStream()
                .findFirst();
    }

    /** The customer's member with this id (another customer's is not found). */
    public Optional<Member> find(Customer customer, UUID memberId) {
        return Optional.ofNullable(em.find(Member.class, memberId))
                .filter(m -> m.customer().id().equals(customer.id()));
    }

    /** The customer's member with this external id (unique per organization). */
    public Optional<Member> findByExternalId(Customer customer, String externalId) {
        return em.createNamedQuery("Member.byExternalId", Member.class)
                .setParameter("org", customer.organizationId())
                .setParameter("externalId", externalId)
                .getResultStream()
                .filter(m -> m.customer().id().equals(customer.id()))
                .findFirst();
    }

    /** One owner of the customer, if it has any. */
    public Optional<Member> owner(Customer customer) {
        return em.createNamedQuery("Member.byCustomerAndRole", Member.class)
                .setParameter("customerId", customer.id())
                .setParameter("role", MemberRole.OWNER)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The customer's owners (Polar keeps one; a customer made before members has none). */
    public List<Member> owners(Customer customer) {
        return em.createNamedQuery("Member.byCustomerAndRole", Member.class)
                .setParameter("customerId", customer.id())
                .setParameter("role", MemberRole.OWNER)
                .getResultList();
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
