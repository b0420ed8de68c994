package dev.seatkeeper.customers;

import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.Page;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.UniqueInsert;
import dev.seatkeeper.platform.ValidationIssue;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class CustomerService {
    @PersistenceContext
    EntityManager em;

    @EJB
    OrganizationService organizations;

    @EJB
    MemberAdditionService members;

    @Inject
    UniqueInsert uniqueInsert;

    public record NewCustomer(
            String type, String email, String name, String externalId, JsonObject metadata, Owner owner) {}

    /** The owner member to create with the customer; by default the customer's own e-mail and name. */
    public record Owner(String email, String name, String externalId) {}

    /**
     * Creates a customer (Polar's create) and, in the member model, its owner member. Raises the 422 Polar answers for
     * an e-mail (any case) or external id another customer of the organization has, also when that customer is being
     * created by a concurrent request: the unique key decides, and the loser gets the same 422, not a retry.
     */
    public Customer create(UUID organizationId, NewCustomer request) {
        if (findByEmail(organizationId, request.email()).isPresent()) {
            throw emailTaken(request);
        }
        if (request.externalId() != null
                && findByExternalId(organizationId, request.externalId()).isPresent()) {
            throw externalIdTaken(request);
        }
        var customer = new Customer(
                organizationId,
                request.type(),
                request.email(),
                request.name(),
                request.externalId(),
                request.metadata());
        em.persist(customer);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // A concurrent create took the key after the look-ups above (the insert waited for it to commit). The
            // transaction is rolled back with the 422, so nothing of this request is stored.
            String constraint = uniqueViolation(e).orElseThrow(() -> e);
            throw constraint.contains("uq_customers_external_id") ? externalIdTaken(request) : emailTaken(request);
        }
        // In the member model every customer has exactly one owner, who can act for it in the portal.
        if (organizations.get(organizationId).memberModelEnabled()) {
            Owner owner = request.owner() != null ? request.owner() : new Owner(request.email(), request.name(), null);
            members.add(customer, owner.email(), owner.name(), owner.externalId(), MemberRole.OWNER);
        }
        return customer;
    }

    private static RequestValidationException emailTaken(NewCustomer request) {
        return new RequestValidationException(new ValidationIssue(
                "value_error",
                List.of("body", "email"),
                "A customer with this email address already exists.",
                request.email()));
    }

    private static RequestValidationException externalIdTaken(NewCustomer request) {
        return new RequestValidationException(new ValidationIssue(
                "value_error",
                List.of("body", "external_id"),
                "A customer with this external ID already exists.",
                request.externalId()));
    }

    /** The lower-cased message of a unique-key violation (SQL state 23505) in the chain, which names the constraint. */
    private static Optional<String> uniqueViolation(Throwable thrown) {
        for (Throwable c = thrown; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && UniqueInsert.UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return Optional.of(String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /**
     * The organization's customer with this e-mail (any case), or a new {@code individual} customer with it, without
     * name or metadata: the holder of a seat in the legacy model (contract, "Assign"). Any number of requests may do
     * this at once for the same new address (one person assigned to several containers at once): they all get the one
     * customer, the one the first of them inserted ({@link UniqueInsert}; Polar's fix of this race, #13686, also uses
     * the winner's customer), and no row lock is taken. The customer is stored only if the request's transaction
     * commits. A new customer in the member model also gets its owner member, as {@link #create} gives it.
     *
     * @param organizationId the organization
     * @param email the address as given
     * @return the customer
     * @throws jakarta.persistence.PersistenceException when the database fails otherwise (a lock timeout: 503)
     */
    public Customer findOrCreateByEmail(UUID organizationId, String email) {
        var found = uniqueInsert.findOrInsert(
                em,
                () -> findByEmail(organizationId, email),
                () -> new Customer(organizationId, "individual", email, null, null, JsonValue.EMPTY_JSON_OBJECT).row());
        if (found.created() && organizations.get(organizationId).memberModelEnabled()) {
            Customer customer = found.entity();
            members.add(customer, customer.email(), null, null, MemberRole.OWNER);
        }
        return found.entity();
    }

    /** The organization's customer; another organization's id is indistinguishable from a missing one. */
    public Customer get(UUID organizationId, UUID customerId) {
        return find(organizationId, customerId).orElseThrow(() -> new ResourceNotFound("Customer not found"));
    }

    public Optional<Customer> find(UUID organizationId, UUID customerId) {
        return Optional.ofNullable(em.find(Customer.class, customerId))
                .filter(c -> c.organizationId().equals(organizationId));
    }

    /** The customer a request names by id or, when it gives none, by the merchant's external id. */
    public Optional<Customer> findByReference(
            UUID organizationId, Optional<UUID> customerId, Optional<String> externalCustomerId) {
        return customerId.isPresent()
                ? find(organizationId, customerId.get())
                : externalCustomerId.flatMap(ext -> findByExternalId(organizationId, ext));
    }

    /** Polar's 422 for a customer a body names that does not exist, on the field that names it. */
    public static ValidationIssue doesNotExist(Optional<UUID> customerId, Optional<String> externalCustomerId) {
        String field = customerId.isPresent() ? "customer_id" : "external_customer_id";
        return new ValidationIssue(
                "value_error",
                List.of("body", field),
                "Customer does not exist.",
                customerId.map(Object::toString).or(() -> externalCustomerId).orElse(null));
    }

    public Optional<Customer> findByEmail(UUID organizationId, String email) {
        return em.createNamedQuery("Customer.byEmail", Customer.class)
                .setParameter("org", organizationId)
                .setParameter("emailKey", EmailAddress.keyOf(email))
                .getResultStream()
                .findFirst();
    }

    public Optional<Customer> findByExternalId(UUID organizationId, String externalId) {
        return em.createNamedQuery("Customer.byExternalId", Customer.class)
                .setParameter("org", organizationId)
                .setParameter("externalId", externalId)
                .getResultStream()
                .findFirst();
    }

    /** One page of the organization's customers, newest first, with the total; {@code email} narrows to one address. */
    public Page<Customer> list(UUID organizationId, Optional<String> email, PageRequest page) {
        return Page.of(
                filtered("select c", organizationId, email, " order by c.createdAt desc, c.id", Customer.class),
                filtered("select count(c)", organizationId, email, "", Long.class),
                page);
    }

    private <T> TypedQuery<T> filtered(
            String select, UUID organizationId, Optional<String> email, String orderBy, Class<T> type) {
        String jpql = select + " from Customer c where c.organizationId = :org"
                + (email.isPresent() ? " and c.email.key = :emailKey" : "") + orderBy;
        var query = em.createQuery(jpql, type).setParameter("org", organizationId);
        email.ifPresent(e -> query.setParameter("emailKey", EmailAddress.keyOf(e)));
        return query;
    }
}
