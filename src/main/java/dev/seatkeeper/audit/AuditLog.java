package dev.seatkeeper.audit;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the audit trail (contract, "Beyond Polar: audit trail"): a seat's history, the organization's entries a page
 * at a time, and the chain's verification. Each read first links what was written before it ({@link AuditChain}), so
 * every entry it returns has its {@code seq} and {@code hash}. Reads run outside a transaction: each page is one
 * query on the chain's index.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditLog {
    @PersistenceContext
    EntityManager em;

    @EJB
    AuditChain chain;

    /**
     * The outcome of {@link #verify}.
     *
     * @param entries the organization's linked entries
     * @param firstBroken the first entry whose {@code seq} or {@code hash} breaks the chain, if any
     * @param expectedHash the hash that entry should have had (null when none is broken)
     * @param missingTail whether entries were taken off the end of the chain (its head records more)
     */
    public record Verification(
            long entries, Optional<AuditEntry> firstBroken, String expectedHash, boolean missingTail) {
        public boolean ok() {
            return firstBroken.isEmpty() && !missingTail;
        }
    }

    /** A seat's entries, oldest first. The caller has checked that the seat is the organization's. */
    public List<AuditEntry> history(UUID organizationId, UUID seatId) {
        chain.linkAll(organizationId);
        return em.createQuery(
                        "select e from AuditEntry e where e.seatId = :seat and e.organizationId = :org"
                                + " and e.seq is not null order by e.seq",
                        AuditEntry.class)
                .setParameter("seat", seatId)
                .setParameter("org", organizationId)
                .getResultList();
    }

    /**
     * Links what is pending, then returns up to {@code limit} entries of the organization, newest first, whose
     * {@code seq} is below {@code beforeSeq} (all when null) and whose {@code at} is in {@code [from, to)} (either
     * bound may be null). Entries written later get higher {@code seq}s, so paging down by {@code seq} returns every
     * entry once however many are written meanwhile.
     */
    public List<AuditEntry> newestFirst(
            UUID organizationId, Long beforeSeq, OffsetDateTime from, OffsetDateTime to, int limit) {
        chain.linkAll(organizationId);
        var query = window(organizationId, from, to, beforeSeq == null ? "" : " and e.seq < :seq", "desc");
        if (beforeSeq != null) {
            query.setParameter("seq", beforeSeq);
        }
        return query.setMaxResults(limit).getResultList();
    }

    /**
     * Up to {@code limit} linked entries of the organization after {@code afterSeq}, oldest first, within {@code [from,
     * to)}: the NDJSON export reads the whole chain this way, a page at a time. Links nothing: the export links once
     * before it starts ({@link #linkAll}).
     */
    public List<AuditEntry> oldestFirst(
            UUID organizationId, long afterSeq, OffsetDateTime from, OffsetDateTime to, int limit) {
        return window(organizationId, from, to, " and e.seq > :seq", "asc")
                .setParameter("seq", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Links every entry of the organization written so far ({@link AuditChain#linkAll}). */
    public void linkAll(UUID organizationId) {
        chain.linkAll(organizationId);
    }

    /**
     * Recomputes the organization's chain from its first entry up to the chain head as it was when the check began:
     * each entry's {@code seq} must follow the one before, and its {@code hash} must be the SHA-256 of the previous
     * hash and its own canonical JSON. The chain head's last {@code seq} catches entries taken off the end.
     *
     * @return the number of entries, and the first that breaks the chain with the hash it should have had
     */
    public Verification verify(UUID organizationId) {
        chain.linkAll(organizationId);
        // The head first: entries linked after it was read (a concurrent read or the scheduler links while this one
        // walks) are past its last seq and not checked here, so they cannot look like entries missing from the end.
        List<?> head = em.createNativeQuery("SELECT last_seq FROM seat_history_chains WHERE id = ?1")
                .setParameter(1, organizationId)
                .getResultList();
        long headSeq = head.isEmpty() ? Long.MAX_VALUE : ((Number) head.get(0)).longValue();
        long count = 0;
        long seq = 0;
        String hash = EntryJson.GENESIS;
        List<AuditEntry> page;
        walk:
        do {
            page = oldestFirst(organizationId, seq, null, null, AuditChain.BATCH);
            for (AuditEntry entry : page) {
                if (entry.seq() == seq + 1 && entry.seq() > headSeq) {
                    break walk;
                }
                count++;
                String expected = EntryJson.hash(hash, entry);
                if (entry.seq() != seq + 1 || !expected.equals(entry.hash())) {
                    return new Verification(countAll(organizationId), Optional.of(entry), expected, false);
                }
                seq = entry.seq();
                hash = entry.hash();
            }
            em.clear();
        } while (page.size() == AuditChain.BATCH);
        if (headSeq != Long.MAX_VALUE && headSeq != seq) {
            // Entries were removed from the end of the chain: nothing is left to name but where they were.
            return new Verification(count, Optional.empty(), null, true);
        }
        return new Verification(count, Optional.empty(), null, false);
    }

    private long countAll(UUID organizationId) {
        return em.createQuery(
                        "select count(e) from AuditEntry e where e.organizationId = :org and e.seq is not null",
                        Long.class)
                .setParameter("org", organizationId)
                .getSingleResult();
    }

    private TypedQuery<AuditEntry> window(
            UUID organizationId, OffsetDateTime from, OffsetDateTime to, String seqCondition, String order) {
        var query = em.createQuery(
                "select e from AuditEntry e where e.organizationId = :org and e.seq is not null" + seqCondition
                        + (from == null ? "" : " and e.at >= :from") + (to == null ? "" : " and e.at < :to")
                        + " order by e.seq " + order,
                AuditEntry.class);
        query.setParameter("org", organizationId);
        // As the entries' at is stored and mapped: UTC wall time (AuditEntry).
        if (from != null) {
            query.setParameter(
                    "from", from.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (to != null) {
            query.setParameter("to", to.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        return query;
    }
}
