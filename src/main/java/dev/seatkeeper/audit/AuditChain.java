package dev.seatkeeper.audit;

import dev.seatkeeper.platform.GroupCommit;
import dev.seatkeeper.platform.RowLock;
import dev.seatkeeper.platform.UniqueInsert;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Links an organization's written entries into its hash chain (contract, "Beyond Polar: audit trail"): each unlinked
 * entry, in the order entries were written (their {@code at}, strictly increasing within a server ({@link WriteClock});
 * the database's {@code written} identity between equal times of two servers), gets the next {@code seq} and
 * {@code hash} = SHA-256(previous hash + canonical JSON of the entry without its hash) ({@link EntryJson}).
 *
 * <p>Why after the write and not in it: a chain link made in the change's transaction needs the organization's last
 * hash, so every change of one organization would wait for the one before it to commit (on PostgreSQL, a WAL flush
 * each). Here changes write their entries side by side, and linking takes the chain head's row lock alone: two
 * instances, or a read and the scheduler, link one after the other, and an entry is linked exactly once. Every read of
 * entries links first ({@link AuditLog}), so no answer shows an unlinked entry; the scheduler links the rest
 * ({@link ChainLinking}).
 */
@Stateless
public class AuditChain {
    /** Entries linked per transaction. */
    static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    UniqueInsert uniqueInsert;

    @Inject
    GroupCommit groupCommit;

    /**
     * Links every entry of the organization written and committed before this call, one transaction per
     * {@value #BATCH}, and returns once the links are durable.
     *
     * @return how many entries it linked
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long linkAll(UUID organizationId) {
        // Each batch through the container, so that it runs in a transaction of its own.
        AuditChain self = context.getBusinessObject(AuditChain.class);
        long linked = 0;
        int batch;
        do {
            batch = self.linkBatch(organizationId);
            linked += batch;
        } while (batch == BATCH);
        if (linked > 0) {
            groupCommit.awaitDurable();
        }
        return linked;
    }

    /**
     * Links up to {@value #BATCH} unlinked entries of the organization, in a transaction of its own, under the chain
     * head's row lock (made on the organization's first link).
     *
     * @return how many it linked
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int linkBatch(UUID organizationId) {
        Object[] head = uniqueInsert
                .findOrInsert(
                        em,
                        () -> lockedHead(organizationId),
                        () -> new UniqueInsert.NewRow(
                                "seat_history_chains",
                                List.of("id"),
                                Map.of("id", organizationId, "last_seq", 0L, "last_hash", EntryJson.GENESIS)))
                .entity();
        List<AuditEntry> unlinked = em.createQuery(
                        "select e from AuditEntry e where e.organizationId = :org and e.seq is null"
                                + " order by e.at, e.written",
                        AuditEntry.class)
                .setParameter("org", organizationId)
                .setMaxResults(BATCH)
                .getResultList();
        if (unlinked.isEmpty()) {
            return 0;
        }
        long seq = ((Number) head[0]).longValue();
        String hash = (String) head[1];
        for (AuditEntry entry : unlinked) {
            seq++;
            entry.link(seq, null);
            hash = EntryJson.hash(hash, entry);
            entry.link(seq, hash);
        }
        em.createNativeQuery("UPDATE seat_history_chains SET last_seq = ?1, last_hash = ?2 WHERE id = ?3")
                .setParameter(1, seq)
                .setParameter(2, hash)
                .setParameter(3, organizationId)
                .executeUpdate();
        return unlinked.size();
    }

    /**
     * Organizations that have unlinked entries, at most {@code limit}: one probe of the chain's index per
     * organization.
     */
    public List<UUID> unlinkedOrganizations(int limit) {
        List<?> ids = em.createNativeQuery("SELECT o.id FROM organizations o WHERE EXISTS (SELECT 1 FROM seat_history h"
                        + " WHERE h.organization_id = o.id AND h.seq IS NULL)")
                .setMaxResults(limit)
                .getResultList();
        return ids.stream().map(RowLock::toUuid).toList();
    }

    /** The chain head's {@code [last_seq, last_hash]}, locked until the transaction ends, or empty before the first link. */
    Optional<Object[]> lockedHead(UUID organizationId) {
        List<?> rows = em.createNativeQuery(
                        "SELECT last_seq, last_hash FROM seat_history_chains WHERE id = ?1 FOR UPDATE")
                .setParameter(1, organizationId)
                .getResultList();
        return rows.stream().findFirst().map(row -> (Object[]) row);
    }
}
