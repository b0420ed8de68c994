package dev.seatkeeper.reclaim;

import dev.seatkeeper.customers.MemberRole;
import dev.seatkeeper.organizations.SeatReclaimPolicy;
import dev.seatkeeper.seats.SeatStatus;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The queries that find one organization's seats whose step under its policy may be due ({@link ReclaimRule}): idle
 * claimed seats to warn, warnings no longer due, pending seats past {@code unclaimed_after_days}. Each is served by
 * the seats' (organization, status) index; exempt roles are left out here already, so that they are not locked and
 * passed over at every run.
 */
final class DueSeats {
    private static final String FROM = "select s.id from CustomerSeat s left join s.member m left join s.activity a"
            + " where s.organizationId = :org and s.status = :status";

    private DueSeats() {}

    static List<UUID> of(
            EntityManager em, UUID organizationId, SeatReclaimPolicy policy, OffsetDateTime now, int limit) {
        List<MemberRole> exempt = policy.exemptRoles().stream()
                .flatMap(r -> MemberRole.fromWire(r).stream())
                .toList();
        String notExempt = exempt.isEmpty() ? "" : " and (m.id is null or m.role not in :exempt)";
        OffsetDateTime warnFrom = now.minusDays(policy.inactiveAfterDays() - (long) policy.warnDaysBefore());
        var ids = new ArrayList<UUID>();
        ids.addAll(query(
                        em,
                        FROM + " and s.reclaimAt is null and coalesce(a.lastActiveAt, s.claimedAt) <= :from"
                                + notExempt,
                        organizationId,
                        SeatStatus.CLAIMED,
                        exempt,
                        warnFrom,
                        limit)
                .getResultList());
        String noLongerDue = exempt.isEmpty() ? "" : " or m.role in :exempt";
        ids.addAll(query(
                        em,
                        FROM + " and s.reclaimAt is not null and (coalesce(a.lastActiveAt, s.claimedAt) > :from"
                                + noLongerDue + ")",
                        organizationId,
                        SeatStatus.CLAIMED,
                        exempt,
                        warnFrom,
                        limit)
                .getResultList());
        if (policy.unclaimedAfterDays() != null) {
            ids.addAll(query(
                            em,
                            FROM + " and s.createdAt <= :from" + notExempt,
                            organizationId,
                            SeatStatus.PENDING,
                            exempt,
                            now.minusDays(policy.unclaimedAfterDays()),
                            limit)
                    .getResultList());
        }
        return ids;
    }

    private static jakarta.persistence.TypedQuery<UUID> query(
            EntityManager em,
            String jpql,
            UUID organizationId,
            SeatStatus status,
            List<MemberRole> exempt,
            OffsetDateTime from,
            int limit) {
        var query = em.createQuery(jpql, UUID.class)
                .setParameter("org", organizationId)
                .setParameter("status", status)
                .setParameter("from", from)
                .setMaxResults(limit);
        if (!exempt.isEmpty()) {
            query.setParameter("exempt", exempt);
        }
        return query;
    }
}
