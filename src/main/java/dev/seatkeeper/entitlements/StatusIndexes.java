package dev.seatkeeper.entitlements;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Each seat's index in its organization's status list: handed out once, under the key ring's row lock, when the seat's
 * first entitlement is issued; read without a lock for every later one. A plain CDI bean in its caller's transaction.
 */
@ApplicationScoped
class StatusIndexes {
    @PersistenceContext
    EntityManager em;

    @Inject
    KeyRings rings;

    /** The seat's index, handed out now if it has none. */
    int indexOf(UUID organizationId, UUID seatId) {
        SeatStatusEntry known = em.find(SeatStatusEntry.class, seatId);
        if (known != null) {
            return known.statusIndex();
        }
        KeyRing ring = rings.lock(organizationId);
        // Another request for the same seat may have handed one out while this one waited for the lock.
        List<Integer> raced = em.createQuery(
                        "select e.statusIndex from SeatStatusEntry e where e.seatId = :seat", Integer.class)
                .setParameter("seat", seatId)
                .getResultList();
        if (!raced.isEmpty()) {
            return raced.get(0);
        }
        int index = ring.takeStatusIndex();
        em.persist(new SeatStatusEntry(seatId, organizationId, index));
        return index;
    }

    /** The indexes of the organization's revoked seats. */
    List<Integer> revoked(UUID organizationId) {
        return em.createQuery(
                        "select e.statusIndex from SeatStatusEntry e where e.organizationId = :org"
                                + " and e.revokedAt is not null",
                        Integer.class)
                .setParameter("org", organizationId)
                .getResultList();
    }
}
