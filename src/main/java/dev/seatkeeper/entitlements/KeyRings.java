package dev.seatkeeper.entitlements;

import dev.seatkeeper.platform.RowLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds and locks an organization's {@link KeyRing}, creating it on first use. Two instances that meet an organization
 * for the first time at once both end up with the one row, and its row lock then lets one of them make the keys while
 * the other waits and finds them made. A plain CDI bean: it runs in its caller's transaction.
 */
@ApplicationScoped
class KeyRings {
    @PersistenceContext
    EntityManager em;

    private static final String RING_TABLE = "entitlement_key_rings";

    /** The ring, unlocked, if the organization has one. */
    Optional<KeyRing> find(UUID organizationId) {
        return em
                .createQuery("select r from KeyRing r where r.organizationId = :org", KeyRing.class)
                .setParameter("org", organizationId)
                .getResultList()
                .stream()
                .findFirst();
    }

    /**
     * The ring, created if missing, locked until the transaction ends and read after the lock was taken. A missing ring
     * is created under the organization's row lock, so requests meeting a new organization at once make one ring (the
     * others wait, then lock the one made). Not an insert-if-absent: on H2 its no-op update waits on, then fails over,
     * the ring row another transaction has just inserted (seen under the benchmark's load).
     */
    KeyRing lock(UUID organizationId) {
        Optional<UUID> id = RowLock.lock(em, RING_TABLE, "organization_id", organizationId);
        if (id.isEmpty()) {
            RowLock.lockById(em, "organizations", organizationId);
            id = RowLock.lock(em, RING_TABLE, "organization_id", organizationId);
            if (id.isEmpty()) {
                var ring = new KeyRing(organizationId);
                em.persist(ring);
                em.flush();
                return ring;
            }
        }
        KeyRing ring = em.find(KeyRing.class, id.orElseThrow());
        em.refresh(ring);
        return ring;
    }
}
