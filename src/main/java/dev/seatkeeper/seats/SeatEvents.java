package dev.seatkeeper.seats;

import dev.seatkeeper.events.EventRecorder;
import dev.seatkeeper.seats.SeatResponses.CustomerSeatResponse;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * Records a seat's webhook events ({@code customer_seat.assigned}, {@code .claimed}, {@code .revoked},
 * {@code .revocation_scheduled}, {@code .revocation_canceled}) in the outbox,
 * in the transaction of the change, with the seat in Polar's CustomerSeat shape as the payload. A plain CDI bean: it
 * writes in the transaction of the service that calls it.
 */
@ApplicationScoped
class SeatEvents {
    static final String ASSIGNED = "customer_seat.assigned";
    static final String CLAIMED = "customer_seat.claimed";
    static final String REVOKED = "customer_seat.revoked";
    /** Beyond Polar, delivered only to endpoints that list it: a revocation was scheduled (the seat, with revokes_at). */
    static final String REVOCATION_SCHEDULED = "customer_seat.revocation_scheduled";
    /** Beyond Polar, likewise: a scheduled revocation was canceled. */
    static final String REVOCATION_CANCELED = "customer_seat.revocation_canceled";

    @EJB
    EventRecorder events;

    void assigned(CustomerSeat seat) {
        record(seat, ASSIGNED);
    }

    void claimed(CustomerSeat seat) {
        record(seat, CLAIMED);
    }

    void revocationScheduled(CustomerSeat seat) {
        record(seat, REVOCATION_SCHEDULED);
    }

    void revocationCanceled(CustomerSeat seat) {
        record(seat, REVOCATION_CANCELED);
    }

    /**
     * Beyond Polar (Polar #8988): the revoked seat no longer names its holder, so the payload also carries who lost it,
     * {@code previous_member_id} and {@code previous_email} (either may be {@code null}), beside the CustomerSeat's keys.
     */
    void revoked(CustomerSeat seat, UUID previousMemberId, String previousEmail) {
        var previous = new LinkedHashMap<String, Object>();
        previous.put("previous_member_id", previousMemberId == null ? null : previousMemberId.toString());
        previous.put("previous_email", previousEmail);
        events.record(seat.organizationId(), REVOKED, CustomerSeatResponse.of(seat), previous);
    }

    private void record(CustomerSeat seat, String type) {
        events.record(seat.organizationId(), type, CustomerSeatResponse.of(seat));
    }
}
