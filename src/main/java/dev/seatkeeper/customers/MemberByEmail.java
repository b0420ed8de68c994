package dev.seatkeeper.customers;

import dev.seatkeeper.platform.UniqueInsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * A customer's member for an e-mail address (any case), found or created, such that any number of requests doing it
 * at once for the same new person (assignments to several containers of one customer, claims of their seats, both
 * models) all succeed with one member (issue 24). Uniqueness rests on the members' unique key (customer, e-mail)
 * through {@link UniqueInsert}, not on a lock of the customer's row, so that claims of one customer's invitees do not
 * queue behind each other (contract, "Performance shape"). A plain CDI bean: it runs in the caller's transaction, and
 * a member it creates is stored only if that transaction commits.
 */
@ApplicationScoped
public class MemberByEmail {
    /** Enough for a member deleted between the insert that yielded to it and the look-up after it, twice. */
    private static final int ATTEMPTS = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    UniqueInsert uniqueInsert;

    /**
     * A managed member and whether this call created it.
     *
     * @param member the customer's member with the address
     * @param created true if this transaction inserted it (the caller announces it with {@code member.created})
     */
    public record Found(Member member, boolean created) {}

    /**
     * Finds the customer's member with this address, or inserts one with the given name, external id and role: a
     * concurrent transaction inserting the same address for the customer is waited for and, if it commits, its member
     * is returned as it is (whatever its role), as an existing member is.
     *
     * @param customer a managed customer
     * @param email the address, stripped
     * @param name the new member's name, or {@code null}
     * @param externalId the new member's external id, or {@code null}
     * @param role the new member's role
     * @return the member, and whether it is new
     * @throws jakarta.persistence.PersistenceException when the database fails otherwise (a lock timeout: 503)
     */
    public Found findOrCreate(Customer customer, String email, String name, String externalId, MemberRole role) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Member> known = find(customer, email);
            if (known.isPresent()) {
                return new Found(known.get(), false);
            }
            var candidate = new Member(customer, email, name, externalId, role);
            boolean inserted = uniqueInsert.insert(em, Member.TABLE, Member.EMAIL_KEY, candidate.row());
            Optional<Member> stored = find(customer, email);
            if (stored.isPresent()) {
                return new Found(stored.get(), inserted);
            }
            if (inserted) {
                throw new IllegalStateException("An inserted member is not visible to its own transaction");
            }
        }
        throw new IllegalStateException("The member for an address kept disappearing after " + ATTEMPTS + " tries");
    }

    private Optional<Member> find(Customer customer, String email) {
        return em.createNamedQuery("Member.byCustomerAndEmail", Member.class)
                .setParameter("customerId", customer.id())
                .setParameter("emailKey", EmailAddress.keyOf(email))
                .getResultStream()
                .findFirst();
    }
}
