package dev.seatkeeper.portal;

import dev.seatkeeper.audit.Actor;
import dev.seatkeeper.audit.AuditEntry;
import dev.seatkeeper.customers.Member;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.seats.SeatHistoryService;
import dev.seatkeeper.seats.SeatScope;
import dev.seatkeeper.security.Principal;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A seat's history as its customer's billing roles read it in the portal (Beyond Polar; contract, "Beyond Polar:
 * audit trail"): the seat's entries, oldest first, each actor as a label ({@link ActorLabels}). Reads only, outside a
 * transaction, as {@link SeatHistoryService} does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PortalSeatHistoryService {
    @PersistenceContext
    EntityManager em;

    @EJB
    SeatHistoryService histories;

    /**
     * The history of one of the caller's customer's seats.
     *
     * @param user a billing role (the caller has checked it)
     * @return the entries, oldest first
     * @throws ResourceNotFound "Seat not found" for an unknown seat and for another customer's seat alike
     */
    public List<PortalSeatHistoryItem> history(Principal.PortalUser user, UUID seatId) {
        List<AuditEntry> entries =
                histories.history(SeatScope.customer(user.organizationId(), user.customerId()), seatId);
        Map<String, String> team = teamEmails(user.customerId(), entries);
        return entries.stream()
                .map(entry -> PortalSeatHistoryItem.of(entry, ActorLabels.label(entry, user, team)))
                .toList();
    }

    /** The e-mails of the members of the customer that acted on the seat, by member id: one query, none when none. */
    private Map<String, String> teamEmails(UUID customerId, List<AuditEntry> entries) {
        Set<UUID> ids = new HashSet<>();
        for (AuditEntry entry : entries) {
            if (Actor.MEMBER_SESSION.equals(entry.actorType()) && entry.actorSubject() != null) {
                try {
                    ids.add(UUID.fromString(entry.actorSubject()));
                } catch (IllegalArgumentException notAnId) {
                    // Written by the trail from a member's id; anything else is labelled without an e-mail.
                }
            }
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select m from Member m where m.customer.id = :customer and m.id in :ids", Member.class)
                .setParameter("customer", customerId)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(m -> m.id().toString().toLowerCase(Locale.ROOT), Member::email));
    }
}
