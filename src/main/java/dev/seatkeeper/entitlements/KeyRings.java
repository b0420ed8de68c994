package dev.seatkeeper.entitlements;

import dev.seatkeeper.platform.Randomness;
import dev.seatkeeper.platform.RowLock;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.platform.UniqueInsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds and locks an organization's {@link KeyRing}, creating it on first use. Two instances that meet an organization
 * for the first time at once both end up with the one row ({@link UniqueInsert}), and its row lock then lets one of
 * them make the keys while the other waits and finds them made. A plain CDI bean: it runs in its caller's transaction.
 */
@ApplicationScoped
class KeyRings {
    @PersistenceContext
    EntityManager em;

    @Inject
    UniqueInsert uniqueInsert;

    /** The ring, unlocked, if the organization has one. */
    Optional<KeyRing> find(UUID organizationId) {
        return em
                .createQuery("select r from KeyRing r where r.organizationId = :org", KeyRing.class)
                .setParameter("org", organizationId)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** The ring, created if missing, locked until the transaction ends and read after the lock was taken. */
    KeyRing lock(UUID organizationId) {
        Optional<UUID> id = RowLock.lock(em, "entitlement_key_rings", "organization_id", organizationId);
        if (id.isEmpty()) {
            uniqueInsert.findOrInsert(
                    em,
                    () -> find(organizationId),
                    () -> new UniqueInsert.NewRow(
                            "entitlement_key_rings",
                            List.of("organization_id"),
                            Map.of(
                                    "id",
                                    Randomness.newId(),
                                    "created_at",
                                    Timestamps.now(),
                                    "organization_id",
                                    organizationId,
                                    "next_status_index",
                                    0)));
            id = RowLock.lock(em, "entitlement_key_rings", "organization_id", organizationId);
        }
        KeyRing ring = em.find(KeyRing.class, id.orElseThrow());
        em.refresh(ring);
        return ring;
    }
}
