package dev.seatkeeper.customers;

import dev.seatkeeper.events.EventRecorder;
import dev.seatkeeper.platform.Page;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.RowLock;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class MemberService {
    /** Polar's member webhook events (contract, "Events (webhooks)"), carrying the Member. */
    static final String CREATED = "member.created";

    static final String UPDATED = "member.updated";

    @PersistenceContext
    EntityManager em;

    @Inject
    EventRecorder events;

    /**
     * The customer's member with this e-mail (any case), or a new one with the given role. Creation locks the
     * customer's row and looks again, so that two requests adding the same person at once find one member. A new
     * member is announced with {@code member.created} in the same transaction.
     */
    public Member add(Customer customer, String email, String name, String externalId, MemberRole role) {
        return findByEmail(customer, email).orElseGet(() -> {
            RowLock.lockById(em, "customers", customer.id());
            return findByEmail(customer, email).orElseGet(() -> {
                var member = new Member(customer, email.strip(), name, externalId, role);
                em.persist(member);
                events.record(member.organizationId(), CREATED, MemberResponse.of(member));
                return member;
            });
        });
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
