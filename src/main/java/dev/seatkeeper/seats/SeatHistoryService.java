package dev.seatkeeper.seats;

import dev.seatkeeper.audit.AuditEntry;
import dev.seatkeeper.audit.AuditLog;
import dev.seatkeeper.platform.ResourceNotFound;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * A seat's history (contract, "Beyond Polar: audit trail"), for a caller whose scope covers the seat: the organization
 * on {@code GET /v1/customer-seats/{id}/history}, the billing roles of its customer in the portal.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SeatHistoryService {
    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog log;

    /**
     * The seat's entries, oldest first, each linked into the organization's chain.
     *
     * @throws ResourceNotFound "Seat not found" for an unknown seat and for one outside the scope alike
     */
    public List<AuditEntry> history(SeatScope scope, UUID seatId) {
        CustomerSeat seat = em.find(CustomerSeat.class, seatId);
        if (seat == null || !scope.covers(seat.container())) {
            throw new ResourceNotFound("Seat not found");
        }
        return log.history(seat.organizationId(), seatId);
    }
}
