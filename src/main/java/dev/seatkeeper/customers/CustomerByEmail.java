package dev.seatkeeper.customers;

import dev.seatkeeper.platform.UniqueInsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/**
 * The organization's customer for an e-mail address (any case), found or created as an individual customer, such that
 * any number of requests doing it at once for the same new address all succeed with one customer (issue 24; Polar
 * #13686, where the losers of this race use the customer the winner made). The legacy model records a seat on its
 * holder's own customer (contract, "Assign"), so assignments of one new person to several containers at once race
 * here. A plain CDI bean: it runs in the caller's transaction, and a customer it creates is stored only if that
 * transaction commits.
 */
@ApplicationScoped
public class CustomerByEmail {
    /** Enough for a customer deleted between the insert that yielded to it and the look-up after it, twice. */
    private static final int ATTEMPTS = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    UniqueInsert uniqueInsert;

    /**
     * A managed customer and whether this call created it.
     *
     * @param customer the organization's customer with the address
     * @param created true if this transaction inserted it
     */
    public record Found(Customer customer, boolean created) {}

    /**
     * Finds the organization's customer with this address, or inserts a new {@code individual} customer with it (no
     * name, no external id, empty metadata) through {@link UniqueInsert}: a concurrent transaction inserting the same
     * address is waited for and, if it commits, its customer is returned instead. No row lock is taken.
     *
     * @param organizationId the organization
     * @param email the address as given
     * @return the customer, and whether it is new
     * @throws jakarta.persistence.PersistenceException when the database fails otherwise (a lock timeout: 503)
     */
    public Found findOrCreate(UUID organizationId, String email) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Customer> known = find(organizationId, email);
            if (known.isPresent()) {
                return new Found(known.get(), false);
            }
            var candidate = new Customer(organizationId, "individual", email, null, null, JsonValue.EMPTY_JSON_OBJECT);
            boolean inserted = uniqueInsert.insert(em, Customer.TABLE, Customer.EMAIL_KEY, candidate.row());
            Optional<Customer> stored = find(organizationId, email);
            if (stored.isPresent()) {
                return new Found(stored.get(), inserted);
            }
            if (inserted) {
                throw new IllegalStateException("An inserted customer is not visible to its own transaction");
            }
        }
        throw new IllegalStateException("The customer for an address kept disappearing after " + ATTEMPTS + " tries");
    }

    private Optional<Customer> find(UUID organizationId, String email) {
        return em.createNamedQuery("Customer.byEmail", Customer.class)
                .setParameter("org", organizationId)
                .setParameter("emailKey", EmailAddress.keyOf(email))
                .getResultStream()
                .findFirst();
    }
}
